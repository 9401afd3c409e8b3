import { bootstrapCI, type BootstrapOptions, type ConfidenceInterval } from "./bootstrap-ci.js";
import { resampledCorrelation, type CorrelationMethod } from "./resampled-correlation.js";

/** Options of {@link correlationCI}. */
export interface CorrelationCIOptions extends BootstrapOptions {
  /** Spearman's rho (the default, as word-similarity benchmarks report) or Pearson's r. */
  method?: CorrelationMethod;
}

/**
 * Percentile bootstrap confidence interval of the correlation between gold
 * (human) and model scores of the same word pairs, resampling pairs
 * (see {@link bootstrapCI}); `estimate` equals `spearman(gold, model).r`
 * (or `pearson`) up to rounding.
 */
export function correlationCI(
  gold: ArrayLike<number>,
  model: ArrayLike<number>,
  options: CorrelationCIOptions = {},
): ConfidenceInterval {
  const statistic = resampledCorrelation(gold, model, options.method ?? "spearman", "correlationCI");
  return bootstrapCI(gold.length, statistic, options);
}
