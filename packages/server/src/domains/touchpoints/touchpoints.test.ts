import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, mintToken } from '../../test-support/access-helpers.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { analyticsWorkspace } from '../analytics/analytics-test-support.js';

const week = { from: '2026-07-01T00:00:00Z', to: '2026-07-08T00:00:00Z' };
const at = (day: number, hour = 12) => `2026-07-0${day}T${hour}:00:00Z`;

describe('touchpoint registry: mapping at query time, re-mapping history, coverage', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof analyticsWorkspace>>;
  const tp = (
    method: 'POST' | 'PATCH' | 'DELETE' | 'GET',
    path = '',
    payload?: unknown,
    headers = adminHeaders,
  ) =>
    t.app.inject({
      method,
      url: `/api/v1/workspaces/${w.workspaceId}/touchpoints${path}`,
      headers,
      ...(payload ? { payload: payload as object } : {}),
    });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(undefined, () => new Date('2026-07-08T00:00:00Z'));
    w = await analyticsWorkspace(t);
    for (const body of [
      {
        name: 'Checkout page',
        channel: 'web',
        stage: 'Purchase',
        ownerTeam: 'Shop',
        rules: [{ urlPattern: '/checkout/*' }],
      },
      { name: 'Order', channel: 'web', stage: 'Purchase', rules: [{ event: 'Order Completed' }] },
      { name: 'Help centre', channel: 'web', stage: 'Service', rules: [{ urlPattern: '/help*' }] },
      { name: 'Hotline', channel: 'phone', stage: 'Service', rules: [{ event: 'Call Started' }] },
    ]) {
      const res = await tp('POST', '', body);
      if (res.statusCode !== 201) throw new Error(res.body);
      ids[body.name] = res.json().id;
    }
    await w.send([
      { type: 'page', userId: 'a', path: '/checkout/cart', timestamp: at(1) },
      { userId: 'a', event: 'Order Completed', timestamp: at(1, 13) },
      { type: 'page', userId: 'b', path: '/checkout/cart', timestamp: at(2) },
      { type: 'page', userId: 'b', path: '/help/returns', timestamp: at(3) },
      { type: 'page', userId: 'c', path: '/help_desk', timestamp: at(3) },
      { type: 'page', userId: 'c', path: '/blog', timestamp: at(4) },
    ]);
    await w.answer({ type: 'nps', score: 10, at: at(2), touchpoint: ids['Checkout page'] as string });
    await w.answer({ type: 'nps', score: 3, at: at(2), touchpoint: ids['Checkout page'] as string });
    await w.answer({ type: 'csat', score: 5, at: at(3), touchpoint: ids['Help centre'] as string });
  });
  afterAll(() => t.close());

  const eventsByTouchpoint = async () => {
    const res = await w.query({
      kind: 'kpi',
      metric: 'conversion_rate',
      conversionEvent: 'Order Completed',
      timeRange: week,
      breakdown: 'touchpoint',
      compare: false,
    });
    return Object.fromEntries(
      res
        .json()
        .groups.map((g: { key: string | null; current: { n: number } }) => [g.key ?? 'none', g.current.n]),
    );
  };

  it('maps events by the rules when the query runs, and a rule change re-maps history at once', async () => {
    expect(await eventsByTouchpoint()).toEqual({
      [ids['Checkout page'] as string]: 2,
      [ids.Order as string]: 1,
      [ids['Help centre'] as string]: 2,
      none: 1,
    });
    const patched = await tp('PATCH', `/${ids['Help centre']}`, { rules: [{ urlPattern: '/help/*' }] });
    expect(patched.statusCode).toBe(200);
    // '/help_desk' no longer matches (`_` is literal, not LIKE's wildcard): only b's visit stays at the help centre.
    expect(await eventsByTouchpoint()).toEqual({
      [ids['Checkout page'] as string]: 2,
      [ids.Order as string]: 1,
      [ids['Help centre'] as string]: 1,
      none: 1,
    });
  });

  it('filters and funnels by touchpoint and stage', async () => {
    const purchase = await w.query({
      kind: 'kpi',
      metric: 'conversion_rate',
      timeRange: week,
      filters: [{ field: 'stage', op: 'eq', value: 'Purchase' }],
      compare: false,
    });
    expect(purchase.json().groups[0].current.n).toBe(2);
    const funnel = await w.query({
      kind: 'funnel',
      timeRange: week,
      windowSeconds: 86400,
      steps: [{ touchpoint: ids['Checkout page'] }, { event: 'Order Completed' }],
    });
    expect(funnel.json().groups[0].steps.map((s: { customers: number }) => s.customers)).toEqual([2, 1]);
    const unknown = await w.query({
      kind: 'funnel',
      timeRange: week,
      windowSeconds: 86400,
      steps: [{ touchpoint: 'nope' }, { event: 'Order Completed' }],
    });
    expect(unknown.json().error.details[0].field).toBe('body.steps.0.touchpoint');
  });

  it('reports coverage: instrumented, measured, volume and KPIs', async () => {
    const res = await tp('GET', '/coverage?last=30d');
    expect(res.statusCode).toBe(200);
    const byName = Object.fromEntries(res.json().items.map((i: { name: string }) => [i.name, i]));
    expect(byName['Checkout page']).toMatchObject({
      events: 2,
      instrumented: true,
      measured: true,
      responses: 2,
    });
    expect(byName['Checkout page'].kpis).toMatchObject({ nps: 0, npsAnswers: 2 });
    expect(byName['Checkout page'].lastSeen).toBe(at(2).replace('Z', '.000Z'));
    expect(byName['Help centre']).toMatchObject({ events: 1, measured: true, kpis: { csat: 100 } });
    expect(byName.Hotline).toMatchObject({ events: 0, instrumented: false, measured: false, lastSeen: null });
  });

  it('lets analysts manage the registry, viewers only read it, and validates rules', async () => {
    const { token } = await mintToken(t, w.workspaceId, 'viewer');
    const body = { name: 'X', channel: 'web', rules: [{ event: 'X' }] };
    expect((await tp('POST', '', body, bearer(token))).statusCode).toBe(403);
    expect((await tp('GET', '', undefined, bearer(token))).json().items).toHaveLength(4);
    const empty = await tp('POST', '', { ...body, rules: [{}] });
    expect(empty.json().error.details).toEqual([
      { field: 'body.rules.0', message: 'must give event or urlPattern' },
    ]);
    const gone = await tp('DELETE', `/${ids.Hotline}`);
    expect(gone.statusCode).toBe(204);
    expect((await tp('GET')).json().items.map((i: { name: string }) => i.name)).not.toContain('Hotline');
  });
});
