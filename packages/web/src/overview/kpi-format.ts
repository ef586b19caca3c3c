import type { TileMetric } from './kpi-plan';

/**
 * How each KPI reads (units as the engine returns them, metric-stats.ts): NPS in points −100..100, rates in
 * percent, CES as a mean on the 1–7 scale. Changes are in points for NPS and rates, in scale units for CES.
 */
const fractionDigits = (metric: string) => (metric === 'ces' ? 2 : 1);
const isRate = (metric: string) => metric !== 'nps' && metric !== 'ces';

export function formatKpi(metric: string, value: number | null, language: string): string {
  if (value === null) return '–';
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: fractionDigits(metric) });
  return isRate(metric) ? `${number.format(value)} %` : number.format(value);
}

/** A signed change, e.g. "+4.5" (points) or "−0.25" (CES). */
export function formatChange(metric: string, change: number, language: string): string {
  return new Intl.NumberFormat(language, {
    maximumFractionDigits: fractionDigits(metric),
    minimumFractionDigits: fractionDigits(metric),
    signDisplay: 'exceptZero',
  }).format(change);
}

/** A p-value to two significant digits, so 0.0004 does not read as 0. */
export function formatP(p: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumSignificantDigits: 2 }).format(p);
}

export type ChangeDirection = 'up' | 'down' | 'flat';
/** For churn (and any "lower is better" KPI) a rise is bad news; the tile colours by meaning, not by sign. */
const lowerIsBetter: ReadonlySet<string> = new Set<TileMetric>(['churn_rate']);

export function changeTone(metric: string, change: number): 'good' | 'bad' | 'neutral' {
  if (change === 0) return 'neutral';
  return change > 0 !== lowerIsBetter.has(metric) ? 'good' : 'bad';
}
