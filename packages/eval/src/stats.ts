/**
 * @neglab/eval/stats — the statistics that compare strategies and trainers on
 * benchmark results: seeded bootstrap intervals and p-values, exact McNemar,
 * paired bootstrap of a correlation difference, Holm's correction, the paired
 * t interval and TOST equivalence over seeds; Pearson and Spearman with
 * scipy's p-values; and the special functions behind them (Student's t, the
 * chi-square survival function, ln Γ), written once for the whole workspace.
 */
export { pearson, pearsonPValue, spearman, spearmanPValue, type Correlation } from "./math/correlation.js";
export { averageRanks } from "./math/ranks.js";
export { logGamma } from "./math/log-gamma.js";
export { studentTCdf, studentTQuantile } from "./math/student-t.js";
export { chiSquareSurvival } from "./math/incomplete-gamma.js";
export {
  bootstrapCI,
  bootstrapReplicates,
  type BootstrapOptions,
  type ConfidenceInterval,
  type ResampledStatistic,
} from "./stats/bootstrap-ci.js";
export { bootstrapPValue } from "./stats/bootstrap-p-value.js";
export { accuracyCI } from "./stats/accuracy-ci.js";
export { correlationCI, type CorrelationCIOptions } from "./stats/correlation-ci.js";
export { resampledCorrelation, type CorrelationMethod } from "./stats/resampled-correlation.js";
export {
  pairedBootstrapCorrelationDifference,
  type CorrelationDifference,
  type PairedBootstrapOptions,
} from "./stats/paired-bootstrap.js";
export { mcnemarExact, type McNemarResult } from "./stats/mcnemar.js";
export { signTestPValue } from "./stats/sign-test.js";
export { holm } from "./stats/holm.js";
export { pairedMeanDifference, type MeanDifference } from "./stats/paired-difference.js";
export { equivalenceTest, type EquivalenceResult } from "./stats/equivalence-test.js";
