/**
 * Counts running reads and can hold new ones back. Reads run on their own connections (MVCC), so the write queue
 * does not cover them; swapping the database file must wait until no read is using the old connections.
 */
export class ReadGate {
  private running = 0;
  private closedUntil: Promise<void> | null = null;
  private reopen: (() => void) | null = null;
  private drained: (() => void) | null = null;

  /** Runs `read` once the gate is open, counting it as running until it settles. */
  async pass<T>(read: () => Promise<T>): Promise<T> {
    while (this.closedUntil) await this.closedUntil;
    this.running++;
    try {
      return await read();
    } finally {
      this.running--;
      if (this.running === 0) this.drained?.();
    }
  }

  /** Holds new reads back and resolves when the running ones have finished. */
  async close(): Promise<void> {
    if (!this.closedUntil) {
      this.closedUntil = new Promise((resolve) => {
        this.reopen = resolve;
      });
    }
    if (this.running === 0) return;
    await new Promise<void>((resolve) => {
      this.drained = resolve;
    });
    this.drained = null;
  }

  /** Lets held-back and new reads run again. */
  open(): void {
    const release = this.reopen;
    this.closedUntil = null;
    this.reopen = null;
    release?.();
  }
}
