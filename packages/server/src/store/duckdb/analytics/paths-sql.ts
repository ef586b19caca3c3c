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
  // One window pass numbers every step and finds its predecessor; steps that repeat their predecessor drop out.
  // The first occurrence of the anchor step never repeats its predecessor, so its number is its place among the
  // remaining steps too, and the path is the `depth` remaining steps from it on (or up to it): a top-N aggregate
  // per customer (min_by/max_by with a count), no second window and no ordered list aggregate (measured on 10M
  // events: 2.9 s instead of 4.7 s).
  const path =
    plan.direction === 'from'
      ? `min_by(c.node, c.r, ${depth}) FILTER (WHERE c.r >= a.anchor)`
      : `list_reverse(max_by(c.node, c.r, ${depth}) FILTER (WHERE c.r <= a.anchor))`;
  const sql = `WITH ev AS (${ev}),
    named AS (SELECT pid, occurred_at, ingest_seq,
        CASE WHEN type = 'track' THEN event ELSE coalesce(page_path, event, type) END AS node
      FROM ev WHERE type IN ('track', 'page', 'screen')),
    numbered AS (SELECT pid, node, row_number() OVER w AS r, lag(node) OVER w AS prev FROM named
      WINDOW w AS (PARTITION BY pid ORDER BY occurred_at, ingest_seq)),
    changed AS (SELECT pid, node, r FROM numbered WHERE prev IS DISTINCT FROM node),
    anchors AS (SELECT pid, min(r) AS anchor FROM changed WHERE node = ${step} GROUP BY pid),
    paths AS (SELECT c.pid, ${path} AS path FROM changed c JOIN anchors a ON a.pid = c.pid GROUP BY c.pid)
    SELECT path, count(*) AS customers FROM paths GROUP BY path ORDER BY customers DESC, path`;
  return { sql, params: params.values };
}
