import { CairnError } from '../../errors/catalogue.js';

interface Pending<T, R> {
  items: T[];
  resolve: (results: R[]) => void;
  reject: (error: unknown) => void;
}

/**
 * What a commit returns once its in-order work is done: every item's result, and the promise that the batch is
 * durable. Requests are answered when `durable` resolves; the next batch may start as soon as this is returned.
 */
export interface Staged<R> {
  results: R[];
  durable: Promise<void>;
}

/**
 * Group commit: requests hand their items to one queue; whenever the writer is free it takes everything
 * waiting and commits it as one batch, then answers every request at once. Batches grow by themselves under load
 * (while one commit runs the next one fills up), so there is no timer to tune.
 *
 * Pipelined in two stages: a commit first does its in-order work (for ingestion: de-duplication and identity
 * resolution) and starts making the batch durable (the journal's fsync); the next batch is staged while that
 * flush is under way, so a request waits for about one flush instead of up to two. At most two batches are
 * between staging and durable at a time. A request is answered only after its batch is durable. The queue is
 * bounded: past `maxPendingItems` new work is refused with 503 + Retry-After instead of growing memory.
 */
export class GroupCommitQueue<T, R> {
  private waiting: Pending<T, R>[] = [];
  private waitingItems = 0;
  private running: Promise<void> | null = null;
  /** Batches staged and not yet durable, oldest first. */
  private flushing: Promise<void>[] = [];
  private closed = false;

  constructor(
    private readonly commit: (items: T[]) => Promise<Staged<R>>,
    private readonly options: { maxPendingItems: number; maxBatchItems: number; retryAfterSeconds: number },
  ) {}

  get pendingItems(): number {
    return this.waitingItems;
  }

  submit(items: T[]): Promise<R[]> {
    if (this.closed)
      return Promise.reject(
        new CairnError('CAIRN_OVERLOADED', { retryAfter: this.options.retryAfterSeconds }),
      );
    if (items.length === 0) return Promise.resolve([]);
    if (this.waitingItems + items.length > this.options.maxPendingItems) {
      return Promise.reject(
        new CairnError('CAIRN_OVERLOADED', { retryAfter: this.options.retryAfterSeconds }),
      );
    }
    return new Promise<R[]>((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      this.waitingItems += items.length;
      this.kick();
    });
  }

  /** Resolves once nothing is waiting, staged or flushing (new work stays welcome). */
  async idle(): Promise<void> {
    while (this.running || this.waiting.length || this.flushing.length) {
      this.kick();
      await (this.running ?? this.flushing[0]);
    }
  }

  /** Refuses new work and resolves once everything already accepted is durable (graceful shutdown). */
  async drain(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private kick(): void {
    if (this.running || this.waiting.length === 0) return;
    this.running = this.flush().finally(() => {
      this.running = null;
      this.kick();
    });
  }

  private async flush(): Promise<void> {
    // Two batches in flight at most: let the older one finish first, so batches grow under load instead of
    // splitting into many small flushes.
    while (this.flushing.length >= 2) await this.flushing[0];
    const taken: Pending<T, R>[] = [];
    let count = 0;
    while (
      this.waiting.length &&
      (count === 0 || count + (this.waiting[0]?.items.length ?? 0) <= this.options.maxBatchItems)
    ) {
      const next = this.waiting.shift() as Pending<T, R>;
      taken.push(next);
      count += next.items.length;
    }
    this.waitingItems -= count;
    let staged: Staged<R>;
    try {
      staged = await this.commit(taken.flatMap((p) => p.items));
    } catch (error) {
      for (const p of taken) p.reject(error);
      return;
    }
    const answered = staged.durable.then(
      () => {
        let offset = 0;
        for (const p of taken) {
          p.resolve(staged.results.slice(offset, offset + p.items.length));
          offset += p.items.length;
        }
      },
      (error) => {
        for (const p of taken) p.reject(error);
      },
    );
    this.flushing.push(answered);
    void answered.finally(() => {
      this.flushing = this.flushing.filter((f) => f !== answered);
    });
  }
}
