import type { Store } from '../../store/port.js';
import type { Clock } from '../context.js';
import { findRespondent, type RespondentIds } from './respondent.js';

type Traits = Record<string, { value: unknown; observedAt: string }>;

/**
 * Short-lived memory of "which profile is this visitor" and "what are its traits" for the eligibility check,
 * which the SDK calls on page views: without it every call costs two store reads. Entries live `ttlMs`; a new
 * visitor (not yet known) is remembered as unknown for a shorter time so their first events count soon.
 */
export class RespondentCache {
  private readonly profiles = new Map<string, { id: string | null; expires: number }>();
  private readonly traits = new Map<string, { value: Promise<Traits>; expires: number }>();

  /** Drops everything cached (after a restore the stored profiles are different ones). */
  forgetAll(): void {
    this.profiles.clear();
    this.traits.clear();
  }

  constructor(
    private readonly store: Store,
    private readonly now: Clock,
    private readonly ttlMs = 30_000,
    private readonly unknownTtlMs = 5_000,
    private readonly maxEntries = 200_000,
  ) {}

  async profileOf(workspaceId: string, ids: RespondentIds): Promise<string | null> {
    const key = `${workspaceId}\0${ids.userId ?? ''}\0${ids.anonymousId ?? ''}`;
    const at = this.now().getTime();
    const hit = this.profiles.get(key);
    if (hit && hit.expires > at) return hit.id;
    const id = await findRespondent(this.store, workspaceId, ids);
    if (this.profiles.size >= this.maxEntries) this.profiles.clear();
    this.profiles.set(key, { id, expires: at + (id ? this.ttlMs : this.unknownTtlMs) });
    return id;
  }

  traitsOf(workspaceId: string, profileId: string): Promise<Traits> {
    const key = `${workspaceId}\0${profileId}`;
    const at = this.now().getTime();
    const hit = this.traits.get(key);
    if (hit && hit.expires > at) return hit.value;
    const value = this.store.profiles.currentTraits(workspaceId, [profileId]);
    value.catch(() => this.traits.delete(key));
    if (this.traits.size >= this.maxEntries) this.traits.clear();
    this.traits.set(key, { value, expires: at + this.ttlMs });
    return value;
  }
}
