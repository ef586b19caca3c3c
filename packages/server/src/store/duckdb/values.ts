import {
  DuckDBListValue,
  DuckDBStructValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
} from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/** Turns DuckDB's JS values into the plain values the port promises (ISO strings, numbers). */
export function plainValue(value: unknown): unknown {
  if (value instanceof DuckDBTimestampTZValue || value instanceof DuckDBTimestampValue) {
    return new Date(Number(value.micros / 1000n)).toISOString();
  }
  if (value instanceof DuckDBListValue) return value.items.map(plainValue);
  if (value instanceof DuckDBStructValue) {
    return Object.fromEntries(Object.entries(value.entries).map(([k, v]) => [k, plainValue(v)]));
  }
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value;
}

export function plainRow(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = plainValue(value);
  return out;
}

export const str = (v: unknown): string => String(v);
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const jsonObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'string' && v !== '' ? (JSON.parse(v) as Record<string, unknown>) : {};

/**
 * SQL for a list of texts bound as one JSON array parameter (`$n`): DuckDB's own cast from text to VARCHAR[] does
 * not read JSON escapes (a quote, backslash or control character in a value would come out changed), while
 * from_json reads the array exactly as JSON.stringify wrote it.
 */
export const textList = (param: string) => `from_json(${param}::JSON, '["VARCHAR"]')`;
