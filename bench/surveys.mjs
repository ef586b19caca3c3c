#!/usr/bin/env node
// Survey benchmark (issue 4: surveys and feedback).
// Measures, in one run on this machine, against `cairn start` on a fresh data directory:
//   1. eligibility lookups/s and p99 (SDK asking "anything for me now?"): visitors with known profiles, a live
//      survey with a URL trigger, the fatigue ledger consulted, the definition localised (target ≥ 10k/s, p99 ≤ 20 ms);
//   2. durable response submissions/s: each request a new complete response (2 answers), acknowledged once the
//      response, its answers, ledger entry and timeline events are durable in the ingest journal (target ≥ 5k/s).
//      Every response comes from its own respondent, and many answer at once: `--respondents` concurrent clients
//      (default 256). A durable write waits for two journal flushes (the events, then the response) of a few ms,
//      so with only 32 clients Little's law caps any server at about 3,000/s however fast it is.
// Usage: node bench/surveys.mjs [--seconds 10] [--connections 32] [--respondents 256] [--visitors 2000]
import { parseArgs } from 'node:util';
import { adminCall, runNode, startCairn, stop } from './lib/processes.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    respondents: { type: 'string', default: '256' },
    visitors: { type: 'string', default: '2000' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const respondents = Number(values.respondents);
const visitors = Number(values.visitors);
const load = async (spec) => JSON.parse(await runNode(['bench/lib/survey-worker.mjs', JSON.stringify(spec)]));

const text = (en, de) => ({ en, de });
const definition = {
  defaultLanguage: 'en',
  questions: [
    {
      id: 'nps',
      type: 'nps',
      title: text('How likely are you to recommend us?', 'Wie wahrscheinlich empfehlen Sie uns?'),
    },
    { id: 'why', type: 'text', required: false, title: text('Why?', 'Warum?') },
  ],
};

console.log(
  `survey benchmark: ${seconds}s per phase, ${connections} connections asking, ${respondents} respondents ` +
    `answering, ${visitors} known visitors`,
);
const cairn = await startCairn();
const ws = await adminCall(cairn.url, 'POST', '/api/v1/workspaces', { name: 'Bench' });
const key = await adminCall(cairn.url, 'POST', `/api/v1/workspaces/${ws.id}/write-keys`, { name: 'bench' });
const headers = {
  'content-type': 'application/json',
  authorization: `Basic ${Buffer.from(`${key.key}:`).toString('base64')}`,
};
const survey = await adminCall(cairn.url, 'POST', `/api/v1/workspaces/${ws.id}/surveys`, {
  name: 'Bench NPS',
  definition,
  settings: { trigger: { urlPattern: 'https://shop.example/thanks*' }, targeting: { samplePercent: 100 } },
});
await adminCall(cairn.url, 'POST', `/api/v1/workspaces/${ws.id}/surveys/${survey.id}/status`, {
  status: 'live',
});

// Known visitors: one page view each, so eligibility resolves a profile and consults its ledger.
for (let start = 0; start < visitors; start += 500) {
  const batch = Array.from({ length: Math.min(500, visitors - start) }, (_, i) => ({
    type: 'page',
    anonymousId: `eligible-${start + i}`,
    name: 'Home',
    properties: { url: 'https://shop.example/' },
  }));
  const res = await fetch(`${cairn.url}/v1/batch`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ batch }),
  });
  if (res.status !== 200) throw new Error(`seed failed: ${res.status}`);
}

const common = { base: cairn.url, headers, connections, seconds, visitors, surveyId: survey.id };
const eligible = await load({ ...common, kind: 'eligible', visitorPrefix: 'eligible', runId: 'e' });
const respond = await load({
  ...common,
  connections: respondents,
  kind: 'respond',
  visitorPrefix: 'respondent',
  runId: 'r',
});
const stored = await adminCall(cairn.url, 'GET', `/api/v1/workspaces/${ws.id}/surveys/${survey.id}`);
await stop(cairn.child);

const table = [
  ['phase', 'req/s', 'p50 ms', 'p99 ms', 'failed', 'target'],
  [
    'GET /v1/surveys/eligible',
    eligible.requestsPerSecond,
    eligible.p50ms,
    eligible.p99ms,
    eligible.failed,
    '≥ 10000/s, p99 ≤ 20 ms',
  ],
  [
    'POST /v1/surveys/:id/responses',
    respond.requestsPerSecond,
    respond.p50ms,
    respond.p99ms,
    respond.failed,
    '≥ 5000/s',
  ],
];
for (const row of table) console.log(row.map((c) => String(c).padEnd(32)).join(''));
console.log(`responses stored: ${stored.responseCount} (acknowledged: ${respond.requests})`);
