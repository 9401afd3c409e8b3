import { BenchmarkError } from "../errors.js";
import { binaryOutcomes } from "./accuracy-ci.js";
import { signTestPValue } from "./sign-test.js";

/** The result of {@link mcnemarExact}. */
export interface McNemarResult {
  /** Items a got wrong (0) and b right (1). */
  n01: number;
  /** Items a got right (1) and b wrong (0). */
  n10: number;
  /** Exact two-sided p-value; 1 when there are no discordant pairs. */
  pValue: number;
}

/**
 * McNemar's (1947) test for two classifiers on the same items, in its exact
 * form: under the null hypothesis of equal accuracy a discordant item is
 * equally likely to favour either, so n10 ~ Binomial(n01 + n10, 1/2), and the
 * two-sided p-value is scipy's `binomtest(n10, n01 + n10, 0.5)` (see
 * {@link signTestPValue}). Inputs: per-item correctness (0/1 or boolean),
 * aligned, e.g. `outcomes.map((o) => o.status === "correct")` of two
 * `evaluateAnalogies` runs on the same file.
 *
 * @throws BenchmarkError when the lengths differ or a value is not 0, 1 or a boolean.
 */
export function mcnemarExact(a: ArrayLike<number | boolean>, b: ArrayLike<number | boolean>): McNemarResult {
  if (a.length !== b.length)
    throw new BenchmarkError(`mcnemarExact: ${a.length} and ${b.length} outcomes; they must be the same items`);
  const x = binaryOutcomes(a, "a");
  const y = binaryOutcomes(b, "b");
  let n01 = 0;
  let n10 = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < y[i]) n01++;
    else if (x[i] > y[i]) n10++;
  }
  return { n01, n10, pValue: signTestPValue(n10, n01 + n10) };
}
