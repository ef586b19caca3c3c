import { describe, expect, it } from 'vitest';
import { parseGlobalFilters, serialiseGlobalFilters } from './global-filters';

describe('global filters in the query string', () => {
  it('round-trips in a fixed key order', () => {
    const filters = { segment: 'vip', from: '2026-01-01', to: '2026-01-31', channel: 'web' };
    const search = serialiseGlobalFilters(filters);
    expect(search).toBe('?from=2026-01-01&to=2026-01-31&channel=web&segment=vip');
    expect(parseGlobalFilters(search)).toEqual(filters);
  });

  it('drops malformed dates, empty values and unknown keys', () => {
    expect(parseGlobalFilters('?from=yesterday&to=&channel=%20&x=1&touchpoint=t1')).toEqual({
      touchpoint: 't1',
    });
    expect(serialiseGlobalFilters({})).toBe('');
  });
});
