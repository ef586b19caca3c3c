import { describe, expect, it } from 'vitest';
import { changeTone, formatChange, formatKpi, formatP } from './kpi-format';
import { kpiQuery, topMovers, trendInterval, trendQuery } from './kpi-plan';
import type { KpiGroup, KpiResult } from './overview-api';

const group = (key: string | null, change: number | null, significant: boolean | null): KpiGroup => ({
  key,
  current: { value: 50, n: 40, ci: null },
  previous: change === null ? null : { value: 50 - change, n: 40, ci: null },
  change,
  significance: significant === null ? null : { test: 'z', pValue: significant ? 0.01 : 0.4, significant },
});
const result = (groups: KpiGroup[]): KpiResult => ({ kind: 'kpi', metric: 'x', previousRange: null, groups });

describe('overview queries', () => {
  it('asks for the KPI with the previous period, and a breakdown only when given', () => {
    const scope = { timeRange: { last: '30d' as const } };
    expect(kpiQuery('nps', scope)).toEqual({
      kind: 'kpi',
      metric: 'nps',
      timeRange: { last: '30d' },
      compare: true,
    });
    expect(kpiQuery('csat', scope, 'channel')).toMatchObject({ breakdown: 'channel', compare: true });
    expect(trendQuery('ces', scope, 'week')).toEqual({
      kind: 'trend',
      metric: 'ces',
      timeRange: { last: '30d' },
      interval: 'week',
    });
  });

  it('picks trend buckets by the length of the range', () => {
    expect(trendInterval({})).toBe('day');
    expect(trendInterval({ from: '2026-01-01', to: '2026-01-31' })).toBe('day');
    expect(trendInterval({ from: '2026-01-01', to: '2026-02-01' })).toBe('week');
    expect(trendInterval({ from: '2026-01-01', to: '2026-07-02' })).toBe('week');
    expect(trendInterval({ from: '2026-01-01', to: '2026-07-03' })).toBe('month');
  });
});

describe('what changed most', () => {
  it('ranks significant moves first, then by size, and skips keyless, unchanged and one-period groups', () => {
    const movers = topMovers([
      {
        metric: 'nps',
        breakdown: 'channel',
        result: result([group('web', -30, false), group('email', 8, true), group(null, 50, true)]),
      },
      {
        metric: 'csat',
        breakdown: 'touchpoint',
        result: result([group('tp-1', 12, true), group('tp-2', 0, null), group('tp-3', null, null)]),
      },
      { metric: 'conversion_rate', breakdown: 'stage', result: undefined },
    ]);
    expect(movers.map((m) => `${m.metric}/${m.key}`)).toEqual(['csat/tp-1', 'nps/email', 'nps/web']);
    expect(
      topMovers(
        [
          {
            metric: 'nps',
            breakdown: 'channel',
            result: result([group('a', 1, false), group('b', 2, false)]),
          },
        ],
        1,
      ),
    ).toHaveLength(1);
  });
});

describe('KPI formatting', () => {
  it('reads rates in percent, NPS in points and CES on its scale, in the person’s language', () => {
    expect(formatKpi('nps', 20, 'en')).toBe('20');
    expect(formatKpi('csat', 66.66666, 'en')).toBe('66.7 %');
    expect(formatKpi('csat', 66.66666, 'de')).toBe('66,7 %');
    expect(formatKpi('ces', 5, 'en')).toBe('5');
    expect(formatKpi('churn_rate', null, 'en')).toBe('–');
    expect(formatChange('nps', 120, 'en')).toBe('+120.0');
    expect(formatChange('ces', -0.25, 'de')).toBe('-0,25');
    expect(formatP(0.000412, 'en')).toBe('0.00041');
  });

  it('colours a change by meaning: rising churn is bad news', () => {
    expect(changeTone('nps', 3)).toBe('good');
    expect(changeTone('churn_rate', 3)).toBe('bad');
    expect(changeTone('churn_rate', -3)).toBe('good');
    expect(changeTone('csat', 0)).toBe('neutral');
  });
});
