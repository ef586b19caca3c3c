/**
 * The cause-and-effect planted in the demo world, in one place so docs/demo-world.md, the generator and the tests
 * that check the analyses recover them all read the same numbers. Score tables are probabilities of 1, 2, … (CSAT
 * 1–5, CES 1–7) or of 0–10 (NPS); their means are exact, e.g. 1·.27 + 2·.30 + 3·.24 + 4·.14 + 5·.05 = 2.40.
 */

const mean = (weights: readonly number[], first: number) =>
  weights.reduce((sum, weight, k) => sum + weight * (first + k), 0);

/** CSAT 1–5 after a delivery: late deliveries lower it (2.4 vs 4.3). */
export const csatAfterDelivery = {
  late: [0.27, 0.3, 0.24, 0.14, 0.05],
  onTime: [0.02, 0.04, 0.09, 0.32, 0.53],
} as const;

/** CSAT 1–5 after a support contact: a bad resolution lowers it (1.9 vs 4.2). */
export const csatAfterSupport = {
  bad: [0.45, 0.3, 0.15, 0.07, 0.03],
  good: [0.02, 0.03, 0.1, 0.43, 0.42],
} as const;

/** CSAT 1–5 on the checkout survey: the app's checkout degrades in ISO week 37 (2.2 vs 4.1). */
export const csatAfterCheckout = {
  degraded: [0.3, 0.35, 0.22, 0.09, 0.04],
  normal: [0.02, 0.05, 0.12, 0.42, 0.39],
} as const;

/** CES 1–7 after checkout (7 = very easy): slow checkout pages and the degraded week make it harder. */
export const cesAfterCheckout = {
  hard: [0.15, 0.2, 0.22, 0.18, 0.13, 0.08, 0.04],
  easy: [0.01, 0.02, 0.05, 0.12, 0.25, 0.3, 0.25],
} as const;

/**
 * NPS 0–10 (relationship survey, quarterly): customers who had a late delivery or a bad support contact in the
 * 90 days before are unhappy. Promoters/passives/detractors: unhappy 15/30/55 % → NPS −40; happy 50/35/15 % → +35.
 */
export const npsScores = {
  unhappy: [0.05, 0.05, 0.06, 0.08, 0.08, 0.11, 0.12, 0.15, 0.15, 0.1, 0.05],
  happy: [0.01, 0.01, 0.01, 0.02, 0.02, 0.03, 0.05, 0.15, 0.2, 0.28, 0.22],
} as const;

export const plantedEffects = {
  /** Share of shipped orders delivered late (1–6 days). */
  lateDeliveryShare: 0.15,
  csatAfterDelivery: { late: mean(csatAfterDelivery.late, 1), onTime: mean(csatAfterDelivery.onTime, 1) },
  /** Share of web checkout page loads whose LCP exceeds 4 s (Core Web Vitals "poor" threshold). */
  slowCheckoutShare: 0.3,
  slowLcpMs: 4000,
  /** Web checkouts started that end in an order: 18 % with a slow checkout page, 31 % otherwise. */
  checkoutConversion: { slow: 0.18, fast: 0.31 },
  /** Customers who stop all activity right after a delivery: late 20 %, on time 5 %. */
  churnAfterDelivery: { late: 0.2, onTime: 0.05 },
  /** Share of support tickets closed with a bad resolution. */
  badSupportShare: 0.3,
  csatAfterSupport: { bad: mean(csatAfterSupport.bad, 1), good: mean(csatAfterSupport.good, 1) },
  /** Subscribers who cancel Nordlicht Plus within 30 days of a closed ticket: bad 35 %, good 4 %. */
  cancellationAfterSupport: { bad: 0.35, good: 0.04 },
  nps: { unhappy: -40, happy: 35 },
  /** The app's checkout in ISO week 37 of the world's year: checkout CSAT 2.2 instead of 4.1. */
  degradedTouchpoint: {
    channel: 'app',
    step: 'checkout',
    isoWeek: 37,
    csat: { degraded: mean(csatAfterCheckout.degraded, 1), normal: mean(csatAfterCheckout.normal, 1) },
  },
} as const;
