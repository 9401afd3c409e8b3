import { BenchmarkError } from "../errors.js";
import {
  bootstrapReplicates,
  bootstrapSettings,
  identityIndices,
  percentileInterval,
  type BootstrapOptions,
} from "./bootstrap-ci.js";
import { bootstrapPValue } from "./bootstrap-p-value.js";
import { resampledCorrelation, type CorrelationMethod } from "./resampled-correlation.js";

/** Options of {@link pairedBootstrapCorrelationDifference}. */
export interface PairedBootstrapOptions extends BootstrapOptions {
  /** Spearman's rho (the default) or Pearson's r. */
  method?: CorrelationMethod;
}

/** The result of {@link pairedBootstrapCorrelationDifference}. */
export interface CorrelationDifference {
  /** corr(gold, A) − corr(gold, B) on all pairs. */
  difference: number;
  /** Percentile bootstrap interval of the difference. */
  lower: number;
  upper: number;
  /** Two-sided bootstrap p-value of "no difference": min(1, 2·min(#{Δ* ≤ 0} + 1, #{Δ* ≥ 0} + 1) / (B + 1)). */
  pValue: number;
  resamples: number;
  confidence: number;
  /** Resamples where either correlation was undefined (constant resample); left out. */
  undefinedResamples: number;
}

/**
 * Paired bootstrap test of the difference between two embeddings' correlations
 * with the same gold scores (word pairs resampled jointly, so both models see
 * the same resample; Efron & Tibshirani 1993, §16.4). Δ* = corr*(gold, A) −
 * corr*(gold, B) on each of B resamples; the interval is the percentile
 * interval of Δ*, and the two-sided p-value is {@link bootstrapPValue} of the
 * replicates: min(1, 2·min(#{Δ* ≤ 0} + 1, #{Δ* ≥ 0} + 1) / (B' + 1)) over the B'
 * finite ones (Davison & Hinkley 1997, §4.2).
 *
 * @throws BenchmarkError when the three score lists differ in length.
 */
export function pairedBootstrapCorrelationDifference(
  gold: ArrayLike<number>,
  modelA: ArrayLike<number>,
  modelB: ArrayLike<number>,
  options: PairedBootstrapOptions = {},
): CorrelationDifference {
  const { resamples, confidence, seed } = bootstrapSettings(options);
  const method = options.method ?? "spearman";
  if (modelA.length !== gold.length || modelB.length !== gold.length) {
    throw new BenchmarkError(
      `pairedBootstrapCorrelationDifference: gold, modelA and modelB have ${gold.length}, ${modelA.length} and ${modelB.length} scores; they must be the same word pairs`,
    );
  }
  const a = resampledCorrelation(gold, modelA, method, "pairedBootstrapCorrelationDifference (modelA)");
  const b = resampledCorrelation(gold, modelB, method, "pairedBootstrapCorrelationDifference (modelB)");
  const delta = (indices: Int32Array): number => a(indices) - b(indices);
  const replicates = bootstrapReplicates(gold.length, delta, resamples, seed);
  const interval = percentileInterval(replicates, confidence);
  const pValue = bootstrapPValue(replicates);
  return { difference: delta(identityIndices(gold.length)), ...interval, pValue, resamples, confidence };
}
