/**
 * Calendar-day arithmetic for the filter bar. Days are `YYYY-MM-DD` strings in the workspace time zone (reporting
 * happens there, GUIDE §5); the arithmetic runs on UTC midnights so no local DST shift can move a day.
 */
const dayMs = 86_400_000;

/** Today's date in `timeZone` ("en-CA" formats as YYYY-MM-DD). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Length of the inclusive range from..to in days (1 for a single day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs) + 1;
}

export const quickPicks = ['7d', '30d', '90d', '12m'] as const;
export type QuickPick = (typeof quickPicks)[number];

/** The whole days a quick pick covers, ending today: 7/30/90 days, or 12 calendar months (the day after 12 months ago). */
export function quickPickRange(pick: QuickPick, today: string): { from: string; to: string } {
  if (pick === '12m') {
    const start = new Date(`${today}T00:00:00Z`);
    start.setUTCFullYear(start.getUTCFullYear() - 1);
    return { from: addDays(start.toISOString().slice(0, 10), 1), to: today };
  }
  return { from: addDays(today, 1 - Number.parseInt(pick, 10)), to: today };
}

/** Which quick pick, if any, a range equals (so the bar can mark it as pressed). */
export function matchingQuickPick(
  range: { from?: string; to?: string },
  today: string,
): QuickPick | undefined {
  return quickPicks.find((pick) => {
    const candidate = quickPickRange(pick, today);
    return candidate.from === range.from && candidate.to === range.to;
  });
}

/**
 * A complete, ordered range after one end changed: the engine needs both ends, so a lone `from` runs to today and a
 * lone `to` starts 29 days earlier (the default 30 days); ends given the wrong way round are swapped.
 */
export function completeRange(
  range: { from?: string; to?: string },
  today: string,
): { from?: string; to?: string } {
  const { from, to } = range;
  if (!from && !to) return {};
  const start = from ?? addDays(to as string, -29);
  const end = to ?? (start > today ? start : today);
  return start <= end ? { from: start, to: end } : { from: end, to: start };
}
