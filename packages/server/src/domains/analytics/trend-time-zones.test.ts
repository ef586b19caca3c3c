import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { analyticsWorkspace } from './analytics-test-support.js';

type Point = { bucket: string; value: number; n: number };

describe('trends bucket by local days, ISO weeks and months of the workspace time zone (DST included)', () => {
  let t: TestApp;
  let berlin: Awaited<ReturnType<typeof analyticsWorkspace>>;
  let utc: Awaited<ReturnType<typeof analyticsWorkspace>>;
  const spring = { from: '2026-03-27T00:00:00Z', to: '2026-04-03T00:00:00Z' };
  const autumn = { from: '2026-10-23T00:00:00Z', to: '2026-10-28T00:00:00Z' };
  const points = async (w: typeof berlin, body: Record<string, unknown>) => {
    const res = await w.query({ kind: 'trend', metric: 'csat', ...body });
    if (res.statusCode !== 200) throw new Error(res.body);
    return (res.json().series[0]?.points ?? []).map((p: Point) => [
      p.bucket,
      p.n,
      Math.round(p.value * 1e4) / 1e4,
    ]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    berlin = await analyticsWorkspace(t, 'Europe/Berlin');
    utc = await analyticsWorkspace(t, 'UTC');
    const answers = [
      // 28 Mar 23:30 CET (UTC+1)
      { at: '2026-03-28T22:30:00Z', score: 5 },
      // 29 Mar 00:30 CET: the day clocks go forward (23 hours long)
      { at: '2026-03-28T23:30:00Z', score: 1 },
      // 29 Mar 23:30 CEST (UTC+2)
      { at: '2026-03-29T21:30:00Z', score: 5 },
      // 30 Mar 00:30 CEST: Monday, a new ISO week
      { at: '2026-03-29T22:30:00Z', score: 5 },
      // 1 Apr 00:30 CEST: a new month, still 31 Mar in UTC
      { at: '2026-03-31T22:30:00Z', score: 2 },
      // 24 Oct 23:30 CEST
      { at: '2026-10-24T21:30:00Z', score: 5 },
      // 25 Oct 00:30 CEST and 23:30 CET: the 25-hour day clocks go back
      { at: '2026-10-24T22:30:00Z', score: 5 },
      { at: '2026-10-25T22:30:00Z', score: 1 },
      // 26 Oct 00:30 CET
      { at: '2026-10-25T23:30:00Z', score: 5 },
    ];
    for (const w of [berlin, utc]) for (const a of answers) await w.answer({ type: 'csat', ...a });
  });
  afterAll(() => t.close());

  it('days around the spring change', async () => {
    expect(await points(berlin, { interval: 'day', timeRange: spring })).toEqual([
      ['2026-03-28', 1, 100],
      ['2026-03-29', 2, 50],
      ['2026-03-30', 1, 100],
      ['2026-04-01', 1, 0],
    ]);
    expect(await points(utc, { interval: 'day', timeRange: spring })).toEqual([
      ['2026-03-28', 2, 50],
      ['2026-03-29', 2, 100],
      ['2026-03-31', 1, 0],
    ]);
  });

  it('days around the autumn change', async () => {
    expect(await points(berlin, { interval: 'day', timeRange: autumn })).toEqual([
      ['2026-10-24', 1, 100],
      ['2026-10-25', 2, 50],
      ['2026-10-26', 1, 100],
    ]);
  });

  it('ISO weeks start on local Mondays and months on local first days', async () => {
    expect(await points(berlin, { interval: 'week', timeRange: spring })).toEqual([
      ['2026-03-23', 3, 66.6667],
      ['2026-03-30', 2, 50],
    ]);
    expect(await points(berlin, { interval: 'month', timeRange: spring })).toEqual([
      ['2026-03-01', 4, 75],
      ['2026-04-01', 1, 0],
    ]);
    expect(await points(utc, { interval: 'month', timeRange: spring })).toEqual([['2026-03-01', 5, 60]]);
  });
});
