// Benchmarks (analogy, word similarity), the statistics to compare embeddings on them, and the dataset registry.
export { BenchmarkError } from "./errors.js";
export { skippedLines, type SkippedLines } from "./skipped-lines.js";
export { parseAnalogies, readAnalogies, type AnalogyQuestion, type AnalogySet } from "./analogy/questions-file.js";
export {
  evaluateAnalogies,
  type AnalogyMethod,
  type AnalogyOptions,
  type AnalogyResult,
  type QuestionOutcome,
  type QuestionStatus,
  type Score,
  type SectionScore,
} from "./analogy/evaluate-analogies.js";
export { restrictedVocab } from "./analogy/restricted-vocab.js";
export { parsePairs, readPairs, pythonFloat, type PairDelimiter, type PairSet, type WordPair } from "./similarity/pairs-file.js";
export { evaluateWordPairs, type WordPairOptions, type WordPairResult } from "./similarity/evaluate-word-pairs.js";
export { pearson, pearsonPValue, spearman, spearmanPValue, type Correlation } from "./math/correlation.js";
export { averageRanks } from "./math/ranks.js";
export { incompleteBeta } from "./math/incomplete-beta.js";
export { logGamma } from "./math/log-gamma.js";
export { studentTCdf, studentTQuantile } from "./math/student-t.js";
export { bootstrapCI, bootstrapReplicates, type BootstrapOptions, type ConfidenceInterval, type ResampledStatistic } from "./stats/bootstrap-ci.js";
export { bootstrapPValue } from "./stats/bootstrap-p-value.js";
export { accuracyCI } from "./stats/accuracy-ci.js";
export { correlationCI, type CorrelationCIOptions } from "./stats/correlation-ci.js";
export { resampledCorrelation, type CorrelationMethod } from "./stats/resampled-correlation.js";
export { pairedBootstrapCorrelationDifference, type CorrelationDifference, type PairedBootstrapOptions } from "./stats/paired-bootstrap.js";
export { mcnemarExact, type McNemarResult } from "./stats/mcnemar.js";
export { signTestPValue } from "./stats/sign-test.js";
export { holm } from "./stats/holm.js";
export { pairedMeanDifference, type MeanDifference } from "./stats/paired-difference.js";
export { equivalenceTest, type EquivalenceResult } from "./stats/equivalence-test.js";
export { percentile } from "./stats/percentile.js";
export { DATASETS, getDataset, type Dataset, type DatasetFormat, type DatasetKind } from "./datasets/registry.js";
export { cacheDirectory, dataDirectory } from "./datasets/directories.js";
export { locateDataset, type DatasetLocation } from "./datasets/locate.js";
export { verifyDataset } from "./datasets/verify.js";
export { DEFAULT_FETCH_TIMEOUTS, fetchDataset, type FetchOptions, type FetchResult } from "./datasets/fetch.js";
