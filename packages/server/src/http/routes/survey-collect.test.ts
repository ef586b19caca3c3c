import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveSurvey } from '../../domains/surveys/survey-fixtures.js';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let workspaceId: string;
let auth: { authorization: string };
let clock = new Date('2026-03-02T10:00:00Z');
const day = 86_400_000;

beforeEach(async () => {
  clock = new Date('2026-03-02T10:00:00Z');
  t = await startTestApp({}, () => clock);
  const ws = await workspaceWithWriteKey(t.app);
  workspaceId = ws.workspaceId;
  auth = { authorization: basicAuth(ws.writeKey) };
});
afterEach(() => t.close());

const submit = (surveyId: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/v1/surveys/${surveyId}/responses`, headers: auth, payload });
const eligible = (query: string) =>
  t.app.inject({ method: 'GET', url: `/v1/surveys/eligible?${query}`, headers: auth });
const track = (anonymousId: string, event: string, extra: Record<string, unknown> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/track',
    headers: auth,
    payload: { anonymousId, event, ...extra },
  });

describe('survey responses from the SDK', () => {
  it('stores a response step by step, idempotently, on the profile with its journey context', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId);
    await t.app.inject({
      method: 'POST',
      url: '/v1/page',
      headers: auth,
      payload: {
        anonymousId: 'anon-1',
        name: 'Checkout',
        context: { page: { url: 'https://shop.example/checkout' } },
      },
    });
    await track('anon-1', 'Order Completed', { properties: { revenue: 20 } });
    const step1 = {
      clientKey: 'client-key-1',
      anonymousId: 'anon-1',
      locale: 'de-DE',
      answers: [{ questionId: 'nps', value: 3, timeSpentMs: 1200 }],
      completed: false,
    };
    const first = await submit(surveyId, step1);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'partial', created: true });
    const retry = await submit(surveyId, step1);
    expect(retry.json()).toMatchObject({ responseId: first.json().responseId, created: false });

    const tooEarly = await submit(surveyId, { ...step1, answers: [], completed: true });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error.message).toContain('why');

    const step2 = await submit(surveyId, {
      ...step1,
      answers: [{ questionId: 'why', value: '=HYPERLINK("x")' }],
      completed: true,
      hiddenFields: { orderId: 'o-1' },
    });
    expect(step2.json()).toMatchObject({ status: 'completed', created: false });

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/responses`,
      headers: adminHeaders,
    });
    expect(list.json().items).toHaveLength(1);
    const response = list.json().items[0];
    expect(response).toMatchObject({
      status: 'completed',
      locale: 'de',
      channel: 'web',
      surveyVersion: 1,
      hiddenFields: { orderId: 'o-1' },
    });
    expect(response.answers.map((a: { questionId: string }) => a.questionId).sort()).toEqual(['nps', 'why']);
    expect(response.journeyContext.lastSteps.map((s: { event: string }) => s.event)).toEqual([
      'Order Completed',
      'Checkout',
    ]);
    expect(response.journeyContext).toMatchObject({ channels: ['other', 'web'], journeyStage: null });

    const timeline = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/profiles/${response.profileId}/timeline`,
      headers: adminHeaders,
    });
    const events = timeline.json().items.filter((e: { event: string }) => e.event?.startsWith('Survey'));
    expect(events.map((e: { event: string }) => e.event).sort()).toEqual([
      'Survey Completed',
      'Survey Response Submitted',
    ]);
    for (const e of events)
      expect(e.properties).toMatchObject({ surveyId, responseId: response.id, score: 3 });
  });

  it('enriches open-text answers when they are stored, keyed to the response and profile', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId);
    const res = await submit(surveyId, {
      clientKey: 'client-key-text',
      anonymousId: 'anon-text',
      answers: [
        { questionId: 'nps', value: 2 },
        { questionId: 'why', value: 'Die Lieferung kam viel zu spät, schreiben Sie mir an anna@example.de' },
      ],
      completed: true,
    });
    expect(res.statusCode).toBe(200);
    const enrichment = await t.store.text.enrichment(workspaceId, res.json().responseId, 'why');
    expect(enrichment?.enrichment).toMatchObject({ language: 'de', sentiment: { label: 'negative' } });
    expect(enrichment?.enrichment.topics.map((t) => t.id)).toContain('delivery');
    expect(enrichment?.profileId).toBeTruthy();
    // Stored enrichments keep spans and redacted text, never the personal data itself.
    expect(JSON.stringify(enrichment)).not.toContain('anna@example.de');
  });

  it('stores an answer cut inside an emoji (a lone surrogate) with U+FFFD in its place, and goes on storing', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId);
    const cut = 'Super 😀'.slice(0, -1);
    const res = await submit(surveyId, {
      clientKey: 'client-key-cut',
      anonymousId: `anon-${cut}`,
      answers: [
        { questionId: 'nps', value: 9 },
        { questionId: 'why', value: cut },
      ],
      completed: true,
    });
    expect(res.statusCode).toBe(200);
    const later = await track('anon-later', 'Later');
    expect(later.statusCode).toBe(200);
    const answers = await t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/responses`,
      headers: adminHeaders,
    });
    expect(answers.statusCode).toBe(200);
    expect(JSON.stringify(answers.json())).toContain('Super \ufffd');
  });

  it('deletes a response with its answers, text enrichments and timeline events', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId);
    const res = await submit(surveyId, {
      clientKey: 'client-key-delete',
      anonymousId: 'anon-delete',
      answers: [
        { questionId: 'nps', value: 2 },
        { questionId: 'why', value: 'The delivery was late again.' },
      ],
      completed: true,
    });
    const { responseId } = res.json();
    const base = `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/responses`;
    const one = await t.app.inject({ url: `${base}/${responseId}`, headers: adminHeaders });
    const { profileId } = one.json();
    expect(await t.store.text.enrichment(workspaceId, responseId, 'why')).not.toBeNull();

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${responseId}`,
      headers: adminHeaders,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await t.app.inject({ url: `${base}/${responseId}`, headers: adminHeaders })).statusCode).toBe(
      404,
    );
    expect(await t.store.text.enrichment(workspaceId, responseId, 'why')).toBeNull();
    const timeline = await t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/profiles/${profileId}/timeline`,
      headers: adminHeaders,
    });
    expect(timeline.json().items.filter((e: { event: string }) => e.event?.startsWith('Survey'))).toEqual([]);
    const audit = await t.app.inject({
      url: `/api/v1/workspaces/${workspaceId}/audit-log`,
      headers: adminHeaders,
    });
    expect(audit.json().items[0]).toMatchObject({ action: 'response.delete', targetId: responseId });
    const again = await t.app.inject({
      method: 'DELETE',
      url: `${base}/${responseId}`,
      headers: adminHeaders,
    });
    expect(again.statusCode).toBe(404);
  });

  it('rejects answers that do not fit, storing nothing', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId);
    const res = await submit(surveyId, {
      clientKey: 'client-key-2',
      anonymousId: 'a2',
      answers: [{ questionId: 'topic', value: 'weather' }],
      completed: false,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'CAIRN_ANSWER_INVALID' });
    expect(res.json().error.message).toContain('topic');
    expect(await t.store.surveys.responses.count(workspaceId, surveyId)).toBe(0);
    const draft = await liveSurvey(t.app, workspaceId, { live: false });
    const closed = await submit(draft, {
      clientKey: 'client-key-3',
      anonymousId: 'a2',
      answers: [],
      completed: false,
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('CAIRN_SURVEY_NOT_OPEN');
  });

  it('closes a survey when its response quota is reached', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId, { settings: { responseQuota: 1 } });
    expect(
      (
        await submit(surveyId, {
          clientKey: 'client-key-4',
          anonymousId: 'q1',
          answers: [{ questionId: 'nps', value: 9 }],
          completed: true,
        })
      ).statusCode,
    ).toBe(200);
    const second = await submit(surveyId, {
      clientKey: 'client-key-5',
      anonymousId: 'q2',
      answers: [],
      completed: false,
    });
    expect(second.json().error.code).toBe('CAIRN_SURVEY_NOT_OPEN');
    expect((await t.store.surveys.definitions.get(workspaceId, surveyId))?.status).toBe('closed');
  });
});

describe('survey eligibility and the fatigue budget', () => {
  it('offers by trigger event and URL, in the asked language, and not again after it was shown', async () => {
    const surveyId = await liveSurvey(t.app, workspaceId, {
      settings: { trigger: { events: ['Order Completed'], urlPattern: 'https://shop.example/thanks*' } },
    });
    await track('v1', 'Product Viewed');
    const miss = await eligible('anonymousId=v1&event=Product%20Viewed&url=https://shop.example/thanks');
    expect(miss.json()).toEqual({ survey: null });
    const hit = await eligible(
      'anonymousId=v1&event=Order%20Completed&url=https://shop.example/thanks?o=1&locale=de-DE',
    );
    expect(hit.json().survey).toMatchObject({
      id: surveyId,
      version: 1,
      trigger: { events: ['Order Completed'] },
    });
    expect(hit.json().survey.definition).toMatchObject({
      language: 'de',
      questions: [{ title: 'Wie wahrscheinlich empfehlen Sie uns weiter?' }, {}, {}],
    });

    const shown = await t.app.inject({
      method: 'POST',
      url: `/v1/surveys/${surveyId}/shown`,
      headers: auth,
      payload: { anonymousId: 'v1' },
    });
    expect(shown.json()).toEqual({ recorded: true });
    expect(
      (await eligible('anonymousId=v1&event=Order%20Completed&url=https://shop.example/thanks')).json(),
    ).toEqual({ survey: null });
  });

  it('does not offer another survey within the global cooldown after an answer on any channel', async () => {
    const first = await liveSurvey(t.app, workspaceId, { name: 'First' });
    clock = new Date(clock.getTime() + 1000);
    const second = await liveSurvey(t.app, workspaceId, { name: 'Second' });
    // Answered the first survey by e-mail link (channel email): the web intercept must respect it too.
    await submit(first, {
      clientKey: 'client-key-6',
      userId: 'u-7',
      channel: 'email',
      answers: [{ questionId: 'nps', value: 10 }],
      completed: true,
    });
    expect((await eligible('userId=u-7')).json()).toEqual({ survey: null });
    clock = new Date(clock.getTime() + 15 * day);
    expect((await eligible('userId=u-7')).json().survey.id).toBe(second);
  });

  it('applies the workspace fatigue budget set through the API', async () => {
    const first = await liveSurvey(t.app, workspaceId, { name: 'First' });
    clock = new Date(clock.getTime() + 1000);
    const second = await liveSurvey(t.app, workspaceId, { name: 'Second' });
    const settingsUrl = `/api/v1/workspaces/${workspaceId}/survey-settings`;
    const bad = await t.app.inject({
      method: 'PATCH',
      url: settingsUrl,
      headers: adminHeaders,
      payload: { fatigue: { periodDays: 0 } },
    });
    expect(bad.json().error).toMatchObject({
      code: 'CAIRN_SURVEY_INVALID',
      details: [{ path: 'settings/fatigue/periodDays' }],
    });
    const set = await t.app.inject({
      method: 'PATCH',
      url: settingsUrl,
      headers: adminHeaders,
      payload: { fatigue: { globalCooldownDays: 0 } },
    });
    expect(set.json().fatigue).toEqual({
      globalCooldownDays: 0,
      surveyCooldownDays: 30,
      maxContactsPerPeriod: 2,
      periodDays: 30,
    });
    await submit(first, {
      clientKey: 'client-key-8',
      userId: 'u-8',
      answers: [{ questionId: 'nps', value: 10 }],
      completed: true,
    });
    expect((await eligible('userId=u-8')).json().survey.id).toBe(second);
  });

  it('samples deterministically per visitor and survey', async () => {
    await liveSurvey(t.app, workspaceId, { settings: { targeting: { samplePercent: 50 } } });
    const answers: boolean[] = [];
    for (let i = 0; i < 20; i++)
      answers.push((await eligible(`anonymousId=sample-${i}`)).json().survey !== null);
    expect(answers.some(Boolean) && answers.some((x) => !x)).toBe(true);
    for (let i = 0; i < 20; i++)
      expect((await eligible(`anonymousId=sample-${i}`)).json().survey !== null).toBe(answers[i]);
  });

  it('needs a valid write key', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/surveys/eligible?anonymousId=x',
      headers: { authorization: basicAuth('nope') },
    });
    expect(res.statusCode).toBe(401);
  });
});
