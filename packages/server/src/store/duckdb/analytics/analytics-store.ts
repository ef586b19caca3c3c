import type {
  AnalyticsResultByKind,
  AnalyticsStore,
  AnswerCountRow,
  ChannelSwitchRow,
  FunnelRow,
  JourneyStageRow,
  KeyMomentRow,
  MetricRow,
  PathRow,
  QueryPlan,
  RetentionRow,
} from '../../analytics-port.js';
import type { SqlExecutor } from '../database.js';
import type { Row } from '../values.js';
import { buildDuckDbSql } from './build.js';
import { customMetricRepo, journeyRepo } from './definition-repos.js';
import { type TimelineIndex, timelinesAnswer } from './timelines/timeline-index.js';
import { touchpointCoverage, touchpointRepo } from './touchpoint-repo.js';

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const shapeRows = {
  metric: (r: Row): MetricRow => ({
    period: r.period === 'previous' ? 'previous' : 'current',
    bucket: strOrNull(r.bucket),
    key: strOrNull(r.key),
    n: num(r.n),
    a: num(r.a),
    b: num(r.b),
    c: num(r.c),
  }),
  funnel: (r: Row): FunnelRow => ({
    key: strOrNull(r.key),
    level: num(r.level),
    customers: num(r.customers),
    p50Seconds: numOrNull(r.p50),
    p90Seconds: numOrNull(r.p90),
    histogram: (r.histogram as unknown[]).map(num),
  }),
  paths: (r: Row): PathRow => ({ path: (r.path as unknown[]).map(String), customers: num(r.customers) }),
  retention: (r: Row): RetentionRow => ({
    cohort: String(r.cohort),
    period: num(r.period),
    customers: num(r.customers),
  }),
  channel_switch: (r: Row): ChannelSwitchRow => ({
    from: String(r.from),
    to: String(r.to),
    switches: num(r.switches),
    customers: num(r.customers),
  }),
  journey: (r: Row): JourneyStageRow => ({
    stage: num(r.stage),
    customers: num(r.customers),
    fromPrevious: num(r.from_previous),
    nps: { n: num(r.nps_n), promoters: num(r.promoters), detractors: num(r.detractors) },
    csat: { n: num(r.csat_n), satisfied: num(r.satisfied) },
    ces: {
      n: num(r.ces_n),
      sum: num(r.ces_sum),
      sumOfSquares: num(r.ces_sum_sq),
      atLeast5: num(r.ces_at_least_5),
    },
  }),
  key_moments: (r: Row): KeyMomentRow => ({
    touchpointId: String(r.tp),
    poor: r.poor === true,
    customers: num(r.customers),
    outcomes: num(r.outcomes),
  }),
  answer_distribution: (r: Row): AnswerCountRow => ({
    questionId: String(r.question_id),
    questionType: String(r.question_type),
    value: String(r.value),
    answers: num(r.answers),
    answered: num(r.answered),
  }),
} satisfies { [K in QueryPlan['kind']]: (r: Row) => AnalyticsResultByKind[K][number] };

/**
 * Runs planned queries on the DuckDB reader connections; the funnels, paths and retention the in-memory timelines can answer
 * (timelinesAnswer) from those when given: same definitions, compared with the SQL by timelines.test.ts.
 */
export function duckDbAnalytics(db: SqlExecutor, timelines: TimelineIndex | null): AnalyticsStore {
  return {
    async run<P extends QueryPlan>(plan: P) {
      if (timelines && timelinesAnswer(plan)) {
        const rows = await timelines.run(plan);
        if (rows) return rows as AnalyticsResultByKind[P['kind']];
      }
      const { sql, params } = buildDuckDbSql(plan);
      const rows = await db.all(sql, params);
      const shape = shapeRows[plan.kind as P['kind']] as (r: Row) => AnalyticsResultByKind[P['kind']][number];
      return rows.map(shape) as AnalyticsResultByKind[P['kind']];
    },
    async explain(plan) {
      const { sql, params } = buildDuckDbSql(plan);
      const rows = await db.all(`EXPLAIN ${sql}`, params);
      return rows.map((r) => String(r.explain_value ?? '')).join('\n');
    },
    touchpoints: touchpointRepo(db),
    journeys: journeyRepo(db),
    customMetrics: customMetricRepo(db),
    coverage: (workspaceId, touchpoints, range) => touchpointCoverage(db, workspaceId, touchpoints, range),
  };
}
