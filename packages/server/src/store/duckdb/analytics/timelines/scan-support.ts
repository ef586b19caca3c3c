import type { PlannedFilter } from '../../../analytics-port.js';
import { compareCodePoints } from './timeline-columns.js';

/**
 * Microseconds since the epoch of an ISO-8601 instant, keeping digits below the millisecond that Date drops
 * (plans carry what the caller sent; DuckDB reads the same string to the microsecond).
 */
export function microsOf(iso: string): number {
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? '';
  const wholeSeconds = Date.parse(iso.replace(/\.\d+/, ''));
  return wholeSeconds * 1000 + Number(fraction.slice(0, 6).padEnd(6, '0'));
}

export const rangeOf = (plan: { from: string; to: string }) => ({
  fromUs: microsOf(plan.from),
  toUs: microsOf(plan.to),
});

/**
 * DuckDB's quantile_cont: linear interpolation between the two closest ranks of sorted values, written as DuckDB
 * writes it for doubles (lo·(1−d) + hi·d, which can differ from lo + d·(hi−lo) in the last bit); null when empty.
 */
export function continuousQuantile(sorted: Float64Array, q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * q;
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const lo = sorted[below] as number;
  const d = rank - below;
  return below === above ? lo : lo * (1 - d) + (sorted[above] as number) * d;
}

/** Dictionary codes in DuckDB's order of their names, NULL (a negative code) first. */
export function sortedKeys(keys: Map<number, unknown>, dictionary: { names: string[] }): number[] {
  return [...keys.keys()].sort((a, b) =>
    a < 0 || b < 0 ? a - b : compareCodePoints(dictionary.names[a] as string, dictionary.names[b] as string),
  );
}

/** A filter on the channel the timelines can apply: equal, not equal or one of, compared as text. */
export const isChannelFilter = (f: PlannedFilter): boolean =>
  f.field.kind === 'column' &&
  f.field.name === 'channel' &&
  (f.op === 'in' ? Array.isArray(f.value) : (f.op === 'eq' || f.op === 'neq') && typeof f.value === 'string');

/**
 * allowed[channel code] = 1 when events on that channel pass every filter (as filterSql in fields.ts: `eq` and
 * `in` are false for a missing channel, `neq` is IS DISTINCT FROM). Index −1 + 1 = 0 stands for no channel.
 */
export function allowedChannels(filters: PlannedFilter[], channels: { names: string[] }): Uint8Array {
  const allowed = new Uint8Array(channels.names.length + 1).fill(1);
  for (const f of filters) {
    const values = new Set((Array.isArray(f.value) ? f.value : [f.value]).map(String));
    if (f.op !== 'neq') allowed[0] = 0;
    channels.names.forEach((name, code) => {
      const passes = f.op === 'neq' ? !values.has(name) : values.has(name);
      if (!passes) allowed[code + 1] = 0;
    });
  }
  return allowed;
}
