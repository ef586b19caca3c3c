import type { MetricPlan, MetricRow } from '../../store/analytics-port.js';
import { compare, emptyRow, type MetricValue, metricValue } from './metric-stats.js';
import type { Significance } from './statistics.js';

export interface KpiGroup {
  key: string | null;
  current: MetricValue;
  previous: MetricValue | null;
  /** current − previous, in the metric's unit (percentage points for rates and NPS). */
  change: number | null;
  significance: Significance | null;
}

const groupKey = (key: string | null) => key ?? '\u0000';

/** KPI per breakdown key with the previous period of equal length and a significance test. */
export function shapeKpi(plan: MetricPlan, rows: MetricRow[]) {
  const keys = new Map<string, string | null>();
  for (const r of rows) keys.set(groupKey(r.key), r.key);
  if (keys.size === 0 && plan.breakdown === null) keys.set(groupKey(null), null);
  const find = (period: MetricRow['period'], key: string | null) =>
    rows.find((r) => r.period === period && r.key === key) ?? emptyRow(period, key, null);
  const compared = plan.previousFrom !== null && plan.metric !== 'churn_rate';
  const groups: KpiGroup[] = [...keys.values()].map((key) => {
    const currentRow = find('current', key);
    const current = metricValue(plan.metric, currentRow);
    if (!compared) return { key, current, previous: null, change: null, significance: null };
    const previousRow = find('previous', key);
    const previous = metricValue(plan.metric, previousRow);
    const change = current.value !== null && previous.value !== null ? current.value - previous.value : null;
    return { key, current, previous, change, significance: compare(plan.metric, currentRow, previousRow) };
  });
  return {
    kind: 'kpi' as const,
    metric: plan.metric,
    timeZone: plan.timeZone,
    range: { from: plan.from, to: plan.to },
    previousRange: compared && plan.previousFrom ? { from: plan.previousFrom, to: plan.from } : null,
    groups,
  };
}

/** One series per breakdown key; buckets are local dates (`YYYY-MM-DD`, the bucket's first day). Empty buckets are left out. */
export function shapeTrend(plan: MetricPlan, rows: MetricRow[]) {
  const series = new Map<string, { key: string | null; points: (MetricValue & { bucket: string })[] }>();
  for (const r of rows) {
    if (r.period !== 'current' || r.bucket === null) continue;
    const entry = series.get(groupKey(r.key)) ?? { key: r.key, points: [] };
    entry.points.push({ bucket: r.bucket, ...metricValue(plan.metric, r) });
    series.set(groupKey(r.key), entry);
  }
  return {
    kind: 'trend' as const,
    metric: plan.metric,
    interval: plan.interval,
    timeZone: plan.timeZone,
    range: { from: plan.from, to: plan.to },
    series: [...series.values()],
  };
}
