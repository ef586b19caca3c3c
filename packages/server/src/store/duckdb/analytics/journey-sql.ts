import type { JourneyPlan } from '../../analytics-port.js';
import { eventsInRange, responseTouchpointSql, scanOf, surveyOfResponseJoin } from './sources.js';
import { type BuiltSql, SqlParams } from './sql-params.js';
import { touchpointCaseSql } from './touchpoint-mapping.js';

/**
 * One row per journey stage (0-based `stage`):
 * - customers: distinct canonical profiles with an event of the stage in [from, to) (an event belongs to a stage
 *   when the registry maps it to one of the stage's touchpoints, or its name is one of the stage's events; one
 *   event may reach several stages);
 * - from_previous: customers of the previous stage with an event of this stage at or after their first event of
 *   the previous stage (ties in time count as "after": both happened);
 * - experience: survey answers given in [from, to) on responses whose touchpoint (the one they were given at, else
 *   the one their survey measures: sources.ts responseTouchpointSql) is one of the stage's touchpoints, counted per
 *   answer like the KPI metrics (nps: promoters 9–10, detractors 0–6; csat: 4–5 of 1–5; ces: 1–7).
 */
export function journeySql(plan: JourneyPlan): BuiltSql {
  const params = new SqlParams();
  const ev = eventsInRange({
    params,
    ...scanOf(plan),
    extra: [`${touchpointCaseSql(plan.touchpoints, 'e', params, 'id')} AS tp`],
  });
  const inList = (values: string[]) => values.map((v) => params.bind(v)).join(', ');
  const flags = plan.stages.map((s) => {
    const parts = [
      ...(s.touchpointIds.length ? [`tp IN (${inList(s.touchpointIds)})`] : []),
      ...(s.events.length ? [`event IN (${inList(s.events)})`] : []),
    ];
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  });
  const perCustomer = flags
    .map(
      (f, i) =>
        `min(occurred_at) FILTER (WHERE ${f}) AS first${i}, max(occurred_at) FILTER (WHERE ${f}) AS last${i}`,
    )
    .join(', ');
  const reach = plan.stages
    .map((_, i) => {
      const fromPrevious =
        i === 0 ? '0' : `count(*) FILTER (WHERE first${i - 1} IS NOT NULL AND last${i} >= first${i - 1})`;
      return `SELECT ${i} AS stage, count(first${i}) AS customers, ${fromPrevious} AS from_previous FROM per`;
    })
    .join(' UNION ALL ');
  const experience = plan.stages
    .map((s, i) => {
      const at = s.touchpointIds.length ? `touchpoint_id IN (${inList(s.touchpointIds)})` : 'FALSE';
      return `SELECT ${i} AS stage,
        count(*) FILTER (WHERE ${at} AND qt = 'nps') AS nps_n,
        count(*) FILTER (WHERE ${at} AND qt = 'nps' AND v >= 9) AS promoters,
        count(*) FILTER (WHERE ${at} AND qt = 'nps' AND v <= 6) AS detractors,
        count(*) FILTER (WHERE ${at} AND qt = 'csat') AS csat_n,
        count(*) FILTER (WHERE ${at} AND qt = 'csat' AND v >= 4) AS satisfied,
        count(*) FILTER (WHERE ${at} AND qt = 'ces') AS ces_n,
        coalesce(sum(v) FILTER (WHERE ${at} AND qt = 'ces'), 0) AS ces_sum,
        coalesce(sum(v * v) FILTER (WHERE ${at} AND qt = 'ces'), 0) AS ces_sum_sq,
        count(*) FILTER (WHERE ${at} AND qt = 'ces' AND v >= 5) AS ces_at_least_5
        FROM ans`;
    })
    .join(' UNION ALL ');
  const sql = `WITH ev AS (${ev}),
    per AS (SELECT pid, ${perCustomer} FROM ev GROUP BY pid),
    ans AS (SELECT sa.question_type AS qt, sa.number_value AS v, ${responseTouchpointSql} AS touchpoint_id
      FROM survey_answers sa JOIN survey_responses r ON r.id = sa.response_id ${surveyOfResponseJoin}
      WHERE sa.workspace_id = ${params.bind(plan.workspaceId)} AND sa.question_type IN ('nps', 'csat', 'ces')
        AND sa.number_value IS NOT NULL AND ${responseTouchpointSql} IS NOT NULL
        AND sa.answered_at >= ${params.instant(plan.from)} AND sa.answered_at < ${params.instant(plan.to)}),
    reach AS (${reach}),
    experience AS (${experience})
    SELECT reach.stage, reach.customers, reach.from_previous, experience.* EXCLUDE (stage)
    FROM reach JOIN experience USING (stage) ORDER BY reach.stage`;
  return { sql, params: params.values };
}
