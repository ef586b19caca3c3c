import type { MetricPlan } from '../../analytics-port.js';
import { customMetricSql } from './custom-metric-sql.js';
import { answersInRange, canonicalProfileJoin, eventKey, eventsInRange } from './sources.js';
import { type BuiltSql, SqlParams } from './sql-params.js';

/**
 * Sufficient statistics for a KPI per (period, bucket, key): columns n, a, b, c as domains/analytics/metric-stats.ts
 * reads them. Buckets are local calendar days/ISO weeks/months of the workspace time zone: the UTC instant is
 * converted with ICU (`timezone(zone, ts)`) before `date_trunc`, so DST days have 23 or 25 hours.
 */

/** Order Completed revenue, as profile facts read it: `revenue`, else `total` (Segment e-commerce spec). */
const revenueSql = `coalesce(TRY_CAST(properties->>'revenue' AS DOUBLE), TRY_CAST(properties->>'total' AS DOUBLE), 0)`;

function frame(plan: MetricPlan, params: SqlParams) {
  const from = params.instant(plan.from);
  const scanFrom = plan.previousFrom ?? plan.from;
  const period = `CASE WHEN occurred_at >= ${from} THEN 'current' ELSE 'previous' END`;
  const bucket = plan.interval
    ? `strftime(date_trunc('${plan.interval}', timezone(${params.bind(plan.timeZone)}, occurred_at)), '%Y-%m-%d')`
    : 'NULL';
  return { scanFrom, period, bucket };
}

function eventMetric(plan: MetricPlan, params: SqlParams): string {
  const { scanFrom, period, bucket } = frame(plan, params);
  const key = eventKey(plan.breakdown, params, plan.touchpoints);
  const ev = eventsInRange({
    params,
    workspaceId: plan.workspaceId,
    from: scanFrom,
    to: plan.to,
    filters: plan.filters,
    touchpoints: plan.touchpoints,
    extra: [`${key} AS key`],
  });
  const framed = `WITH ev AS (${ev}), f AS (SELECT *, ${period} AS period, ${bucket} AS bucket FROM ev)`;
  const orders = `type = 'track' AND event = 'Order Completed'`;
  switch (plan.metric) {
    case 'conversion_rate':
      return `${framed} SELECT period, bucket, key, count(DISTINCT pid) AS n,
          count(DISTINCT pid) FILTER (WHERE type = 'track' AND event = ${params.bind(plan.conversionEvent)}) AS a, 0 AS b, 0 AS c
        FROM f GROUP BY ALL`;
    case 'revenue':
    case 'aov':
      return `${framed} SELECT period, bucket, key, count(*) AS n, sum(${revenueSql}) AS a,
          sum(${revenueSql} * ${revenueSql}) AS b, 0 AS c
        FROM f WHERE ${orders} GROUP BY ALL`;
    case 'repeat_purchase_rate':
      return `${framed}, per AS (SELECT period, bucket, key, pid, count(*) AS orders FROM f WHERE ${orders} GROUP BY ALL)
        SELECT period, bucket, key, count(*) AS n, count(*) FILTER (WHERE orders >= 2) AS a, 0 AS b, 0 AS c
        FROM per GROUP BY ALL`;
    case 'churn_rate':
      // Churned: active (any matching event) in the previous period and in none of this one.
      return `${framed}, per AS (SELECT key, pid, bool_or(period = 'previous') AS before, bool_or(period = 'current') AS now
          FROM f GROUP BY ALL)
        SELECT 'current' AS period, NULL AS bucket, key, count(*) FILTER (WHERE before) AS n,
          count(*) FILTER (WHERE before AND NOT now) AS a, 0 AS b, 0 AS c
        FROM per GROUP BY ALL`;
    case 'clv': {
      // Customers who ordered in the period; their lifetime revenue is every order up to the period's end.
      const to = params.instant(plan.to);
      const from = params.instant(plan.from);
      return `${framed}, buyers AS (SELECT DISTINCT period, bucket, key, pid FROM f WHERE ${orders}),
        lifetime AS (SELECT coalesce(p.merged_into, e.profile_id) AS pid, e.occurred_at,
            coalesce(TRY_CAST(e.properties->>'revenue' AS DOUBLE), TRY_CAST(e.properties->>'total' AS DOUBLE), 0) AS revenue
          FROM events e ${canonicalProfileJoin}
          WHERE e.workspace_id = ${params.bind(plan.workspaceId)} AND e.type = 'track' AND e.event = 'Order Completed'
            AND e.occurred_at < ${to}),
        per AS (SELECT b.period, b.bucket, b.key, b.pid, sum(l.revenue) AS value FROM buyers b JOIN lifetime l ON l.pid = b.pid
          AND l.occurred_at < CASE WHEN b.period = 'current' THEN ${to} ELSE ${from} END GROUP BY ALL)
        SELECT period, bucket, key, count(*) AS n, sum(value) AS a, sum(value * value) AS b, 0 AS c FROM per GROUP BY ALL`;
    }
    case 'web_vitals_p75':
      return `${framed}, v AS (SELECT period, bucket, key, TRY_CAST(json_extract_string(properties, ${params.bind(plan.vital)}) AS DOUBLE) AS value
          FROM f WHERE type = 'track' AND event = 'Web Vitals')
        SELECT period, bucket, key, count(value) AS n, quantile_cont(value, 0.75) AS a, 0 AS b, 0 AS c
        FROM v WHERE value IS NOT NULL GROUP BY ALL`;
    default:
      throw new Error(`not an event metric: ${plan.metric}`);
  }
}

function surveyMetric(plan: MetricPlan & { metric: 'nps' | 'csat' | 'ces' }, params: SqlParams): string {
  const { scanFrom, period, bucket } = frame(plan, params);
  const answers = answersInRange({
    params,
    workspaceId: plan.workspaceId,
    from: scanFrom,
    to: plan.to,
    filters: plan.filters,
    touchpoints: plan.touchpoints,
    questionType: plan.metric,
    key: plan.breakdown,
  });
  // nps: a = promoters (9–10), b = detractors (0–6); csat: a = satisfied (4–5 of 1–5);
  // ces: a = sum, b = sum of squares, c = answers of 5 or more (of 1–7).
  const stats = {
    nps: 'count(*) FILTER (WHERE v >= 9) AS a, count(*) FILTER (WHERE v <= 6) AS b, 0 AS c',
    csat: 'count(*) FILTER (WHERE v >= 4) AS a, 0 AS b, 0 AS c',
    ces: 'sum(v) AS a, sum(v * v) AS b, count(*) FILTER (WHERE v >= 5) AS c',
  }[plan.metric];
  return `WITH ans AS (${answers})
    SELECT ${period} AS period, ${bucket} AS bucket, key, count(*) AS n, ${stats} FROM ans GROUP BY ALL`;
}

/**
 * Share of negative topic mentions in open-text answers (text analytics writes one row per topic and answer to
 * text_topic_mentions): n = mentions, a = negative ones, for one topic or all. Event and survey filters do not
 * apply to text; the planner refuses a breakdown.
 */
function textMetric(plan: MetricPlan, params: SqlParams): string {
  const { scanFrom, period, bucket } = frame(plan, params);
  const topic = plan.topic === null ? 'TRUE' : `topic_id = ${params.bind(plan.topic)}`;
  return `WITH m AS (SELECT answered_at AS occurred_at, topic_id, sentiment_label FROM text_topic_mentions
      WHERE workspace_id = ${params.bind(plan.workspaceId)} AND ${topic}
        AND answered_at >= ${params.instant(scanFrom)} AND answered_at < ${params.instant(plan.to)})
    SELECT ${period} AS period, ${bucket} AS bucket,
      NULL AS key, count(*) AS n, count(*) FILTER (WHERE sentiment_label = 'negative') AS a, 0 AS b, 0 AS c
    FROM m GROUP BY ALL`;
}

/**
 * Response rate from the contact ledger (survey_contacts): n = customers contacted with a survey in the period
 * (shown in a page or invited), one per customer and survey; a = those of them who answered that survey at or after
 * their first contact, even after the period ended. Breakdown by the channel of the first contact or by survey.
 */
function ledgerMetric(plan: MetricPlan, params: SqlParams): string {
  const { scanFrom, period, bucket } = frame(plan, params);
  const key =
    plan.breakdown?.kind === 'column' && plan.breakdown.name === 'survey'
      ? 'survey_id'
      : plan.breakdown
        ? 'channel'
        : 'NULL';
  const ws = params.bind(plan.workspaceId);
  return `WITH contacted AS (
      SELECT profile_id, survey_id, arg_min(channel, contacted_at) AS channel, min(contacted_at) AS occurred_at
      FROM survey_contacts
      WHERE workspace_id = ${ws} AND kind IN ('shown', 'invited')
        AND contacted_at >= ${params.instant(scanFrom)} AND contacted_at < ${params.instant(plan.to)}
      GROUP BY profile_id, survey_id),
    answered AS (
      SELECT profile_id, survey_id, max(contacted_at) AS at FROM survey_contacts
      WHERE workspace_id = ${ws} AND kind = 'answered' AND contacted_at >= ${params.instant(scanFrom)}
      GROUP BY profile_id, survey_id)
    SELECT ${period} AS period, ${bucket} AS bucket, ${key} AS key, count(*) AS n,
      count(*) FILTER (WHERE a.at >= c.occurred_at) AS a, 0 AS b, 0 AS c
    FROM contacted c LEFT JOIN answered a USING (profile_id, survey_id) GROUP BY ALL`;
}

export function metricSql(plan: MetricPlan): BuiltSql {
  const params = new SqlParams();
  const { metric } = plan;
  const sql = plan.custom
    ? customMetricSql(plan, plan.custom, params, frame(plan, params))
    : metric === 'nps' || metric === 'csat' || metric === 'ces'
      ? surveyMetric({ ...plan, metric }, params)
      : metric === 'negative_mention_share'
        ? textMetric(plan, params)
        : metric === 'response_rate'
          ? ledgerMetric(plan, params)
          : eventMetric(plan, params);
  return { sql: `${sql} ORDER BY period, bucket NULLS FIRST, key NULLS FIRST`, params: params.values };
}
