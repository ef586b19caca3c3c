import type { PathsPlan } from '../../analytics-port.js';
import { eventsInRange, scanOf } from './sources.js';
import { type BuiltSql, SqlParams } from './sql-params.js';

/**
 * Paths from (or to) a step: per customer, the first occurrence of the step in the range, then the next (or
 * previous) depth−1 steps. A step is the event name of a track event and the page path of a page or screen view;
 * identify/group/alias calls are not steps, and repeats in a row (reloading a page) count once. Ties in time are
 * ordered by arrival (ingest_seq).
 */
export function pathsSql(plan: PathsPlan): BuiltSql {
  const params = new SqlParams();
  const ev = eventsInRange({
    params,
    ...scanOf(plan),
  });
  const step = params.bind(plan.step);
  const depth = params.bind(plan.depth);
  const window =
    plan.direction === 'from'
      ? `s.ord BETWEEN a.anchor AND a.anchor + ${depth} - 1`
      : `s.ord BETWEEN a.anchor - ${depth} + 1 AND a.anchor`;
  const sql = `WITH ev AS (${ev}),
    named AS (SELECT pid, occurred_at, ingest_seq,
        CASE WHEN type = 'track' THEN event ELSE coalesce(page_path, event, type) END AS node
      FROM ev WHERE type IN ('track', 'page', 'screen')),
    changed AS (SELECT *, lag(node) OVER (PARTITION BY pid ORDER BY occurred_at, ingest_seq) AS prev FROM named),
    steps AS (SELECT pid, node, row_number() OVER (PARTITION BY pid ORDER BY occurred_at, ingest_seq) AS ord
      FROM changed WHERE prev IS DISTINCT FROM node),
    anchors AS (SELECT pid, min(ord) AS anchor FROM steps WHERE node = ${step} GROUP BY pid),
    paths AS (SELECT s.pid, list(s.node ORDER BY s.ord) AS path FROM steps s JOIN anchors a ON a.pid = s.pid
      WHERE ${window} GROUP BY s.pid)
    SELECT path, count(*) AS customers FROM paths GROUP BY path ORDER BY customers DESC, path`;
  return { sql, params: params.values };
}
