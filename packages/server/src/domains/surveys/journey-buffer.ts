import type { Store } from '../../store/port.js';
import type { StoredMessage } from '../collect/event-writer.js';

export interface JourneyStep {
  event: string | null;
  type: string;
  channel: string;
  page: string | null;
  at: string;
}

/** Survey events are the answer itself, not the journey to it (same list the store query excludes). */
const surveyEvents = new Set(['Survey Response Submitted', 'Survey Completed', 'Survey Shown']);

interface Ring {
  /** Newest first, at most `steps`. */
  steps: JourneyStep[];
  /** Holds every event of the profile since it was loaded from the store (or since it was new). */
  complete: boolean;
}

/**
 * The last steps of each recently active profile, kept in memory from ingestion's durable hook so a response
 * gets its journey snapshot (issue 4: "the last steps before answering") without scanning the events table. A
 * profile the buffer has not seen in full is read from the store once per batch of responses, then kept.
 * Memory is bounded: at most `maxProfiles` rings of `steps` entries, the least recently touched dropped first.
 */
export class JourneyBuffer {
  private readonly rings = new Map<string, Ring>();

  constructor(
    private readonly store: Store,
    /** Resolves once the store holds every event acknowledged so far (ingestion applies them after the ack). */
    private readonly storeCaughtUp: () => Promise<void>,
    readonly steps = 10,
    private readonly maxProfiles = 100_000,
  ) {}

  forgetAll(): void {
    this.rings.clear();
  }

  get size(): number {
    return this.rings.size;
  }

  /** Ingestion's durable hook (every acknowledged batch, in order). `newProfiles`: profiles created by this batch, whose rings start complete. */
  observe(messages: readonly StoredMessage[], newProfiles: ReadonlySet<string> = new Set()): void {
    for (const m of messages) {
      const key = `${m.workspaceId}\0${m.profileId}`;
      if (m.type === 'track' && m.event && surveyEvents.has(m.event)) {
        // A profile created by its survey events (a first-time respondent) has no journey before them: an empty
        // ring that is complete, so its response needs no store read for the snapshot.
        if (newProfiles.has(m.profileId) && !this.rings.has(key))
          this.touch(key, { steps: [], complete: true });
        continue;
      }
      let ring = this.rings.get(key);
      if (!ring) {
        ring = { steps: [], complete: newProfiles.has(m.profileId) };
      }
      this.touch(key, ring);
      ring.steps.unshift({
        event: m.event,
        type: m.type,
        channel: m.channel,
        page: m.pageUrl,
        at: m.timestamp,
      });
      // Arrival order is not event-time order (late mobile batches): keep newest by event time.
      if (ring.steps.length > 1 && (ring.steps[1] as JourneyStep).at > m.timestamp) {
        ring.steps.sort((a, b) => b.at.localeCompare(a.at));
      }
      if (ring.steps.length > this.steps) ring.steps.length = this.steps;
    }
  }

  /** Journeys of the profiles before `before`: from memory, the store for profiles not held in full. */
  async journeys(
    workspaceId: string,
    profileIds: readonly string[],
    before: string,
  ): Promise<Map<string, JourneyStep[]>> {
    const out = new Map<string, JourneyStep[]>();
    const missing: string[] = [];
    for (const profileId of new Set(profileIds)) {
      const ring = this.rings.get(`${workspaceId}\0${profileId}`);
      // A ring with `steps` entries holds the newest steps even when older history was never loaded.
      if (ring && (ring.complete || ring.steps.length >= this.steps)) {
        out.set(
          profileId,
          ring.steps.filter((s) => s.at <= before),
        );
      } else missing.push(profileId);
    }
    if (missing.length === 0) return out;
    // Steps acknowledged before this workspace was followed are in the journal, maybe not yet in the store.
    await this.storeCaughtUp();
    const loaded = await this.store.surveys.responses.recentEvents(workspaceId, missing, before, this.steps);
    for (const profileId of missing) {
      const key = `${workspaceId}\0${profileId}`;
      // Steps observed as durable may not be in the store yet: the journey is both, without repeats.
      const observed = this.rings.get(key)?.steps ?? [];
      const merged = dedupe([...observed, ...(loaded.get(profileId) ?? [])]).slice(0, this.steps);
      out.set(
        profileId,
        merged.filter((s) => s.at <= before),
      );
      this.touch(key, { steps: merged, complete: true });
    }
    return out;
  }

  private touch(key: string, ring: Ring): void {
    this.rings.delete(key);
    this.rings.set(key, ring);
    if (this.rings.size > this.maxProfiles) {
      const oldest = this.rings.keys().next().value;
      if (oldest !== undefined) this.rings.delete(oldest);
    }
  }
}

/** Steps observed while the store read ran may also be in its result. */
function dedupe(steps: JourneyStep[]): JourneyStep[] {
  const seen = new Set<string>();
  return steps
    .sort((a, b) => b.at.localeCompare(a.at))
    .filter((s) => {
      const key = `${s.at}\0${s.type}\0${s.event}\0${s.page}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
