import { describe, expect, it } from 'vitest';
import { plantedEffects } from './effects.js';
import { measureEffects } from './measure-effects.js';

/**
 * The effects docs/demo-world.md promises, recovered from the generated records of the default demo world
 * (seed 1, 20,000 customers). Tolerances cover sampling noise at these sample sizes; a broken effect (no gap, or
 * a reversed one) fails.
 */
describe('planted cause and effect in the demo world', () => {
  const measured = measureEffects({ seed: 1, customers: 20_000 });

  it('late deliveries lower CSAT after delivery: 2.4 vs 4.3 on 1–5', () => {
    const { late, onTime, n } = measured.csatAfterDelivery;
    expect(n).toBeGreaterThan(2000);
    expect(late).toBeCloseTo(plantedEffects.csatAfterDelivery.late, 0);
    expect(Math.abs(late - 2.4)).toBeLessThan(0.2);
    expect(Math.abs(onTime - 4.3)).toBeLessThan(0.1);
  });

  it('a slow checkout page (LCP > 4 s) lowers conversion: 18 % vs 31 %', () => {
    const { slow, fast, n } = measured.checkoutConversion;
    expect(n).toBeGreaterThan(10_000);
    expect(Math.abs(slow - plantedEffects.checkoutConversion.slow)).toBeLessThan(0.025);
    expect(Math.abs(fast - plantedEffects.checkoutConversion.fast)).toBeLessThan(0.025);
  });

  it('a bad support contact precedes cancellations: 35 % vs 4 % within 30 days', () => {
    const { bad, good, n } = measured.cancellationAfterSupport;
    expect(n).toBeGreaterThan(200);
    expect(bad).toBeGreaterThan(0.25);
    expect(good).toBeLessThan(0.1);
    expect(bad - good).toBeGreaterThan(0.2);
  });

  it('late deliveries raise churn (no further visit): about 20 % vs 5 % planted, plus natural lapses', () => {
    const { late, onTime } = measured.churnAfterDelivery;
    expect(late - onTime).toBeGreaterThan(0.1);
  });

  it('late deliveries and bad support lower NPS: about −40 vs +35', () => {
    expect(measured.nps.unhappy).toBeLessThan(-25);
    expect(measured.nps.happy).toBeGreaterThan(25);
  });

  it("the app's checkout degrades in ISO week 37: checkout CSAT about 2.2 vs 4.1", () => {
    const { degraded, normal, n } = measured.checkoutCsat;
    expect(n).toBeGreaterThan(10);
    expect(normal - degraded).toBeGreaterThan(1.2);
  });
});
