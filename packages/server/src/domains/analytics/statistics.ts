/**
 * Confidence intervals and significance tests for KPI comparisons. Two-sided tests at the 5% level.
 */

export interface Significance {
  test: 'two-proportion z' | 'nps z' | 'welch t';
  statistic: number;
  pValue: number;
  significant: boolean;
}

/** Standard normal CDF via erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

const twoSidedZ = (z: number) => 2 * (1 - normalCdf(Math.abs(z)));

/** ln Γ(x), Lanczos approximation (Numerical Recipes 6.1). */
function logGamma(x: number): number {
  const c = [
    76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2,
    -0.5395239384953e-5,
  ];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let ser = 1.000000000190015;
  for (const coefficient of c) ser += coefficient / ++y;
  return -tmp + Math.log((2.5066282746310007 * ser) / x);
}

/** Continued fraction for the incomplete beta function (Numerical Recipes 6.4, betacf). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-30;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 200; m++) {
    const m2 = 2 * m;
    for (const aa of [
      (m * (b - m) * x) / ((a + m2 - 1) * (a + m2)),
      (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1)),
    ]) {
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-12) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Two-sided p-value of Student's t with `df` degrees of freedom: I_{df/(df+t²)}(df/2, 1/2). */
export function studentTwoSidedP(t: number, df: number): number {
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

const result = (test: Significance['test'], statistic: number, pValue: number): Significance => ({
  test,
  statistic,
  pValue,
  significant: pValue < 0.05,
});

/** Pooled two-proportion z-test (e.g. Agresti, Categorical Data Analysis, 3.1): rates such as CSAT or conversion. */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): Significance | null {
  if (n1 === 0 || n2 === 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return null;
  const z = (x1 / n1 - x2 / n2) / se;
  return result('two-proportion z', z, twoSidedZ(z));
}

export interface NpsStats {
  n: number;
  promoters: number;
  detractors: number;
}

/**
 * NPS = %promoters (9–10) − %detractors (0–6); as a fraction its variance is (pP + pD − (pP − pD)²)/n
 * (the variance of a variable scoring +1/0/−1), and the 95% CI is ±1.96·√var. Reported ×100.
 */
export function npsWithInterval({ n, promoters, detractors }: NpsStats) {
  if (n === 0) return { value: null, ci: null, variance: null };
  const pP = promoters / n;
  const pD = detractors / n;
  const variance = (pP + pD - (pP - pD) ** 2) / n;
  const half = 1.96 * Math.sqrt(variance);
  return {
    value: 100 * (pP - pD),
    ci: { low: 100 * (pP - pD - half), high: 100 * (pP - pD + half) },
    variance,
  };
}

/** z-test on the NPS difference with the variances above (independent samples). */
export function npsDifferenceZ(current: NpsStats, previous: NpsStats): Significance | null {
  const a = npsWithInterval(current);
  const b = npsWithInterval(previous);
  if (a.value === null || b.value === null || a.variance === null || b.variance === null) return null;
  const se = Math.sqrt(a.variance + b.variance);
  if (se === 0) return null;
  const z = (a.value - b.value) / 100 / se;
  return result('nps z', z, twoSidedZ(z));
}

export interface MeanStats {
  n: number;
  sum: number;
  sumOfSquares: number;
}

export function sampleVariance({ n, sum, sumOfSquares }: MeanStats): number {
  return n < 2 ? 0 : Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
}

/** Welch's unequal-variances t-test (Welch 1947), degrees of freedom by Welch–Satterthwaite. */
export function welchT(x: MeanStats, y: MeanStats): Significance | null {
  if (x.n < 2 || y.n < 2) return null;
  const vx = sampleVariance(x) / x.n;
  const vy = sampleVariance(y) / y.n;
  if (vx + vy === 0) return null;
  const t = (x.sum / x.n - y.sum / y.n) / Math.sqrt(vx + vy);
  const df = (vx + vy) ** 2 / (vx ** 2 / (x.n - 1) + vy ** 2 / (y.n - 1));
  return result('welch t', t, studentTwoSidedP(t, df));
}

const z95 = 1.959964;

/**
 * Wilson score interval for a proportion x/n (Wilson 1927), 95%:
 * (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Stays inside [0, 1] and behaves at p = 0 or 1.
 */
export function wilsonInterval(x: number, n: number): { low: number; high: number } | null {
  if (n === 0) return null;
  const p = x / n;
  const z2 = z95 * z95;
  const centre = p + z2 / (2 * n);
  const half = z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: (centre - half) / (1 + z2 / n), high: (centre + half) / (1 + z2 / n) };
}

/**
 * 95% interval of p1 − p2 for independent proportions: Newcombe's hybrid score interval (Newcombe 1998, "Interval
 * estimation for the difference between independent proportions", method 10), from the Wilson intervals
 * (l1, u1), (l2, u2): [d − √((p1 − l1)² + (u2 − p2)²), d + √((u1 − p1)² + (p2 − l2)²)], d = p1 − p2.
 * Unlike the plain normal approximation (Wald) it keeps its coverage for small samples and rates near 0 or 1.
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number) {
  const a = wilsonInterval(x1, n1);
  const b = wilsonInterval(x2, n2);
  if (a === null || b === null) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  return {
    difference: d,
    low: d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
  };
}
