import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { analyticsWorkspace, type TrackInput } from './analytics-test-support.js';

const day = { from: '2026-06-01T00:00:00Z', to: '2026-06-02T00:00:00Z' };
const at = (hhmm: string) => `2026-06-01T${hhmm}:00Z`;
const A = 'Product Viewed';
const B = 'Product Added';
const C = 'Order Completed';
const steps = [{ event: A }, { event: B }, { event: C }];

describe('funnel: ClickHouse windowFunnel default-mode semantics on hand-computed journeys', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof analyticsWorkspace>>;
  const ev = (userId: string, event: string, hhmm: string, extra: Partial<TrackInput> = {}): TrackInput => ({
    userId,
    event,
    timestamp: at(hhmm),
    channel: 'web',
    properties: event === C ? { revenue: userId === 'f1' ? 200 : 10 } : {},
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    w = await analyticsWorkspace(t);
    await w.send([
      ev('f1', A, '10:00', { channel: 'app' }),
      ev('f1', B, '10:10', { channel: 'app' }),
      ev('f1', C, '10:20', { channel: 'app' }),
      // C 90 minutes after A: outside the 1-hour window → level 2.
      ...[ev('f2', A, '10:00'), ev('f2', B, '10:30'), ev('f2', A, '11:00'), ev('f2', C, '11:30')],
      ...[ev('f3', A, '10:00'), ev('f3', C, '10:10')],
      // Two starts: 09:00 reaches B only (C comes too late); 10:00 reaches C within 50 minutes → level 3.
      ...[
        ev('f4', A, '09:00'),
        ev('f4', B, '09:10'),
        ev('f4', A, '10:00'),
        ev('f4', B, '10:20'),
        ev('f4', C, '10:50'),
      ],
      // Same timestamp, arriving in step order → level 3 in 0 s.
      ...[ev('f5', A, '12:00'), ev('f5', B, '12:00'), ev('f5', C, '12:00')],
      // The window is inclusive: C exactly one hour after A counts.
      ...[ev('f9', A, '10:00'), ev('f9', B, '10:30'), ev('f9', C, '11:00')],
      ev('f8', B, '10:00'),
    ]);
    // Same timestamp, arriving against step order (separate requests fix the arrival order) → level 1.
    for (const e of [ev('f6', C, '12:00'), ev('f6', B, '12:00'), ev('f6', A, '12:00')]) await w.send([e]);
    // Out of order in arrival, in order in time → level 3 in 20 minutes.
    for (const e of [ev('f7', C, '10:20'), ev('f7', B, '10:10'), ev('f7', A, '10:00')]) await w.send([e]);
  });
  afterAll(() => t.close());

  it('counts customers per step, conversion, drop-off and time to convert', async () => {
    const res = await w.query({ kind: 'funnel', timeRange: day, steps, windowSeconds: 3600 });
    expect(res.statusCode).toBe(200);
    const [group] = res.json().groups;
    expect(group.steps.map((s: { customers: number }) => s.customers)).toEqual([8, 6, 5]);
    expect(group.steps[1].dropOff).toBe(2);
    expect(group.steps[2].conversionFromStart).toBeCloseTo(62.5, 9);
    expect(group.steps[2].conversionFromPrevious).toBeCloseTo(500 / 6, 9);
    // Times: f5 0 s, f1 and f7 1200 s, f4 3000 s, f9 3600 s → p50 1200, p90 3000 + 0.6·600 = 3360.
    expect(group.timeToConvert.p50Seconds).toBe(1200);
    expect(group.timeToConvert.p90Seconds).toBeCloseTo(3360, 9);
    expect(group.timeToConvert.histogram.map((h: { customers: number }) => h.customers)).toEqual([
      1, 0, 4, 0, 0, 0, 0, 0,
    ]);
  });

  it('breaks down by the channel of the best start and applies per-step filters', async () => {
    const res = await w.query({
      kind: 'funnel',
      timeRange: day,
      steps,
      windowSeconds: 3600,
      breakdown: 'channel',
    });
    const byKey = Object.fromEntries(
      res
        .json()
        .groups.map((g: { key: string; steps: { customers: number }[] }) => [
          g.key,
          g.steps.map((s) => s.customers),
        ]),
    );
    expect(byKey).toEqual({ app: [1, 1, 1], web: [7, 5, 4] });
    const filtered = await w.query({
      kind: 'funnel',
      timeRange: day,
      windowSeconds: 3600,
      steps: [
        { event: A },
        { event: B },
        { event: C, filters: [{ field: 'property.revenue', op: 'gt', value: 100 }] },
      ],
    });
    expect(filtered.json().groups[0].steps.map((s: { customers: number }) => s.customers)).toEqual([8, 6, 1]);
  });

  it('a shorter window cuts the chain where the next step is too late', async () => {
    const res = await w.query({ kind: 'funnel', timeRange: day, steps, windowSeconds: 1200 });
    // Within 20 minutes: f1 (1200 s), f5 (0 s), f7 (1200 s) complete; f4 reaches B (10:20, inclusive) but not C;
    // f2's and f9's B come 30 minutes after A.
    expect(res.json().groups[0].steps.map((s: { customers: number }) => s.customers)).toEqual([8, 4, 3]);
  });
});
