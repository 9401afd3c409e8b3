/**
 * @neglab/eval — word-analogy and word-similarity benchmarks scored exactly as
 * gensim 4 scores them, and the registry of standard benchmark datasets.
 *
 * The statistics that compare strategies on these benchmarks (bootstrap
 * intervals, McNemar, Holm, paired t and TOST, correlations with p-values)
 * are the subpath `@neglab/eval/stats`.
 */
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
export { parsePairs, readPairs, type PairDelimiter, type PairSet, type WordPair } from "./similarity/pairs-file.js";
export { evaluateWordPairs, type WordPairOptions, type WordPairResult } from "./similarity/evaluate-word-pairs.js";
export type { Correlation } from "./math/correlation.js";
export { DATASETS, getDataset, type Dataset, type DatasetFormat, type DatasetKind } from "./datasets/registry.js";
export { cacheDirectory, dataDirectory } from "./datasets/directories.js";
export { locateDataset, type DatasetLocation } from "./datasets/locate.js";
export { verifyDataset } from "./datasets/verify.js";
export { DEFAULT_FETCH_TIMEOUTS, fetchDataset, type FetchOptions, type FetchResult } from "./datasets/fetch.js";
