import { describe, expect, it } from 'vitest';
import { ClsAccumulator } from './cls.js';

const shift = (startTime: number, value: number, hadRecentInput = false) => ({
  startTime,
  value,
  hadRecentInput,
});
const cls = (...shifts: ReturnType<typeof shift>[]) => {
  const accumulator = new ClsAccumulator();
  for (const entry of shifts) accumulator.add(entry);
  return accumulator.value;
};

describe('CLS session windows (web.dev/articles/cls)', () => {
  it('is 0 without shifts', () => {
    expect(cls()).toBe(0);
  });

  it('sums shifts less than 1 s apart into one window', () => {
    expect(cls(shift(100, 0.1), shift(900, 0.1), shift(1800, 0.05))).toBeCloseTo(0.25);
  });

  it('starts a new window after a gap of 1 s or more and reports the largest window', () => {
    expect(cls(shift(0, 0.1), shift(500, 0.1), shift(1600, 0.15))).toBeCloseTo(0.2);
  });

  it('closes a window after 5 s even if shifts keep coming', () => {
    const steady = Array.from({ length: 12 }, (_, index) => shift(index * 900, 0.01));
    // 0, 900, …, 4500 fall into the first window (6 shifts); 5400… start the second.
    expect(cls(...steady)).toBeCloseTo(0.06);
  });

  it('ignores shifts right after user input', () => {
    expect(cls(shift(0, 0.3, true), shift(100, 0.05))).toBeCloseTo(0.05);
  });
});
