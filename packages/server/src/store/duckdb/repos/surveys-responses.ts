import type { AnswerRecord, ResponseRecord, SurveyResponseRepo } from '../../survey-port.js';
import type { DuckDbDatabase, SqlParam } from '../database.js';
import { jsonObject, type Row, str, strOrNull } from '../values.js';
import { segmentClause } from './response-segment-clause.js';
import { insertMany } from './surveys-ledger.js';
import { deleteTextOfResponse } from './text.js';

const responseColumns =
  'id, workspace_id, survey_id, survey_version, profile_id, channel, touchpoint_id, journey_stage, locale, device, ' +
  'status, started_at, updated_at, completed_at, journey_context, client_key, hidden_fields';
const responseCasts = [
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '::TIMESTAMPTZ',
  '::TIMESTAMPTZ',
  '::TIMESTAMPTZ',
  '::JSON',
  '',
  '::JSON',
];
const answerColumns =
  'workspace_id, response_id, survey_id, profile_id, question_id, question_type, number_value, text_value, json_value, answered_at, time_spent_ms';
const answerCasts = ['', '', '', '', '', '', '::DOUBLE', '', '::JSON', '::TIMESTAMPTZ', '::INTEGER'];

const toResponse = (r: Row): ResponseRecord => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  surveyId: str(r.survey_id),
  surveyVersion: Number(r.survey_version),
  profileId: strOrNull(r.profile_id),
  channel: str(r.channel),
  touchpointId: strOrNull(r.touchpoint_id),
  journeyStage: strOrNull(r.journey_stage),
  locale: str(r.locale),
  device: strOrNull(r.device),
  status: str(r.status) as ResponseRecord['status'],
  startedAt: str(r.started_at),
  updatedAt: str(r.updated_at),
  completedAt: strOrNull(r.completed_at),
  journeyContext: jsonObject(r.journey_context),
  clientKey: strOrNull(r.client_key),
  hiddenFields: r.hidden_fields ? (jsonObject(r.hidden_fields) as Record<string, string>) : null,
});

const toAnswer = (r: Row): AnswerRecord => ({
  workspaceId: str(r.workspace_id),
  responseId: str(r.response_id),
  surveyId: str(r.survey_id),
  profileId: strOrNull(r.profile_id),
  questionId: str(r.question_id),
  questionType: str(r.question_type),
  numberValue: r.number_value === null || r.number_value === undefined ? null : Number(r.number_value),
  textValue: strOrNull(r.text_value),
  jsonValue: typeof r.json_value === 'string' ? JSON.parse(r.json_value) : null,
  answeredAt: str(r.answered_at),
  timeSpentMs: r.time_spent_ms === null || r.time_spent_ms === undefined ? null : Number(r.time_spent_ms),
});

const responseRow = (r: ResponseRecord): SqlParam[] => [
  r.id,
  r.workspaceId,
  r.surveyId,
  r.surveyVersion,
  r.profileId,
  r.channel,
  r.touchpointId,
  r.journeyStage,
  r.locale,
  r.device,
  r.status,
  r.startedAt,
  r.updatedAt,
  r.completedAt,
  JSON.stringify(r.journeyContext),
  r.clientKey,
  r.hiddenFields ? JSON.stringify(r.hiddenFields) : null,
];
const answerRow = (a: AnswerRecord): SqlParam[] => [
  a.workspaceId,
  a.responseId,
  a.surveyId,
  a.profileId,
  a.questionId,
  a.questionType,
  a.numberValue,
  a.textValue,
  a.jsonValue === null || a.jsonValue === undefined ? null : JSON.stringify(a.jsonValue),
  a.answeredAt,
  a.timeSpentMs,
];

/** Keeps the last item per key: one multi-row upsert may not touch the same row twice (DuckDB refuses). */
function lastPerKey<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

const encodeCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`).toString('base64url');
function decodeCursor(cursor: string | undefined): [string | null, string | null] {
  if (!cursor) return [null, null];
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  return at && id && !Number.isNaN(Date.parse(at)) ? [at, id] : [null, null];
}

const surveyEvents = ['Survey Response Submitted', 'Survey Completed', 'Survey Shown'];

export function surveyResponseRepo(database: DuckDbDatabase): SurveyResponseRepo {
  const db = database.autocommit;
  return {
    commit: ({ responses, answers, contacts }) =>
      database.transaction(async (tx) => {
        // The first write of a response fixes its start, version, profile and journey snapshot; later steps only
        // move status forward and add answers (so a retry of an older step never un-completes a response).
        await insertMany(
          tx,
          `INSERT INTO survey_responses (${responseColumns})`,
          responseCasts,
          lastPerKey(responses, (r) => r.id).map(responseRow),
          `ON CONFLICT (id) DO UPDATE SET
             status = CASE WHEN survey_responses.status = 'completed' THEN 'completed' ELSE excluded.status END,
             updated_at = excluded.updated_at,
             completed_at = coalesce(survey_responses.completed_at, excluded.completed_at),
             hidden_fields = coalesce(excluded.hidden_fields, survey_responses.hidden_fields)`,
        );
        await insertMany(
          tx,
          `INSERT INTO survey_answers (${answerColumns})`,
          answerCasts,
          lastPerKey(answers, (a) => `${a.responseId}\0${a.questionId}`).map(answerRow),
          `ON CONFLICT (response_id, question_id) DO UPDATE SET number_value = excluded.number_value,
             text_value = excluded.text_value, json_value = excluded.json_value, answered_at = excluded.answered_at,
             time_spent_ms = excluded.time_spent_ms`,
        );
        await insertMany(
          tx,
          'INSERT INTO survey_contacts (workspace_id, profile_id, survey_id, channel, kind, contacted_at)',
          ['', '', '', '', '', '::TIMESTAMPTZ'],
          contacts.map((c) => [c.workspaceId, c.profileId, c.surveyId, c.channel, c.kind, c.at]),
        );
      }),
    async get(workspaceId, id) {
      const rows = await db.all(
        `SELECT ${responseColumns} FROM survey_responses WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id],
      );
      return rows[0] ? toResponse(rows[0]) : null;
    },
    async getMany(workspaceId, ids) {
      if (ids.length === 0) return [];
      const rows = await db.all(
        `SELECT ${responseColumns} FROM survey_responses WHERE workspace_id = $1 AND list_contains($2::VARCHAR[], id)`,
        [workspaceId, JSON.stringify(ids)],
      );
      return rows.map(toResponse);
    },
    async answers(workspaceId, responseIds) {
      if (responseIds.length === 0) return [];
      const rows = await db.all(
        `SELECT ${answerColumns} FROM survey_answers WHERE workspace_id = $1 AND list_contains($2::VARCHAR[], response_id)
         ORDER BY response_id, answered_at, question_id`,
        [workspaceId, JSON.stringify(responseIds)],
      );
      return rows.map(toAnswer);
    },
    async remove(workspaceId, id) {
      return database.transaction(async (tx) => {
        const found = await tx.all('SELECT 1 FROM survey_responses WHERE workspace_id = $1 AND id = $2', [
          workspaceId,
          id,
        ]);
        if (found.length === 0) return false;
        await tx.run('DELETE FROM survey_answers WHERE workspace_id = $1 AND response_id = $2', [
          workspaceId,
          id,
        ]);
        await deleteTextOfResponse(tx, workspaceId, id);
        // The response's own timeline events carry its id and score (message ids `<responseId>:<step>`).
        await tx.run("DELETE FROM events WHERE workspace_id = $1 AND starts_with(message_id, $2 || ':')", [
          workspaceId,
          id,
        ]);
        await tx.run('DELETE FROM survey_responses WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
        return true;
      });
    },

    async list(f) {
      const [at, id] = decodeCursor(f.cursor);
      const segment = segmentClause(f.segmentConditions, [
        f.workspaceId,
        f.surveyId ?? null,
        f.from ?? null,
        f.to ?? null,
        f.channel ?? null,
        f.touchpointId ?? null,
        f.status ?? null,
        f.minScore ?? null,
        f.maxScore ?? null,
        f.text ?? null,
        at,
        id,
        f.limit + 1,
      ]);
      const rows = await db.all(
        `SELECT ${responseColumns} FROM survey_responses r
         WHERE workspace_id = $1 AND ($2::VARCHAR IS NULL OR survey_id = $2)
           AND ($3::TIMESTAMPTZ IS NULL OR started_at >= $3::TIMESTAMPTZ)
           AND ($4::TIMESTAMPTZ IS NULL OR started_at < $4::TIMESTAMPTZ)
           AND ($5::VARCHAR IS NULL OR channel = $5) AND ($6::VARCHAR IS NULL OR touchpoint_id = $6)
           AND ($7::VARCHAR IS NULL OR status = $7)
           AND ($8::DOUBLE IS NULL AND $9::DOUBLE IS NULL OR EXISTS (
             SELECT 1 FROM survey_answers a WHERE a.response_id = r.id
               AND a.question_type IN ('nps', 'csat', 'ces', 'rating')
               AND a.number_value >= coalesce($8::DOUBLE, -1e9) AND a.number_value <= coalesce($9::DOUBLE, 1e9)))
           AND ($10::VARCHAR IS NULL OR EXISTS (
             SELECT 1 FROM survey_answers a WHERE a.response_id = r.id AND contains(lower(a.text_value), lower($10))))
           AND ($11::TIMESTAMPTZ IS NULL OR (started_at, id) < ($11::TIMESTAMPTZ, $12::VARCHAR))
           AND ${segment.sql}
         ORDER BY started_at DESC, id DESC LIMIT $13`,
        segment.params,
      );
      const items = rows.slice(0, f.limit).map(toResponse);
      const last = items.at(-1);
      return {
        items,
        nextCursor: rows.length > f.limit && last ? encodeCursor(last.startedAt, last.id) : null,
      };
    },
    async count(workspaceId, surveyId) {
      const rows = await db.all(
        'SELECT count(*) AS n FROM survey_responses WHERE workspace_id = $1 AND survey_id = $2',
        [workspaceId, surveyId],
      );
      return Number(rows[0]?.n ?? 0);
    },
    async respondents(workspaceId, surveyId, profileIds) {
      const rows = await db.all(
        `SELECT DISTINCT coalesce(p.merged_into, r.profile_id) AS profile_id FROM survey_responses r
         JOIN profiles p ON p.id = r.profile_id
         WHERE r.workspace_id = $1 AND r.survey_id = $2 AND list_contains($3::VARCHAR[], coalesce(p.merged_into, r.profile_id))`,
        [workspaceId, surveyId, JSON.stringify(profileIds)],
      );
      return rows.map((r) => str(r.profile_id));
    },
    async recentEvents(workspaceId, profileIds, before, limit) {
      const rows = await db.all(
        `SELECT coalesce(p.merged_into, e.profile_id) AS profile_id, e.type, e.event, e.channel, e.page_url, e.occurred_at
         FROM events e JOIN profiles p ON p.id = e.profile_id
         WHERE e.workspace_id = $1 AND list_contains($2::VARCHAR[], coalesce(p.merged_into, e.profile_id))
           AND e.occurred_at <= $3::TIMESTAMPTZ AND NOT (e.type = 'track' AND list_contains($4::VARCHAR[], e.event))
         QUALIFY row_number() OVER (PARTITION BY coalesce(p.merged_into, e.profile_id) ORDER BY e.occurred_at DESC, e.ingest_seq DESC) <= $5
         ORDER BY e.occurred_at DESC, e.ingest_seq DESC`,
        [workspaceId, JSON.stringify(profileIds), before, JSON.stringify(surveyEvents), limit],
      );
      const byProfile = new Map<
        string,
        { event: string | null; type: string; channel: string; page: string | null; at: string }[]
      >();
      for (const r of rows) {
        const list = byProfile.get(str(r.profile_id)) ?? [];
        list.push({
          event: strOrNull(r.event),
          type: str(r.type),
          channel: str(r.channel),
          page: strOrNull(r.page_url),
          at: str(r.occurred_at),
        });
        byProfile.set(str(r.profile_id), list);
      }
      return byProfile;
    },
  };
}
