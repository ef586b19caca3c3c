import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  FunnelPlan,
  PathsPlan,
  PlannedFilter,
  QueryPlan,
  RetentionPlan,
} from '../../../analytics-port.js';
import type { DuckDbDatabase } from '../../database.js';
import { openDuckDbStore } from '../../store.js';
import { duckDbAnalytics } from '../analytics-store.js';
import { TimelineIndex, type TimelinePlan, timelinesAnswer } from './timeline-index.js';

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

interface EventRow {
  w: string;
  type: string;
  event: string | null;
  profile: string;
  channel: string;
  ts: string;
  path: string | null;
  seq: number;
}

const base = Date.parse('2026-03-20T00:00:00Z');
let seq = 0;

/**
 * Events with what makes journeys hard: timestamps on a coarse grid (many ties, broken by arrival), arrival order
 * unrelated to time, page and screen views with and without a path, identify calls, repeated steps, two
 * workspaces, several channels. Times straddle the DST change of 29 March 2026 (in UTC, which the engine uses).
 */
function generateEvents(
  rng: ReturnType<typeof random>,
  count: number,
  profiles: number,
  days = 6,
  stepMinutes = 5,
): EventRow[] {
  return Array.from({ length: count }, () => {
    const kind = rng.int(10);
    const type = kind < 6 ? 'track' : kind < 8 ? 'page' : kind < 9 ? 'screen' : 'identify';
    const w = rng.pick(['w1', 'w1', 'w1', 'w2']);
    return {
      w,
      type,
      event: type === 'track' ? rng.pick(['A', 'B', 'C', 'D', 'X', 'Ä']) : type === 'screen' ? 'Home' : null,
      // Profile ids are unique across workspaces (UUIDs in the product).
      profile: `${w}-p${rng.int(profiles)}`,
      channel: rng.pick(['web', 'app', 'email', 'store']),
      ts: new Date(base + rng.int((days * 24 * 60) / stepMinutes) * stepMinutes * 60_000).toISOString(),
      path: type === 'page' ? rng.pick(['/', '/a', '/b', null]) : null,
      seq: ++seq,
    };
  });
}

/** Inserts the rows in reverse arrival order, so the store's row order says nothing about arrival. */
async function insertEvents(db: DuckDbDatabase, rows: EventRow[]) {
  await db.autocommit.run(
    `INSERT INTO events (workspace_id, message_id, type, event, profile_id, channel, occurred_at, received_at,
       properties, traits, context, page_path, ingest_seq)
     SELECT w, 'm' || seq, type, event, profile, channel, ts::TIMESTAMPTZ, now(), '{}', '{}', '{}', path, seq
     FROM (SELECT unnest(from_json($1::JSON, '[{"w":"VARCHAR","type":"VARCHAR","event":"VARCHAR",
       "profile":"VARCHAR","channel":"VARCHAR","ts":"VARCHAR","path":"VARCHAR","seq":"BIGINT"}]'), recursive := true))`,
    [JSON.stringify([...rows].reverse())],
  );
}

/** Merges `from` (and whatever was merged into it) into `into`, as identity resolution does. */
async function mergeProfiles(db: DuckDbDatabase, workspaceId: string, from: string, into: string) {
  await db.autocommit.run(
    `INSERT INTO profiles VALUES ($2, $1, now(), NULL), ($3, $1, now(), NULL) ON CONFLICT (id) DO NOTHING`,
    [workspaceId, from, into],
  );
  await db.autocommit.run(
    'UPDATE profiles SET merged_into = $3 WHERE workspace_id = $1 AND (id = $2 OR merged_into = $2)',
    [workspaceId, from, into],
  );
}

const planBase = (rng: ReturnType<typeof random>) => {
  const fromDay = rng.int(3);
  return {
    workspaceId: rng.pick(['w1', 'w2']),
    timeZone: 'UTC',
    from: new Date(base + fromDay * 86_400_000 + rng.pick([0, 7 * 60_000])).toISOString(),
    to: new Date(base + (fromDay + 1 + rng.int(5)) * 86_400_000).toISOString(),
    filters: randomChannelFilters(rng),
    touchpoints: [],
  };
};

/** Mostly none; else the dashboard's channel filter (eq), or neq / in, sometimes two at once. */
function randomChannelFilters(rng: ReturnType<typeof random>): PlannedFilter[] {
  const filter = (): PlannedFilter => {
    const op = rng.pick(['eq', 'neq', 'in'] as const);
    const value = op === 'in' ? ['web', rng.pick(['app', 'email', 'fax'])] : rng.pick(['web', 'app', 'fax']);
    return { field: { kind: 'column', name: 'channel' }, op, value };
  };
  const count = rng.pick([0, 0, 1, 1, 2]);
  return Array.from({ length: count }, filter);
}

function randomFunnel(rng: ReturnType<typeof random>): FunnelPlan {
  const steps = Array.from({ length: 2 + rng.int(3) }, () => rng.pick(['A', 'B', 'C', 'A', 'Ä']));
  return {
    kind: 'funnel',
    ...planBase(rng),
    steps: steps.map((event) => ({ event, touchpoint: null, filters: [] })),
    windowSeconds: rng.pick([0, 300, 3600, 86_400, 3 * 86_400]),
    breakdown: rng.next() < 0.5 ? null : { kind: 'column', name: 'channel' },
  };
}

function randomPaths(rng: ReturnType<typeof random>): PathsPlan {
  return {
    kind: 'paths',
    ...planBase(rng),
    direction: rng.pick(['from', 'to']),
    step: rng.pick(['A', 'B', '/a', 'Home', 'Ä']),
    depth: 2 + rng.int(5),
  };
}

function randomRetention(rng: ReturnType<typeof random>): RetentionPlan {
  const fromDay = rng.int(20);
  return {
    kind: 'retention',
    ...planBase(rng),
    // Local weeks and months in zones whose clocks change inside the data (US 8 March, EU 29 March 2026).
    timeZone: rng.pick(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata']),
    from: new Date(base - 10 * 86_400_000 + fromDay * 86_400_000).toISOString(),
    to: new Date(base + (fromDay + 20 + rng.int(60)) * 86_400_000 + rng.pick([0, 3_600_000])).toISOString(),
    interval: rng.pick(['week', 'week', 'month']),
    startEvent: rng.pick([null, 'A', 'Ä']),
    returnEvent: rng.pick([null, 'B', 'A']),
    periods: 1 + rng.int(12),
  };
}

describe('funnels, paths and retention from the timelines equal the SQL', () => {
  let store: Awaited<ReturnType<typeof openDuckDbStore>>;
  let sql: ReturnType<typeof duckDbAnalytics>;
  let index: TimelineIndex;

  /** Runs the plan on the timelines, waiting for a build or catch-up the first call starts. */
  const fromTimelines = async (plan: TimelinePlan) => {
    const rows = await index.run(plan);
    if (rows) return rows;
    await index.settled();
    const built = await index.run(plan);
    expect(built, 'answered once built').not.toBeNull();
    return built;
  };
  const expectSame = async (plan: TimelinePlan) => {
    expect(await fromTimelines(plan), JSON.stringify(plan)).toEqual(await sql.run(plan));
  };

  beforeEach(async () => {
    store = await openDuckDbStore(':memory:');
    await store.migrate();
    sql = duckDbAnalytics(store.database.autocommit, null);
    index = new TimelineIndex(store.database);
  });
  afterEach(() => store.close());

  it('on random worlds and random funnels and paths, with channel filters and merged profiles', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const rng = random(seed);
      await insertEvents(store.database, generateEvents(rng, 1500, seed % 2 ? 40 : 6));
      // Into profiles with events of their own, and into one without (a survivor the timelines never saw).
      for (let i = 0; i < 3; i++) {
        await mergeProfiles(store.database, 'w1', `w1-p${20 + seed * 3 + i}`, `w1-p${rng.int(6)}`);
      }
      await mergeProfiles(store.database, 'w1', `w1-p${7 + seed}`, `w1-survivor-${seed}`);
      for (let i = 0; i < 6; i++) await expectSame(randomFunnel(rng));
      for (let i = 0; i < 6; i++) await expectSame(randomPaths(rng));
    }
  });

  it('on random worlds over ten weeks and random retention queries in several time zones', async () => {
    for (let seed = 21; seed <= 24; seed++) {
      const rng = random(seed);
      // On whole half hours, so many events fall exactly on a local period start.
      await insertEvents(store.database, generateEvents(rng, 2000, 50, 70, 30));
      await mergeProfiles(store.database, 'w1', `w1-p${seed}`, `w1-p${seed + 10}`);
      for (let i = 0; i < 8; i++) await expectSame(randomRetention(rng));
    }
  });

  it('follows the store: new events, merges, deleted events', async () => {
    const rng = random(42);
    await insertEvents(store.database, generateEvents(rng, 800, 30));
    const funnel = {
      ...randomFunnel(rng),
      workspaceId: 'w1',
      from: '2026-03-01T00:00:00Z',
      to: '2026-04-01T00:00:00Z',
    };
    const paths: PathsPlan = { ...randomPaths(rng), workspaceId: 'w1', from: funnel.from, to: funnel.to };
    await expectSame(funnel);
    const before = await index.run(funnel);

    // New events come in with the next query, without a rebuild.
    await insertEvents(
      store.database,
      generateEvents(rng, 400, 30).map((e) => ({ ...e, w: 'w1', profile: `w1-${e.profile}` })),
    );
    const caughtUp = await index.run(funnel);
    expect(caughtUp).not.toBeNull();
    expect(caughtUp).not.toEqual(before);
    expect(caughtUp).toEqual(await sql.run(funnel));

    await mergeProfiles(store.database, 'w1', 'w1-p3', 'w1-p4');
    await mergeProfiles(store.database, 'w1', 'w1-p5', 'w1-p4');
    expect(await index.run(paths)).toEqual(await sql.run(paths));

    // Deleted events are noticed: SQL answers while the timelines are built anew.
    await store.database.autocommit.run(
      `DELETE FROM events WHERE workspace_id = 'w1' AND ingest_seq % 3 = 0`,
    );
    expect(await index.run(funnel)).toBeNull();
    await expectSame(funnel);
    await expectSame(paths);
  });

  it('starts over when the file is restored, even to one with as many events', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cairn-timelines-'));
    try {
      const onFile = await openDuckDbStore(path.join(dir, 'cairn.duckdb'));
      await onFile.migrate();
      const other = await openDuckDbStore(path.join(dir, 'other.duckdb'));
      await other.migrate();
      const events = generateEvents(random(5), 600, 20).map((e) => ({
        ...e,
        w: 'w1',
        profile: `w1-${e.profile}`,
      }));
      await insertEvents(onFile.database, events);
      // The same arrival numbers, other steps: counts and last sequence number cannot tell the files apart.
      await insertEvents(
        other.database,
        events.map((e) => ({ ...e, event: e.event && 'B', path: e.path && '/b' })),
      );
      await other.backupTo(path.join(dir, 'backup.duckdb'));
      await other.close();

      const fileIndex = new TimelineIndex(onFile.database);
      const fileSql = duckDbAnalytics(onFile.database.autocommit, null);
      const paths: PathsPlan = {
        ...randomPaths(random(3)),
        workspaceId: 'w1',
        from: '2026-03-01T00:00:00Z',
        to: '2026-04-01T00:00:00Z',
        step: 'B',
      };
      expect(await fileIndex.run(paths)).toBeNull();
      await fileIndex.settled();
      expect(await fileIndex.run(paths)).toEqual(await fileSql.run(paths));

      await onFile.restoreFrom(path.join(dir, 'backup.duckdb'));
      expect(await fileIndex.run(paths)).toBeNull();
      await fileIndex.settled();
      expect(await fileIndex.run(paths)).toEqual(await fileSql.run(paths));
      await onFile.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lets SQL answer when bringing the timelines up to date fails, and builds them anew', async () => {
    await insertEvents(store.database, generateEvents(random(13), 300, 10));
    const plan: PathsPlan = { ...randomPaths(random(14)), workspaceId: 'w1' };
    await fromTimelines(plan);
    const failing = vi.spyOn(store.database, 'snapshotRead').mockRejectedValueOnce(new Error('read failed'));
    expect(await index.run(plan)).toBeNull();
    failing.mockRestore();
    expect(await index.run(plan)).toBeNull(); // dropped: built anew
    await expectSame(plan);
  });

  it('drops the timelines of a workspace nobody asked about for an hour', async () => {
    await insertEvents(store.database, generateEvents(random(11), 300, 10));
    const inW1: PathsPlan = { ...randomPaths(random(12)), workspaceId: 'w1' };
    const inW2: PathsPlan = { ...inW1, workspaceId: 'w2' };
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await fromTimelines(inW1);
      await fromTimelines(inW2);
      vi.setSystemTime(Date.now() + 30 * 60_000);
      expect(await index.run(inW1)).not.toBeNull();
      vi.setSystemTime(Date.now() + 61 * 60_000);
      expect(await index.run(inW1)).not.toBeNull(); // the workspace asking keeps its timelines
      expect(await index.run(inW2)).toBeNull(); // last asked 91 minutes ago: dropped, built anew
      await index.settled();
      expect(await index.run(inW2)).not.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers a step that never occurs with nothing, and a workspace without events likewise', async () => {
    await insertEvents(store.database, generateEvents(random(7), 200, 10));
    const paths: PathsPlan = { ...randomPaths(random(8)), workspaceId: 'w1', step: 'Never' };
    expect(await fromTimelines(paths)).toEqual([]);
    const empty: FunnelPlan = { ...randomFunnel(random(9)), workspaceId: 'nobody' };
    expect(await fromTimelines(empty)).toEqual([]);
    expect(await sql.run(empty)).toEqual([]);
  });
});

describe('which plans the timelines answer', () => {
  const funnel = (overrides: Partial<FunnelPlan>): QueryPlan => ({
    ...randomFunnel(random(1)),
    ...overrides,
  });
  it('takes channel filters and leaves other filters, property and trait breakdowns and touchpoint steps to SQL', () => {
    expect(timelinesAnswer(funnel({ breakdown: null }))).toBe(true);
    expect(timelinesAnswer(funnel({ breakdown: { kind: 'column', name: 'channel' } }))).toBe(true);
    expect(timelinesAnswer(funnel({ breakdown: { kind: 'property', name: 'plan' } }))).toBe(false);
    expect(timelinesAnswer(funnel({ breakdown: { kind: 'column', name: 'browser' } }))).toBe(false);
    const channel = { field: { kind: 'column', name: 'channel' }, op: 'eq', value: 'web' } as const;
    expect(timelinesAnswer(funnel({ filters: [channel, { ...channel, op: 'in', value: ['app'] }] }))).toBe(
      true,
    );
    expect(timelinesAnswer(funnel({ filters: [{ ...channel, op: 'contains' }] }))).toBe(false);
    expect(timelinesAnswer(funnel({ filters: [{ ...channel, value: 3 }] }))).toBe(false);
    const filter = { field: { kind: 'column', name: 'browser' }, op: 'eq', value: 'Chrome' } as const;
    expect(timelinesAnswer(funnel({ filters: [filter] }))).toBe(false);
    expect(
      timelinesAnswer(
        funnel({
          steps: [
            { event: null, touchpoint: 'tp', filters: [] },
            { event: 'A', touchpoint: null, filters: [] },
          ],
        }),
      ),
    ).toBe(false);
    expect(timelinesAnswer({ ...randomPaths(random(2)), filters: [filter] })).toBe(false);
    expect(timelinesAnswer({ ...randomRetention(random(3)), filters: [channel] })).toBe(true);
    expect(timelinesAnswer({ ...randomRetention(random(3)), filters: [filter] })).toBe(false);
  });
});
