#!/usr/bin/env node
// Ingestion benchmark (issue: omnichannel event collection).
// Measures, in one run on this machine:
//   1. parse-only baseline: the same framework receiving /v1/batch bodies and parsing JSON, nothing else;
//   2. Cairn durable batch ingest (/v1/batch, 100 events of ~500 bytes per request, many concurrent clients):
//      acknowledged events/s (an acknowledgement means the events are in the fsync'd ingest journal), and the
//      same events counted until the last of them is in the store too (acknowledged events / (phase + catch-up));
//      and, measured after 3 and 4, the same max load with 40 new visitors in every batch (identities not known);
//   3. Cairn p99 acknowledgement latency at half the load it sustained in 2, measured after the server caught up
//      with phase 2 and after a warm-up of 3 s at that rate (steady state, not the tail of the overload);
//   4. single /v1/track requests per second and p99;
//   5. freshness: time from acknowledgement to the event being visible in the profile API;
//   6. where the CPU goes: the server's CPU time per event in phase 2 (all its threads, DuckDB's included) and,
//      measured apart, DuckDB's own cost of storing the same events (bench/lib/store-floor.mjs), against the CPU
//      per event that the baseline ratio of 0.5 would allow on this machine's cores, and the best ratio a server could
//      reach that did only what the baseline does and then stored each event in DuckDB.
// Usage: node bench/ingest.mjs [--seconds 10] [--connections 32]
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import {
  adminCall,
  machineCpuSeconds,
  processCpuSeconds,
  runNode,
  startCairn,
  startPrintingUrl,
  stop,
} from './lib/processes.mjs';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const worker = 'bench/lib/load-worker.mjs';
const load = async (spec) => JSON.parse(await runNode([worker, JSON.stringify(spec)]));

console.log(`ingest benchmark: ${seconds}s per phase, ${connections} connections, 100 events per batch`);

const baseline = await startPrintingUrl(['bench/lib/parse-only-server.mjs']);
const machineBeforeBase = await machineCpuSeconds();
const base = await load({
  url: `${baseline.url}/v1/batch`,
  headers: { 'content-type': 'application/json' },
  connections,
  seconds,
  eventsPerRequest: 100,
  runId: 'base',
});
// The whole machine's CPU (server and load generator) per event of the baseline.
const baseMicros =
  (((await machineCpuSeconds()) - machineBeforeBase) * 1e6) / (base.eventsPerSecond * base.seconds);
await stop(baseline.child);

const cairn = await startCairn();
const ws = await adminCall(cairn.url, 'POST', '/api/v1/workspaces', { name: 'Bench' });
const key = await adminCall(cairn.url, 'POST', `/api/v1/workspaces/${ws.id}/write-keys`, { name: 'bench' });
const headers = {
  'content-type': 'application/json',
  authorization: `Basic ${Buffer.from(`${key.key}:`).toString('base64')}`,
};

/** Resolves once every acknowledged event is in the store (the journal's backlog is empty); the seconds waited. */
async function caughtUp() {
  const started = performance.now();
  for (;;) {
    const metrics = await (await fetch(`${cairn.url}/metrics`)).text();
    const backlog = Number(/^cairn_ingest_unapplied_messages (\d+)/m.exec(metrics)?.[1] ?? Number.NaN);
    if (backlog === 0) return (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const maxLoad = { url: `${cairn.url}/v1/batch`, headers, connections, seconds, eventsPerRequest: 100 };
const cpuBeforeFull = await processCpuSeconds(cairn.child.pid);
const full = await load({ ...maxLoad, runId: 'full' });
const catchUp = await caughtUp();
const fullCpuSeconds = (await processCpuSeconds(cairn.child.pid)) - cpuBeforeFull;
const fullInStore = Math.round((full.eventsPerSecond * full.seconds) / (full.seconds + catchUp));
await new Promise((r) => setTimeout(r, 2000));
const halfLoad = {
  url: `${cairn.url}/v1/batch`,
  headers,
  rate: Math.max(1, Math.round(full.requestsPerSecond / 2)),
  connections: 256,
  eventsPerRequest: 100,
};
await load({ ...halfLoad, seconds: 3, runId: 'warm' });
const half = await load({ ...halfLoad, seconds, runId: 'half' });
await caughtUp();
const single = await load({
  url: `${cairn.url}/v1/track`,
  headers,
  connections,
  seconds,
  eventsPerRequest: 1,
  single: true,
  runId: 'single',
});

// Max load again (after the phases above, so they are measured as before), but every batch from 40 visitors not
// seen before (their identities must be looked up in the store).
const fresh = await load({ ...maxLoad, runId: 'fresh', freshVisitors: true });
await caughtUp();

// Freshness: acknowledge, then poll the profile API until the event shows up.
const freshness = [];
for (let i = 0; i < 20; i++) {
  const userId = `fresh-${i}`;
  const acked = await fetch(`${cairn.url}/v1/track`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ userId, event: 'Fresh' }),
  });
  const t0 = performance.now();
  if (acked.status !== 200) throw new Error(`track failed: ${acked.status}`);
  for (;;) {
    const res = await fetch(`${cairn.url}/api/v1/workspaces/${ws.id}/profiles/lookup?userId=${userId}`, {
      headers: { authorization: 'Bearer bench-admin-token-0123456789abcdef' },
    });
    if (res.status === 200) break;
    await new Promise((r) => setTimeout(r, 1));
  }
  freshness.push(performance.now() - t0);
}
freshness.sort((a, b) => a - b);
await stop(cairn.child);
const floor = JSON.parse(
  await runNode(['--conditions=source', '--import', 'tsx', 'bench/lib/store-floor.mjs', '200000']),
);

const table = [
  ['phase', 'req/s', 'events/s', 'p50 ms', 'p99 ms', 'failed'],
  [
    'parse-only baseline (batch)',
    base.requestsPerSecond,
    base.eventsPerSecond,
    base.p50ms,
    base.p99ms,
    base.failed,
  ],
  [
    'cairn /v1/batch, max load',
    full.requestsPerSecond,
    full.eventsPerSecond,
    full.p50ms,
    full.p99ms,
    full.failed,
  ],
  ['  … until all in the store', '', fullInStore, '', '', ''],
  [
    'cairn /v1/batch, new visitors',
    fresh.requestsPerSecond,
    fresh.eventsPerSecond,
    fresh.p50ms,
    fresh.p99ms,
    fresh.failed,
  ],
  [
    'cairn /v1/batch, half load',
    half.requestsPerSecond,
    half.eventsPerSecond,
    half.p50ms,
    half.p99ms,
    half.failed,
  ],
  [
    'cairn /v1/track, single',
    single.requestsPerSecond,
    single.eventsPerSecond,
    single.p50ms,
    single.p99ms,
    single.failed,
  ],
];
for (const row of table) console.log(row.map((c, i) => String(c).padEnd(i === 0 ? 30 : 10)).join(''));
console.log(
  `ratio cairn/baseline (events/s): ${(full.eventsPerSecond / base.eventsPerSecond).toFixed(2)} acknowledged, ` +
    `${(fullInStore / base.eventsPerSecond).toFixed(2)} until in the store (catch-up ${catchUp.toFixed(1)} s)`,
);
console.log(
  `freshness ack→visible in profile API: p50 ${freshness[10].toFixed(1)} ms, max ${freshness.at(-1).toFixed(1)} ms`,
);
// CPU per event: the server's over phase 2 and its catch-up (every acknowledged event stored), DuckDB's alone,
// and the budget of a ratio of 0.5: the machine's cores for half the baseline's events/s, the load generator's
// own CPU not even counted. The ceiling: a server that did no more than the baseline (receive, parse; the load
// generator included) and then had DuckDB store each event could reach at most this ratio.
const serverMicros = (fullCpuSeconds * 1e6) / (full.eventsPerSecond * full.seconds);
const budgetMicros = (availableParallelism() * 1e6) / (0.5 * base.eventsPerSecond);
console.log(
  `CPU per event: server ${serverMicros.toFixed(1)} µs at max load (all threads); DuckDB alone storing the same ` +
    `events ${floor.cpuMicrosPerEvent.toFixed(1)} µs (transactions of ${floor.eventsPerApply}, checkpoint included); ` +
    `a ratio of 0.5 allows at most ${budgetMicros.toFixed(1)} µs on ${availableParallelism()} cores`,
);
console.log(
  `ceiling: the baseline costs the machine ${baseMicros.toFixed(1)} µs per event (server and load generator); ` +
    `adding only DuckDB's storing, the ratio could be at most ` +
    `${(baseMicros / (baseMicros + floor.cpuMicrosPerEvent)).toFixed(2)}`,
);
