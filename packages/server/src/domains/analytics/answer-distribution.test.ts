import type { SurveyDefinition } from '@cairn/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { liveSurvey } from '../surveys/survey-fixtures.js';

const now = new Date('2026-05-10T12:00:00Z');
const range = { from: '2026-05-01T00:00:00Z', to: '2026-05-11T00:00:00Z' };
const choices = (ids: string[]) => ids.map((id) => ({ id, label: { en: id } }));
const definition: SurveyDefinition = {
  defaultLanguage: 'en',
  questions: [
    { id: 'nps', type: 'nps', title: { en: 'Recommend?' } },
    {
      id: 'topic',
      type: 'single_choice',
      required: false,
      title: { en: 'Topic?' },
      choices: choices(['delivery', 'price', 'quality']),
    },
    {
      id: 'liked',
      type: 'multiple_choice',
      required: false,
      title: { en: 'Liked?' },
      choices: choices(['app', 'shop', 'staff']),
    },
    { id: 'why', type: 'text', required: false, title: { en: 'Why?' } },
    { id: 'ok', type: 'consent', required: false, title: { en: 'Contact?' }, label: { en: 'Yes' } },
  ],
};

describe('answer_distribution: answers per option of one survey, on hand-counted responses', () => {
  let t: TestApp;
  let workspaceId = '';
  let surveyId = '';
  let otherSurveyId = '';

  const submit = async (
    writeKey: string,
    survey: string,
    answers: { questionId: string; value: unknown }[],
  ) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/surveys/${survey}/responses`,
      headers: { authorization: basicAuth(writeKey) },
      payload: {
        clientKey: `key-${Math.random().toString(36).slice(2)}`,
        anonymousId: 'a1',
        answers,
        completed: false,
      },
    });
    if (res.statusCode !== 200) throw new Error(`submit: ${res.body}`);
  };
  const query = (body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/query`,
      headers: adminHeaders,
      payload: { kind: 'answer_distribution', timeRange: range, ...body },
    });

  beforeAll(async () => {
    t = await startTestApp({}, () => now);
    const created = await workspaceWithWriteKey(t.app, 'Distribution');
    workspaceId = created.workspaceId;
    surveyId = await liveSurvey(t.app, workspaceId, { definition });
    otherSurveyId = await liveSurvey(t.app, workspaceId, { name: 'Other', definition });
    const key = created.writeKey;
    // Four responses: topic delivery ×2, price ×1, one without a topic; liked app+shop, shop, shop+staff.
    await submit(key, surveyId, [
      { questionId: 'nps', value: 10 },
      { questionId: 'topic', value: 'delivery' },
      { questionId: 'liked', value: ['app', 'shop'] },
      { questionId: 'why', value: '<script>x</script>' },
    ]);
    await submit(key, surveyId, [
      { questionId: 'nps', value: 3 },
      { questionId: 'topic', value: 'delivery' },
      { questionId: 'liked', value: ['shop'] },
    ]);
    await submit(key, surveyId, [
      { questionId: 'nps', value: 10 },
      { questionId: 'topic', value: 'price' },
      { questionId: 'liked', value: ['shop', 'staff'] },
    ]);
    await submit(key, surveyId, [{ questionId: 'nps', value: 7 }]);
    // Another survey's answers must not count.
    await submit(key, otherSurveyId, [
      { questionId: 'nps', value: 0 },
      { questionId: 'topic', value: 'quality' },
    ]);
  });
  afterAll(() => t.close());

  it('counts single and multiple choice and scores per option with shares of respondents', async () => {
    const res = await query({ surveyId });
    expect(res.statusCode).toBe(200);
    const byQuestion = Object.fromEntries(
      res.json().questions.map((q: { questionId: string }) => [q.questionId, q]),
    );
    expect(Object.keys(byQuestion).sort()).toEqual(['liked', 'nps', 'topic']);
    expect(byQuestion.topic).toEqual({
      questionId: 'topic',
      questionType: 'single_choice',
      answered: 3,
      options: [
        { value: 'delivery', answers: 2, share: 2 / 3 },
        { value: 'price', answers: 1, share: 1 / 3 },
      ],
    });
    // Multiple choice: shares of the 3 respondents, so they add up to more than 1.
    expect(byQuestion.liked.options).toEqual([
      { value: 'app', answers: 1, share: 1 / 3 },
      { value: 'shop', answers: 3, share: 1 },
      { value: 'staff', answers: 1, share: 1 / 3 },
    ]);
    // Scores in numeric order (3 before 10), not text order.
    expect(byQuestion.nps.answered).toBe(4);
    expect(
      byQuestion.nps.options.map((o: { value: string; answers: number }) => [o.value, o.answers]),
    ).toEqual([
      ['3', 1],
      ['7', 1],
      ['10', 2],
    ]);
  });

  it('limits to the questions asked for and to the time range', async () => {
    const only = (await query({ surveyId, questionIds: ['topic'] })).json();
    expect(only.questions.map((q: { questionId: string }) => q.questionId)).toEqual(['topic']);
    const before = await query({
      surveyId,
      timeRange: { from: '2026-04-01T00:00:00Z', to: '2026-05-01T00:00:00Z' },
    });
    expect(before.json().questions).toEqual([]);
  });

  it('applies response filters, current traits included', async () => {
    const byChannel = await query({ surveyId, filters: [{ field: 'channel', op: 'eq', value: 'web' }] });
    expect(byChannel.json().questions.map((q: { answered: number }) => q.answered)).toEqual([3, 4, 3]);
    const email = await query({ surveyId, filters: [{ field: 'channel', op: 'eq', value: 'email' }] });
    expect(email.json().questions).toEqual([]);
    // Nobody has the trait: the profile join must still build and run.
    const byTrait = await query({ surveyId, filters: [{ field: 'trait.plan', op: 'eq', value: 'pro' }] });
    expect(byTrait.statusCode).toBe(200);
    expect(byTrait.json().questions).toEqual([]);
  });

  it('names the offending field of a bad query', async () => {
    const res = await query({ surveyId: 'not-a-uuid' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CAIRN_VALIDATION_FAILED');
    expect(JSON.stringify(res.json().error.details)).toContain('body.surveyId');
  });
});
