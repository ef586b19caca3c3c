import { CairnError } from '../../errors/catalogue.js';

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface BatchStages<T, P, R> {
  /** Stage one: everything that can run while the batch ahead is still being stored (reads, decisions, events). */
  prepare(items: T[]): Promise<P>;
  /** Stage two, one batch at a time in order: the commit; one result per item, in item order. */
  store(prepared: P): Promise<R[]>;
  /** The row an item writes (a response id): a batch touching a row still in flight waits for it to be stored. */
  key(item: T): string;
}

export interface PipelineOptions {
  maxPendingItems: number;
  maxBatchItems: number;
  retryAfterSeconds: number;
}

/**
 * Group commit in two stages: whenever stage one is free it takes everything waiting (up to `maxBatchItems`) as
 * the next batch and prepares it while the batch ahead is being stored, so their reads and JavaScript work overlap
 * that commit instead of adding to it. At most one batch is being prepared and one stored. A request is answered
 * only after its batch is stored. A batch touching a row of the batch ahead waits for that batch to be stored
 * before it prepares, so every decision reads committed rows. The queue is bounded: past `maxPendingItems` new
 * work is refused with 503 + Retry-After instead of growing memory.
 */
export class PipelinedBatches<T, P, R> {
  private waiting: Waiting<T, R>[] = [];
  private preparing: Promise<void> | null = null;
  /** The tail of stage two: resolves once every batch handed to it is stored (or failed). */
  private storing: Promise<void> = Promise.resolve();
  /** Keys of batches taken but not yet stored, with how many items hold each. */
  private readonly inFlight = new Map<string, number>();
  private closed = false;

  constructor(
    private readonly stages: BatchStages<T, P, R>,
    private readonly options: PipelineOptions,
  ) {}

  submit(item: T): Promise<R> {
    if (this.closed || this.waiting.length >= this.options.maxPendingItems) {
      return Promise.reject(
        new CairnError('CAIRN_OVERLOADED', { retryAfter: this.options.retryAfterSeconds }),
      );
    }
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.kick();
    });
  }

  /** Refuses new work and resolves once everything already accepted is stored (graceful shutdown). */
  async drain(): Promise<void> {
    this.closed = true;
    while (this.preparing || this.waiting.length) {
      this.kick();
      await this.preparing;
    }
    await this.storing;
  }

  private kick(): void {
    if (this.preparing || this.waiting.length === 0) return;
    this.preparing = this.next().finally(() => {
      this.preparing = null;
      this.kick();
    });
  }

  private async next(): Promise<void> {
    const taken = this.waiting.splice(0, this.options.maxBatchItems);
    const keys = taken.map((w) => this.stages.key(w.item));
    if (keys.some((k) => this.inFlight.has(k))) await this.storing;
    for (const k of keys) this.inFlight.set(k, (this.inFlight.get(k) ?? 0) + 1);
    const release = () => {
      for (const k of keys) {
        const left = (this.inFlight.get(k) ?? 1) - 1;
        if (left > 0) this.inFlight.set(k, left);
        else this.inFlight.delete(k);
      }
    };
    let prepared: P;
    try {
      prepared = await this.stages.prepare(taken.map((w) => w.item));
    } catch (error) {
      release();
      for (const w of taken) w.reject(error);
      return;
    }
    const ahead = this.storing;
    const stored = ahead
      .then(() => this.stages.store(prepared))
      .then(
        (results) => {
          for (const [i, w] of taken.entries()) w.resolve(results[i] as R);
        },
        (error) => {
          for (const w of taken) w.reject(error);
        },
      )
      .finally(release);
    this.storing = stored;
    // Pipeline depth two: the batch after this one is prepared while this one is stored, not earlier.
    await ahead;
  }
}
