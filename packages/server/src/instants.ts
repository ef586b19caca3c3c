/**
 * The instants the store keeps: ISO-8601 with a four-digit year, 0000-01-01 to 9999-12-31 UTC. Outside it JavaScript
 * writes six-digit years (+010000-…) that DuckDB refuses, and one such event would hold up every batch after it.
 */
const earliestMs = Date.parse('0000-01-01T00:00:00.000Z');
const latestMs = Date.parse('9999-12-31T23:59:59.999Z');

export const storable = (ms: number): boolean => ms >= earliestMs && ms <= latestMs;

/** What every SDK sends: UTC with milliseconds, always storable (a four-digit year, no offset). */
const canonicalInstant = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** A leap second as RFC 3339 allows it (23:59:60), which JavaScript cannot parse. */
const leapSecond = /^(\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:)60(?:\.\d+)?(.*)$/;

/**
 * The instant of an RFC 3339 date-time in milliseconds since the epoch, or null when it is no date or lies outside
 * what the store keeps (an offset carries 9999-12-31T23:59:59-01:00 into the year 10000). A leap second counts as
 * the last millisecond before it.
 */
export function instantOf(value: string): number | null {
  let ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    const leap = leapSecond.exec(value);
    ms = leap ? Date.parse(`${leap[1]}59.999${leap[2]}`) : Number.NaN;
  }
  return storable(ms) ? ms : null;
}

/** Whether a date-time (validation checked the format) is an instant the store keeps. */
export const isStorableInstant = (value: string): boolean =>
  canonicalInstant.test(value) || instantOf(value) !== null;

/** ISO-8601 UTC of an instant given as text, or null when absent or not one the store keeps. */
export function isoInstant(value: string | undefined): string | null {
  if (!value) return null;
  if (canonicalInstant.test(value)) return value;
  const ms = instantOf(value);
  return ms === null ? null : new Date(ms).toISOString();
}
