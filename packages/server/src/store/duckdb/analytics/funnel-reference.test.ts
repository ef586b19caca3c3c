import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunnelPlan } from '../../analytics-port.js';
import type { DuckDbDatabase } from '../database.js';
import { openDuckDbStore } from '../store.js';
import { buildDuckDbSql } from './build.js';

const steps = ['A', 'B', 'C', 'D'];
const windowSeconds = 3 * 86400;

/**
 * The windowFunnel algorithm as ClickHouse runs it (AggregateFunctionWindowFunnel, default mode): events in time
 * order (ties by arrival here); a step-1 event (re)starts the chain, a step-k event extends the chain at level k−1
 * when it lies within the window of that chain's start. The answer is the deepest level reached.
 */
function referenceLevel(events: { step: number; t: number }[]): number {
  const startOf: (number | undefined)[] = [];
  for (const e of events) {
    if (e.step === 0) startOf[0] = e.t;
    else {
      const start = startOf[e.step - 1];
      if (start !== undefined && e.t <= start + windowSeconds * 1000) startOf[e.step] = start;
    }
  }
  return startOf.length;
}

describe('funnel SQL against the reference algorithm on generated data', () => {
  let store: Awaited<ReturnType<typeof openDuckDbStore>>;
  let db: DuckDbDatabase;
  beforeAll(async () => {
    store = await openDuckDbStore(':memory:');
    await store.migrate();
    db = store.database;
    // Large enough that DuckDB's ASOF join partitions its input (a NULL-key bug only showed at this size).
    await db.autocommit.run(`INSERT INTO profiles SELECT 'p' || i, 'w', now(), NULL FROM range(3000) t(i)`);
    await db.autocommit.run(
      `INSERT INTO events (workspace_id, message_id, type, event, profile_id, channel, occurred_at, received_at,
         properties, traits, context, ingest_seq)
       SELECT 'w', 'm' || i, 'track', ['A', 'B', 'C', 'D', 'X'][(1 + hash(i * 3) % 5)::BIGINT], 'p' || (hash(i * 3 + 1) % 3000),
         'web', TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_seconds((hash(i * 3 + 2) % (20 * 86400))::BIGINT), now(),
         '{}', '{}', '{}', i
       FROM range(60000) t(i)`,
    );
  });
  afterAll(() => store.close());

  it('gives every customer the level the reference algorithm gives', async () => {
    const plan: FunnelPlan = {
      kind: 'funnel',
      workspaceId: 'w',
      timeZone: 'UTC',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
      filters: [],
      touchpoints: [],
      steps: steps.map((event) => ({ event, touchpoint: null, filters: [] })),
      windowSeconds,
      breakdown: null,
    };
    const { sql, params } = buildDuckDbSql(plan);
    const perCustomer = sql.replace(
      /SELECT key, level, count\(\*\)[\s\S]*$/,
      'SELECT pid, b.level AS level FROM best',
    );
    const engine = new Map(
      (await db.autocommit.all(perCustomer, params)).map((r) => [String(r.pid), Number(r.level)]),
    );
    const rows = await db.autocommit.all(
      `SELECT profile_id AS pid, event, epoch_ms(occurred_at) AS t FROM events WHERE event <> 'X' ORDER BY pid, occurred_at, ingest_seq`,
    );
    const byCustomer = new Map<string, { step: number; t: number }[]>();
    for (const r of rows) {
      const list = byCustomer.get(String(r.pid)) ?? [];
      list.push({ step: steps.indexOf(String(r.event)), t: Number(r.t) });
      byCustomer.set(String(r.pid), list);
    }
    const mismatches: string[] = [];
    for (const [pid, events] of byCustomer) {
      const expected = referenceLevel(events);
      if ((engine.get(pid) ?? 0) !== expected)
        mismatches.push(`${pid}: engine ${engine.get(pid)} reference ${expected}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(new Set(engine.values()).size).toBe(4);
  });
});
