import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type PrepareInput, type PrepareOutput, prepareRequest } from './prepare-request.js';

interface Task {
  resolve: (output: PrepareOutput) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  tasks: Map<number, Task>;
}

/**
 * The worker's entry. Built, it is prepare-worker.js beside this file. Run from the TypeScript sources (tests,
 * benchmarks, `--import tsx`), a worker does not inherit the TypeScript loader, so it starts from a small module
 * that registers tsx and then imports the .ts entry.
 */
function workerEntry(): URL {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new URL('./prepare-worker.js', self);
  const require = createRequire(self);
  const manifest = require.resolve('tsx/package.json');
  const api = JSON.parse(readFileSync(manifest, 'utf8')).exports['./esm/api'].import.default as string;
  const register = new URL(api, pathToFileURL(manifest)).href;
  const entry = new URL('./prepare-worker.ts', self).href;
  const boot = `import { register } from ${JSON.stringify(register)}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/**
 * Worker threads that parse, validate and prepare ingestion bodies (prepare-request.ts), so the event loop is left
 * with what must happen in order in one place: de-duplication, identity resolution, the journal and the store.
 * Measured: that work was about two thirds of the event loop's time per ingested event. Tasks go to the worker
 * with the fewest in flight. With size 0 everything runs in the calling thread. A worker that dies fails its
 * tasks (the requests get a 500) and is replaced.
 */
export class PreparePool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  run(input: PrepareInput): Promise<PrepareOutput> {
    if (this.slots.length === 0) return Promise.resolve(prepareRequest(input));
    const slot = this.slots.reduce((a, b) => (b.tasks.size < a.tasks.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.tasks.set(id, { resolve, reject });
      slot.worker.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(workerEntry()), tasks: new Map() };
    slot.worker.unref();
    slot.worker.on(
      'message',
      ({ id, output }: { id: number; output: PrepareOutput | { crashed: string } }) => {
        const task = slot.tasks.get(id);
        slot.tasks.delete(id);
        if (!task) return;
        if ('crashed' in output) task.reject(new Error(`preparing the request failed: ${output.crashed}`));
        else task.resolve(output);
      },
    );
    const fail = (error: Error) => {
      for (const task of slot.tasks.values()) task.reject(error);
      slot.tasks.clear();
      const index = this.slots.indexOf(slot);
      if (!this.closed && index >= 0) this.slots[index] = this.spawn();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`a request preparation worker exited with code ${code}`));
    });
    return slot;
  }
}
