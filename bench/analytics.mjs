#!/usr/bin/env node
// Analytics benchmark (issue: touchpoints, journeys and CX KPIs).
// Generates 10M events and 1M profiles (2% merged) plus 200k NPS answers straight into a DuckDB file with DuckDB's
// own SQL (deterministic pseudo-random columns from hash(i), no JS loop), builds the journey timelines (funnels,
// paths and retention read them), then runs four queries through the engine (parse → plan → run on the store adapter → shape,
// called directly, not over HTTP) and the same result through the simplest correct hand-written SQL, alternating,
// and prints p50/p95 of each and the ratio engine/hand.
// Usage: node bench/analytics.mjs [--runs 7] [--events 10000000] [--profiles 1000000]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

if (!process.env.CAIRN_BENCH_TSX) {
  // The engine is TypeScript: re-run this file under tsx so it can import the sources directly.
  const child = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--expose-gc', ...process.argv.slice(1)],
    {
      stdio: 'inherit',
      env: { ...process.env, CAIRN_BENCH_TSX: '1' },
    },
  );
  process.exit(child.status ?? 1);
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    events: { type: 'string', default: '10000000' },
    profiles: { type: 'string', default: '1000000' },
  },
});
const runs = Number(values.runs);
const eventCount = Number(values.events);
const profileCount = Number(values.profiles);

const { openDuckDbStore } = await import('../packages/server/src/store/duckdb/store.ts');
const { parseQuery } = await import('../packages/server/src/domains/analytics/parse-query.ts');
const { planQuery } = await import('../packages/server/src/domains/analytics/plan-query.ts');
const { executePlan } = await import('../packages/server/src/domains/analytics/run-query.ts');
const { duckDbAnalytics } = await import('../packages/server/src/store/duckdb/analytics/analytics-store.ts');
const { TimelineIndex } = await import(
  '../packages/server/src/store/duckdb/analytics/timelines/timeline-index.ts'
);
const { generateWorld } = await import('./lib/analytics-world.mjs');
const hand = await import('./lib/analytics-hand-sql.mjs');

const dir = await mkdtemp(path.join(tmpdir(), 'cairn-bench-analytics-'));
const store = await openDuckDbStore(path.join(dir, 'cairn.duckdb'));
await store.migrate();
const db = store.database.autocommit;
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const started = performance.now();
await generateWorld(store.database, { eventCount, profileCount });
const counts = (
  await db.all('SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM profiles) AS profiles')
)[0];
console.log(
  `generated ${counts.events} events, ${counts.profiles} profiles in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const ctx = { workspaceId: 'bench', timeZone: 'Europe/Berlin', now: new Date('2026-06-01T00:00:00Z') };
const year = { from: '2025-06-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };
const cases = [
  {
    name: 'funnel (4 steps, 7-day window, 1 year)',
    query: {
      kind: 'funnel',
      timeRange: year,
      steps: ['Product Viewed', 'Product Added', 'Checkout Started', 'Order Completed'].map((event) => ({
        event,
      })),
      windowSeconds: 7 * 86400,
    },
    hand: hand.funnel,
  },
  {
    name: 'paths (from Product Viewed, depth 5, 1 year)',
    query: { kind: 'paths', timeRange: year, direction: 'from', step: 'Product Viewed', depth: 5 },
    hand: hand.paths,
  },
  {
    name: 'retention (12 weeks)',
    query: {
      kind: 'retention',
      timeRange: { from: '2026-03-09T00:00:00Z', to: '2026-06-01T00:00:00Z' },
      interval: 'week',
    },
    hand: hand.retention,
  },
  {
    name: 'NPS trend by stage (1 year, weekly)',
    query: { kind: 'trend', metric: 'nps', interval: 'week', breakdown: 'stage', timeRange: year },
    hand: hand.npsTrend,
  },
];

// Funnels, paths and retention read the in-memory journey timelines, which a workspace's first such query starts
// building in the background (SQL answers meanwhile). Build them first and say what that cost.
const timelines = new TimelineIndex(store.database);
const engine = { analytics: duckDbAnalytics(db, timelines) };
const buildStarted = performance.now();
globalThis.gc();
const memoryBefore = process.memoryUsage();
await engine.analytics.run(planQuery(parseQuery(cases[0].query), ctx));
await timelines.settled();
// Twice, with a pause: buffers of DuckDB's result chunks are released by finalizers after the first collection.
globalThis.gc();
await new Promise((resolve) => setTimeout(resolve, 100));
globalThis.gc();
const memoryAfter = process.memoryUsage();
const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);
console.log(
  `journey timelines built in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s: ` +
    `they hold ${mib(memoryAfter.heapUsed + memoryAfter.arrayBuffers - memoryBefore.heapUsed - memoryBefore.arrayBuffers)} MiB ` +
    `of JavaScript heap and arrays (resident +${mib(memoryAfter.rss - memoryBefore.rss)} MiB, DuckDB's buffers for the first query included)`,
);

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const time = async (work) => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};

for (const c of cases) {
  const plan = planQuery(parseQuery(c.query), ctx);
  // Same result first: the engine's rows against the hand-written SQL's rows, normalised the same way.
  const engineRows = hand.normalise(plan.kind, await engine.analytics.run(plan));
  const handRows = hand.normalise(plan.kind, await c.hand(db, plan));
  const same = JSON.stringify(engineRows) === JSON.stringify(handRows);
  if (!same && process.env.CAIRN_BENCH_DEBUG)
    console.log(JSON.stringify(engineRows).slice(0, 300), JSON.stringify(handRows).slice(0, 300));
  const engineMs = [];
  const handMs = [];
  for (let i = 0; i < runs; i++) {
    engineMs.push(
      await time(() => executePlan(engine, parseQuery(c.query), planQuery(parseQuery(c.query), ctx))),
    );
    handMs.push(await time(() => c.hand(db, plan)));
  }
  engineMs.sort((a, b) => a - b);
  handMs.sort((a, b) => a - b);
  const [e50, e95, h50, h95] = [
    quantile(engineMs, 0.5),
    quantile(engineMs, 0.95),
    quantile(handMs, 0.5),
    quantile(handMs, 0.95),
  ];
  console.log(
    `${c.name}: engine p50 ${e50.toFixed(0)} ms p95 ${e95.toFixed(0)} ms | hand SQL p50 ${h50.toFixed(0)} ms p95 ${h95.toFixed(0)} ms | ratio p50 ${(e50 / h50).toFixed(2)} | same result: ${same} (${engineRows.length} rows)`,
  );
}

await store.close();
