import type { FunnelStep } from './journey-view-state';

/** A percentage the engine computed, for reading: one decimal, a dash when undefined (nobody at the step before). */
export function formatPercent(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} %`;
}

export function formatNumber(value: number | null | undefined, language: string, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Seconds as the largest sensible unit: 45 s, 12 min, 3.5 h, 2.1 d. */
export function formatDuration(seconds: number | null | undefined, language: string): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const units: [number, Intl.NumberFormatOptions['unit']][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size) {
      return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(
        seconds / size,
      );
    }
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'second', maximumFractionDigits: 0 }).format(
    seconds,
  );
}

/** What a funnel step is called on screen: the event name, or the touchpoint's name (its id if it was deleted). */
export function stepLabel(step: FunnelStep, touchpointNames: Map<string, string>): string {
  return step.kind === 'event' ? step.event : (touchpointNames.get(step.touchpointId) ?? step.touchpointId);
}

/** Sankey node ids are `<column>:<name>`; the label drawn is the name alone. */
export function nodeName(id: string): string {
  const at = id.indexOf(':');
  return at < 0 ? id : id.slice(at + 1);
}
