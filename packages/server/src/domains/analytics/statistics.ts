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
