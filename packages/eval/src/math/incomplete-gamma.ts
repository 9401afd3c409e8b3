import { logGamma } from "./log-gamma.js";

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
