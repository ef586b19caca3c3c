import { type AnalyticsQuery, useAnalyticsQuery } from '../api/analytics';

/**
 * Result shapes of the query engine's `kpi` and `trend` kinds (server: domains/analytics/shape-metric.ts and
 * metric-stats.ts), mirroring only the fields the overview reads.
 */
export interface MetricValue {
  value: number | null;
  n: number;
  /** 95% interval in the metric's unit, where defined (NPS, rates, means). */
  ci: { low: number; high: number } | null;
}

export interface Significance {
  test: string;
  pValue: number;
  significant: boolean;
}

export interface KpiGroup {
  key: string | null;
  current: MetricValue;
  previous: MetricValue | null;
  /** current − previous in the metric's unit (percentage points for rates and NPS). */
  change: number | null;
  significance: Significance | null;
}

export interface KpiResult {
  kind: 'kpi';
  metric: string;
  previousRange: { from: string; to: string } | null;
  groups: KpiGroup[];
}

export interface TrendResult {
  kind: 'trend';
  interval: 'day' | 'week' | 'month';
  series: { key: string | null; points: (MetricValue & { bucket: string })[] }[];
}

export const useKpi = (workspaceId: string, query: AnalyticsQuery, enabled = true) =>
  useAnalyticsQuery<KpiResult>(workspaceId, query, enabled);

export const useTrend = (workspaceId: string, query: AnalyticsQuery, enabled = true) =>
  useAnalyticsQuery<TrendResult>(workspaceId, query, enabled);
