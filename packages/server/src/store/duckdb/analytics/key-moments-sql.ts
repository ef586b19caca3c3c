import type { KeyMomentsPlan } from '../../analytics-port.js';
import { filtersSql } from './fields.js';
import {
  canonicalProfileJoin,
  responseSource,
  responseTouchpointSql,
  surveyOfResponseJoin,
} from './sources.js';
import { type BuiltSql, SqlParams } from './sql-params.js';

/**
 * Per touchpoint and experience (poor or other): customers and how many had the outcome.
 *
 * A response is at the touchpoint it was given at, else the one its survey measures (sources.ts
 * responseTouchpointSql). A customer's moment at a touchpoint is their first scored response there in [from, to) (canonical profile; ties
 * broken by response id); responses without a known profile cannot be followed and are left out. The response is
 * poor when any of its answers is poor: NPS detractor 0–6, CSAT ≤ 2 (of 1–5), CES ≥ 5 (of 1–7). Its time is its
 * first scored answer. The outcome looks at events strictly after that time and at most `windowSeconds` later
 * (even past `to`): conversion = a track event named `outcomeEvent`; churn = no event at all.
 * Filters apply to the responses (channel, survey, stage, touchpoint, device, trait.<name>).
 */
export function keyMomentsSql(plan: KeyMomentsPlan): BuiltSql {
  const params = new SqlParams();
  const ws = params.bind(plan.workspaceId);
  const windowUs = params.bind(plan.windowSeconds * 1_000_000);
  const scanTo = new Date(Date.parse(plan.to) + plan.windowSeconds * 1000).toISOString();
  const outcomeEvents =
    plan.outcome === 'conversion'
      ? `AND e.type = 'track' AND e.event = ${params.bind(plan.outcomeEvent)}`
      : '';
  const sql = `WITH scored AS (
      SELECT ${responseSource.profileExpr} AS pid, ${responseTouchpointSql} AS tp, r.id AS rid, min(sa.answered_at) AS t,
        bool_or((sa.question_type = 'nps' AND sa.number_value <= 6) OR (sa.question_type = 'csat' AND sa.number_value <= 2)
          OR (sa.question_type = 'ces' AND sa.number_value >= 5)) AS poor
      FROM survey_answers sa JOIN survey_responses r ON r.id = sa.response_id JOIN profiles p ON p.id = r.profile_id
        ${surveyOfResponseJoin}
      WHERE sa.workspace_id = ${ws} AND sa.question_type IN ('nps', 'csat', 'ces') AND sa.number_value IS NOT NULL
        AND ${responseTouchpointSql} IS NOT NULL
        AND sa.answered_at >= ${params.instant(plan.from)} AND sa.answered_at < ${params.instant(plan.to)}
        AND ${filtersSql(plan.filters, responseSource, params)}
      GROUP BY ALL),
    moments AS (SELECT pid, tp, t, poor FROM scored QUALIFY row_number() OVER (PARTITION BY pid, tp ORDER BY t, rid) = 1),
    ev AS (SELECT coalesce(p.merged_into, e.profile_id) AS pid, e.occurred_at
      FROM events e ${canonicalProfileJoin}
      WHERE e.workspace_id = ${ws} AND e.occurred_at > ${params.instant(plan.from)}
        AND e.occurred_at <= ${params.instant(scanTo)} ${outcomeEvents}),
    followed AS (SELECT m.tp, m.poor, EXISTS (SELECT 1 FROM ev WHERE ev.pid = m.pid AND ev.occurred_at > m.t
        AND ev.occurred_at <= m.t + to_microseconds(${windowUs}::BIGINT)) AS happened FROM moments m)
    SELECT tp, poor, count(*) AS customers,
      count(*) FILTER (WHERE ${plan.outcome === 'conversion' ? 'happened' : 'NOT happened'}) AS outcomes
    FROM followed GROUP BY tp, poor ORDER BY tp, poor`;
  return { sql, params: params.values };
}
