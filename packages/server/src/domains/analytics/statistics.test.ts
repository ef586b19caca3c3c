import { describe, expect, it } from 'vitest';
import {
  newcombeDifference,
  normalCdf,
  npsWithInterval,
  studentTwoSidedP,
  twoProportionZ,
  welchT,
  wilsonInterval,
} from './statistics.js';

describe('statistics for KPI comparisons (reference values from standard tables)', () => {
  it('normal CDF', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(-1.6449)).toBeCloseTo(0.05, 4);
  });

  it('Student t two-sided p-values', () => {
    expect(studentTwoSidedP(2.228, 10)).toBeCloseTo(0.05, 3);
    expect(studentTwoSidedP(12.706, 1)).toBeCloseTo(0.05, 3);
    expect(studentTwoSidedP(0, 5)).toBeCloseTo(1, 9);
  });

  it('NPS interval: all promoters has zero variance', () => {
    expect(npsWithInterval({ n: 4, promoters: 4, detractors: 0 })).toEqual({
      value: 100,
      ci: { low: 100, high: 100 },
      variance: 0,
    });
    expect(npsWithInterval({ n: 0, promoters: 0, detractors: 0 }).value).toBeNull();
  });

  it('two-proportion z and Welch t on hand-computed samples', () => {
    // 30/100 vs 20/100: pooled 0.25, se = √(0.25·0.75·0.02) = 0.061237, z = 1.63299
    expect(twoProportionZ(30, 100, 20, 100)?.statistic).toBeCloseTo(1.63299, 4);
    expect(twoProportionZ(0, 0, 1, 2)).toBeNull();
    // x = 1,2,3 (mean 2, s² 1); y = 4,5,6,7 (mean 5.5, s² 5/3): t = −3.5/√(1/3 + 5/12) = −4.0415
    const t = welchT({ n: 3, sum: 6, sumOfSquares: 14 }, { n: 4, sum: 22, sumOfSquares: 126 });
    expect(t?.statistic).toBeCloseTo(-4.0415, 3);
    expect(t?.significant).toBe(true);
  });

  it('Newcombe hybrid score interval for a difference of proportions (Newcombe 1998, Table II, method 10)', () => {
    const cases: [number, number, number, number, number, number][] = [
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [6, 7, 2, 7, 0.0582, 0.8062],
      [5, 56, 0, 29, -0.0381, 0.1926],
    ];
    for (const [x1, n1, x2, n2, low, high] of cases) {
      const ci = newcombeDifference(x1, n1, x2, n2);
      expect(ci?.low).toBeCloseTo(low, 4);
      expect(ci?.high).toBeCloseTo(high, 4);
    }
    expect(newcombeDifference(1, 0, 1, 2)).toBeNull();
  });

  it('Wilson interval stays inside [0, 1] at the edges', () => {
    expect(wilsonInterval(0, 10)?.low).toBeCloseTo(0, 12);
    expect(wilsonInterval(10, 10)?.high).toBeCloseTo(1, 12);
    // 0/10: upper bound z²/(n + z²) = 3.8415/13.8415 = 0.2775
    expect(wilsonInterval(0, 10)?.high).toBeCloseTo(0.2775, 4);
  });
});
