import { FingerprintSet, type MessageKey } from './fingerprint-set.js';

/**
 * messageId de-duplication per workspace over a sliding window, the guarantee Segment itself documents
 * (duplicates are dropped within an approximately 24-hour look-back window).
 *
 * Two generations of keys: when the current one is older than half the window or holds half the entries,
 * it becomes the previous one and the old previous is dropped. Every key is remembered for at least half the
 * window and memory stays bounded by `maxEntries`. An index in the store would grow without bound and slows
 * bulk appends (measured: a primary key made DuckDB appends 3× slower after 100k rows). Keys are fingerprints in
 * typed arrays (fingerprint-set.ts), invisible to the garbage collector however many are remembered.
 */
export class DedupeWindow {
  private current = new FingerprintSet();
  private previous = new FingerprintSet();
  private generationStartedAt: number;

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number,
    now: number,
  ) {
    this.generationStartedAt = now;
  }

  has(key: MessageKey): boolean {
    return this.current.has(key) || this.previous.has(key);
  }

  add(key: MessageKey, now: number): void {
    if (now - this.generationStartedAt > this.windowMs / 2 || this.current.size >= this.maxEntries / 2) {
      this.previous = this.current;
      this.current = new FingerprintSet();
      this.generationStartedAt = now;
    }
    this.current.add(key);
  }

  /** Forgets one key (its message was not stored after all). */
  remove(key: MessageKey): void {
    for (const generation of [this.current, this.previous]) generation.delete(key);
  }

  /** Forgets every key (after a restore, the stored messages are different ones). */
  clear(now: number): void {
    this.current = new FingerprintSet();
    this.previous = new FingerprintSet();
    this.generationStartedAt = now;
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}
