import { describe, expect, it } from 'vitest';
import { parseGlobalFilters, serialiseGlobalFilters, withFilters, withoutFilters } from './global-filters';

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

describe('changing filters', () => {
  it('keeps the others and removes a filter set to empty', () => {
    const current = '?from=2026-01-01&to=2026-01-31&channel=web';
    expect(withFilters(current, { channel: 'email' })).toBe('?from=2026-01-01&to=2026-01-31&channel=email');
    expect(withFilters(current, { channel: '' })).toBe('?from=2026-01-01&to=2026-01-31');
    expect(withFilters(current, { touchpoint: 'tp 1&x' })).toBe(
      '?from=2026-01-01&to=2026-01-31&channel=web&touchpoint=tp+1%26x',
    );
  });

  it("keeps the screen's own parameters, also when all filters are reset", () => {
    const search = '?survey=s1&channel=web&view=funnel&step=e%3AA&step=e%3AB';
    expect(withFilters(search, { channel: 'email' })).toBe(
      '?channel=email&survey=s1&view=funnel&step=e%3AA&step=e%3AB',
    );
    expect(withoutFilters(search)).toBe('?survey=s1&view=funnel&step=e%3AA&step=e%3AB');
  });
});
