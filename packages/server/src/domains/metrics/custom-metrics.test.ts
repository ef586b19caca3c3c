import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { analyticsWorkspace } from '../analytics/analytics-test-support.js';

const week = { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' };
const at = (day: number) => `2026-03-0${day}T12:00:00Z`;
const orders = [{ field: 'event', op: 'eq', value: 'Order Completed' }];

/**
 * This week: orders of 10, 20, 30 (web, 2 and 3 Mar) and 40 (app, 3 Mar); 8 product views. Previous week: two
 * orders of 5. CSAT answers this week 5, 4 (web) and 3 (email).
 */
describe('custom metrics: stored definitions used by kpi and trend queries', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof analyticsWorkspace>>;
  const url = () => `/api/v1/workspaces/${w.workspaceId}/metrics`;
  const define = (payload: object) =>
    t.app.inject({ method: 'POST', url: url(), headers: adminHeaders, payload });

  beforeAll(async () => {
    t = await startTestApp();
    w = await analyticsWorkspace(t);
    const order = (userId: string, revenue: number, timestamp: string, channel = 'web') => ({
      userId,
      event: 'Order Completed',
      timestamp,
      channel,
      properties: { revenue },
    });
    await w.send([
      order('a', 10, at(2)),
      order('b', 20, at(3)),
      order('c', 30, at(3)),
      order('d', 40, at(3), 'app'),
      order('a', 5, '2026-02-25T12:00:00Z'),
      order('b', 5, '2026-02-26T12:00:00Z'),
      ...Array.from({ length: 8 }, (_, i) => ({
        userId: `v${i}`,
        event: 'Product Viewed',
        timestamp: at(1 + (i % 5)),
        channel: 'web',
      })),
    ]);
    await w.answer({ type: 'csat', score: 5, at: at(2) });
    await w.answer({ type: 'csat', score: 4, at: at(2) });
    await w.answer({ type: 'csat', score: 3, at: at(4), channel: 'email' });
    await w.answer({ type: 'nps', score: 0, at: at(4), channel: 'email' });
    const definitions = [
      { key: 'orders', name: 'Orders', source: 'events', aggregate: 'count', filters: orders },
      {
        key: 'revenue_sum',
        name: 'Revenue',
        source: 'events',
        aggregate: 'sum',
        field: 'property.revenue',
        filters: orders,
      },
      {
        key: 'basket',
        name: 'Basket',
        source: 'events',
        aggregate: 'average',
        field: 'property.revenue',
        filters: orders,
      },
      {
        key: 'orders_per_view',
        name: 'Orders per view',
        source: 'events',
        aggregate: 'ratio',
        filters: orders,
        denominatorFilters: [{ field: 'event', op: 'eq', value: 'Product Viewed' }],
      },
      { key: 'csat_mean', name: 'Mean CSAT', source: 'responses', aggregate: 'average', field: 'csat' },
      {
        key: 'email_responses',
        name: 'E-mail responses',
        source: 'responses',
        aggregate: 'count',
        filters: [{ field: 'channel', op: 'eq', value: 'email' }],
      },
    ];
    for (const d of definitions) {
      const res = await define(d);
      if (res.statusCode !== 201) throw new Error(`${d.key}: ${res.body}`);
    }
  });
  afterAll(() => t.close());

  const kpi = async (metric: string, extra: object = {}) => {
    const res = await w.query({ kind: 'kpi', metric, timeRange: week, ...extra });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('counts, sums and compares with the previous period', async () => {
    const count = await kpi('custom:orders');
    expect(count.metric).toBe('custom:orders');
    expect(count.groups[0].current).toMatchObject({ value: 4, n: 4 });
    expect(count.groups[0].previous).toMatchObject({ value: 2 });
    expect(count.groups[0].change).toBe(2);
    expect(count.groups[0].significance).toBeNull();
    expect((await kpi('custom:revenue_sum')).groups[0].current.value).toBe(100);
  });

  it("averages with a 95% interval and Welch's t against the previous period", async () => {
    const [group] = (await kpi('custom:basket')).groups;
    // Mean 25; s² of 10, 20, 30, 40 = 166.67; ±1.96·√(166.67/4) = ±12.652.
    expect(group.current.value).toBe(25);
    expect(group.current.ci.low).toBeCloseTo(25 - 12.652, 2);
    expect(group.previous.value).toBe(5);
    expect(group.significance.test).toBe('welch t');
    // t = 20 / √(166.67/4 + 0) = 3.0984
    expect(group.significance.statistic).toBeCloseTo(3.0984, 3);
  });

  it('divides for a ratio and honours the query filters and breakdown on top', async () => {
    expect((await kpi('custom:orders_per_view', { compare: false })).groups[0].current.value).toBe(0.5);
    const byChannel = await kpi('custom:orders', { breakdown: 'channel', compare: false });
    const values = Object.fromEntries(
      byChannel.groups.map((g: { key: string; current: { value: number } }) => [g.key, g.current.value]),
    );
    expect(values).toEqual({ app: 1, web: 3 });
    const webOnly = await kpi('custom:revenue_sum', {
      filters: [{ field: 'channel', op: 'eq', value: 'web' }],
    });
    expect(webOnly.groups[0].current.value).toBe(60);
  });

  it('reads survey responses: mean of one question type, count of filtered responses', async () => {
    expect((await kpi('custom:csat_mean', { compare: false })).groups[0].current.value).toBe(4);
    expect((await kpi('custom:email_responses', { compare: false })).groups[0].current.value).toBe(2);
  });

  it('runs as a trend by local day', async () => {
    const res = await w.query({ kind: 'trend', metric: 'custom:orders', interval: 'day', timeRange: week });
    const points = res
      .json()
      .series[0].points.filter((p: { value: number }) => p.value > 0)
      .map((p: { bucket: string; value: number }) => [p.bucket, p.value]);
    expect(points).toEqual([
      ['2026-03-02', 1],
      ['2026-03-03', 3],
    ]);
  });

  it('refuses bad definitions naming the field, and duplicate keys with 409', async () => {
    const cases: [object, string][] = [
      [{ key: 'x', name: 'X', source: 'events', aggregate: 'sum' }, 'body.field'],
      [{ key: 'x', name: 'X', source: 'events', aggregate: 'count', field: 'property.a' }, 'body.field'],
      [{ key: 'x', name: 'X', source: 'events', aggregate: 'average', field: 'nps' }, 'body.field'],
      [{ key: 'x', name: 'X', source: 'responses', aggregate: 'average', field: 'property.a' }, 'body.field'],
      [
        { key: 'x', name: 'X', source: 'events', aggregate: 'ratio', filters: orders },
        'body.denominatorFilters',
      ],
      [
        { key: 'x', name: 'X', source: 'responses', aggregate: 'count', filters: orders },
        'body.filters.0.field',
      ],
      [
        {
          key: 'x',
          name: 'X',
          source: 'events',
          aggregate: 'count',
          filters: [{ field: 'survey', op: 'eq', value: 's' }],
        },
        'body.filters.0.field',
      ],
      [
        {
          key: 'x',
          name: 'X',
          source: 'events',
          aggregate: 'count',
          filters: [{ field: 'event', op: 'in', value: 'a' }],
        },
        'body.filters.0.value',
      ],
      [{ key: 'Bad Key', name: 'X', source: 'events', aggregate: 'count' }, 'body.key'],
    ];
    for (const [payload, field] of cases) {
      const res = await define(payload);
      expect(res.statusCode, field).toBe(400);
      expect(JSON.stringify(res.json().error.details), field).toContain(field);
    }
    const duplicate = await define({ key: 'orders', name: 'Again', source: 'events', aggregate: 'count' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('CAIRN_CONFLICT');
    const list = await t.app.inject({ method: 'GET', url: url(), headers: adminHeaders });
    expect(list.json().items.map((m: { key: string }) => m.key)).toEqual([
      'basket',
      'csat_mean',
      'email_responses',
      'orders',
      'orders_per_view',
      'revenue_sum',
    ]);
  });

  it('replaces and deletes a definition; a query naming a missing metric is a 400 on body.metric', async () => {
    const created = (await define({ key: 'tmp', name: 'Tmp', source: 'events', aggregate: 'count' })).json();
    const put = await t.app.inject({
      method: 'PUT',
      url: `${url()}/${created.id}`,
      headers: adminHeaders,
      payload: { key: 'tmp2', name: 'Tmp 2', source: 'events', aggregate: 'count', filters: orders },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      id: created.id,
      key: 'tmp2',
      createdAt: created.createdAt,
      filters: orders,
    });
    expect((await kpi('custom:tmp2', { compare: false })).groups[0].current.value).toBe(4);
    const clash = await t.app.inject({
      method: 'PUT',
      url: `${url()}/${created.id}`,
      headers: adminHeaders,
      payload: { key: 'orders', name: 'x', source: 'events', aggregate: 'count' },
    });
    expect(clash.statusCode).toBe(409);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `${url()}/${created.id}`,
      headers: adminHeaders,
    });
    expect(del.statusCode).toBe(204);
    const gone = await w.query({ kind: 'kpi', metric: 'custom:tmp2', timeRange: week });
    expect(gone.statusCode).toBe(400);
    expect(gone.json().error.details).toEqual([
      { field: 'body.metric', message: 'names no custom metric of this workspace' },
    ]);
    const malformed = await w.query({ kind: 'kpi', metric: 'custom:Nope!', timeRange: week });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].field).toBe('body.metric');
  });
});

describe('custom metric trend across the spring DST change (Europe/Berlin, 29 Mar 2026 has 23 hours)', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('buckets by local midnight', async () => {
    t = await startTestApp();
    const w = await analyticsWorkspace(t, 'Europe/Berlin');
    const signup = (userId: string, timestamp: string) => ({
      userId,
      event: 'Signed Up',
      timestamp,
      channel: 'web',
    });
    await w.send([
      signup('a', '2026-03-28T22:59:59Z'), // 28 Mar 23:59:59 CET
      signup('b', '2026-03-28T23:00:00Z'), // 29 Mar 00:00 CET
      signup('c', '2026-03-29T21:59:59Z'), // 29 Mar 23:59:59 CEST
      signup('d', '2026-03-29T22:00:00Z'), // 30 Mar 00:00 CEST
    ]);
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${w.workspaceId}/metrics`,
      headers: adminHeaders,
      payload: {
        key: 'signups',
        name: 'Sign-ups',
        source: 'events',
        aggregate: 'count',
        filters: [{ field: 'event', op: 'eq', value: 'Signed Up' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const res = await w.query({
      kind: 'trend',
      metric: 'custom:signups',
      interval: 'day',
      timeRange: { from: '2026-03-27T00:00:00Z', to: '2026-04-01T00:00:00Z' },
    });
    const points = res
      .json()
      .series[0].points.map((p: { bucket: string; value: number }) => [p.bucket, p.value]);
    expect(points).toEqual([
      ['2026-03-28', 1],
      ['2026-03-29', 2],
      ['2026-03-30', 1],
    ]);
  });
});
