import type { RetentionPlan } from '../../analytics-port.js';
import { localPeriods } from './local-periods.js';
import { eventsInRange, scanOf } from './sources.js';
import { type BuiltSql, SqlParams } from './sql-params.js';

/**
 * Retention cohorts: a customer joins the cohort of the local week (ISO, Monday) or month of their first start
 * event in the range (any event if none is given); period k counts cohort members with a return event (any event
 * if none is given) in the k-th week/month after. Period 0 is the cohort size. Periods are found through the list
 * of local period starts (local-periods.ts), so the k-th period after is simply the index k further.
 */
export function retentionSql(plan: RetentionPlan): BuiltSql {
  const params = new SqlParams();
  const ev = eventsInRange({
    params,
    ...scanOf(plan),
  });
  const periods = localPeriods(params, plan.timeZone, plan.interval, plan.from, plan.to);
  const isStart = plan.startEvent ? `type = 'track' AND event = ${params.bind(plan.startEvent)}` : 'TRUE';
  const isReturn = plan.returnEvent ? `type = 'track' AND event = ${params.bind(plan.returnEvent)}` : 'TRUE';
  const sql = `WITH ev AS (${ev}), ${periods.cte},
    local AS (SELECT pid, type, event, ${periods.indexOf('occurred_at')} AS i FROM ev, periods),
    cohorts AS (SELECT pid, min(i) AS cohort FROM local WHERE ${isStart} GROUP BY pid),
    returns AS (SELECT DISTINCT pid, i FROM local WHERE ${isReturn}),
    counts AS (
      SELECT cohort, 0 AS period, count(*) AS customers FROM cohorts GROUP BY cohort
      UNION ALL
      SELECT c.cohort, r.i - c.cohort, count(DISTINCT c.pid)
      FROM cohorts c JOIN returns r ON r.pid = c.pid AND r.i > c.cohort
      WHERE r.i - c.cohort BETWEEN 1 AND ${params.bind(plan.periods)} GROUP BY ALL)
    SELECT ${periods.labelOf('cohort')} AS cohort, period, customers FROM counts, periods
    ORDER BY cohort, period`;
  return { sql, params: params.values };
}
