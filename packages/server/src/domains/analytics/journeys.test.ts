import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { analyticsWorkspace, type TrackInput } from './analytics-test-support.js';

const june = { from: '2026-06-01T00:00:00Z', to: '2026-06-10T00:00:00Z' };
const minute = (userId: string, m: number) =>
  `2026-06-0${userId.endsWith('4') ? 2 : 1}T10:${String(m).padStart(2, '0')}:00Z`;

describe('paths, retention and channel switching on hand-computed journeys', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('paths from and to a step, with shares, "other" and Sankey links', async () => {
    const w = await analyticsWorkspace(t);
    const journeys: Record<string, string[]> = {
      p1: ['/', 'Search', 'Product', 'Cart'],
      p2: ['/', 'Search', 'Search', 'Product', 'Cart'],
      p3: ['/', 'Product', 'Cart'],
      p4: ['Search', '/', 'Cart'],
    };
    const events: TrackInput[] = Object.entries(journeys).flatMap(([userId, steps]) =>
      steps.map((step, i) =>
        step === '/'
          ? { type: 'page' as const, userId, path: '/', timestamp: minute(userId, i) }
          : { userId, event: step, timestamp: minute(userId, i) },
      ),
    );
    await w.send(events.reverse());
    const from = (
      await w.query({ kind: 'paths', timeRange: june, direction: 'from', step: '/', depth: 3, top: 2 })
    ).json();
    expect(from.customers).toBe(4);
    expect(from.paths).toEqual([
      { path: ['/', 'Search', 'Product'], customers: 2, share: 50 },
      { path: ['/', 'Cart'], customers: 1, share: 25 },
    ]);
    expect(from.other).toEqual({ customers: 1, share: 25 });
    expect(from.sankey.links).toEqual([
      { source: '0:/', target: '1:Search', value: 2 },
      { source: '1:Search', target: '2:Product', value: 2 },
      { source: '0:/', target: '1:Cart', value: 1 },
      { source: '0:/', target: '1:Product', value: 1 },
      { source: '1:Product', target: '2:Cart', value: 1 },
    ]);
    expect(from.sankey.nodes).toContainEqual({ id: '2:Product', name: 'Product', step: 2 });
    const to = (
      await w.query({ kind: 'paths', timeRange: june, direction: 'to', step: 'Cart', depth: 3 })
    ).json();
    expect(to.paths).toEqual([
      { path: ['Search', 'Product', 'Cart'], customers: 2, share: 50 },
      { path: ['/', 'Product', 'Cart'], customers: 1, share: 25 },
      { path: ['Search', '/', 'Cart'], customers: 1, share: 25 },
    ]);
  });

  it('weekly retention cohorts cut at local (Europe/Berlin) week starts, across the DST change', async () => {
    const w = await analyticsWorkspace(t, 'Europe/Berlin');
    await w.send([
      // Monday 30 March 00:30 CEST (still Sunday in UTC): cohort of the week of 30 March.
      { userId: 'r1', event: 'Visit', timestamp: '2026-03-29T22:30:00Z' },
      { userId: 'r1', event: 'Visit', timestamp: '2026-04-06T10:00:00Z' },
      { userId: 'r1', event: 'Visit', timestamp: '2026-04-20T10:00:00Z' },
      { userId: 'r2', event: 'Visit', timestamp: '2026-03-30T10:00:00Z' },
      { userId: 'r2', event: 'Visit', timestamp: '2026-04-07T10:00:00Z' },
      { userId: 'r3', event: 'Visit', timestamp: '2026-03-24T10:00:00Z' },
      // Sunday 29 March 23:30 CEST: same week as the cohort → not a return.
      { userId: 'r3', event: 'Visit', timestamp: '2026-03-29T21:30:00Z' },
      { userId: 'r3', event: 'Visit', timestamp: '2026-03-30T08:00:00Z' },
    ]);
    const res = await w.query({
      kind: 'retention',
      timeRange: { from: '2026-03-01T00:00:00Z', to: '2026-05-01T00:00:00Z' },
      interval: 'week',
      periods: 3,
    });
    expect(res.statusCode).toBe(200);
    const cohorts = res
      .json()
      .cohorts.map((c: { cohort: string; customers: number; periods: { customers: number }[] }) => [
        c.cohort,
        c.customers,
        c.periods.map((p) => p.customers),
      ]);
    expect(cohorts).toEqual([
      ['2026-03-23', 1, [1, 0, 0]],
      ['2026-03-30', 2, [2, 0, 1]],
    ]);
  });

  it('channel switches within the window, ties ordered by arrival', async () => {
    const w = await analyticsWorkspace(t);
    const at = (d: number, hhmm: string) => `2026-06-0${d}T${hhmm}:00Z`;
    await w.send([
      { userId: 'c1', event: 'Visit', channel: 'web', timestamp: at(1, '10:00') },
      { userId: 'c1', event: 'Visit', channel: 'app', timestamp: at(1, '11:00') },
      { userId: 'c1', event: 'Visit', channel: 'app', timestamp: at(1, '12:00') },
      // Two days later: longer than the one-day window, not a switch.
      { userId: 'c1', event: 'Email Opened', channel: 'email', timestamp: at(3, '12:00') },
      { userId: 'c2', event: 'Visit', channel: 'web', timestamp: at(1, '10:00') },
      { userId: 'c2', event: 'Visit', channel: 'app', timestamp: at(1, '10:30') },
      { userId: 'c2', event: 'Visit', channel: 'web', timestamp: at(1, '10:45') },
    ]);
    await w.send([{ userId: 'c3', event: 'Visit', channel: 'store', timestamp: at(1, '10:00') }]);
    await w.send([{ userId: 'c3', event: 'Visit', channel: 'web', timestamp: at(1, '10:00') }]);
    const res = await w.query({ kind: 'channel_switch', timeRange: june, windowSeconds: 86400 });
    expect(res.json().switches).toEqual([
      { from: 'web', to: 'app', switches: 2, customers: 2 },
      { from: 'app', to: 'web', switches: 1, customers: 1 },
      { from: 'store', to: 'web', switches: 1, customers: 1 },
    ]);
    expect(res.json().channels).toEqual(['app', 'store', 'web']);
  });
});
