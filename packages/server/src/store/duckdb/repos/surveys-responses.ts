import type {
  AnswerRecord,
  JourneyStepRecord,
  ResponseRecord,
  SurveyResponseRepo,
} from '../../survey-port.js';
import type { DuckDbDatabase } from '../database.js';
import { jsonObject, type Row, str, strOrNull, textList } from '../values.js';
import { segmentClause } from './response-segment-clause.js';
import { answerColumns, commitResponseBatch, responseColumns } from './surveys-response-batch.js';
import { deleteTextOfResponse } from './text.js';

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

const encodeCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`).toString('base64url');
function decodeCursor(cursor: string | undefined): [string | null, string | null] {
  if (!cursor) return [null, null];
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  return at && id && !Number.isNaN(Date.parse(at)) ? [at, id] : [null, null];
}

const surveyEvents = ['Survey Response Submitted', 'Survey Completed', 'Survey Shown'];

/** Journey steps from event rows, grouped by the value of `column`, in row order. */
function stepsBy(rows: Row[], column: string): Map<string, JourneyStepRecord[]> {
  const out = new Map<string, JourneyStepRecord[]>();
  for (const r of rows) {
    const key = str(r[column]);
    const list = out.get(key) ?? [];
    list.push({
      event: strOrNull(r.event),
      type: str(r.type),
      channel: str(r.channel),
      page: strOrNull(r.page_url),
      at: str(r.occurred_at),
    });
    out.set(key, list);
  }
  return out;
}

/**
 * The profiles whose events count for the canonical profiles `canonicalSql` selects: each itself and every profile
 * merged into it (CTE "members"). Joining events to this small list on the plain profile_id column keeps the join
 * a hash join; a join on coalesce(merged_into, profile_id) with a time condition was planned as a nested loop
 * (measured on 128k events and 500 wanted profiles: 15.9 s instead of 19 ms).
 */
function membersOf(canonicalSql: string): string {
  return `canonical(id) AS (${canonicalSql}),
    members AS (
      SELECT id AS canonical, id AS member FROM canonical
      UNION SELECT p.merged_into, p.id FROM profiles p WHERE p.merged_into IN (SELECT id FROM canonical))`;
}

/** Events of the "members" CTE's profiles, survey events left out, with their canonical profile. */
function memberEvents(workspaceParam: string, surveyEventsParam: string): string {
  return `SELECT m.canonical, e.type, e.event, e.channel, e.page_url, e.occurred_at, e.ingest_seq
    FROM events e JOIN members m ON e.profile_id = m.member
    WHERE e.workspace_id = ${workspaceParam}
      AND NOT (e.type = 'track' AND list_contains(${surveyEventsParam}::VARCHAR[], e.event))`;
}

export function surveyResponseRepo(database: DuckDbDatabase): SurveyResponseRepo {
  const db = database.autocommit;
  return {
    commit: (batch) => commitResponseBatch(database, batch),
    async get(workspaceId, id) {
      const rows = await db.all(
        `SELECT ${responseColumns} FROM survey_responses WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id],
      );
      return rows[0] ? toResponse(rows[0]) : null;
    },
    async getMany(workspaceId, ids) {
      if (ids.length === 0) return [];
      // By id alone so DuckDB probes the primary-key index (with a workspace filter beside it, it scans the
      // table: ~10 ms at 200k responses against ~1.5 ms); ids are unique across workspaces, checked below.
      const rows = await db.all(
        `SELECT ${responseColumns} FROM survey_responses WHERE id = ANY($1::VARCHAR[])`,
        [JSON.stringify(ids)],
      );
      return rows.map(toResponse).filter((r) => r.workspaceId === workspaceId);
    },
    async ids(workspaceId, after, limit) {
      const rows = await db.all(
        `SELECT id FROM survey_responses WHERE workspace_id = $1 AND ($2::VARCHAR IS NULL OR id > $2)
         ORDER BY id LIMIT $3`,
        [workspaceId, after, limit],
      );
      return rows.map((r) => str(r.id));
    },
    async statuses(workspaceId, ids) {
      if (ids.length === 0) return new Map();
      // Two columns and the primary-key index only: this read sits on every response batch's critical path.
      const rows = await db.all(
        'SELECT id, workspace_id, status FROM survey_responses WHERE id = ANY($1::VARCHAR[])',
        [JSON.stringify(ids)],
      );
      return new Map(
        rows
          .filter((r) => r.workspace_id === workspaceId)
          .map((r) => [str(r.id), str(r.status) as ResponseRecord['status']]),
      );
    },
    async answers(workspaceId, responseIds) {
      if (responseIds.length === 0) return [];
      const rows = await db.all(
        `SELECT ${answerColumns} FROM survey_answers WHERE workspace_id = $1 AND response_id IN (SELECT unnest($2::VARCHAR[]))
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
    async journeysBefore(workspaceId, items, limit) {
      if (items.length === 0) return new Map();
      // One pass for the whole list: at most `limit` rows per item cross into JavaScript (a per-profile window
      // with room for several answers moved ten times as many rows, most of them thrown away).
      const rows = await db.all(
        `WITH wanted AS (
           SELECT unnest(from_json($2::VARCHAR,
             '[{"item_key":"VARCHAR","profile_id":"VARCHAR","cutoff":"TIMESTAMPTZ"}]'), recursive := true)),
         ${membersOf('SELECT profile_id FROM wanted')}
         SELECT w.item_key, c.type, c.event, c.channel, c.page_url, c.occurred_at
         FROM (${memberEvents('$1', '$3')}) c JOIN wanted w ON w.profile_id = c.canonical
         WHERE c.occurred_at <= w.cutoff
         QUALIFY row_number() OVER (PARTITION BY w.item_key ORDER BY c.occurred_at DESC, c.ingest_seq DESC) <= $4
         ORDER BY w.item_key, c.occurred_at DESC, c.ingest_seq DESC`,
        [
          workspaceId,
          JSON.stringify(items.map((i) => ({ item_key: i.key, profile_id: i.profileId, cutoff: i.before }))),
          JSON.stringify(surveyEvents),
          limit,
        ],
      );
      return stepsBy(rows, 'item_key');
    },
    async recentEvents(workspaceId, profileIds, before, limit) {
      const rows = await db.all(
        `WITH ${membersOf(`SELECT unnest(${textList('$2')})`)}
         SELECT c.canonical AS profile_id, c.type, c.event, c.channel, c.page_url, c.occurred_at
         FROM (${memberEvents('$1', '$4')}) c
         WHERE c.occurred_at <= $3::TIMESTAMPTZ
         QUALIFY row_number() OVER (PARTITION BY c.canonical ORDER BY c.occurred_at DESC, c.ingest_seq DESC) <= $5
         ORDER BY c.occurred_at DESC, c.ingest_seq DESC`,
        [workspaceId, JSON.stringify(profileIds), before, JSON.stringify(surveyEvents), limit],
      );
      return stepsBy(rows, 'profile_id');
    },
  };
}
