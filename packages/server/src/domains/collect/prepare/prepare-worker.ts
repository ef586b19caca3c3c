import { parentPort } from 'node:worker_threads';
import { type PrepareInput, prepareRequest } from './prepare-request.js';

/** Worker thread entry: prepares ingestion bodies handed over by prepare-pool.ts, one message per task. */
parentPort?.on('message', ({ id, input }: { id: number; input: PrepareInput }) => {
  let output: ReturnType<typeof prepareRequest> | { crashed: string };
  try {
    output = prepareRequest(input);
  } catch (error) {
    output = { crashed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage({ id, output });
});
