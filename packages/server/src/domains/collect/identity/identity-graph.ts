/**
 * Identity resolution: which profile a message belongs to, and which identifiers and profiles to link.
 *
 * Rules (the ones PostHog and Chatwoot users ask for):
 * - identify links an anonymous visitor to a known user, so the visitor's history joins the user's profile;
 * - two profiles that carry different userIds are never merged automatically: a shared browser must not fuse
 *   two customers (the event goes to the userId's profile, the anonymous id stays where it was);
 * - alias merges explicitly, but only when the previous profile carries no other userId than previousId;
 * - e-mail, phone and external ids attach to a profile when first seen and never trigger a merge;
 * - a merge keeps every event and answer: the merged profile points to the surviving one (merged_into).
 *
 * The graph is an in-memory view over the store's identities. The writer preloads the identities a batch
 * needs, resolves the batch sequentially, then commits the resulting plan in one transaction.
 */
export type IdentityKind = 'anonymous_id' | 'user_id' | 'email' | 'phone' | `external:${string}`;

export interface IdentityRef {
  workspaceId: string;
  kind: IdentityKind;
  value: string;
}

export interface IdentityLink extends IdentityRef {
  profileId: string;
}

export interface ResolutionPlan {
  newProfiles: { id: string; workspaceId: string }[];
  newIdentities: IdentityLink[];
  merges: { workspaceId: string; from: string; into: string }[];
}

export const identityKey = (ref: IdentityRef): string =>
  `${ref.workspaceId}\u0000${ref.kind}\u0000${ref.value}`;

export class IdentityGraph {
  private readonly profileOf = new Map<string, string>();
  private readonly userIdsOf = new Map<string, Set<string>>();
  private readonly mergedInto = new Map<string, string>();
  private plan: ResolutionPlan = { newProfiles: [], newIdentities: [], merges: [] };

  constructor(
    private readonly newId: () => string,
    private readonly maxCachedIdentities = 1_000_000,
  ) {}

  /** Identities this graph does not know yet (the writer loads them from the store before resolving). */
  unknown(refs: IdentityRef[]): IdentityRef[] {
    return refs.filter((ref) => !this.profileOf.has(identityKey(ref)));
  }

  /**
   * Adds identities loaded from the store (which are canonical: merges rewrite them there). The store may lag
   * behind this graph (batches journaled but not yet applied), so known userIds are kept, never replaced.
   */
  learn(links: IdentityLink[], userIdsByProfile: Map<string, string[]>): void {
    for (const link of links) this.profileOf.set(identityKey(link), link.profileId);
    for (const [profileId, userIds] of userIdsByProfile) {
      const known = this.userIdsOf.get(profileId) ?? new Set<string>();
      for (const id of userIds) known.add(id);
      this.userIdsOf.set(profileId, known);
    }
  }

  /**
   * Starts a new batch. When the cache has grown too large it is dropped, but only if `mayForget`: the store must
   * hold everything the cache knows (the store stays the truth).
   */
  begin(mayForget = true): void {
    this.plan = { newProfiles: [], newIdentities: [], merges: [] };
    if (mayForget && this.profileOf.size > this.maxCachedIdentities) this.forget();
  }

  /** The plan of the current batch, to be committed together with its events. */
  takePlan(): ResolutionPlan {
    return this.plan;
  }

  /** After a failed commit the cache may hold links that were never stored. */
  forget(): void {
    this.profileOf.clear();
    this.userIdsOf.clear();
    this.mergedInto.clear();
  }

  resolve(input: {
    workspaceId: string;
    userId: string | null;
    anonymousId: string | null;
    /** alias only */
    previousId?: string | null;
    /** email, phone, external ids: attach-only */
    extra?: { kind: IdentityKind; value: string }[];
  }): string {
    const ws = input.workspaceId;
    const { userId, anonymousId } = input;
    let profile: string;
    if (input.previousId && userId) {
      profile = this.alias(ws, input.previousId, userId);
    } else if (userId) {
      profile = this.identified(ws, userId, anonymousId);
    } else if (anonymousId) {
      profile =
        this.lookup(ws, 'anonymous_id', anonymousId) ?? this.create(ws, [['anonymous_id', anonymousId]]);
    } else {
      throw new Error('A message needs a userId or an anonymousId.');
    }
    for (const { kind, value } of input.extra ?? []) this.attachIfFree(ws, kind, value, profile);
    return profile;
  }

  private identified(ws: string, userId: string, anonymousId: string | null): string {
    const byUser = this.lookup(ws, 'user_id', userId);
    const byAnon = anonymousId ? this.lookup(ws, 'anonymous_id', anonymousId) : null;
    if (!byUser) {
      if (byAnon && this.userIds(byAnon).size === 0) {
        this.attach(ws, 'user_id', userId, byAnon);
        return byAnon;
      }
      const created = this.create(ws, [['user_id', userId]]);
      if (anonymousId && !byAnon) this.attach(ws, 'anonymous_id', anonymousId, created);
      return created;
    }
    if (anonymousId) {
      if (!byAnon) this.attach(ws, 'anonymous_id', anonymousId, byUser);
      else if (byAnon !== byUser && this.userIds(byAnon).size === 0) this.merge(ws, byAnon, byUser);
    }
    return byUser;
  }

  private alias(ws: string, previousId: string, userId: string): string {
    const previous = this.lookup(ws, 'user_id', previousId) ?? this.lookup(ws, 'anonymous_id', previousId);
    const target = this.lookup(ws, 'user_id', userId);
    const previousUserIds = previous ? [...this.userIds(previous)] : [];
    const mergeable = previousUserIds.every((id) => id === previousId);
    if (!target) {
      if (previous && mergeable) {
        this.attach(ws, 'user_id', userId, previous);
        return previous;
      }
      const created = this.create(ws, [['user_id', userId]]);
      if (!previous) this.attach(ws, 'anonymous_id', previousId, created);
      return created;
    }
    if (!previous) this.attach(ws, 'anonymous_id', previousId, target);
    else if (previous !== target && mergeable) this.merge(ws, previous, target);
    return target;
  }

  private canonical(profileId: string): string {
    let id = profileId;
    for (let next = this.mergedInto.get(id); next; next = this.mergedInto.get(id)) id = next;
    return id;
  }

  private lookup(ws: string, kind: IdentityKind, value: string): string | null {
    const found = this.profileOf.get(identityKey({ workspaceId: ws, kind, value }));
    return found ? this.canonical(found) : null;
  }

  private userIds(profileId: string): Set<string> {
    return this.userIdsOf.get(profileId) ?? new Set();
  }

  private create(ws: string, identities: [IdentityKind, string][]): string {
    const id = this.newId();
    this.plan.newProfiles.push({ id, workspaceId: ws });
    for (const [kind, value] of identities) this.attach(ws, kind, value, id);
    return id;
  }

  private attach(ws: string, kind: IdentityKind, value: string, profileId: string): void {
    this.profileOf.set(identityKey({ workspaceId: ws, kind, value }), profileId);
    this.plan.newIdentities.push({ workspaceId: ws, kind, value, profileId });
    if (kind === 'user_id') this.userIdsOf.set(profileId, new Set([...this.userIds(profileId), value]));
  }

  private attachIfFree(ws: string, kind: IdentityKind, value: string, profileId: string): void {
    if (!this.lookup(ws, kind, value)) this.attach(ws, kind, value, profileId);
  }

  private merge(ws: string, from: string, into: string): void {
    this.mergedInto.set(from, into);
    this.userIdsOf.set(into, new Set([...this.userIds(into), ...this.userIds(from)]));
    this.plan.merges.push({ workspaceId: ws, from, into });
  }
}
