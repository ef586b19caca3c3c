import { notFound } from '../../errors/catalogue.js';
import type { ProfileFacts, StoredEvent } from '../../store/collect-port.js';
import type { Page, Store } from '../../store/port.js';
import type { IdentityKind } from '../collect/identity/identity-graph.js';
import { normaliseEmail, normalisePhone } from '../collect/identity/message-identities.js';

export interface ProfileView {
  id: string;
  workspaceId: string;
  createdAt: string;
  /** Profiles merged into this one (their events and answers are part of this view). */
  mergedProfileIds: string[];
  identities: { kind: string; value: string; createdAt: string }[];
  traits: Record<string, { value: unknown; observedAt: string }>;
  groups: { groupId: string; traits: Record<string, unknown> }[];
  facts: ProfileFacts;
}

export type LookupKey =
  | { kind: 'user_id' | 'anonymous_id' | 'email' | 'phone'; value: string }
  | { kind: `external:${string}`; value: string };

function canonicalValue(kind: IdentityKind, value: string): string {
  if (kind === 'email') return normaliseEmail(value);
  if (kind === 'phone') return normalisePhone(value);
  return value;
}

/** A merged profile answers with its survivor, so an old id found in a log still leads to the customer. */
async function survivorId(store: Store, workspaceId: string, profileId: string): Promise<string> {
  const profile = await store.profiles.get(workspaceId, profileId);
  if (!profile) throw notFound('Profile', profileId);
  return profile.mergedInto ?? profile.id;
}

export async function lookupProfile(store: Store, workspaceId: string, key: LookupKey): Promise<ProfileView> {
  const id = await store.profiles.findByIdentity(workspaceId, key.kind, canonicalValue(key.kind, key.value));
  if (!id) throw notFound('Profile with that identifier', '');
  return profileView(store, workspaceId, id);
}

/** The 360° view: identities, current traits, groups and facts computed from every event of the customer. */
export async function profileView(
  store: Store,
  workspaceId: string,
  profileId: string,
): Promise<ProfileView> {
  const id = await survivorId(store, workspaceId, profileId);
  const members = await store.profiles.memberIds(workspaceId, id);
  const [profile, identities, traits, groups, facts] = await Promise.all([
    store.profiles.get(workspaceId, id),
    store.profiles.identities(workspaceId, members),
    store.profiles.currentTraits(workspaceId, members),
    store.profiles.groups(workspaceId, members),
    store.profiles.facts(workspaceId, members),
  ]);
  if (!profile) throw notFound('Profile', profileId);
  return {
    id,
    workspaceId,
    createdAt: profile.createdAt,
    mergedProfileIds: members.filter((m) => m !== id),
    identities,
    traits,
    groups,
    facts,
  };
}

/** Newest first, across every channel and every merged profile. */
export async function profileTimeline(
  store: Store,
  workspaceId: string,
  profileId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<StoredEvent>> {
  const id = await survivorId(store, workspaceId, profileId);
  const members = await store.profiles.memberIds(workspaceId, id);
  return store.profiles.timeline(workspaceId, members, page);
}

export interface ProfileSummary {
  id: string;
  createdAt: string;
  identities: { kind: string; value: string; createdAt: string }[];
  traits: Record<string, { value: unknown; observedAt: string }>;
}

/** Search by identifier or trait text and exact trait values; results are summaries (no facts: those scan events). */
export async function searchProfiles(
  store: Store,
  query: {
    workspaceId: string;
    text?: string | undefined;
    traits?: Record<string, string>;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<Page<ProfileSummary>> {
  const page = await store.profiles.search(query);
  const items = await Promise.all(
    page.items.map(async (p) => {
      const members = await store.profiles.memberIds(query.workspaceId, p.id);
      const [identities, traits] = await Promise.all([
        store.profiles.identities(query.workspaceId, members),
        store.profiles.currentTraits(query.workspaceId, members),
      ]);
      return { id: p.id, createdAt: p.createdAt, identities, traits };
    }),
  );
  return { items, nextCursor: page.nextCursor };
}
