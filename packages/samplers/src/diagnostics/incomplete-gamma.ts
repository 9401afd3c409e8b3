/**
 * ln Γ(x) for x > 0 by the Lanczos approximation with g = 7 and nine
 * coefficients (Lanczos 1964; the coefficient set popularised by Godfrey and
 * used in Numerical Recipes' `gammln` family), relative error below 1e-14.
 * The reflection formula covers x < 0.5.
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let series = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) series += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

const EPSILON = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000_000;

/**
 * The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a),
 * for a > 0 and x ≥ 0 (Abramowitz & Stegun 6.5.3; Numerical Recipes §6.2):
 * for x < a + 1 by the series of P(a, x) (A&S 6.5.29) and Q = 1 − P; otherwise
 * by the continued fraction for Γ(a, x) (A&S 6.5.31) evaluated with the modified
 * Lentz method. Both converge in O(√a) terms, so large a (many degrees of
 * freedom) is fine.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError(`regularizedGammaQ: need a > 0 and x ≥ 0, got a=${a}, x=${x}`);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  // ln of the common prefactor x^a e^−x / Γ(a).
  const logPrefactor = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) return 1 - Math.exp(logPrefactor) * lowerSeries(a, x);
  return Math.exp(logPrefactor) * upperContinuedFraction(a, x);
}

/** Σ_{n≥0} x^n / (a (a+1) … (a+n)), so that P(a, x) = prefactor · series. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) return sum;
  }
  throw new Error(`regularizedGammaQ: series did not converge for a=${a}, x=${x}`);
}

/** 1 / (x + 1 − a − 1·(1−a) / (x + 3 − a − 2·(2−a) / (x + 5 − a − …))), so that Q(a, x) = prefactor · fraction. */
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let fraction = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < EPSILON) return fraction;
  }
  throw new Error(`regularizedGammaQ: continued fraction did not converge for a=${a}, x=${x}`);
}

/** P(χ²_df ≥ x), the chi-square survival function: Q(df/2, x/2). */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  if (x <= 0) return 1;
  return regularizedGammaQ(degreesOfFreedom / 2, x / 2);
}
