import type { AnalyticsQuery } from '../api/analytics';
import { daysBetween } from '../filters/date-range';
import type { GlobalFilters } from '../filters/global-filters';
import type { KpiGroup, KpiResult } from './overview-api';

/**
 * What the overview asks the query engine for, and how it ranks what came back. Nothing here computes a KPI: the
 * engine returns values, intervals, changes and significance tests; this file only chooses queries and sorts.
 */
export const tileMetrics = ['nps', 'csat', 'ces', 'conversion_rate', 'churn_rate'] as const;
export type TileMetric = (typeof tileMetrics)[number];

/** Survey KPIs count answers; event KPIs count customers (the engine's `n`). */
export const surveyMetrics: ReadonlySet<TileMetric> = new Set(['nps', 'csat', 'ces']);

/** Churn compares two periods by definition, so the engine has no trend and no change for it. */
export const hasTrend = (metric: TileMetric) => metric !== 'churn_rate';

type Scope = Pick<AnalyticsQuery, 'timeRange' | 'filters'>;

export function kpiQuery(metric: string, scope: Scope, breakdown?: string): AnalyticsQuery {
  return { kind: 'kpi', metric, ...scope, compare: true, ...(breakdown ? { breakdown } : {}) };
}

/** Buckets by range length, so a trend line has roughly 7–30 points: days up to a month, weeks up to half a year. */
export function trendInterval(filters: GlobalFilters): 'day' | 'week' | 'month' {
  const days = filters.from && filters.to ? daysBetween(filters.from, filters.to) : 30;
  if (days <= 31) return 'day';
  if (days <= 183) return 'week';
  return 'month';
}

export function trendQuery(metric: string, scope: Scope, interval: 'day' | 'week' | 'month'): AnalyticsQuery {
  return { kind: 'trend', metric, ...scope, interval };
}

/** The dimensions "what changed most" looks at, and the KPIs compared along them. */
export const moverBreakdowns = ['touchpoint', 'channel', 'stage'] as const;
export type MoverBreakdown = (typeof moverBreakdowns)[number];
/** KPIs whose change is in points on a 0–100 scale, so moves of different KPIs can be ranked together. */
export const moverMetrics = ['nps', 'csat', 'conversion_rate'] as const;
export type MoverMetric = (typeof moverMetrics)[number];

export interface Mover {
  metric: MoverMetric;
  breakdown: MoverBreakdown;
  key: string;
  group: KpiGroup;
}

/**
 * The biggest moves vs the previous period across breakdown × KPI: groups with a value in both periods, those whose
 * change the engine calls significant first, then by the size of the change (points). Groups without a key (events
 * mapped to no touchpoint, answers without a stage) are not a place one can act on, so they are left out.
 */
export function topMovers(
  results: { metric: MoverMetric; breakdown: MoverBreakdown; result: KpiResult | undefined }[],
  limit = 6,
): Mover[] {
  const movers: Mover[] = [];
  for (const { metric, breakdown, result } of results) {
    for (const group of result?.groups ?? []) {
      if (group.key === null || group.change === null || group.change === 0) continue;
      movers.push({ metric, breakdown, key: group.key, group });
    }
  }
  const significant = (m: Mover) => (m.group.significance?.significant ? 1 : 0);
  return movers
    .sort(
      (a, b) =>
        significant(b) - significant(a) ||
        Math.abs(b.group.change ?? 0) - Math.abs(a.group.change ?? 0) ||
        a.key.localeCompare(b.key),
    )
    .slice(0, limit);
}

/** The one group of an unbroken-down KPI result. */
export const totalOf = (result: KpiResult | undefined): KpiGroup | undefined => result?.groups[0];
