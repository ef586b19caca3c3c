import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { liveSurvey } from './survey-fixtures.js';

/** A pinned clock: imported answers lie months before "now", so a response dated now would be caught. */
const now = new Date('2026-01-15T12:00:00.000Z');

describe('importing historical survey responses', () => {
  let t: TestApp;
  let workspaceId: string;
  let surveyId: string;
  let base: string;

  const post = (responses: unknown[]) =>
    t.app.inject({ method: 'POST', url: `${base}/import`, headers: adminHeaders, payload: { responses } });
  const item = (externalId: string, overrides: Record<string, unknown> = {}) => ({
    externalId,
    submittedAt: '2025-06-03T09:30:00.000Z',
    startedAt: '2025-06-03T09:28:00.000Z',
    profile: { userId: 'u-known' },
    language: 'de',
    channel: 'email',
    answers: { nps: 4, why: 'Lieferung kam zu spät <script>' },
    hiddenFields: { orderId: 'o-1' },
    ...overrides,
  });
  const list = async () =>
    (await t.app.inject({ url: base, headers: adminHeaders })).json().items as {
      id: string;
      startedAt: string;
      completedAt: string;
      locale: string;
      channel: string;
      touchpointId: string | null;
      journeyStage: string | null;
      journeyContext: { lastSteps: { event: string }[] };
      answers: { questionId: string; answeredAt: string }[];
    }[];
  const timeline = async (userId: string) => {
    const profile = await t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/profiles/lookup?userId=${userId}`,
      headers: adminHeaders,
    });
    const events = await t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/profiles/${profile.json().id}/timeline?limit=100`,
      headers: adminHeaders,
    });
    return events.json().items as { event: string; timestamp?: string; occurredAt?: string }[];
  };

  beforeAll(async () => {
    t = await startTestApp({}, () => now);
    const ws = await workspaceWithWriteKey(t.app);
    workspaceId = ws.workspaceId;
    surveyId = await liveSurvey(t.app, workspaceId);
    base = `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/responses`;
    // A known customer with an order a day before answering: the journey snapshot must show it.
    const tracked = await t.app.inject({
      method: 'POST',
      url: '/v1/track',
      headers: { authorization: basicAuth(ws.writeKey) },
      payload: { userId: 'u-known', event: 'Order Completed', timestamp: '2025-06-02T10:00:00.000Z' },
    });
    expect(tracked.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('refuses the whole request when one item is invalid, naming its index and field, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ answers: { nps: 11 } }, 'body.responses.1.answers.nps'],
      [{ answers: { nps: 3 } }, 'body.responses.1.answers.why'], // required on a detractor's path
      [{ submittedAt: '2026-03-01T00:00:00.000Z' }, 'body.responses.1.submittedAt'],
      [{ startedAt: '2025-06-04T00:00:00.000Z' }, 'body.responses.1.startedAt'],
      // Before the year 0000 once in UTC: a time the store cannot keep.
      [{ startedAt: '0000-01-01T00:00:00+01:00' }, 'body.responses.1.startedAt'],
      [{ language: 'fr' }, 'body.responses.1.language'],
      [{ channel: 'fax' }, 'body.responses.1.channel'],
      [{ profile: {} }, 'body.responses.1.profile'],
      [{ profile: { email: 'nobody@example.com' } }, 'body.responses.1.profile.email'],
      [{ hiddenFields: { secret: 'x' } }, 'body.responses.1.hiddenFields.secret'],
      [{ externalId: 'a' }, 'body.responses.1.externalId'],
    ];
    for (const [overrides, field] of cases) {
      const res = await post([item('a'), item('b', overrides)]);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.code).toBe('CAIRN_VALIDATION_FAILED');
      expect(res.json().error.message).toContain(field);
    }
    expect(await list()).toEqual([]);
  });

  it('stores each response at its own time, with its journey before that time and events on the timeline', async () => {
    const res = await post([
      item('a'),
      item('b', {
        profile: { anonymousId: 'anon-new' },
        submittedAt: '2025-08-01T08:00:00.000Z',
        startedAt: undefined,
        language: 'en',
        channel: 'web',
        answers: { nps: 10 },
      }),
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ received: 2, stored: 2, duplicates: 0 });
    const byStart = (await list()).sort((x, y) => x.startedAt.localeCompare(y.startedAt));
    expect(byStart.map((r) => [r.locale, r.channel])).toEqual([
      ['de', 'email'],
      ['en', 'web'],
    ]);
    expect(Date.parse(byStart[0]?.startedAt ?? '')).toBe(Date.parse('2025-06-03T09:28:00.000Z'));
    expect(Date.parse(byStart[0]?.completedAt ?? '')).toBe(Date.parse('2025-06-03T09:30:00.000Z'));
    expect(byStart[0]?.answers.map((a) => Date.parse(a.answeredAt))).toEqual([
      Date.parse('2025-06-03T09:30:00.000Z'),
      Date.parse('2025-06-03T09:30:00.000Z'),
    ]);
    expect(byStart[0]?.journeyContext.lastSteps.map((s) => s.event)).toEqual(['Order Completed']);
    expect(Date.parse(byStart[1]?.startedAt ?? '')).toBe(Date.parse('2025-08-01T08:00:00.000Z'));

    const events = await timeline('u-known');
    const survey = events.filter((e) => e.event.startsWith('Survey'));
    expect(survey.map((e) => e.event).sort()).toEqual(['Survey Completed', 'Survey Response Submitted']);
    for (const e of survey) expect(JSON.stringify(e)).toContain('2025-06-03');
  });

  it('is idempotent by externalId: a repeat stores nothing new', async () => {
    const before = (await timeline('u-known')).length;
    const res = await post([item('a'), item('c', { answers: { nps: 9 } })]);
    expect(res.json()).toMatchObject({ received: 2, stored: 1, duplicates: 1 });
    expect(res.json().responses.map((r: { created: boolean }) => r.created)).toEqual([false, true]);
    expect(await list()).toHaveLength(3);
    // Only the new response's two events reach the timeline.
    expect((await timeline('u-known')).length).toBe(before + 2);
  });

  it('counts imported answers in the analyses at their own time, and records the import in the audit log', async () => {
    const kpi = async (from: string, to: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/workspaces/${workspaceId}/query`,
          headers: adminHeaders,
          payload: { kind: 'kpi', metric: 'nps', timeRange: { from, to } },
        })
      ).json();
    expect(JSON.stringify(await kpi('2025-06-01T00:00:00Z', '2025-07-01T00:00:00Z'))).toContain('"n":2');
    expect(JSON.stringify(await kpi('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'))).not.toMatch(
      /"n":[1-9]/,
    );
    const audit = await t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/audit-log`,
      headers: adminHeaders,
    });
    const imports = audit.json().items.filter((e: { action: string }) => e.action === 'responses.import');
    expect(imports.map((e: { details: unknown }) => e.details)).toEqual(
      expect.arrayContaining([
        { received: 2, stored: 2, duplicates: 0 },
        { received: 2, stored: 1, duplicates: 1 },
      ]),
    );
  });

  it('records imported answers at their touchpoint, checked like live answers', async () => {
    const touchpoint = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/touchpoints`,
      headers: adminHeaders,
      payload: { name: 'Delivery', channel: 'sms', stage: 'Deliver', rules: [{ event: 'Order Delivered' }] },
    });
    const touchpointId = touchpoint.json().id;
    const unknown = await post([item('ext-tp-0', { touchpointId: '01934f5e-7b2a-7c3d-8e4f-123456789abc' })]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('body.responses.0.touchpointId');

    expect((await post([item('ext-tp-1', { touchpointId })])).statusCode).toBe(200);
    const atDelivery = (await list()).filter((r) => r.touchpointId === touchpointId);
    expect(atDelivery).toHaveLength(1);
    expect(atDelivery[0]).toMatchObject({ journeyStage: 'Deliver' });
  });
});
