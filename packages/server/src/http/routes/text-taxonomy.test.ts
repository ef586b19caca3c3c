import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrichAnswers } from '../../domains/text/text-service.js';
import {
  addMember,
  createWorkspace,
  logIn,
  sessionHeaders,
  storedRows,
} from '../../test-support/access-helpers.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

const answers = [
  {
    responseId: 'r1',
    text: 'Der Akku ist nach zwei Tagen leer, sehr enttäuschend.',
    at: '2026-03-02T10:00:00Z',
  },
  { responseId: 'r2', text: 'The battery died after a week, terrible.', at: '2026-03-03T10:00:00Z' },
  { responseId: 'r3', text: 'Lieferung war schnell, danke!', at: '2026-03-04T10:00:00Z' },
];

async function seedAnswers(t: TestApp, workspaceId: string) {
  for (const a of answers) {
    await storedRows(
      t,
      `INSERT INTO survey_answers (workspace_id, response_id, survey_id, profile_id, question_id, question_type, text_value, answered_at)
       VALUES ($1, $2, 's1', $3, 'q-why', 'text', $4, $5::TIMESTAMPTZ)`,
      [workspaceId, a.responseId, `p-${a.responseId}`, a.text, a.at],
    );
  }
  await enrichAnswers(
    t.store,
    answers.map((a) => ({
      workspaceId,
      responseId: a.responseId,
      questionId: 'q-why',
      profileId: `p-${a.responseId}`,
      answeredAt: a.at,
      text: a.text,
    })),
    new Date('2026-03-05T00:00:00Z'),
  );
}

const topicsOf = async (t: TestApp, workspaceId: string, responseId: string) =>
  (
    await storedRows(
      t,
      'SELECT topic_id FROM text_topic_mentions WHERE workspace_id = $1 AND response_id = $2 ORDER BY topic_id',
      [workspaceId, responseId],
    )
  ).map((r) => r.topic_id);

describe('text taxonomy', () => {
  let t: TestApp;
  let workspaceId: string;
  const url = () => `/api/v1/workspaces/${workspaceId}/text/taxonomy`;

  beforeEach(async () => {
    t = await startTestApp({}, () => new Date('2026-03-05T12:00:00Z'));
    workspaceId = await createWorkspace(t, 'Shop');
    await seedAnswers(t, workspaceId);
  });
  afterEach(async () => t.close());

  it('starts with the default taxonomy and enriches answers with it', async () => {
    const res = await t.app.inject({ method: 'GET', url: url(), headers: adminHeaders });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(0);
    expect(res.json().topics.map((x: { id: string }) => x.id)).toContain('delivery');
    expect(await topicsOf(t, workspaceId, 'r3')).toEqual(['delivery']);
    const [row] = await storedRows(
      t,
      'SELECT sentiment_label, language FROM text_enrichments WHERE workspace_id = $1 AND response_id = $2',
      [workspaceId, 'r1'],
    );
    expect(row).toEqual({ sentiment_label: 'negative', language: 'de' });
  });

  it('re-enriches every answer when a topic is added, changed or removed', async () => {
    expect(await topicsOf(t, workspaceId, 'r1')).toEqual([]);
    const created = await t.app.inject({
      method: 'POST',
      url: `${url()}/topics`,
      headers: adminHeaders,
      payload: {
        id: 'battery',
        name: { de: 'Akku', en: 'Battery' },
        keywords: ['akku', 'battery'],
        phrases: [],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ taxonomy: { version: 1 }, reenriched: 3 });
    expect(await topicsOf(t, workspaceId, 'r1')).toEqual(['battery']);
    expect(await topicsOf(t, workspaceId, 'r2')).toEqual(['battery']);
    const [mention] = await storedRows(
      t,
      'SELECT sentiment_label FROM text_topic_mentions WHERE workspace_id = $1 AND response_id = $2',
      [workspaceId, 'r2'],
    );
    expect(mention?.sentiment_label).toBe('negative');

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `${url()}/topics/battery`,
      headers: adminHeaders,
      payload: { keywords: ['akku'] },
    });
    expect(patched.json().taxonomy.version).toBe(2);
    expect(await topicsOf(t, workspaceId, 'r2')).toEqual([]);

    await t.app.inject({ method: 'DELETE', url: `${url()}/topics/delivery`, headers: adminHeaders });
    expect(await topicsOf(t, workspaceId, 'r3')).toEqual([]);
    const [version] = await storedRows(
      t,
      'SELECT DISTINCT taxonomy_version FROM text_enrichments WHERE workspace_id = $1',
      [workspaceId],
    );
    expect(version?.taxonomy_version).toBe(3);
  });

  it('rejects duplicates, unknown topics and bad ids with stable codes', async () => {
    const duplicate = await t.app.inject({
      method: 'POST',
      url: `${url()}/topics`,
      headers: adminHeaders,
      payload: { id: 'delivery', name: { de: 'L', en: 'D' }, keywords: [], phrases: [] },
    });
    expect(duplicate.json().error.code).toBe('CAIRN_CONFLICT');
    const missing = await t.app.inject({
      method: 'DELETE',
      url: `${url()}/topics/nope`,
      headers: adminHeaders,
    });
    expect(missing.json().error.code).toBe('CAIRN_NOT_FOUND');
    const bad = await t.app.inject({
      method: 'POST',
      url: `${url()}/topics`,
      headers: adminHeaders,
      payload: { id: 'Bad Id!', name: { de: 'x', en: 'x' }, keywords: [], phrases: [] },
    });
    expect(bad.json().error.code).toBe('CAIRN_VALIDATION_FAILED');
    const [count] = await storedRows(t, 'SELECT count(*) AS n FROM text_topics WHERE workspace_id = $1', [
      workspaceId,
    ]);
    expect(count?.n).toBe(0);
  });

  it('lets analysts manage the taxonomy and keeps viewers out', async () => {
    await addMember(t, workspaceId, 'analyst@example.com', 'analyst');
    await addMember(t, workspaceId, 'viewer@example.com', 'viewer');
    const analyst = await logIn(t, 'analyst@example.com', undefined, '10.0.0.1');
    const viewer = await logIn(t, 'viewer@example.com', undefined, '10.0.0.2');
    const asAnalyst = await t.app.inject({ method: 'GET', url: url(), headers: sessionHeaders(analyst) });
    expect(asAnalyst.statusCode).toBe(200);
    const asViewer = await t.app.inject({ method: 'GET', url: url(), headers: sessionHeaders(viewer) });
    expect(asViewer.statusCode).toBe(403);
  });

  it('lists phrases the taxonomy misses that grew against the previous window', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/text/emerging-topics?from=2026-03-01T00:00:00Z&to=2026-03-05T00:00:00Z&minCount=2`,
      headers: adminHeaders,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().previousFrom).toBe('2026-02-25T00:00:00.000Z');
    // "Akku" and "battery" are different words: neither reaches two answers; nothing delivery-related is listed.
    expect(res.json().items).toEqual([]);
  });

  it('deletes enrichments with the response and on erasure of the profile', async () => {
    await t.store.text.deleteForResponse(workspaceId, 'r1');
    await t.store.text.deleteForProfile(workspaceId, 'p-r3');
    const rows = await storedRows(t, 'SELECT response_id FROM text_enrichments WHERE workspace_id = $1', [
      workspaceId,
    ]);
    expect(rows.map((r) => r.response_id)).toEqual(['r2']);
    expect(await topicsOf(t, workspaceId, 'r3')).toEqual([]);
  });
});
