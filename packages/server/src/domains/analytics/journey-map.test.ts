import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { journeyApi } from '../journeys/journey-test-support.js';
import { analyticsWorkspace } from './analytics-test-support.js';

const week = { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' };
const at = (day: number, hour = 12) => `2026-03-0${day}T${String(hour).padStart(2, '0')}:00:00Z`;

/**
 * Stages: discover = touchpoint Product (event Product Viewed); purchase = touchpoint Checkout (page /checkout*) or
 * event Order Completed; service = touchpoint Support (event Ticket Opened).
 *   u1 web: viewed d1 10h, /checkout d1 11h, ordered d2, then phone: ticket d3  → all three, each after the last
 *   u2 web: viewed and ordered at the same instant d2                          → discover, purchase (tie = after)
 *   u3 web: ordered d1, viewed d2                                               → both, but purchase before discover
 *   u4 app: viewed d3                                                           → discover
 *   u5 phone: ticket d4                                                         → service only
 *   u6 web: viewed 28 Feb (outside), ordered d1                                 → purchase only (in range)
 * discover 4 (u1–u4); purchase 4 (u1, u2, u3, u6), from discover: u1, u2 → 2 of 4 = 50 %;
 * service 2 (u1, u5), from purchase: u1 → 1 of 4 = 25 %; share of first: 100, 100, 50.
 */
describe('query kind journey: stages, conversion and experience per stage', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof analyticsWorkspace>>;
  let journeyId: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await analyticsWorkspace(t);
    const api = journeyApi(t, w.workspaceId);
    const product = await api.touchpoint('Product page', [{ event: 'Product Viewed' }], 'Discover');
    const checkout = await api.touchpoint('Checkout', [{ urlPattern: '/checkout*' }], 'Purchase');
    const support = await api.touchpoint('Support', [{ event: 'Ticket Opened' }], 'Service');
    const journey = await api.call('POST', '/journeys', {
      name: 'Shop',
      stages: [
        { key: 'discover', name: 'Discover', touchpointIds: [product], events: [] },
        { key: 'purchase', name: 'Purchase', touchpointIds: [checkout], events: ['Order Completed'] },
        { key: 'service', name: 'Service', touchpointIds: [support], events: [] },
      ],
    });
    journeyId = journey.json().id;
    await w.send([
      { userId: 'u1', event: 'Product Viewed', timestamp: at(1, 10), channel: 'web' },
      { userId: 'u1', type: 'page', path: '/checkout/pay', timestamp: at(1, 11), channel: 'web' },
      { userId: 'u1', event: 'Order Completed', timestamp: at(2), channel: 'web' },
      { userId: 'u1', event: 'Ticket Opened', timestamp: at(3), channel: 'phone' },
      { userId: 'u2', event: 'Order Completed', timestamp: at(2), channel: 'web' },
      { userId: 'u2', event: 'Product Viewed', timestamp: at(2), channel: 'web' },
      { userId: 'u3', event: 'Order Completed', timestamp: at(1), channel: 'web' },
      { userId: 'u3', event: 'Product Viewed', timestamp: at(2), channel: 'web' },
      { userId: 'u4', event: 'Product Viewed', timestamp: at(3), channel: 'app' },
      { userId: 'u5', event: 'Ticket Opened', timestamp: at(4), channel: 'phone' },
      { userId: 'u6', event: 'Product Viewed', timestamp: '2026-02-28T12:00:00Z', channel: 'web' },
      { userId: 'u6', event: 'Order Completed', timestamp: at(1), channel: 'web' },
    ]);
    // Experience at the stages' touchpoints. Discover: NPS 10, 9, 3; purchase: CSAT 5, 4, 2, 1 and CES 2, 6;
    // service: NPS 0, and 10 through the survey's touchpoint (below). Not counted: no touchpoint, or answered when the range has ended.
    for (const score of [10, 9, 3]) await w.answer({ type: 'nps', score, at: at(2), touchpoint: product });
    for (const score of [5, 4, 2, 1])
      await w.answer({ type: 'csat', score, at: at(3), touchpoint: checkout });
    for (const score of [2, 6]) await w.answer({ type: 'ces', score, at: at(3), touchpoint: checkout });
    await w.answer({ type: 'nps', score: 0, at: at(4), touchpoint: support });
    await w.answer({ type: 'nps', score: 10, at: '2026-03-08T00:00:00Z', touchpoint: support });
    await w.answer({ type: 'nps', score: 0, at: at(4) });
    // A response stored without a touchpoint counts at the touchpoint its survey measures (settings.touchpointId).
    await w.database.autocommit.run(
      `INSERT INTO surveys (id, workspace_id, name, status, current_version, settings, created_at, updated_at)
       VALUES ('survey-support', $1, 'Support', 'live', 1, $2::JSON, now(), now())`,
      [w.workspaceId, JSON.stringify({ touchpointId: support })],
    );
    await w.answer({ type: 'nps', score: 10, at: at(5), survey: 'survey-support' });
  });
  afterAll(() => t.close());

  it('counts reach, share of the first stage and conversion from the previous stage', async () => {
    const res = await w.query({ kind: 'journey', journeyId, timeRange: week });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.journey).toEqual({ id: journeyId, name: 'Shop' });
    const view = body.stages.map((s: Record<string, unknown>) => [
      s.key,
      s.customers,
      s.shareOfFirst,
      s.fromPrevious,
      s.conversionFromPrevious,
    ]);
    expect(view).toEqual([
      ['discover', 4, 100, null, null],
      ['purchase', 4, 100, 2, 50],
      ['service', 2, 50, 1, 25],
    ]);
  });

  it('reports NPS with its 95% interval, CSAT and CES per stage from answers at its touchpoints', async () => {
    const [discover, purchase, service] = (
      await w.query({ kind: 'journey', journeyId, timeRange: week })
    ).json().stages;
    // NPS = 2/3 − 1/3 = 33.33; var = (2/3 + 1/3 − (1/3)²)/3 = 0.296296; ±1.96·√var = ±106.689 points.
    expect(discover.experience.nps.value).toBeCloseTo(33.3333, 3);
    expect(discover.experience.nps.n).toBe(3);
    expect(discover.experience.nps.ci.low).toBeCloseTo(33.3333 - 106.689, 2);
    expect(discover.experience.nps.ci.high).toBeCloseTo(33.3333 + 106.689, 2);
    expect(discover.experience.csat.value).toBeNull();
    expect(purchase.experience.csat).toMatchObject({ value: 50, n: 4 });
    expect(purchase.experience.ces).toMatchObject({ value: 4, n: 2, extra: { shareAtLeast5: 50 } });
    expect(purchase.experience.nps.n).toBe(0);
    expect(service.experience.nps).toMatchObject({ value: 0, n: 2 });
  });

  // Discover now has 3 customers (u1–u3), of whom u1 and u2 went on to purchase: 2 of 3.
  it('applies filters to the events: web only drops u4 (app) and both tickets (phone)', async () => {
    const res = await w.query({
      kind: 'journey',
      journeyId,
      timeRange: week,
      filters: [{ field: 'channel', op: 'eq', value: 'web' }],
    });
    const view = res
      .json()
      .stages.map((s: Record<string, unknown>) => [s.customers, s.conversionFromPrevious]);
    expect(view).toEqual([
      [3, null],
      [4, (100 * 2) / 3],
      [0, 0],
    ]);
  });

  it('keeps to the range (from inclusive, to exclusive) and names an unknown journey', async () => {
    // [2 Mar 12:00, 3 Mar 12:00): u1's order, u2's view and order, u3's view; u1's ticket is at the end (excluded).
    const narrow = await w.query({
      kind: 'journey',
      journeyId,
      timeRange: { from: at(2), to: at(3) },
    });
    expect(narrow.json().stages.map((s: { customers: number }) => s.customers)).toEqual([2, 2, 0]);
    const unknown = await w.query({
      kind: 'journey',
      journeyId: '01890000-0000-7000-8000-000000000000',
      timeRange: week,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      { field: 'body.journeyId', message: 'is not a journey of this workspace' },
    ]);
  });
});
