import { convertHistogramEdges, type FunnelPlan } from '../../analytics-port.js';
import { filtersSql } from './fields.js';
import { eventKey, eventSource, eventsInRange, scanOf } from './sources.js';
import { type BuiltSql, SqlParams } from './sql-params.js';
import { touchpointCaseSql } from './touchpoint-mapping.js';

/**
 * Funnel with the semantics of ClickHouse `windowFunnel(window)` in its default mode: per customer, the longest
 * prefix of steps reached in order within `window` seconds of a step-1 event (inclusive), the best over all of the
 * customer's step-1 events.
 *
 * For one start, taking the earliest matching event for each next step is optimal (a later one can only leave less
 * room in the window), so each step is one ASOF join: the first step-k event strictly after the step-(k-1) event.
 * Order is (occurred_at, ingest_seq): events with the same timestamp count in arrival order, and one event fills
 * at most one step. (ClickHouse instead sorts ties by step number and lets one event fill several steps.)
 * The customer's breakdown key and time to convert come from their best start (deepest, then earliest).
 */
export function funnelSql(plan: FunnelPlan): BuiltSql {
  const params = new SqlParams();
  const key = eventKey(plan.breakdown, params, plan.touchpoints);
  const source = eventSource(plan.touchpoints);
  const stepFlags = plan.steps.map((step, i) => {
    const matches =
      step.touchpoint !== null
        ? `${touchpointCaseSql(plan.touchpoints, 'e', params, 'id')} = ${params.bind(step.touchpoint)}`
        : `e.type = 'track' AND e.event = ${params.bind(step.event)}`;
    return `(${matches} AND ${filtersSql(step.filters, source, params, `body.steps.${i}.filters`)}) AS m${i + 1}`;
  });
  const ev = eventsInRange({
    params,
    ...scanOf(plan),
    extra: [...stepFlags, `${key} AS key`],
  });
  const windowUs = params.bind(plan.windowSeconds * 1_000_000);
  const ctes = [
    `ev AS (SELECT *, row_number() OVER (PARTITION BY pid ORDER BY occurred_at, ingest_seq) AS ord FROM (${ev}) x
      WHERE ${plan.steps.map((_, i) => `m${i + 1}`).join(' OR ')})`,
    `c1 AS (SELECT pid, key, ord AS o1, occurred_at AS t0, occurred_at AS t1 FROM ev WHERE m1)`,
  ];
  for (let k = 2; k <= plan.steps.length; k++) {
    // A too-late match ends the chain: o(k) stays NULL. The chain must also stay ended: ASOF may still pair a NULL
    // o(k−1) with some row (seen at scale), so a match only counts when the previous step was reached.
    ctes.push(`s${k} AS (SELECT pid, ord, occurred_at FROM ev WHERE m${k})`);
    const reached = `c.o${k - 1} IS NOT NULL AND s.occurred_at <= c.t0 + to_microseconds(${windowUs})`;
    ctes.push(`c${k} AS (SELECT c.*,
        CASE WHEN ${reached} THEN s.ord END AS o${k},
        CASE WHEN ${reached} THEN s.occurred_at END AS t${k}
      FROM c${k - 1} c ASOF LEFT JOIN s${k} s ON c.pid = s.pid AND s.ord > c.o${k - 1})`);
  }
  const n = plan.steps.length;
  const level = Array.from({ length: n }, (_, i) => `(o${i + 1} IS NOT NULL)::INT`).join(' + ');
  // The customer's best start (deepest, then earliest) as one aggregate per customer rather than a window (no sort).
  ctes.push(`starts AS (SELECT pid, arg_max({'key': key, 'level': ${level}, 'seconds': epoch(t${n}) - epoch(t0)},
      (${level}, -o1)) AS b FROM c${n} GROUP BY pid)`);
  ctes.push(`best AS (SELECT pid, b.key AS key, b.level AS level, b.seconds AS seconds FROM starts)`);
  const bucketOf = `(${convertHistogramEdges.map((edge) => `(seconds > ${edge})::INT`).join(' + ')})`;
  const histogram = Array.from(
    { length: convertHistogramEdges.length + 1 },
    (_, i) => `count(*) FILTER (WHERE level = ${n} AND ${bucketOf} = ${i})`,
  ).join(', ');
  const sql = `WITH ${ctes.join(',\n')}
    SELECT key, level, count(*) AS customers,
      quantile_cont(seconds, 0.5) FILTER (WHERE level = ${n}) AS p50,
      quantile_cont(seconds, 0.9) FILTER (WHERE level = ${n}) AS p90,
      [${histogram}] AS histogram
    FROM best GROUP BY ALL ORDER BY key NULLS FIRST, level`;
  return { sql, params: params.values };
}
