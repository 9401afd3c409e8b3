// Benchmarks (analogy, word similarity) and their statistics helpers.
export { EvalError } from "./errors.js";
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
