import type { SqlParams } from './sql-params.js';

export type Period = 'day' | 'week' | 'month';

/** A period's mean length in microseconds: the first guess of an instant's period, corrected by one at most. */
const meanMicros: Record<Period, number> = {
  day: 86_400_000_000,
  week: 604_800_000_000,
  // 30.436875 days, the Gregorian mean: over any span a report covers, month starts stay within a month of it.
  month: 2_629_746_000_000,
};

export interface LocalPeriods {
  /** A CTE named `periods` with the start instants (epoch µs) and labels of the local periods around the range. */
  cte: string;
  /** SQL for the 0-based index of the local period an instant (a TIMESTAMPTZ expression) falls in. */
  indexOf(instant: string): string;
  /** SQL for the label ('YYYY-MM-DD' of the local start) of the period with that index. */
  labelOf(index: string): string;
}

/**
 * Local calendar periods (days, ISO weeks from Monday, months) of a time zone, as a CTE of their start instants.
 * The same buckets as `date_trunc(period, timezone(zone, instant))`, DST days of 23 or 25 hours included, without
 * converting every row: the time zone is applied once per period when the list of starts is made, and a row's
 * period is found by arithmetic on that list (a guess from the mean length, corrected by one either way).
 * Measured on 2.2M events of 12 weeks: retention in 240 ms instead of 500 ms with per-row conversion.
 * The list covers the period before `from` to two after `to`, so every instant of [from, to) has a period and a
 * next one to compare with.
 */
export function localPeriods(
  params: SqlParams,
  zone: string,
  period: Period,
  from: string,
  to: string,
): LocalPeriods {
  const z = params.bind(zone);
  const step = `INTERVAL 1 ${period}`;
  const cte = `periods AS (
    SELECT list(epoch_us(timezone(${z}, p)) ORDER BY p) AS starts, list(strftime(p, '%Y-%m-%d') ORDER BY p) AS labels
    FROM generate_series(
      date_trunc('${period}', timezone(${z}, ${params.instant(from)})) - ${step},
      date_trunc('${period}', timezone(${z}, ${params.instant(to)})) + 2 * ${step},
      ${step}) AS g(p))`;
  const guess = (ts: string) =>
    `least(greatest((${ts} - periods.starts[1]) // ${meanMicros[period]}, 0), len(periods.starts) - 2)`;
  return {
    cte,
    indexOf(instant) {
      const ts = `epoch_us(${instant})`;
      const k = guess(ts);
      return `(${k} + (${ts} >= periods.starts[${k} + 2])::BIGINT - (${ts} < periods.starts[${k} + 1])::BIGINT)`;
    },
    labelOf(index) {
      return `periods.labels[${index} + 1]`;
    },
  };
}
