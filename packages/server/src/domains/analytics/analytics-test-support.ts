import type { DuckDbDatabase } from '../../store/duckdb/database.js';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, type TestApp } from '../../test-support/test-app.js';

export interface TrackInput {
  type?: 'track' | 'page' | 'identify';
  userId?: string;
  anonymousId?: string;
  event?: string;
  timestamp: string;
  channel?: string;
  properties?: Record<string, unknown>;
  path?: string;
}

/** A workspace in `timeZone` with a write key, and helpers that go through the public APIs. */
export async function analyticsWorkspace(t: TestApp, timeZone = 'UTC') {
  const { workspaceId, writeKey } = await workspaceWithWriteKey(t.app, `Analytics ${timeZone}`);
  const patch = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/workspaces/${workspaceId}`,
    headers: adminHeaders,
    payload: { timeZone },
  });
  if (patch.statusCode !== 200) throw new Error(`time zone: ${patch.statusCode} ${patch.body}`);

  /** Sends events through /v1/batch with explicit timestamps (trusted as is, no skew correction). */
  const send = async (events: TrackInput[]) => {
    const batch = events.map((e, i) => ({
      type: e.type ?? 'track',
      messageId: `${workspaceId}-${e.userId ?? e.anonymousId}-${e.timestamp}-${e.event ?? e.path}-${i}-${Math.random()}`,
      ...(e.userId ? { userId: e.userId } : {}),
      ...(e.anonymousId ? { anonymousId: e.anonymousId } : {}),
      ...(e.event ? { event: e.event } : {}),
      timestamp: e.timestamp,
      properties: { ...(e.properties ?? {}), ...(e.channel ? { channel: e.channel } : {}) },
      ...(e.path ? { context: { page: { path: e.path, url: `https://shop.example${e.path}` } } } : {}),
    }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: basicAuth(writeKey) },
      payload: { batch },
    });
    if (res.statusCode !== 200 || res.json().stored !== events.length) throw new Error(`batch: ${res.body}`);
  };

  const query = async (body: unknown, headers: Record<string, string> = adminHeaders) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/query`,
      headers,
      payload: body as object,
    });

  const database = (t.store as unknown as { database: DuckDbDatabase }).database;
  let responseCount = 0;
  /** Survey answers go straight into the tables of migration 0004 (the survey engineer's API fills them in production). */
  const answer = async (a: {
    type: 'nps' | 'csat' | 'ces';
    score: number;
    at: string;
    channel?: string;
    stage?: string;
    touchpoint?: string;
    survey?: string;
    profileId?: string | null;
  }) => {
    const id = `${workspaceId}-r${++responseCount}`;
    const survey = a.survey ?? 'survey-1';
    await database.autocommit.run(
      `INSERT INTO survey_responses (id, workspace_id, survey_id, survey_version, profile_id, channel, touchpoint_id,
         journey_stage, locale, device, status, started_at, updated_at, completed_at, journey_context, client_key)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, 'en', NULL, 'completed', $8::TIMESTAMPTZ, $8::TIMESTAMPTZ, $8::TIMESTAMPTZ, '{}', NULL)`,
      [
        id,
        workspaceId,
        survey,
        a.profileId ?? null,
        a.channel ?? 'web',
        a.touchpoint ?? null,
        a.stage ?? null,
        a.at,
      ],
    );
    await database.autocommit.run(
      `INSERT INTO survey_answers (workspace_id, response_id, survey_id, profile_id, question_id, question_type,
         number_value, text_value, json_value, answered_at, time_spent_ms)
       VALUES ($1, $2, $3, $4, 'q1', $5, $6, NULL, NULL, $7::TIMESTAMPTZ, NULL)`,
      [workspaceId, id, survey, a.profileId ?? null, a.type, a.score, a.at],
    );
  };

  return { workspaceId, writeKey, send, query, answer, database };
}
