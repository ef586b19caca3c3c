import type { Store } from '../../store/port.js';
import type { StoredMessage } from '../collect/event-writer.js';
import type { Clock } from '../context.js';
import { findRespondent, type RespondentIds } from './respondent.js';

export type Traits = Record<string, { value: unknown; observedAt: string }>;

/** What this process knows about one workspace's visitors: identity → profile, and the profiles' current traits. */
interface Directory {
  profiles: Map<string, string>;
  traits: Map<string, Traits>;
  /** Loaded in full and fed by ingestion since: a miss means "no such profile" / "no traits", no store read. */
  identitiesComplete: boolean;
  traitsComplete: boolean;
  /** Profiles touched by a merge: their traits in the store may combine several profiles, so read them again. */
  staleTraits: Set<string>;
  /** Visitors looked up in the store and not found, while identities are incomplete (expiry time). */
  unknown: Map<string, number>;
  /** Messages observed while the workspace loads, replayed on top of the loaded rows (they are newer). */
  pending: StoredMessage[] | null;
  ready: Promise<void>;
}

const identityKey = (kind: 'u' | 'a', value: string) => `${kind}:${value}`;

/**
 * Memory of "which profile is this visitor" and "what are its traits" for the eligibility check, which the SDK
 * calls on page views (issue 4: ≥ 10k/s, p99 ≤ 20 ms), so it must not read the store per call. A workspace is
 * loaded in one pass on first use and then kept exact by `observe`, which the ingestion pipeline's durable
 * hook feeds with every stored message (this process is the only writer of events). A workspace beyond the
 * bounds falls back to per-visitor reads, with "not found" remembered for `unknownTtlMs`.
 */
export class RespondentCache {
  private readonly directories = new Map<string, Directory>();

  constructor(
    private readonly store: Store,
    private readonly now: Clock,
    /** Resolves once the store holds every event acknowledged so far (ingestion applies them after the ack). */
    private readonly storeCaughtUp: () => Promise<void>,
    private readonly maxIdentities = 200_000,
    private readonly maxTraitProfiles = 50_000,
    private readonly unknownTtlMs = 5_000,
  ) {}

  /** Drops everything cached (after a restore the stored profiles are different ones). */
  forgetAll(): void {
    this.directories.clear();
  }

  /** Profile of a visitor by the identity rules (userId first, then anonymousId); from memory when complete. */
  async profileOf(workspaceId: string, ids: RespondentIds): Promise<string | null> {
    const dir = await this.directory(workspaceId);
    const hit = this.lookup(dir, ids);
    if (hit || dir.identitiesComplete) return hit;
    const key = `${ids.userId ?? ''}\0${ids.anonymousId ?? ''}`;
    const at = this.now().getTime();
    if ((dir.unknown.get(key) ?? 0) > at) return null;
    const found = await this.fromStore(workspaceId, dir, ids);
    if (!found) {
      if (dir.unknown.size >= this.maxIdentities) dir.unknown.clear();
      dir.unknown.set(key, at + this.unknownTtlMs);
    }
    return found;
  }

  /**
   * Profile right after this process ingested events for the visitor: memory first (the durable hook has run by
   * the time an ingest is acknowledged), the store on a miss (a workspace whose directory is not held in full).
   */
  async profileAfterIngest(workspaceId: string, ids: RespondentIds): Promise<string | null> {
    const dir = await this.directory(workspaceId);
    return this.lookup(dir, ids) ?? this.fromStore(workspaceId, dir, ids);
  }

  async traitsOf(workspaceId: string, profileId: string): Promise<Traits> {
    const dir = await this.directory(workspaceId);
    const stale = dir.staleTraits.has(profileId);
    const hit = dir.traits.get(profileId);
    if (!stale && (hit || dir.traitsComplete)) return hit ?? {};
    await this.storeCaughtUp();
    const traits = await this.store.profiles.currentTraits(workspaceId, [profileId]);
    dir.staleTraits.delete(profileId);
    if (dir.traits.size >= this.maxTraitProfiles) this.markIncomplete(dir);
    dir.traits.set(profileId, traits);
    return traits;
  }

  /**
   * Ingestion's durable hook (every acknowledged batch, before it is answered): new identities, merges and identify traits, in commit order. Returns the
   * profiles these messages created (all their identities unknown to a complete directory), whose whole history
   * is therefore in this batch.
   */
  /** True once a workspace has survey traffic (its directory was loaded); other workspaces are not followed. */
  follows(workspaceId: string): boolean {
    return this.directories.has(workspaceId);
  }

  observe(messages: readonly StoredMessage[]): Set<string> {
    const created = new Set<string>();
    for (const m of messages) {
      const dir = this.directories.get(m.workspaceId);
      if (!dir) continue; // not loaded yet: the first use waits until the store holds this message, then reads it
      if (dir.pending) dir.pending.push(m);
      else if (this.apply(dir, m)) created.add(m.profileId);
    }
    return created;
  }

  /** Applies one message; true when it made a new profile. */
  private apply(dir: Directory, m: StoredMessage): boolean {
    const simple =
      ['track', 'page', 'screen'].includes(m.type) &&
      !m.previousId &&
      !m.identities.some((i) => i.kind.startsWith('external:'));
    const isNew =
      simple &&
      dir.identitiesComplete &&
      !this.lookup(dir, { userId: m.userId ?? undefined, anonymousId: m.anonymousId ?? undefined });
    if (m.userId) this.link(dir, identityKey('u', m.userId), m.profileId);
    if (m.anonymousId) this.link(dir, identityKey('a', m.anonymousId), m.profileId);
    if (m.type === 'identify') {
      for (const [trait, value] of Object.entries(m.traits).slice(0, 200)) {
        this.mergeTrait(dir, m.profileId, trait, value, m.timestamp);
      }
    }
    return isNew;
  }

  private lookup(dir: Directory, ids: RespondentIds): string | null {
    return (
      (ids.userId && dir.profiles.get(identityKey('u', ids.userId))) ||
      (ids.anonymousId && dir.profiles.get(identityKey('a', ids.anonymousId))) ||
      null
    );
  }

  private async fromStore(workspaceId: string, dir: Directory, ids: RespondentIds): Promise<string | null> {
    await this.storeCaughtUp();
    const found = await findRespondent(this.store, workspaceId, ids);
    if (found && ids.userId) this.link(dir, identityKey('u', ids.userId), found, false);
    else if (found && ids.anonymousId) this.link(dir, identityKey('a', ids.anonymousId), found, false);
    return found;
  }

  private link(dir: Directory, key: string, profileId: string, fromIngestion = true): void {
    const previous = dir.profiles.get(key);
    if (previous === profileId) return;
    if (previous && fromIngestion) {
      // The identity moved to another profile (a merge): both profiles' stored traits may have changed.
      dir.staleTraits.add(previous);
      dir.staleTraits.add(profileId);
    }
    if (dir.profiles.size >= this.maxIdentities) {
      dir.profiles.clear();
      dir.identitiesComplete = false;
    }
    dir.profiles.set(key, profileId);
  }

  private mergeTrait(dir: Directory, profileId: string, trait: string, value: unknown, at: string): void {
    let traits = dir.traits.get(profileId);
    if (!traits) {
      // Without the stored traits of this profile a partial entry would hide them: leave it to a store read.
      if (!dir.traitsComplete) return;
      if (dir.traits.size >= this.maxTraitProfiles) {
        this.markIncomplete(dir);
        return;
      }
      traits = {};
      dir.traits.set(profileId, traits);
    }
    const current = traits[trait];
    // Last write by event time wins, as in the store (profiles.currentTraits).
    if (!current || current.observedAt <= at) traits[trait] = { value, observedAt: at };
  }

  private markIncomplete(dir: Directory): void {
    dir.traits.clear();
    dir.traitsComplete = false;
  }

  private async directory(workspaceId: string): Promise<Directory> {
    let dir = this.directories.get(workspaceId);
    if (!dir) {
      const created: Directory = {
        profiles: new Map(),
        traits: new Map(),
        identitiesComplete: false,
        traitsComplete: false,
        staleTraits: new Set(),
        unknown: new Map(),
        pending: [],
        ready: Promise.resolve(),
      };
      created.ready = this.load(workspaceId, created);
      created.ready.catch(() => this.directories.delete(workspaceId));
      this.directories.set(workspaceId, created);
      dir = created;
    }
    await dir.ready;
    return dir;
  }

  /** One pass over the workspace; messages observed meanwhile are newer and replayed on top. */
  private async load(workspaceId: string, dir: Directory): Promise<void> {
    // Messages acknowledged before the directory existed were not observed: wait until the store holds them.
    await this.storeCaughtUp();
    await this.loadRows(workspaceId, dir);
    const pending = dir.pending ?? [];
    dir.pending = null;
    for (const m of pending) this.apply(dir, m);
  }

  private async loadRows(workspaceId: string, dir: Directory): Promise<void> {
    const [identities, traits] = await Promise.all([
      this.store.surveys.respondents.identities(workspaceId, this.maxIdentities + 1),
      this.store.surveys.respondents.traits(workspaceId, this.maxTraitProfiles + 1),
    ]);
    if (identities.length <= this.maxIdentities) {
      for (const i of identities) {
        const key = identityKey(i.kind === 'user_id' ? 'u' : 'a', i.value);
        dir.profiles.set(key, i.profileId);
      }
      dir.identitiesComplete = true;
    }
    const profiles = new Set(traits.map((t) => t.profileId));
    if (profiles.size <= this.maxTraitProfiles) {
      dir.traitsComplete = true;
      for (const t of traits) this.mergeTrait(dir, t.profileId, t.trait, t.value, t.observedAt);
    }
  }
}
