import type { PlannedFilter } from '../../store/analytics-port.js';

/** Current traits as the survey domain caches them (name → value). */
export type CurrentTraits = Record<string, { value: unknown }>;

/** The text of a trait as SQL reads it (`value->>'$'`): strings as they are, other JSON as its text. */
function traitText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** TRY_CAST(text AS DOUBLE): a number, or null when the text is not one. */
function asNumber(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : null;
}

/**
 * One condition on the current traits, with the comparison rules of the query engine's filterSql (numbers
 * numerically, otherwise text; `neq` is IS DISTINCT FROM, so a missing trait differs from any value), so that a
 * segment means the same customers in survey targeting as in the analyses (evaluate.test.ts checks both).
 */
export function conditionHolds(condition: PlannedFilter, traits: CurrentTraits): boolean {
  if (condition.field.kind !== 'trait') return false;
  const text = traitText(traits[condition.field.name]?.value);
  const { op, value } = condition;
  if (op === 'in')
    return text !== null && (Array.isArray(value) ? value : [value]).map(String).includes(text);
  if (op === 'contains') return text?.toLowerCase().includes(String(value).toLowerCase()) ?? false;
  if (Array.isArray(value)) return false;
  const wanted = typeof value === 'boolean' ? String(value) : value;
  const actual = typeof wanted === 'number' ? asNumber(text) : text;
  if (op === 'neq') return actual !== wanted;
  if (actual === null) return false;
  switch (op) {
    case 'eq':
      return actual === wanted;
    case 'gt':
      return actual > wanted;
    case 'gte':
      return actual >= wanted;
    case 'lt':
      return actual < wanted;
    case 'lte':
      return actual <= wanted;
  }
}

/** Whether a profile with these traits belongs to the segment: every condition holds. */
export function inSegment(conditions: PlannedFilter[], traits: CurrentTraits): boolean {
  return conditions.every((c) => conditionHolds(c, traits));
}
