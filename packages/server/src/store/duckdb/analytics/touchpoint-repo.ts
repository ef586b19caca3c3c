import type { TouchpointCoverageRow, TouchpointRecord, TouchpointRepo } from '../../analytics-port.js';
import type { SqlExecutor } from '../database.js';
import type { Row } from '../values.js';
import { SqlParams } from './sql-params.js';
import { type TouchpointMapping, touchpointCaseSql } from './touchpoint-mapping.js';

const columns = `id, workspace_id, name, channel, journey_stage, owner_team, description, rules, position, created_at, updated_at`;

function fromRow(r: Row): TouchpointRecord {
  return {
    id: String(r.id),
    workspaceId: String(r.workspace_id),
    name: String(r.name),
    channel: String(r.channel),
    stage: r.journey_stage === null ? null : String(r.journey_stage),
    ownerTeam: r.owner_team === null ? null : String(r.owner_team),
    description: String(r.description),
    rules: JSON.parse(String(r.rules)) as TouchpointRecord['rules'],
    position: Number(r.position),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

const values = (t: TouchpointRecord) => [
  t.id,
  t.workspaceId,
  t.name,
  t.channel,
  t.stage,
  t.ownerTeam,
  t.description,
  JSON.stringify(t.rules),
  t.position,
  t.createdAt,
  t.updatedAt,
];

export function touchpointRepo(db: SqlExecutor): TouchpointRepo {
  return {
    insert: (t) =>
      db.run(
        `INSERT INTO touchpoints (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::JSON, $9, $10::TIMESTAMPTZ, $11::TIMESTAMPTZ)`,
        values(t),
      ),
    async list(workspaceId) {
      const rows = await db.all(
        `SELECT ${columns} FROM touchpoints WHERE workspace_id = $1 ORDER BY position, name, id`,
        [workspaceId],
      );
      return rows.map(fromRow);
    },
    async get(workspaceId, id) {
      const rows = await db.all(`SELECT ${columns} FROM touchpoints WHERE workspace_id = $1 AND id = $2`, [
        workspaceId,
        id,
      ]);
      return rows[0] ? fromRow(rows[0]) : null;
    },
    update: (t) =>
      db.run(
        `UPDATE touchpoints SET name = $3, channel = $4, journey_stage = $5, owner_team = $6, description = $7,
           rules = $8::JSON, position = $9, updated_at = $10::TIMESTAMPTZ
         WHERE id = $1 AND workspace_id = $2`,
        [
          t.id,
          t.workspaceId,
          t.name,
          t.channel,
          t.stage,
          t.ownerTeam,
          t.description,
          JSON.stringify(t.rules),
          t.position,
          t.updatedAt,
        ],
      ),
    remove: (workspaceId, id) =>
      db.run('DELETE FROM touchpoints WHERE workspace_id = $1 AND id = $2', [workspaceId, id]),
  };
}

/** Event volume and last event per touchpoint (mapped by the current rules) and survey answers given at it. */
export async function touchpointCoverage(
  db: SqlExecutor,
  workspaceId: string,
  touchpoints: TouchpointMapping[],
  range: { from: string; to: string },
): Promise<TouchpointCoverageRow[]> {
  if (touchpoints.length === 0) return [];
  const params = new SqlParams();
  const ws = params.bind(workspaceId);
  const from = params.instant(range.from);
  const to = params.instant(range.to);
  const mapped = touchpointCaseSql(touchpoints, 'e', params, 'id');
  const rows = await db.all(
    `WITH ev AS (SELECT tp, count(*) AS events, max(occurred_at) AS last_seen
        FROM (SELECT ${mapped} AS tp, e.occurred_at FROM events e
              WHERE e.workspace_id = ${ws} AND e.occurred_at >= ${from} AND e.occurred_at < ${to})
        WHERE tp IS NOT NULL GROUP BY tp),
      ans AS (SELECT r.touchpoint_id AS tp, count(DISTINCT r.id) AS responses,
          count(sa.number_value) FILTER (WHERE sa.question_type = 'nps') AS nps_n,
          count(*) FILTER (WHERE sa.question_type = 'nps' AND sa.number_value >= 9) AS promoters,
          count(*) FILTER (WHERE sa.question_type = 'nps' AND sa.number_value <= 6) AS detractors,
          count(sa.number_value) FILTER (WHERE sa.question_type = 'csat') AS csat_n,
          count(*) FILTER (WHERE sa.question_type = 'csat' AND sa.number_value >= 4) AS satisfied,
          count(sa.number_value) FILTER (WHERE sa.question_type = 'ces') AS ces_n,
          coalesce(sum(sa.number_value) FILTER (WHERE sa.question_type = 'ces'), 0) AS ces_sum
        FROM survey_responses r LEFT JOIN survey_answers sa ON sa.response_id = r.id
        WHERE r.workspace_id = ${ws} AND r.touchpoint_id IS NOT NULL AND r.started_at >= ${from} AND r.started_at < ${to}
        GROUP BY r.touchpoint_id)
     SELECT coalesce(ev.tp, ans.tp) AS tp, ev.events, ev.last_seen, ans.* EXCLUDE (tp)
     FROM ev FULL OUTER JOIN ans ON ans.tp = ev.tp`,
    params.values,
  );
  const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  return rows.map((r) => ({
    touchpointId: String(r.tp),
    events: n(r.events),
    lastSeen: r.last_seen === null || r.last_seen === undefined ? null : String(r.last_seen),
    responses: n(r.responses),
    nps: { n: n(r.nps_n), promoters: n(r.promoters), detractors: n(r.detractors) },
    csat: { n: n(r.csat_n), satisfied: n(r.satisfied) },
    ces: { n: n(r.ces_n), sum: n(r.ces_sum) },
  }));
}
