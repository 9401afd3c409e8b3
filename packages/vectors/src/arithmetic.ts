/**
 * @neglab/vectors/arithmetic — the arithmetic the similarity queries rank by,
 * for code that computes the same scores another way (e.g. @neglab/eval's
 * batched analogy scan) and must rank rows exactly as `mostSimilar` and
 * `mostSimilarCosmul` do: the dot product's summation order and gensim's
 * 3CosMul constant.
 */
export { dot } from "./dot.js";
export { COSMUL_EPSILON } from "./most-similar-cosmul.js";
