import type {
  AnalyticsResultByKind,
  AnalyticsStore,
  ChannelSwitchRow,
  FunnelRow,
  MetricRow,
  PathRow,
  QueryPlan,
  RetentionRow,
} from '../../analytics-port.js';
import type { SqlExecutor } from '../database.js';
import type { Row } from '../values.js';
import { buildDuckDbSql } from './build.js';
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
} satisfies { [K in QueryPlan['kind']]: (r: Row) => AnalyticsResultByKind[K][number] };

/** Runs planned queries on the DuckDB reader connections. */
export function duckDbAnalytics(db: SqlExecutor): AnalyticsStore {
  return {
    async run<P extends QueryPlan>(plan: P) {
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
    coverage: (workspaceId, touchpoints, range) => touchpointCoverage(db, workspaceId, touchpoints, range),
  };
}
