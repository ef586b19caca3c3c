import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { analyticsWorkspace } from './analytics-test-support.js';

const week = { from: '2026-05-01T00:00:00Z', to: '2026-05-08T00:00:00Z' };
const may = (day: number, hour = 12) => `2026-05-0${day}T${String(hour).padStart(2, '0')}:00:00Z`;
const april = (day: number) => `2026-04-${day}T12:00:00Z`;
const order = (revenue: number) => ({ event: 'Order Completed', properties: { revenue } });

describe('event KPIs on hand-computed data (canonical profiles, merged ones included)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof analyticsWorkspace>>;
  const kpi = async (body: Record<string, unknown>) => {
    const res = await w.query({ kind: 'kpi', timeRange: week, ...body });
    if (res.statusCode !== 200) throw new Error(res.body);
    return res.json().groups as {
      key: string | null;
      current: { value: number; n: number };
      previous: { value: number; n: number } | null;
      significance: { test: string } | null;
    }[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await analyticsWorkspace(t);
    // Sent newest first: the engine must not depend on arrival order.
    await w.send(
      [
        { userId: 'u1', event: 'Product Viewed', timestamp: may(2), channel: 'web' },
        { userId: 'u1', ...order(100), timestamp: may(3), channel: 'web' },
        { userId: 'u1', ...order(50), timestamp: may(5), channel: 'web' },
        { userId: 'u1', ...order(30), timestamp: april(25), channel: 'web' },
        { userId: 'u2', event: 'Product Viewed', timestamp: may(2), channel: 'web' },
        { userId: 'u2', event: 'Product Viewed', timestamp: april(26), channel: 'web' },
        { userId: 'u3', event: 'Product Viewed', timestamp: april(27), channel: 'web' },
        { userId: 'u3', ...order(20), timestamp: april(27), channel: 'web' },
        { userId: 'u4', event: 'Product Viewed', timestamp: may(4), channel: 'app' },
        { anonymousId: 'anon-m', ...order(70), timestamp: may(6), channel: 'web' },
        ...[1000, 2000, 3000, 4000].map((lcp, i) => ({
          userId: 'u2',
          event: 'Web Vitals',
          timestamp: may(3, 10 + i),
          properties: { lcp },
          path: '/home',
        })),
        { userId: 'u2', event: 'Web Vitals', timestamp: may(3), properties: { lcp: 500 }, path: '/cart' },
      ].reverse(),
    );
    // The anonymous buyer turns out to be u4: the two profiles merge and count as one customer.
    await w.send([{ type: 'identify', anonymousId: 'anon-m', userId: 'u4', timestamp: may(6, 13) }]);
  });
  afterAll(() => t.close());

  it('merged the anonymous buyer into u4', async () => {
    const lookup = (q: string) =>
      t.app.inject({
        url: `/api/v1/workspaces/${w.workspaceId}/profiles/lookup?${q}`,
        headers: adminHeaders,
      });
    expect((await lookup('anonymousId=anon-m')).json().id).toBe((await lookup('userId=u4')).json().id);
  });

  it('conversion rate: profiles with the conversion event among active profiles', async () => {
    const [g] = await kpi({ metric: 'conversion_rate' });
    // Current: u1, u2, u4(+anon) active; u1 and u4 ordered → 2/3. Previous: u1, u2, u3; u1 and u3 ordered.
    expect(g?.current).toMatchObject({ n: 3 });
    expect(g?.current.value).toBeCloseTo(200 / 3, 9);
    expect(g?.previous?.value).toBeCloseTo(200 / 3, 9);
    expect(g?.significance?.test).toBe('two-proportion z');
    const viewed = await kpi({
      metric: 'conversion_rate',
      conversionEvent: 'Product Viewed',
      compare: false,
    });
    expect(viewed[0]?.current.value).toBeCloseTo(100, 9);
  });

  it('conversion rate by channel counts each channel’s own events', async () => {
    const groups = await kpi({ metric: 'conversion_rate', breakdown: 'channel', compare: false });
    const byChannel = Object.fromEntries(groups.map((g) => [g.key, [g.current.n, g.current.value]]));
    // web: u1, u2, u4 (anonymous order) active, u1 and u4 ordered; app: u4 viewed only.
    expect(byChannel.web?.[0]).toBe(3);
    expect(byChannel.web?.[1]).toBeCloseTo(200 / 3, 9);
    expect(byChannel.app).toEqual([1, 0]);
  });

  it('revenue, average order value and repeat purchases', async () => {
    const [revenue] = await kpi({ metric: 'revenue' });
    expect(revenue?.current).toMatchObject({ value: 220, n: 3 });
    expect(revenue?.previous).toMatchObject({ value: 50, n: 2 });
    const [aov] = await kpi({ metric: 'aov' });
    expect(aov?.current.value).toBeCloseTo(220 / 3, 9);
    expect(aov?.previous?.value).toBeCloseTo(25, 9);
    expect(aov?.significance?.test).toBe('welch t');
    const [repeat] = await kpi({ metric: 'repeat_purchase_rate', compare: false });
    expect(repeat?.current).toMatchObject({ value: 50, n: 2 });
  });

  it('churn: active in the previous period, not in this one', async () => {
    const [churn] = await kpi({ metric: 'churn_rate' });
    expect(churn?.current.n).toBe(3);
    expect(churn?.current.value).toBeCloseTo(100 / 3, 9);
    expect(churn?.previous).toBeNull();
  });

  it('customer lifetime value: lifetime revenue of customers who ordered in the range', async () => {
    const [clv] = await kpi({ metric: 'clv', compare: false });
    // u1: 30 (April) + 100 + 50 = 180; u4: 70 → mean 125.
    expect(clv?.current).toMatchObject({ value: 125, n: 2 });
  });

  it('web vitals p75 per page (linear interpolation between order statistics)', async () => {
    const groups = await kpi({
      metric: 'web_vitals_p75',
      vital: 'lcp',
      breakdown: 'page_path',
      compare: false,
    });
    const byPage = Object.fromEntries(groups.map((g) => [g.key, g.current.value]));
    expect(byPage).toEqual({ '/home': 3250, '/cart': 500 });
  });

  it('filters by property with the name bound, not spliced', async () => {
    const [g] = await kpi({
      metric: 'revenue',
      compare: false,
      filters: [{ field: 'property.revenue', op: 'gte', value: 60 }],
    });
    expect(g?.current).toMatchObject({ value: 170, n: 2 });
    const [none] = await kpi({
      metric: 'revenue',
      compare: false,
      filters: [{ field: "property.x') OR 1=1 --", op: 'eq', value: 'y' }],
    }).catch((e: Error) => [e]);
    expect(String(none)).toContain('CAIRN_VALIDATION_FAILED');
  });
});
