import { CairnError } from '../../errors/catalogue.js';

interface Pending<T, R> {
  items: T[];
  resolve: (results: R[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: requests hand their items to one queue; whenever the writer is free it takes everything
 * waiting and commits it in one transaction, then answers every request at once. Batches grow by themselves
 * under load (while one commit runs the next one fills up), so there is no timer to tune.
 * A request is answered only after its items are committed. The queue is bounded: past `maxPendingItems`
 * new work is refused with 503 + Retry-After instead of growing memory.
 */
export class GroupCommitQueue<T, R> {
  private waiting: Pending<T, R>[] = [];
  private waitingItems = 0;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly commit: (items: T[]) => Promise<R[]>,
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

  /** Refuses new work and resolves once everything already accepted is committed (graceful shutdown). */
  async drain(): Promise<void> {
    this.closed = true;
    while (this.running || this.waiting.length) {
      this.kick();
      await this.running;
    }
  }

  private kick(): void {
    if (this.running || this.waiting.length === 0) return;
    this.running = this.flush().finally(() => {
      this.running = null;
      this.kick();
    });
  }

  private async flush(): Promise<void> {
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
    try {
      const results = await this.commit(taken.flatMap((p) => p.items));
      let offset = 0;
      for (const p of taken) {
        p.resolve(results.slice(offset, offset + p.items.length));
        offset += p.items.length;
      }
    } catch (error) {
      for (const p of taken) p.reject(error);
    }
  }
}
