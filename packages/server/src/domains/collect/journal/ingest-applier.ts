import { type IngestCommit, RefusedDataError } from '../../../store/collect-port.js';
import type { StoredMessage } from '../ingest-commit.js';

/** A journaled write waiting for the store: an event batch, or another kind's write (survey responses). */
type Pending = (
  | { kind: 'events'; commit: IngestCommit }
  | { kind: 'write'; apply: () => Promise<void>; events: number }
) & {
  /** Journal segment of the record: released once the write is in the store. */
  segment: number;
  /** When it was journaled (ms, the applier's clock): how far the store lags behind. */
  journaledAt: number;
};

const eventsOf = (p: Pending) => (p.kind === 'events' ? p.commit.events.length : p.events);

export interface ApplierOptions {
  /** Events per store transaction at most (several journaled commits are merged into one). */
  maxEventsPerApply: number;
  /** Stores one (merged) commit in one transaction. */
  persist: (commit: IngestCommit) => Promise<void>;
  /** Called after each applied transaction with its events (after-commit reactions). */
  applied: (events: StoredMessage[]) => void;
  /**
   * Keeps what the store refused of a commit (RefusedDataError) durably out of the store, so that the commits after
   * it can be stored: the refused events, and its traits and groups or identity plan when those were refused too
   * (`planStored` tells whether the plan is in the store).
   */
  setAside: (commit: IngestCommit, error: RefusedDataError, planStored: boolean) => Promise<void>;
  /** The journal no longer needs records before this segment. */
  release: (segment: number) => void;
  /** A failed transaction is retried after this many milliseconds (doubling up to `maxRetryDelayMs`). */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  onError?: (error: unknown, attempt: number) => void;
  /** The clock for `oldestUnappliedMs` (milliseconds). */
  now?: () => number;
}

/**
 * Moves journaled commits into the store, in journal order, several at a time in one transaction. The journal is
 * what makes a commit durable and acknowledged; the store is where it becomes visible to reads. A transaction
 * that fails is retried (the commits stay in the journal meanwhile), because skipping one would lose
 * acknowledged events and break the identity decisions of the commits after it.
 */
export class IngestApplier {
  private pending: Pending[] = [];
  private pendingEvents = 0;
  private running: Promise<void> | null = null;
  /** Commits pushed so far, and applied so far: a reader waits until `applied` reaches the count it saw. */
  private pushed = 0;
  private appliedCount = 0;
  private waiters: { until: number; resolve: () => void }[] = [];
  /** When the oldest write of the window being applied was journaled, while one is. */
  private applyingSince: number | null = null;
  private readonly now: () => number;

  constructor(private readonly options: ApplierOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Events (and weighted other writes) journaled but not yet in the store. */
  get backlog(): number {
    return this.pendingEvents;
  }

  /**
   * How long ago the oldest write not yet in the store was journaled (0 when none waits): the store's lag behind
   * the acknowledgements. It grows without bound while a transaction keeps failing.
   */
  get oldestUnappliedMs(): number {
    const since = this.applyingSince ?? this.pending[0]?.journaledAt;
    return since === undefined ? 0 : Math.max(0, this.now() - since);
  }

  push(commit: IngestCommit, segment: number): void {
    this.enqueue({ kind: 'events', commit, segment, journaledAt: this.now() });
  }

  /** Queues another kind of journaled write; `weight` counts towards the backlog like events do. */
  pushWrite(apply: () => Promise<void>, segment: number, weight: number): void {
    this.enqueue({ kind: 'write', apply, events: weight, segment, journaledAt: this.now() });
  }

  private enqueue(pending: Pending): void {
    this.pending.push(pending);
    this.pendingEvents += eventsOf(pending);
    this.pushed += 1;
    this.kick();
  }

  /** Resolves once every commit pushed before this call is in the store (reads that must see them wait here). */
  caughtUp(): Promise<void> {
    if (this.appliedCount >= this.pushed) return Promise.resolve();
    const until = this.pushed;
    return new Promise((resolve) => this.waiters.push({ until, resolve }));
  }

  /** Applies everything pushed, then resolves (graceful shutdown, backup). */
  async drain(): Promise<void> {
    while (this.running || this.pending.length) {
      this.kick();
      await this.running;
    }
  }

  /**
   * Drops every commit not yet applied (after a restore put other data in place: they belong to the replaced
   * data, and applying them to the restored data could contradict it). Readers waiting for them go on.
   */
  discard(): void {
    this.pending = [];
    this.pendingEvents = 0;
    this.appliedCount = this.pushed;
    this.applyingSince = null;
    this.wake();
  }

  private wake(): void {
    this.waiters = this.waiters.filter((w) => {
      if (w.until > this.appliedCount) return true;
      w.resolve();
      return false;
    });
  }

  private kick(): void {
    if (this.running || this.pending.length === 0) return;
    this.running = this.applyNext().finally(() => {
      this.running = null;
      this.kick();
    });
  }

  /**
   * Applies a window of what is waiting: all its event batches merged into one transaction, then its other
   * writes one by one in journal order. Event batches and other writes do not read each other (no foreign keys;
   * API reads wait for the whole window), so the events may go first; within each kind the order is kept.
   */
  private async applyNext(): Promise<void> {
    const taken: Pending[] = [];
    let events = 0;
    while (this.pending.length && taken.length < maxWindow) {
      const next = this.pending[0] as Pending;
      if (taken.length && events + eventsOf(next) > this.options.maxEventsPerApply) break;
      taken.push(next);
      this.pending.shift();
      events += eventsOf(next);
    }
    this.applyingSince = (taken[0] as Pending).journaledAt;
    const commits = taken.flatMap((p) => (p.kind === 'events' ? [p.commit] : []));
    const stored = commits.length ? await this.storeEvents(commits) : [];
    for (const p of taken) if (p.kind === 'write') await this.retrying(p.apply);
    // Clamped: a discard (restore) may have zeroed the counts while this window was applied.
    this.pendingEvents = Math.max(0, this.pendingEvents - events);
    this.appliedCount = Math.min(this.pushed, this.appliedCount + taken.length);
    this.applyingSince = null;
    this.options.release((taken.at(-1) as Pending).segment);
    if (stored.length) this.options.applied(stored);
    this.wake();
  }

  /**
   * Stores event commits in one transaction. When the store refuses their data, they are stored one by one, and of
   * a commit it refuses alone, whatever it takes (storeAround) - instead of retrying forever, which would hold up
   * every commit after it, and the next start too. Resolves with the events stored.
   */
  private async storeEvents(commits: IngestCommit[]): Promise<StoredMessage[]> {
    const refused = await this.retrying(() => this.tryPersist(mergeCommits(commits)));
    if (!refused) return commits.flatMap((c) => c.events);
    const stored: StoredMessage[] = [];
    for (const commit of commits) {
      const refusedAlone =
        commits.length === 1 ? refused : await this.retrying(() => this.tryPersist(commit));
      stored.push(...(refusedAlone ? await this.storeAround(commit, refusedAlone) : commit.events));
    }
    return stored;
  }

  /**
   * Stores what the store takes of a commit it refused, in parts: its events by halves down to the single events it
   * refuses, then its traits and groups, then its identity plan (last, as in one transaction: merges also move the
   * traits and groups stored before them). What it refuses is set aside, durably, before the journal lets go of it.
   */
  private async storeAround(commit: IngestCommit, refused: RefusedDataError): Promise<StoredMessage[]> {
    const none = {
      events: [],
      plan: { newProfiles: [], newIdentities: [], merges: [] },
      traits: [],
      groups: [],
    };
    const refusedEvents: StoredMessage[] = [];
    const storeEvents = async (events: StoredMessage[]): Promise<void> => {
      if (!(await this.retrying(() => this.tryPersist({ ...none, events })))) return;
      if (events.length === 1) {
        refusedEvents.push(...events);
        return;
      }
      const half = Math.ceil(events.length / 2);
      await storeEvents(events.slice(0, half));
      await storeEvents(events.slice(half));
    };
    await storeEvents(commit.events);
    const { traits, groups, plan } = commit;
    const observationsRefused = await this.retrying(() => this.tryPersist({ ...none, traits, groups }));
    const planRefused = await this.retrying(() => this.tryPersist({ ...none, plan }));
    const setAside: IngestCommit = {
      events: refusedEvents,
      plan: planRefused ? plan : none.plan,
      traits: observationsRefused ? traits : [],
      groups: observationsRefused ? groups : [],
    };
    await this.retrying(() => this.options.setAside(setAside, refused, planRefused === null));
    const kept = new Set(refusedEvents);
    return commit.events.filter((event) => !kept.has(event));
  }

  /** Stores a commit; a refusal of its data comes back (retrying cannot help), any other failure is thrown. */
  private async tryPersist(commit: IngestCommit): Promise<RefusedDataError | null> {
    try {
      await this.options.persist(commit);
      return null;
    } catch (error) {
      if (error instanceof RefusedDataError) return error;
      throw error;
    }
  }

  /** Retries a failed transaction with growing pauses: the write stays in the journal meanwhile. */
  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        this.options.onError?.(error, attempt);
        const base = this.options.retryDelayMs ?? 100;
        const delay = Math.min(base * 2 ** (attempt - 1), this.options.maxRetryDelayMs ?? 5_000);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}

/** Journaled writes applied together at most (bounds how long a window holds the store's writer). */
const maxWindow = 64;

/**
 * One commit with the effect of applying `commits` one after the other. Appends simply concatenate; merges keep
 * their order, and the store runs them after every append of the transaction (collect-port.ts), so a merge also
 * moves the traits and groups that an earlier commit in the same transaction stored for the merged profile.
 */
function mergeCommits(commits: IngestCommit[]): IngestCommit {
  if (commits.length === 1) return commits[0] as IngestCommit;
  return {
    events: commits.flatMap((c) => c.events),
    plan: {
      newProfiles: commits.flatMap((c) => c.plan.newProfiles),
      newIdentities: commits.flatMap((c) => c.plan.newIdentities),
      merges: commits.flatMap((c) => c.plan.merges),
    },
    traits: commits.flatMap((c) => c.traits),
    groups: commits.flatMap((c) => c.groups),
  };
}
