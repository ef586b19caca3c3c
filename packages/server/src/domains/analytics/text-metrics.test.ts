import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { liveSurvey } from '../surveys/survey-fixtures.js';

/**
 * Open-text answers → text analytics → the query engine: "share of negative mentions of Delivery by week".
 * Hand-computed: week 1 has 2 delivery mentions (1 negative), week 2 has 1 (negative); price has 1 (positive).
 */
describe('negative_mention_share from text analytics', () => {
  let t: TestApp;
  let workspaceId: string;
  let clock = new Date('2026-03-02T10:00:00Z');
  beforeAll(async () => {
    t = await startTestApp({}, () => clock);
    const ws = await workspaceWithWriteKey(t.app);
    workspaceId = ws.workspaceId;
    const surveyId = await liveSurvey(t.app, workspaceId);
    const answer = async (key: string, at: string, why: string) => {
      clock = new Date(at);
      const res = await t.app.inject({
        method: 'POST',
        url: `/v1/surveys/${surveyId}/responses`,
        headers: { authorization: basicAuth(ws.writeKey) },
        payload: {
          clientKey: `client-key-${key}`,
          anonymousId: `anon-${key}`,
          answers: [
            { questionId: 'nps', value: 5 },
            { questionId: 'why', value: why },
          ],
          completed: true,
        },
      });
      if (res.statusCode !== 200) throw new Error(res.body);
    };
    await answer('a', '2026-03-03T09:00:00Z', 'Die Lieferung kam viel zu spät und war beschädigt.');
    await answer('b', '2026-03-04T09:00:00Z', 'The delivery was fast and friendly, great service.');
    await answer('c', '2026-03-11T09:00:00Z', 'Delivery took forever, really disappointing.');
    await answer('d', '2026-03-12T09:00:00Z', 'Fair price, I like it.');
    clock = new Date('2026-03-16T00:00:00Z');
  });
  afterAll(() => t.close());

  const query = (body: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/query`,
      headers: adminHeaders,
      payload: body,
    });
  const range = { timeRange: { from: '2026-03-02T00:00:00Z', to: '2026-03-16T00:00:00Z' } };

  it('gives the share of negative mentions of one topic, by week', async () => {
    const res = await query({
      kind: 'trend',
      metric: 'negative_mention_share',
      topic: 'delivery',
      interval: 'week',
      ...range,
    });
    expect(res.statusCode).toBe(200);
    const points = res
      .json()
      .series[0].points.map((p: { bucket: string; value: number; n: number }) => [p.bucket, p.value, p.n]);
    expect(points).toEqual([
      ['2026-03-02', 50, 2],
      ['2026-03-09', 100, 1],
    ]);
  });

  it('gives the share per topic and over all topics', async () => {
    const kpi = async (topic?: string) => {
      const res = await query({
        kind: 'kpi',
        metric: 'negative_mention_share',
        compare: false,
        ...(topic ? { topic } : {}),
        ...range,
      });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const delivery = (await kpi('delivery')).groups[0].current;
    expect(delivery).toMatchObject({ n: 3 });
    expect(delivery.value).toBeCloseTo(200 / 3, 6);
    expect(delivery.ci.high).toBeLessThanOrEqual(100);
    // Over every topic the answers about price (positive) and the other topics the texts touch count too.
    const all = (await kpi()).groups[0].current;
    expect(all.n).toBeGreaterThan(3);
    expect(all.value).toBeLessThan(delivery.value);
  });

  it('refuses other breakdowns, naming the field', async () => {
    const res = await query({
      kind: 'kpi',
      metric: 'negative_mention_share',
      breakdown: 'channel',
      ...range,
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('body.breakdown');
  });
});
