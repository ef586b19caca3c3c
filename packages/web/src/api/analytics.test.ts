import { describe, expect, it } from 'vitest';
import { scopeOf, startOfDay } from './analytics';

describe('global filters as a query scope', () => {
  it('starts days at local midnight in the workspace time zone, across DST changes', () => {
    expect(startOfDay('2026-01-15', 'Europe/Berlin').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDay('2026-07-15', 'Europe/Berlin').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // 29 March 2026: clocks go forward at 02:00 in Berlin; the day still starts at 00:00 CET.
    expect(startOfDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDay('2026-01-15', 'UTC').toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });

  it('makes the last day inclusive and turns channel, touchpoint and segment into filters', () => {
    expect(scopeOf({ from: '2026-01-01', to: '2026-01-31', channel: 'web' }, 'UTC')).toEqual({
      timeRange: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' },
      filters: [{ field: 'channel', op: 'eq', value: 'web' }],
    });
    expect(scopeOf({}, 'Europe/Berlin')).toEqual({ timeRange: { last: '30d' } });
    expect(scopeOf({ segment: 'plus' }, 'UTC')).toEqual({
      timeRange: { last: '30d' },
      filters: [{ field: 'segment', op: 'eq', value: 'plus' }],
    });
  });
});
