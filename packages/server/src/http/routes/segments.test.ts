import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveSurvey } from '../../domains/surveys/survey-fixtures.js';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let workspaceId: string;
let auth: { authorization: string };

beforeEach(async () => {
  t = await startTestApp({}, () => new Date('2026-03-02T10:00:00Z'));
  const ws = await workspaceWithWriteKey(t.app);
  workspaceId = ws.workspaceId;
  auth = { authorization: basicAuth(ws.writeKey) };
});
afterEach(() => t.close());

const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/workspaces/${workspaceId}${url}`, headers: adminHeaders, payload });
const identify = (userId: string, traits: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/v1/identify', headers: auth, payload: { userId, traits } });
const eligible = (userId: string) =>
  t.app.inject({ method: 'GET', url: `/v1/surveys/eligible?userId=${userId}`, headers: auth });

const goldInGermany = {
  key: 'gold-de',
  name: 'Gold customers in Germany',
  conditions: [
    { field: 'trait.tier', op: 'eq', value: 'gold' },
    { field: 'trait.country', op: 'in', value: ['DE', 'AT'] },
  ],
};

describe('segments', () => {
  it('are defined, listed, changed and removed, with keys unique per workspace', async () => {
    const created = await api('POST', '/segments', goldInGermany);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      key: 'gold-de',
      description: '',
      conditions: goldInGermany.conditions,
    });
    const again = await api('POST', '/segments', { ...goldInGermany, name: 'Copy' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CAIRN_CONFLICT');

    const id = created.json().id;
    const renamed = await api('PATCH', `/segments/${id}`, { name: 'Gold DACH' });
    expect(renamed.json()).toMatchObject({ name: 'Gold DACH', key: 'gold-de' });
    expect((await api('GET', '/segments')).json().items.map((s: { name: string }) => s.name)).toEqual([
      'Gold DACH',
    ]);
    expect((await api('DELETE', `/segments/${id}`)).statusCode).toBe(204);
    expect((await api('GET', '/segments')).json().items).toEqual([]);
  });

  it('refuses conditions the query engine would refuse, naming the condition, and stores nothing', async () => {
    const numberNeeded = await api('POST', '/segments', {
      ...goldInGermany,
      conditions: [{ field: 'trait.age', op: 'gt', value: 'old' }],
    });
    expect(numberNeeded.statusCode).toBe(400);
    expect(JSON.stringify(numberNeeded.json())).toContain('body.conditions.0.value');
    const notATrait = await api('POST', '/segments', {
      ...goldInGermany,
      conditions: [{ field: 'channel', op: 'eq', value: 'web' }],
    });
    expect(notATrait.statusCode).toBe(400);
    expect((await api('GET', '/segments')).json().items).toEqual([]);
  });

  it('target surveys: only members are offered, and a changed condition applies at once', async () => {
    await api('POST', '/segments', goldInGermany);
    const surveyId = await liveSurvey(t.app, workspaceId, {
      settings: { targeting: { segments: ['gold-de'] } },
    });
    await identify('u-gold', { tier: 'gold', country: 'DE' });
    await identify('u-silver', { tier: 'silver', country: 'DE' });
    await identify('u-gold-fr', { tier: 'gold', country: 'FR' });

    expect((await eligible('u-gold')).json().survey?.id).toBe(surveyId);
    expect((await eligible('u-silver')).json().survey).toBeNull();
    expect((await eligible('u-gold-fr')).json().survey).toBeNull();
    expect((await eligible('u-unknown')).json().survey).toBeNull();

    const [segment] = (await api('GET', '/segments')).json().items;
    await api('PATCH', `/segments/${segment.id}`, {
      conditions: [{ field: 'trait.tier', op: 'eq', value: 'gold' }],
    });
    expect((await eligible('u-gold-fr')).json().survey?.id).toBe(surveyId);

    // A trait that changes moves the customer out of the segment.
    await identify('u-gold', { tier: 'silver' });
    expect((await eligible('u-gold')).json().survey).toBeNull();
  });

  it('must exist when a survey targets them', async () => {
    const refused = await api('POST', '/surveys', {
      name: 'Targeted',
      definition: { defaultLanguage: 'en', questions: [{ id: 'q', type: 'nps', title: { en: 'Q?' } }] },
      settings: { targeting: { segments: ['nobody'] } },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('body.settings.targeting.segments.0');
  });

  it('filter every analysis to their members, with the same membership as survey targeting', async () => {
    await api('POST', '/segments', goldInGermany);
    await identify('u-gold', { tier: 'gold', country: 'DE' });
    await identify('u-silver', { tier: 'silver', country: 'DE' });
    const surveyId = await liveSurvey(t.app, workspaceId);
    for (const [userId, nps] of [
      ['u-gold', 10],
      ['u-silver', 0],
    ] as const) {
      const answered = await t.app.inject({
        method: 'POST',
        url: `/v1/surveys/${surveyId}/responses`,
        headers: auth,
        payload: {
          clientKey: `key-${userId}`,
          userId,
          answers: [
            { questionId: 'nps', value: nps },
            { questionId: 'why', value: 'ok' },
          ],
          completed: true,
        },
      });
      expect(answered.statusCode).toBe(200);
    }
    const nps = async (filters: object[]) =>
      (
        await api('POST', '/query', {
          kind: 'kpi',
          metric: 'nps',
          timeRange: { from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z' },
          filters,
        })
      ).json();
    expect((await nps([])).groups[0].current).toMatchObject({ n: 2, value: 0 });
    expect((await nps([{ field: 'segment', op: 'eq', value: 'gold-de' }])).groups[0].current).toMatchObject({
      n: 1,
      value: 100,
    });
    const unknown = await api('POST', '/query', {
      kind: 'kpi',
      metric: 'nps',
      timeRange: { last: '30d' },
      filters: [{ field: 'segment', op: 'eq', value: 'nobody' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('body.filters.0.value');
    const negated = await api('POST', '/query', {
      kind: 'kpi',
      metric: 'nps',
      timeRange: { last: '30d' },
      filters: [{ field: 'segment', op: 'neq', value: 'gold-de' }],
    });
    expect(negated.statusCode).toBe(400);
    const asBreakdown = await api('POST', '/query', {
      kind: 'kpi',
      metric: 'nps',
      timeRange: { last: '30d' },
      breakdown: 'segment',
    });
    expect(asBreakdown.statusCode).toBe(400);
  });
});
