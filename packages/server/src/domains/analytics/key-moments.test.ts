import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { journeyApi, profileOf } from '../journeys/journey-test-support.js';
import { analyticsWorkspace, type TrackInput } from './analytics-test-support.js';

const week = { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' };
const answeredAt = '2026-03-02T12:00:00.000Z';
const plus = (seconds: number) => new Date(Date.parse(answeredAt) + seconds * 1000).toISOString();
const day = 86_400;
const window = 7 * day;

/**
 * Delivery (NPS, answered 2 Mar 12:00, window 7 days):
 *   30 poor (NPS 3): 5 order a day later, 1 exactly at the window's end (inclusive) → 6 converted; 1 orders 1 s
 *     after the window, 1 at the very instant of the answer, 1 before it: none of these count → 6/30 = 20 %.
 *   30 other (NPS 9): 24 order two days later → 80 %. One of them answered as an anonymous visitor and ordered
 *     after signing in (profiles merged): their order counts.
 *   Difference 20 − 80 = −60 points; Newcombe 95% CI [−74.842, −35.526] (Wilson 6/30 = [0.09505, 0.37306]).
 * Support (CSAT, channel email): 2 poor (CSAT 1) none order, 3 other (CSAT 5) all order: −100 points, CI
 *   [−100, −13.528], larger harm but below 30 customers a side, so not significant.
 */
describe('query kind key_moments: poor experience vs outcome per touchpoint', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof analyticsWorkspace>>;
  let delivery: string;
  let support: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await analyticsWorkspace(t);
    const api = journeyApi(t, w.workspaceId);
    delivery = await api.touchpoint('Delivery', [{ event: 'Delivered' }], 'Deliver');
    support = await api.touchpoint('Support', [{ event: 'Ticket Opened' }], 'Service');
    const events: TrackInput[] = [];
    const seen = (userId: string, event = 'Delivered') =>
      events.push({ userId, event, timestamp: plus(-3600), channel: 'web' });
    const order = (userId: string, offset: number) =>
      events.push({ userId, event: 'Order Completed', timestamp: plus(offset), channel: 'web' });
    const poorOffsets = [day, day, day, day, day, window, window + 1, 0, -60];
    for (let i = 0; i < 30; i++) {
      seen(`poor${i}`);
      const offset = poorOffsets[i];
      if (offset !== undefined) order(`poor${i}`, offset);
    }
    for (let i = 1; i < 30; i++) {
      seen(`other${i}`);
      if (i < 24) order(`other${i}`, 2 * day);
    }
    // other0: anonymous when answering, signs in later; the order arrives under the merged profile.
    events.push({ anonymousId: 'anon-0', event: 'Delivered', timestamp: plus(-3600), channel: 'web' });
    events.push({ userId: 'other0', event: 'Signed In', timestamp: plus(-1800), channel: 'web' });
    events.push({
      userId: 'other0',
      anonymousId: 'anon-0',
      event: 'Order Completed',
      timestamp: plus(2 * day),
      channel: 'web',
    });
    for (const id of ['sp0', 'sp1', 'so0', 'so1', 'so2']) seen(id, 'Ticket Opened');
    for (const id of ['so0', 'so1', 'so2']) order(id, 3600);
    await w.send(events);

    const answer = async (
      profileId: string,
      type: 'nps' | 'csat',
      score: number,
      touchpoint: string,
      channel = 'web',
    ) => w.answer({ type, score, at: answeredAt, touchpoint, profileId, channel });
    for (let i = 0; i < 30; i++)
      await answer(await profileOf(w.database, w.workspaceId, `poor${i}`), 'nps', 3, delivery);
    for (let i = 1; i < 30; i++)
      await answer(await profileOf(w.database, w.workspaceId, `other${i}`), 'nps', 9, delivery);
    const anonymous = await profileOf(w.database, w.workspaceId, 'anon-0', 'anonymous_id');
    await answer(anonymous, 'nps', 10, delivery);
    for (const id of ['sp0', 'sp1'])
      await answer(await profileOf(w.database, w.workspaceId, id), 'csat', 1, support, 'email');
    for (const id of ['so0', 'so1', 'so2'])
      await answer(await profileOf(w.database, w.workspaceId, id), 'csat', 5, support, 'email');
    // A second, later answer of a poor customer does not change their moment (the first response counts).
    await w.answer({
      type: 'nps',
      score: 10,
      at: plus(60),
      touchpoint: delivery,
      profileId: await profileOf(w.database, w.workspaceId, 'poor29'),
    });
  });
  afterAll(() => t.close());

  const run = (extra: object) =>
    w.query({ kind: 'key_moments', timeRange: week, windowSeconds: window, ...extra });

  it('compares conversion after poor and other experiences, with Newcombe intervals, sorted by harm', async () => {
    const res = await run({ outcome: 'conversion', outcomeEvent: 'Order Completed' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.minSample).toBe(30);
    expect(body.touchpoints.map((x: { touchpointId: string }) => x.touchpointId)).toEqual([
      support,
      delivery,
    ]);
    const [small, moment] = body.touchpoints;
    expect(moment.poor).toEqual({ customers: 30, outcomes: 6, outcomeRate: 20 });
    expect(moment.other).toEqual({ customers: 30, outcomes: 24, outcomeRate: 80 });
    expect(moment.differencePoints).toBeCloseTo(-60, 9);
    expect(moment.harm).toBeCloseTo(60, 9);
    expect(moment.ci.low).toBeCloseTo(-74.842, 2);
    expect(moment.ci.high).toBeCloseTo(-35.526, 2);
    expect(moment.significant).toBe(true);
    expect(moment.stage).toBe('Deliver');
    expect(small.poor).toEqual({ customers: 2, outcomes: 0, outcomeRate: 0 });
    expect(small.other).toEqual({ customers: 3, outcomes: 3, outcomeRate: 100 });
    expect(small.harm).toBeCloseTo(100, 9);
    expect(small.ci.high).toBeCloseTo(-13.528, 2);
    expect(small.significant).toBe(false);
  });

  it('measures churn as no event at all within the window', async () => {
    const body = (await run({ outcome: 'churn' })).json();
    const moment = body.touchpoints.find((x: { touchpointId: string }) => x.touchpointId === delivery);
    // Poor: the 6 converted customers had an event in the window; the other 24 had none → 80 % churned.
    expect(moment.poor).toEqual({ customers: 30, outcomes: 24, outcomeRate: 80 });
    expect(moment.other).toEqual({ customers: 30, outcomes: 6, outcomeRate: 20 });
    expect(moment.harm).toBeCloseTo(60, 9);
    expect(body.outcomeEvent).toBeNull();
  });

  it('filters the responses and lowers the sample bar on request', async () => {
    const body = (
      await run({
        outcome: 'conversion',
        minSample: 2,
        filters: [{ field: 'channel', op: 'eq', value: 'email' }],
      })
    ).json();
    expect(body.touchpoints).toHaveLength(1);
    expect(body.touchpoints[0]).toMatchObject({ touchpointId: support, significant: true });
  });

  it('refuses an unknown outcome and a missing window, naming the field', async () => {
    const bad = await w.query({
      kind: 'key_moments',
      timeRange: week,
      outcome: 'revenue',
      windowSeconds: 60,
    });
    expect(bad.json().error.details).toEqual([
      { field: 'body.outcome', message: 'must be one of conversion, churn' },
    ]);
    const missing = await w.query({ kind: 'key_moments', timeRange: week, outcome: 'churn' });
    expect(missing.json().error.details).toEqual([{ field: 'body.windowSeconds', message: 'is required' }]);
  });
});
