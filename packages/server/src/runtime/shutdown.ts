/** One step of shutting down, named so logs and extensions can refer to it. */
export interface Closer {
  name: string;
  close(): Promise<void>;
}

export interface ShutdownLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * The ordered steps that stop the server. Order matters: stop taking requests and let in-flight ones finish,
 * then flush anything buffered in memory (e.g. ingestion batches), and only then close the store, which waits
 * for queued writes and checkpoints. Later features insert their step before the one that needs it gone.
 */
export class ShutdownSequence {
  private readonly closers: Closer[] = [];
  private running: Promise<string[]> | undefined;

  constructor(private readonly log: ShutdownLog) {}

  add(closer: Closer): this {
    this.closers.push(closer);
    return this;
  }

  /** Inserts `closer` just before the step named `next` (e.g. a buffer flush before 'store'). */
  addBefore(next: string, closer: Closer): this {
    const index = this.closers.findIndex((c) => c.name === next);
    if (index < 0) throw new Error(`No shutdown step named ${next}.`);
    this.closers.splice(index, 0, closer);
    return this;
  }

  get names(): string[] {
    return this.closers.map((c) => c.name);
  }

  /**
   * Runs every step in order, once; a failing step is logged and the rest still run (the store must close even
   * if the HTTP server did not stop cleanly). Resolves with the names of the steps that failed.
   */
  async run(): Promise<string[]> {
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps(): Promise<string[]> {
    const failed: string[] = [];
    for (const closer of this.closers) {
      const started = Date.now();
      try {
        await closer.close();
        this.log.info({ step: closer.name, ms: Date.now() - started }, 'shutdown step done');
      } catch (error) {
        failed.push(closer.name);
        this.log.error({ step: closer.name, err: error }, 'shutdown step failed');
      }
    }
    return failed;
  }
}

export interface SignalOptions {
  /** After this long the process exits even if steps are still running. */
  timeoutMs: number;
  exit: (code: number) => void;
  log: ShutdownLog;
  signals?: NodeJS.Signals[];
}

/**
 * First SIGTERM/SIGINT: run the sequence, exit 0 if every step succeeded, 1 otherwise. A second signal or the
 * timeout exits 1 at once: an operator pressing Ctrl-C twice means it, and an orchestrator will SIGKILL anyway.
 */
export function exitOnSignals(sequence: ShutdownSequence, options: SignalOptions): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.log.error({ signal }, 'second signal: exiting before shutdown finished');
      options.exit(1);
      return;
    }
    stopping = true;
    options.log.info({ signal, steps: sequence.names }, 'shutting down');
    const timer = setTimeout(() => {
      options.log.error({ timeoutMs: options.timeoutMs }, 'shutdown timed out: exiting');
      options.exit(1);
    }, options.timeoutMs);
    timer.unref();
    void sequence.run().then((failed) => {
      clearTimeout(timer);
      options.exit(failed.length === 0 ? 0 : 1);
    });
  };
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
