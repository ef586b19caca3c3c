import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../domains/surveys/response-queries.js';
import { liveSurvey } from '../../domains/surveys/survey-fixtures.js';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let base: string;
let surveyId: string;
let otherSurveyId: string;
let workspaceBase: string;
let writeKey: string;

beforeAll(async () => {
  t = await startTestApp();
  const ws = await workspaceWithWriteKey(t.app);
  const { workspaceId } = ws;
  writeKey = ws.writeKey;
  surveyId = await liveSurvey(t.app, workspaceId);
  otherSurveyId = await liveSurvey(t.app, workspaceId, { name: 'Second survey' });
  base = `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/responses`;
  workspaceBase = `/api/v1/workspaces/${workspaceId}/responses`;
  const answers: [string, number, string, string][] = [
    ['r-1', 2, '=cmd|"/c calc"!A1', 'web'],
    ['r-2', 5, '@SUM(A1)', 'app'],
    ['r-3', 8, 'Lieferung war "schnell", danke', 'web'],
  ];
  for (const [key, nps, why, channel] of answers) {
    await t.app.inject({
      method: 'POST',
      url: `/v1/surveys/${surveyId}/responses`,
      headers: { authorization: basicAuth(writeKey) },
      payload: {
        clientKey: `client-${key}`,
        anonymousId: key,
        channel,
        answers: [
          { questionId: 'nps', value: nps },
          { questionId: 'why', value: why },
        ],
        completed: true,
      },
    });
  }
});
afterAll(() => t.close());

describe('responses across surveys', () => {
  it('lists every survey of the workspace, filtered, with sentiment and topics of open-text answers', async () => {
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/v1/surveys/${otherSurveyId}/responses`,
      headers: { authorization: basicAuth(writeKey) },
      payload: {
        clientKey: 'client-other-1',
        anonymousId: 'r-other',
        answers: [
          { questionId: 'nps', value: 1 },
          { questionId: 'why', value: 'The delivery was late and the parcel was damaged. Terrible.' },
        ],
        completed: true,
      },
    });
    expect(submitted.statusCode).toBe(200);
    const all = (await t.app.inject({ url: workspaceBase, headers: adminHeaders })).json().items;
    expect(new Set(all.map((r: { surveyId: string }) => r.surveyId))).toEqual(
      new Set([surveyId, otherSurveyId]),
    );
    expect(all).toHaveLength(4);

    const detractors = (
      await t.app.inject({
        url: `${workspaceBase}?maxScore=2&surveyId=${otherSurveyId}`,
        headers: adminHeaders,
      })
    ).json().items;
    expect(detractors).toHaveLength(1);
    const text = detractors[0].answers.find((a: { questionId: string }) => a.questionId === 'why');
    expect(text.insight).toMatchObject({ language: 'en', sentiment: { label: 'negative' } });
    expect(text.insight.topics.map((topic: { id: string }) => topic.id)).toContain('delivery');
    const score = detractors[0].answers.find((a: { questionId: string }) => a.questionId === 'nps');
    expect(score.insight).toBeUndefined();
  });
});

describe('staff access to responses', () => {
  it('filters by score range, channel and text, with cursor pages', async () => {
    const low = await t.app.inject({ method: 'GET', url: `${base}?maxScore=5`, headers: adminHeaders });
    expect(low.json().items).toHaveLength(2);
    const app = await t.app.inject({ method: 'GET', url: `${base}?channel=app`, headers: adminHeaders });
    expect(app.json().items.map((r: { channel: string }) => r.channel)).toEqual(['app']);
    const text = await t.app.inject({ method: 'GET', url: `${base}?q=SCHNELL`, headers: adminHeaders });
    expect(text.json().items).toHaveLength(1);
    const page1 = (
      await t.app.inject({ method: 'GET', url: `${base}?limit=2`, headers: adminHeaders })
    ).json();
    const page2 = (
      await t.app.inject({
        method: 'GET',
        url: `${base}?limit=2&cursor=${page1.nextCursor}`,
        headers: adminHeaders,
      })
    ).json();
    const ids = [...page1.items, ...page2.items].map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(3);
    const one = await t.app.inject({ method: 'GET', url: `${base}/${ids[0]}`, headers: adminHeaders });
    expect(one.json()).toMatchObject({ id: ids[0], journeyContext: { journeyStage: null } });
  });

  it('exports CSV that spreadsheets cannot run as formulas', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${base}.csv`, headers: adminHeaders });
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    const why = rows.map((r) => r.why).sort();
    expect(why).toEqual(['\'=cmd|"/c calc"!A1', "'@SUM(A1)", 'Lieferung war "schnell", danke']);
    expect(rows.every((r) => !/^[=+\-@\t\r]/.test(Object.values(r).join('')))).toBe(true);
  });

  it('neutralises every dangerous leading character', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutraliseFormula(`${lead}1+1`)).toBe(`'${lead}1+1`);
    expect(neutraliseFormula('fine = ok')).toBe('fine = ok');
  });
});

describe('responses of a segment', () => {
  it("keeps the responses whose customer meets the segment's trait conditions, merged profiles included", async () => {
    const track = (path: string, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: path, headers: { authorization: basicAuth(writeKey) }, payload });
    // r-1 answered anonymously, then logged in as an existing gold customer (its profile merges into theirs);
    // r-2 is a silver customer; r-3 stays anonymous.
    expect((await track('/v1/identify', { userId: 'gold-1', traits: { plan: 'gold' } })).statusCode).toBe(
      200,
    );
    expect((await track('/v1/identify', { anonymousId: 'r-1', userId: 'gold-1' })).statusCode).toBe(200);
    expect((await track('/v1/identify', { anonymousId: 'r-2', traits: { plan: 'silver' } })).statusCode).toBe(
      200,
    );
    const segments = `/api/v1/workspaces/${workspaceBase.split('/')[4]}/segments`;
    const created = await t.app.inject({
      method: 'POST',
      url: segments,
      headers: adminHeaders,
      payload: { key: 'gold', name: 'Gold', conditions: [{ field: 'trait.plan', op: 'eq', value: 'gold' }] },
    });
    expect(created.statusCode).toBe(201);

    const gold = (await t.app.inject({ url: `${base}?segment=gold`, headers: adminHeaders })).json().items;
    expect(gold.map((r: { channel: string }) => r.channel)).toEqual(['web']);
    const answer = gold[0].answers.find((a: { questionId: string }) => a.questionId === 'nps');
    expect(answer.numberValue).toBe(2);
    const across = (
      await t.app.inject({ url: `${workspaceBase}?segment=gold`, headers: adminHeaders })
    ).json();
    expect(across.items.map((r: { id: string }) => r.id)).toEqual([gold[0].id]);
    const csv = await t.app.inject({ url: `${base}.csv?segment=gold`, headers: adminHeaders });
    expect(parse(csv.body, { columns: true })).toHaveLength(1);

    const unknown = await t.app.inject({ url: `${base}?segment=platinum`, headers: adminHeaders });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'CAIRN_VALIDATION_FAILED',
      details: [{ field: 'querystring.segment' }],
    });
  });
});
