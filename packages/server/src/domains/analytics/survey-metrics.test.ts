import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { analyticsWorkspace } from './analytics-test-support.js';

const week = { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' };
const at = (day: number) => `2026-03-0${day}T12:00:00Z`;
const before = (day: number) => `2026-02-2${day}T12:00:00Z`;

describe('NPS, CSAT and CES on hand-computed answers', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof analyticsWorkspace>>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await analyticsWorkspace(t);
    // Current week: 5 promoters, 2 passives, 3 detractors → NPS 20. Purchase: 10,10,9,8,7; Service: 6,3,0,10,9.
    const current = [10, 10, 9, 8, 7, 6, 3, 0, 10, 9];
    for (const [i, score] of current.entries()) {
      await w.answer({ type: 'nps', score, at: at(1 + (i % 6)), stage: i < 5 ? 'Purchase' : 'Service' });
    }
    // Previous week: five detractors → NPS −100.
    for (const score of [0, 0, 0, 0, 5]) await w.answer({ type: 'nps', score, at: before(3) });
    for (const score of [5, 4, 3, 2, 5]) await w.answer({ type: 'csat', score, at: at(2) });
    for (const score of [1, 2, 3, 4]) await w.answer({ type: 'csat', score, at: before(4) });
    for (const score of [7, 5, 3]) await w.answer({ type: 'ces', score, at: at(3) });
    for (const score of [2, 2, 3, 1]) await w.answer({ type: 'ces', score, at: before(5) });
    // Outside both periods: must not count.
    await w.answer({ type: 'nps', score: 0, at: '2026-03-08T00:00:00Z' });
  });
  afterAll(() => t.close());

  it('computes NPS with its 95% interval and a significant rise from the previous week', async () => {
    const res = await w.query({ kind: 'kpi', metric: 'nps', timeRange: week });
    expect(res.statusCode).toBe(200);
    const [group] = res.json().groups;
    expect(group.current.value).toBeCloseTo(20, 9);
    expect(group.current.n).toBe(10);
    // var = (0.5 + 0.3 − 0.2²)/10 = 0.076; half width = 1.96·√0.076 = 0.540333 → ±54.0333 points.
    expect(group.current.ci.low).toBeCloseTo(20 - 54.0333, 3);
    expect(group.current.ci.high).toBeCloseTo(20 + 54.0333, 3);
    expect(group.previous.value).toBeCloseTo(-100, 9);
    expect(group.change).toBeCloseTo(120, 9);
    // z = 1.2/√(0.076 + 0) = 4.3529
    expect(group.significance.test).toBe('nps z');
    expect(group.significance.statistic).toBeCloseTo(4.3529, 3);
    expect(group.significance.significant).toBe(true);
    expect(res.json().previousRange).toEqual({
      from: '2026-02-22T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
    });
  });

  it('breaks NPS down by journey stage', async () => {
    const res = await w.query({
      kind: 'kpi',
      metric: 'nps',
      timeRange: week,
      breakdown: 'stage',
      compare: false,
    });
    const byStage = Object.fromEntries(
      res.json().groups.map((g: { key: string; current: { value: number } }) => [g.key, g.current.value]),
    );
    expect(Object.keys(byStage).sort()).toEqual(['Purchase', 'Service']);
    expect(byStage.Purchase).toBeCloseTo(60, 9);
    expect(byStage.Service).toBeCloseTo(-20, 9);
  });

  it('computes CSAT as the share of 4–5 with a two-proportion z-test', async () => {
    const [group] = (await w.query({ kind: 'kpi', metric: 'csat', timeRange: week })).json().groups;
    expect(group.current.value).toBeCloseTo(60, 9);
    expect(group.previous.value).toBeCloseTo(25, 9);
    // pooled p = 4/9; se = √(4/9·5/9·(1/5 + 1/4)) = 1/3; z = 0.35·3 = 1.05
    expect(group.significance.statistic).toBeCloseTo(1.05, 6);
    expect(group.significance.pValue).toBeCloseTo(0.2937, 3);
    expect(group.significance.significant).toBe(false);
  });

  it('computes CES as the mean on 1–7, the share of 5 or more, and Welch’s t', async () => {
    const [group] = (await w.query({ kind: 'kpi', metric: 'ces', timeRange: week })).json().groups;
    expect(group.current.value).toBeCloseTo(5, 9);
    expect(group.current.extra.shareAtLeast5).toBeCloseTo(200 / 3, 6);
    expect(group.previous.value).toBeCloseTo(2, 9);
    // s² = 4 and 2/3; t = 3/√(4/3 + 1/6) = 2.4495
    expect(group.significance.test).toBe('welch t');
    expect(group.significance.statistic).toBeCloseTo(2.4495, 3);
  });

  it('filters answers by survey fields and refuses event-only fields with the field named', async () => {
    const web = await w.query({
      kind: 'kpi',
      metric: 'nps',
      timeRange: week,
      filters: [{ field: 'stage', op: 'eq', value: 'Service' }],
    });
    expect(web.json().groups[0].current.n).toBe(5);
    const bad = await w.query({
      kind: 'kpi',
      metric: 'nps',
      timeRange: week,
      filters: [{ field: 'utm_source', op: 'eq', value: 'x' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { field: 'body.filters.0.field', message: 'utm_source is not available for responses' },
    ]);
  });
});
