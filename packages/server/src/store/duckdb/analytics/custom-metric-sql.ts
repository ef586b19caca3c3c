import type { CustomMetricSpec, MetricPlan } from '../../analytics-port.js';
import { fieldSql, filtersSql } from './fields.js';
import { eventSource, eventsInRange, responseSource } from './sources.js';
import type { SqlParams } from './sql-params.js';

/** Period and bucket expressions over `occurred_at`, as metric-sql.ts builds them for every metric. */
export interface MetricFrame {
  scanFrom: string;
  period: string;
  bucket: string;
}

/**
 * Sufficient statistics of a user-defined metric (domains/metrics), in the n/a/b/c columns metric-stats.ts reads:
 * - count: n = a = rows matching the definition's filters;
 * - sum, average: n = matching rows with a numeric value, a = sum, b = sum of squares;
 * - ratio: n = rows matching `denominatorFilters`, a = rows matching `filters` (value a / n).
 * Rows are events, or for responses: responses (count, ratio; at their first scored answer) and scored answers of
 * the question type `field` (sum, average). The query's own filters and breakdown apply on top, as for any metric.
 */
export function customMetricSql(
  plan: MetricPlan,
  spec: CustomMetricSpec,
  params: SqlParams,
  frame: MetricFrame,
) {
  const stats = {
    count: 'count(*) FILTER (WHERE num_ok) AS n, count(*) FILTER (WHERE num_ok) AS a, 0 AS b, 0 AS c',
    sum: 'count(x) FILTER (WHERE num_ok) AS n, coalesce(sum(x) FILTER (WHERE num_ok), 0) AS a, coalesce(sum(x * x) FILTER (WHERE num_ok), 0) AS b, 0 AS c',
    ratio: 'count(*) FILTER (WHERE den_ok) AS n, count(*) FILTER (WHERE num_ok) AS a, 0 AS b, 0 AS c',
  };
  const select = stats[spec.aggregate === 'average' ? 'sum' : spec.aggregate];
  const rows =
    spec.source === 'events' ? eventRows(plan, spec, params, frame) : responseRows(plan, spec, params, frame);
  return `WITH rows AS (${rows}), f AS (SELECT *, ${frame.period} AS period, ${frame.bucket} AS bucket FROM rows)
    SELECT period, bucket, key, ${select} FROM f GROUP BY ALL`;
}

function eventRows(plan: MetricPlan, spec: CustomMetricSpec, params: SqlParams, frame: MetricFrame): string {
  const source = eventSource(plan.touchpoints);
  const key = plan.breakdown ? fieldSql(plan.breakdown, source, params, 'body.breakdown') : 'NULL';
  const x =
    spec.field && spec.field.kind !== 'question'
      ? `TRY_CAST(${fieldSql(spec.field, source, params, 'metric.field')} AS DOUBLE)`
      : 'CAST(NULL AS DOUBLE)';
  return eventsInRange({
    params,
    workspaceId: plan.workspaceId,
    from: frame.scanFrom,
    to: plan.to,
    filters: plan.filters,
    touchpoints: plan.touchpoints,
    extra: [
      `${key} AS key`,
      `(${filtersSql(spec.filters, source, params, 'metric.filters')}) AS num_ok`,
      `(${filtersSql(spec.denominatorFilters, source, params, 'metric.denominatorFilters')}) AS den_ok`,
      `${x} AS x`,
    ],
  });
}

function responseRows(
  plan: MetricPlan,
  spec: CustomMetricSpec,
  params: SqlParams,
  frame: MetricFrame,
): string {
  const key = plan.breakdown ? fieldSql(plan.breakdown, responseSource, params, 'body.breakdown') : 'NULL';
  const answers = `SELECT r.id AS rid, sa.answered_at AS occurred_at, sa.question_type AS qt, sa.number_value AS v,
      ${key} AS key,
      (${filtersSql(spec.filters, responseSource, params, 'metric.filters')}) AS num_ok,
      (${filtersSql(spec.denominatorFilters, responseSource, params, 'metric.denominatorFilters')}) AS den_ok
    FROM survey_answers sa JOIN survey_responses r ON r.id = sa.response_id LEFT JOIN profiles p ON p.id = r.profile_id
    WHERE sa.workspace_id = ${params.bind(plan.workspaceId)} AND sa.number_value IS NOT NULL
      AND sa.answered_at >= ${params.instant(frame.scanFrom)} AND sa.answered_at < ${params.instant(plan.to)}
      AND ${filtersSql(plan.filters, responseSource, params)}`;
  if (spec.field?.kind === 'question') {
    return `SELECT occurred_at, key, num_ok, CASE WHEN qt = ${params.bind(spec.field.name)} THEN v END AS x
      FROM (${answers})`;
  }
  // One row per response, at its first scored answer.
  return `SELECT rid, min(occurred_at) AS occurred_at, any_value(key) AS key, bool_or(num_ok) AS num_ok,
      bool_or(den_ok) AS den_ok, CAST(NULL AS DOUBLE) AS x
    FROM (${answers}) GROUP BY rid`;
}
