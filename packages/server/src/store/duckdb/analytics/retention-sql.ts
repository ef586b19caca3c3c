import type { RetentionPlan } from '../../analytics-port.js';
import { eventsInRange, scanOf } from './sources.js';
import { type BuiltSql, SqlParams } from './sql-params.js';

/**
 * Retention cohorts: a customer joins the cohort of the local week (ISO, Monday) or month of their first start
 * event in the range (any event if none is given); period k counts cohort members with a return event (any event
 * if none is given) in the k-th week/month after. Period 0 is the cohort size.
 */
export function retentionSql(plan: RetentionPlan): BuiltSql {
  const params = new SqlParams();
  const ev = eventsInRange({
    params,
    ...scanOf(plan),
  });
  const zone = params.bind(plan.timeZone);
  const local = `date_trunc('${plan.interval}', timezone(${zone}, occurred_at))`;
  const isStart = plan.startEvent ? `type = 'track' AND event = ${params.bind(plan.startEvent)}` : 'TRUE';
  const isReturn = plan.returnEvent ? `type = 'track' AND event = ${params.bind(plan.returnEvent)}` : 'TRUE';
  const sql = `WITH ev AS (${ev}),
    cohorts AS (SELECT pid, min(${local}) AS cohort FROM ev WHERE ${isStart} GROUP BY pid),
    returns AS (SELECT DISTINCT pid, ${local} AS at FROM ev WHERE ${isReturn}),
    periods AS (SELECT c.pid, c.cohort, datediff('${plan.interval}', c.cohort, r.at) AS period
      FROM cohorts c JOIN returns r ON r.pid = c.pid AND r.at > c.cohort)
    SELECT strftime(cohort, '%Y-%m-%d') AS cohort, 0 AS period, count(*) AS customers FROM cohorts GROUP BY cohort
    UNION ALL
    SELECT strftime(cohort, '%Y-%m-%d'), period, count(DISTINCT pid) FROM periods
      WHERE period BETWEEN 1 AND ${params.bind(plan.periods)} GROUP BY ALL
    ORDER BY cohort, period`;
  return { sql, params: params.values };
}
