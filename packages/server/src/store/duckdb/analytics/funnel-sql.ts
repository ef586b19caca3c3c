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
 * room in the window), so each step is one join of the chains so far with the customer's step-k events: the first
 * one (a `min` per chain) strictly after the step-(k-1) event and within the window of the start. Order is
 * (occurred_at, ingest_seq): events with the same timestamp count in arrival order, and one event fills at most one
 * step. (ClickHouse instead sorts ties by step number and lets one event fill several steps.) Joins and aggregates
 * only, no sort: measured on 10M events, faster than numbering each customer's events and joining with ASOF.
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
  const n = plan.steps.length;
  const at = (t: string, s: string) => `{'t': ${t}, 's': ${s}}`;
  const ctes = [
    `ev AS (SELECT pid, occurred_at AS t, ingest_seq AS s, key, ${plan.steps.map((_, i) => `m${i + 1}`).join(', ')}
      FROM (${ev}) x WHERE ${plan.steps.map((_, i) => `m${i + 1}`).join(' OR ')})`,
    // A chain per step-1 event, named by its customer and sequence number.
    `c1 AS (SELECT pid, s AS start, key, t AS t0, ${at('t', 's')} AS last FROM ev WHERE m1)`,
  ];
  for (let k = 2; k <= n; k++) {
    ctes.push(`c${k} AS (SELECT c.pid, c.start, c.t0, min(${at('e.t', 'e.s')}) AS last
      FROM c${k - 1} c JOIN ev e ON e.pid = c.pid AND e.m${k}
        AND (e.t > c.last.t OR (e.t = c.last.t AND e.s > c.last.s))
        AND e.t <= c.t0 + to_microseconds(${windowUs})
      GROUP BY c.pid, c.start, c.t0)`);
  }
  const reached = Array.from({ length: n - 1 }, (_, i) => `(c${i + 2}.start IS NOT NULL)::INT`);
  const level = ['1', ...reached].join(' + ');
  const joins = Array.from({ length: n - 1 }, (_, i) => `LEFT JOIN c${i + 2} USING (pid, start)`).join(' ');
  ctes.push(`chains AS (SELECT pid, start, c1.key, c1.t0, ${level} AS level,
      ${n > 1 ? `epoch(c${n}.last.t) - epoch(c1.t0)` : '0'} AS seconds
    FROM c1 ${joins})`);
  // The best start (deepest, then earliest) as one aggregate per customer.
  ctes.push(`best AS (SELECT pid, arg_max({'key': key, 'level': level, 'seconds': seconds},
      (level, -epoch_us(t0), -start)) AS b FROM chains GROUP BY pid)`);
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
    FROM (SELECT pid, b.key AS key, b.level AS level, b.seconds AS seconds FROM best) per_customer
    GROUP BY ALL ORDER BY key NULLS FIRST, level`;
  return { sql, params: params.values };
}
