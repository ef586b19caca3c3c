/**
 * messageId de-duplication per workspace over a sliding window, the guarantee Segment itself documents
 * (duplicates are dropped within an approximately 24-hour look-back window).
 *
 * Two generations of keys: when the current one is older than half the window or holds half the entries,
 * it becomes the previous one and the old previous is dropped. Every key is remembered for at least half the
 * window and memory stays bounded by `maxEntries`. An index in the store would grow without bound and slows
 * bulk appends (measured: a primary key made DuckDB appends 3× slower after 100k rows).
 */
export class DedupeWindow {
  private current = new Set<string>();
  private previous = new Set<string>();
  private generationStartedAt: number;

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number,
    now: number,
  ) {
    this.generationStartedAt = now;
  }

  static key(workspaceId: string, messageId: string): string {
    return `${workspaceId}\u0000${messageId}`;
  }

  has(key: string): boolean {
    return this.current.has(key) || this.previous.has(key);
  }

  add(key: string, now: number): void {
    if (now - this.generationStartedAt > this.windowMs / 2 || this.current.size >= this.maxEntries / 2) {
      this.previous = this.current;
      this.current = new Set();
      this.generationStartedAt = now;
    }
    this.current.add(key);
  }

  /** Forgets every key (after a restore, the stored messages are different ones). */
  clear(now: number): void {
    this.current = new Set();
    this.previous = new Set();
    this.generationStartedAt = now;
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}
