import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveSurvey, npsDefinition } from '../../domains/surveys/survey-fixtures.js';
import { bearer, mintToken } from '../../test-support/access-helpers.js';
import { workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let workspaceId: string;
beforeEach(async () => {
  t = await startTestApp();
  ({ workspaceId } = await workspaceWithWriteKey(t.app));
});
afterEach(() => t.close());

const url = (suffix = '') => `/api/v1/workspaces/${workspaceId}/surveys${suffix}`;

describe('survey definitions API', () => {
  it('creates a draft, versions every definition change and audits create, update and status changes', async () => {
    const id = await liveSurvey(t.app, workspaceId, { live: false });
    const draft = await t.app.inject({ method: 'GET', url: url(`/${id}`), headers: adminHeaders });
    expect(draft.json()).toMatchObject({ status: 'draft', currentVersion: 1, responseCount: 0 });

    const changed = structuredClone(npsDefinition);
    changed.questions[1] = {
      ...changed.questions[1],
      title: { en: 'Anything else?', de: 'Noch etwas?' },
    } as (typeof changed.questions)[1];
    const patched = await t.app.inject({
      method: 'PATCH',
      url: url(`/${id}`),
      headers: adminHeaders,
      payload: { definition: changed },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().currentVersion).toBe(2);
    const v1 = await t.store.surveys.definitions.getVersion(workspaceId, id, 1);
    expect(v1?.definition.questions[1]?.title.en).toBe('What should we improve?');

    const live = await t.app.inject({
      method: 'POST',
      url: url(`/${id}/status`),
      headers: adminHeaders,
      payload: { status: 'live' },
    });
    expect(live.json().status).toBe('live');
    const closed = await t.app.inject({
      method: 'POST',
      url: url(`/${id}/status`),
      headers: adminHeaders,
      payload: { status: 'closed' },
    });
    expect(closed.json().status).toBe('closed');
    const reopen = await t.app.inject({
      method: 'POST',
      url: url(`/${id}/status`),
      headers: adminHeaders,
      payload: { status: 'live' },
    });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.code).toBe('CAIRN_SURVEY_STATUS_CHANGE');

    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/audit-log?limit=50`,
      headers: adminHeaders,
    });
    const actions = audit
      .json()
      .items.filter((e: { targetId: string }) => e.targetId === id)
      .map((e: { action: string }) => e.action);
    expect(actions.sort()).toEqual([
      'survey.create',
      'survey.status-change',
      'survey.status-change',
      'survey.update',
    ]);
  });

  it('answers an invalid definition with CAIRN_SURVEY_INVALID naming the path, storing nothing', async () => {
    const bad = structuredClone(npsDefinition);
    bad.questions[0] = {
      ...bad.questions[0],
      // biome-ignore lint/suspicious/noThenProperty: `then` is the survey logic wire format (if … then goTo) shared with the SDK.
      logic: [{ if: { questionId: 'nps', op: 'lt', value: 5 }, then: { goTo: 'missing' } }],
    } as (typeof bad.questions)[0];
    const res = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: adminHeaders,
      payload: { name: 'Bad', definition: bad },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CAIRN_SURVEY_INVALID');
    expect(res.json().error.details[0].path).toBe('definition/questions/0/logic/0/then/goTo');
    expect(await t.store.surveys.definitions.list(workspaceId)).toEqual([]);
  });

  it('closes a live survey by its close date', async () => {
    const id = await liveSurvey(t.app, workspaceId, { settings: { closeAt: '2000-01-01T00:00:00Z' } });
    const res = await t.app.inject({ method: 'GET', url: url(`/${id}`), headers: adminHeaders });
    expect(res.json()).toMatchObject({ status: 'live', effectiveStatus: 'closed' });
  });

  it('exports and re-imports a survey as a new draft', async () => {
    const id = await liveSurvey(t.app, workspaceId, { settings: { targeting: { samplePercent: 50 } } });
    const exported = (
      await t.app.inject({ method: 'GET', url: url(`/${id}/export`), headers: adminHeaders })
    ).json();
    expect(exported).toMatchObject({
      format: 'cairn-survey/1',
      name: 'NPS',
      settings: { targeting: { samplePercent: 50 } },
    });
    const imported = await t.app.inject({
      method: 'POST',
      url: url('/import'),
      headers: adminHeaders,
      payload: exported,
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ status: 'draft', currentVersion: 1, definition: npsDefinition });
    expect(imported.json().id).not.toBe(id);
  });

  it('lets viewers read surveys but not manage them or read single responses', async () => {
    const id = await liveSurvey(t.app, workspaceId);
    const viewer = bearer((await mintToken(t, workspaceId, 'viewer')).token);
    const analyst = bearer((await mintToken(t, workspaceId, 'analyst')).token);
    expect((await t.app.inject({ method: 'GET', url: url(), headers: viewer })).statusCode).toBe(200);
    const create = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: viewer,
      payload: { name: 'x', definition: npsDefinition },
    });
    expect(create.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: url(`/${id}/responses`), headers: viewer })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: url(`/${id}/responses`), headers: analyst })).statusCode,
    ).toBe(200);
    const byAnalyst = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: analyst,
      payload: { name: 'x', definition: npsDefinition },
    });
    expect(byAnalyst.statusCode).toBe(201);
  });
});
