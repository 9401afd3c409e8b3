import { studentTCdf } from "../math/student-t.js";
import { pairedMeanDifference, type MeanDifference } from "./paired-difference.js";

/** The outcome of a two one-sided tests (TOST) equivalence test. */
export interface EquivalenceResult {
  /** The paired mean difference and its two-sided (1 − 2·level) interval. */
  readonly difference: MeanDifference;
  /** The equivalence margin Δ: equivalence means −Δ < true mean < Δ. */
  readonly margin: number;
  /** p of H₀: mean ≤ −Δ (the lower one-sided test). */
  readonly pLower: number;
  /** p of H₀: mean ≥ +Δ (the upper one-sided test). */
  readonly pUpper: number;
  /** The TOST p-value, max(pLower, pUpper). */
  readonly pValue: number;
  /** The significance level the verdict uses. */
  readonly level: number;
  /** True when both one-sided tests reject at `level`: the mean difference lies within ±Δ. */
  readonly equivalent: boolean;
}

/**
 * Schuirmann's (1987) two one-sided tests for equivalence of paired samples:
 * with t₁ = (d̄ + Δ)/se and t₂ = (d̄ − Δ)/se on n − 1 degrees of freedom,
 * pLower = P(T ≥ t₁), pUpper = P(T ≤ t₂), and the means are declared
 * equivalent within ±Δ at level α when both are below α — the same as the
 * (1 − 2α) paired t interval lying inside (−Δ, Δ) (Lakens 2017, "Equivalence
 * tests", Soc. Psychol. Personal. Sci. 8(4)). A difference that is not
 * significantly non-zero is not thereby equivalent: too few pairs give
 * `equivalent: false`. With no spread (se = 0) the verdict is |d̄| < Δ.
 */
export function equivalenceTest(differences: ArrayLike<number>, margin: number, level = 0.05): EquivalenceResult {
  if (!(margin > 0 && Number.isFinite(margin)))
    throw new RangeError(`equivalenceTest: margin must be a positive number, got ${margin}`);
  if (!(level > 0 && level < 0.5)) throw new RangeError(`equivalenceTest: level must be in (0, 0.5), got ${level}`);
  const difference = pairedMeanDifference(differences, 1 - 2 * level);
  const { mean, standardError: se, df } = difference;
  let pLower: number;
  let pUpper: number;
  if (se === 0) {
    pLower = mean > -margin ? 0 : 1;
    pUpper = mean < margin ? 0 : 1;
  } else {
    pLower = 1 - studentTCdf((mean + margin) / se, df);
    pUpper = studentTCdf((mean - margin) / se, df);
  }
  const pValue = Math.max(pLower, pUpper);
  return { difference, margin, pLower, pUpper, pValue, level, equivalent: pValue < level };
}
