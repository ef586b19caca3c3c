// Child process entry: runs one load phase described by argv[2] (JSON) and prints the summary as JSON.
import { batchMaker, singleMaker } from './events.mjs';
import { runLoad } from './load.mjs';

const spec = JSON.parse(process.argv[2]);
const makeBody = spec.single
  ? singleMaker(spec.runId)
  : batchMaker(spec.eventsPerRequest, spec.runId, { freshVisitors: spec.freshVisitors === true });
const result = await runLoad({ ...spec, makeBody });
process.stdout.write(`${JSON.stringify(result)}\n`);
