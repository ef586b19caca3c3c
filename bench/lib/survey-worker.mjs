// Child process entry for bench/surveys.mjs: one load phase (argv[2] JSON), prints the summary as JSON.
// kind "eligible": GET /v1/surveys/eligible for visitors drawn from a pool; kind "respond": POST one complete
// response per request, each with a fresh clientKey (a new durable response every time).
import http from 'node:http';
import { summarise } from './load.mjs';

const spec = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
let n = 0;

function call(method, url, body) {
  return new Promise((resolve) => {
    const started = performance.now();
    const headers = { ...spec.headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) };
    const req = http.request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

function next() {
  const i = n++;
  const visitor = `${spec.visitorPrefix}-${i % spec.visitors}`;
  if (spec.kind === 'eligible') {
    const url = encodeURIComponent(`https://shop.example/thanks/${i % 50}`);
    return call('GET', `${spec.base}/v1/surveys/eligible?anonymousId=${visitor}&url=${url}&locale=de`);
  }
  const body = JSON.stringify({
    clientKey: `${spec.runId}-${process.pid}-${i}`,
    anonymousId: visitor,
    answers: [
      { questionId: 'nps', value: i % 11, timeSpentMs: 800 },
      { questionId: 'why', value: 'Lieferung schnell, Verpackung gut' },
    ],
    completed: true,
  });
  return call('POST', `${spec.base}/v1/surveys/${spec.surveyId}/responses`, body);
}

const latencies = [];
let ok = 0;
let failed = 0;
const started = performance.now();
const deadline = started + spec.seconds * 1000;
await Promise.all(
  Array.from({ length: spec.connections }, async () => {
    while (performance.now() < deadline) {
      const { status, ms } = await next();
      if (status === 200) {
        ok++;
        latencies.push(ms);
      } else failed++;
    }
  }),
);
agent.destroy();
process.stdout.write(
  `${JSON.stringify(summarise(latencies, ok, failed, (performance.now() - started) / 1000, 1))}\n`,
);
