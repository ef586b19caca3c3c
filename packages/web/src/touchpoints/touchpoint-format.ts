import type { TouchpointRule } from './touchpoints-api';

/** A rule in one line, as people write it: `Order Completed · /checkout/* · plan=pro`. Rendered as text, never HTML. */
export function describeRule(rule: TouchpointRule): string {
  const parts: string[] = [];
  if (rule.event) parts.push(rule.event);
  if (rule.urlPattern) parts.push(rule.urlPattern);
  for (const property of rule.properties ?? []) parts.push(`${property.name}=${property.value}`);
  return parts.join(' · ');
}

/** A KPI the server computed, rounded for reading; a dash when there is no figure (no answers). */
export function formatScore(
  value: number | null | undefined,
  language: string,
  digits: number,
  unit = '',
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const text = new Intl.NumberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
  return unit ? `${text}${unit === '%' ? ' %' : unit}` : text;
}
