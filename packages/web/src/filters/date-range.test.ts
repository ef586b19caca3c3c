import { describe, expect, it } from 'vitest';
import {
  addDays,
  completeRange,
  daysBetween,
  matchingQuickPick,
  quickPickRange,
  todayIn,
} from './date-range';

describe('filter date ranges', () => {
  it('reads today in the workspace time zone, not the browser’s', () => {
    const lateEvening = new Date('2026-03-28T23:30:00Z');
    expect(todayIn('UTC', lateEvening)).toBe('2026-03-28');
    expect(todayIn('Europe/Berlin', lateEvening)).toBe('2026-03-29');
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-03-28');
  });

  it('counts whole days across a DST change and month ends', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(31);
    expect(daysBetween('2026-03-05', '2026-03-05')).toBe(1);
  });

  it('turns quick picks into whole days ending today and recognises them again', () => {
    expect(quickPickRange('7d', '2026-03-10')).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(quickPickRange('30d', '2026-03-10')).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    expect(quickPickRange('90d', '2026-03-10')).toEqual({ from: '2025-12-11', to: '2026-03-10' });
    expect(quickPickRange('12m', '2024-02-29')).toEqual({ from: '2023-03-02', to: '2024-02-29' });
    expect(daysBetween('2025-12-11', '2026-03-10')).toBe(90);
    expect(matchingQuickPick({ from: '2026-03-04', to: '2026-03-10' }, '2026-03-10')).toBe('7d');
    expect(matchingQuickPick({ from: '2026-03-05', to: '2026-03-10' }, '2026-03-10')).toBeUndefined();
  });

  it('completes a half-entered range and orders reversed ends', () => {
    expect(completeRange({ from: '2026-03-01' }, '2026-03-10')).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
    expect(completeRange({ to: '2026-03-10' }, '2026-03-20')).toEqual({
      from: '2026-02-09',
      to: '2026-03-10',
    });
    expect(completeRange({ from: '2026-03-09', to: '2026-03-01' }, '2026-03-20')).toEqual({
      from: '2026-03-01',
      to: '2026-03-09',
    });
    expect(completeRange({ from: '2026-04-01' }, '2026-03-20')).toEqual({
      from: '2026-04-01',
      to: '2026-04-01',
    });
    expect(completeRange({}, '2026-03-20')).toEqual({});
  });
});
