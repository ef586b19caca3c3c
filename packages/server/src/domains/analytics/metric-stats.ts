import type { MetricPlan, MetricRow } from '../../store/analytics-port.js';
import {
  type MeanStats,
  npsDifferenceZ,
  npsWithInterval,
  type Significance,
  sampleVariance,
  twoProportionZ,
  welchT,
} from './statistics.js';

type Metric = MetricPlan['metric'];

/** One KPI value with its sample size, a 95% interval where defined, and extras (CES share ≥ 5). */
export interface MetricValue {
  value: number | null;
  n: number;
  ci: { low: number; high: number } | null;
  extra?: Record<string, number | null>;
}

const share = (x: number, n: number) => (n === 0 ? null : (100 * x) / n);
const mean = (sum: number, n: number) => (n === 0 ? null : sum / n);
const meanStats = (r: MetricRow): MeanStats => ({ n: r.n, sum: r.a, sumOfSquares: r.b });

/** 95% interval of a proportion (normal approximation), in percent. */
function proportionCi(x: number, n: number) {
  if (n === 0) return null;
  const p = x / n;
  const half = 1.96 * Math.sqrt((p * (1 - p)) / n);
  // The normal approximation can reach past 0 or 100 % on small samples; a share cannot.
  return { low: Math.max(0, 100 * (p - half)), high: Math.min(100, 100 * (p + half)) };
}

function meanCi(r: MetricRow) {
  if (r.n < 2) return null;
  const half = 1.96 * Math.sqrt(sampleVariance(meanStats(r)) / r.n);
  return { low: r.a / r.n - half, high: r.a / r.n + half };
}

/**
 * Reads the sufficient statistics the store returns (see store/duckdb/analytics/metric-sql.ts) as the KPI.
 * Rates are percentages; CES is the mean on 1–7; revenue, AOV and CLV are in the currency's major units as sent.
 */
export function metricValue(metric: Metric, r: MetricRow): MetricValue {
  switch (metric) {
    case 'nps': {
      const { value, ci } = npsWithInterval({ n: r.n, promoters: r.a, detractors: r.b });
      return { value, n: r.n, ci, extra: { promoters: share(r.a, r.n), detractors: share(r.b, r.n) } };
    }
    case 'csat':
    case 'conversion_rate':
    case 'repeat_purchase_rate':
    case 'churn_rate':
    case 'negative_mention_share':
    case 'response_rate':
      return { value: share(r.a, r.n), n: r.n, ci: proportionCi(r.a, r.n) };
    case 'ces':
      return { value: mean(r.a, r.n), n: r.n, ci: meanCi(r), extra: { shareAtLeast5: share(r.c, r.n) } };
    case 'aov':
    case 'clv':
      return { value: mean(r.a, r.n), n: r.n, ci: meanCi(r) };
    case 'revenue':
      return { value: r.a, n: r.n, ci: null };
    case 'web_vitals_p75':
      return { value: r.n === 0 ? null : r.a, n: r.n, ci: null };
    // Custom metrics (store/duckdb/analytics/custom-metric-sql.ts): a ratio is a plain quotient, not a percentage.
    case 'custom_count':
    case 'custom_sum':
      return { value: r.a, n: r.n, ci: null };
    case 'custom_average':
      return { value: mean(r.a, r.n), n: r.n, ci: meanCi(r) };
    case 'custom_ratio':
      return { value: r.n === 0 ? null : r.a / r.n, n: r.n, ci: null };
  }
}

/** Is the change from the previous period significant? Null when the test is undefined (empty or constant data). */
export function compare(metric: Metric, current: MetricRow, previous: MetricRow): Significance | null {
  switch (metric) {
    case 'nps':
      return npsDifferenceZ(
        { n: current.n, promoters: current.a, detractors: current.b },
        { n: previous.n, promoters: previous.a, detractors: previous.b },
      );
    case 'csat':
    case 'conversion_rate':
    case 'repeat_purchase_rate':
    case 'negative_mention_share':
    case 'response_rate':
      return twoProportionZ(current.a, current.n, previous.a, previous.n);
    case 'ces':
    case 'aov':
    case 'clv':
    case 'custom_average':
      return welchT(meanStats(current), meanStats(previous));
    // A total and a percentile have no sampling test here; churn compares two periods by definition.
    case 'revenue':
    case 'web_vitals_p75':
    case 'churn_rate':
    // Counts and sums have no sampling test; a ratio's numerator need not be part of its denominator.
    case 'custom_count':
    case 'custom_sum':
    case 'custom_ratio':
      return null;
  }
}

export const emptyRow = (
  period: MetricRow['period'],
  key: string | null,
  bucket: string | null,
): MetricRow => ({
  period,
  bucket,
  key,
  n: 0,
  a: 0,
  b: 0,
  c: 0,
});
