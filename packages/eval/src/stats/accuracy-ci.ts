import { BenchmarkError } from "../errors.js";
import { bootstrapCI, type BootstrapOptions, type ConfidenceInterval } from "./bootstrap-ci.js";

/**
 * Per-item 0/1 values from booleans or numbers 0 and 1.
 * @throws BenchmarkError naming the first index holding anything else.
 */
export function binaryOutcomes(outcomes: ArrayLike<number | boolean>, what = "outcomes"): Uint8Array {
  const values = new Uint8Array(outcomes.length);
  for (let i = 0; i < outcomes.length; i++) {
    const v = outcomes[i];
    if (v === true || v === 1) values[i] = 1;
    else if (v !== false && v !== 0)
      throw new BenchmarkError(`${what}[${i}] is ${JSON.stringify(v)}; expected 0, 1, true or false`);
  }
  return values;
}

/**
 * Percentile bootstrap confidence interval of an accuracy, the mean of per-item
 * 0/1 (or boolean) outcomes, e.g. the correctness of each analogy question (see
 * {@link bootstrapCI}).
 */
export function accuracyCI(outcomes: ArrayLike<number | boolean>, options: BootstrapOptions = {}): ConfidenceInterval {
  const values = binaryOutcomes(outcomes);
  const n = values.length;
  return bootstrapCI(
    n,
    (indices) => {
      let correct = 0;
      for (let i = 0; i < n; i++) correct += values[indices[i]];
      return correct / n;
    },
    options,
  );
}
