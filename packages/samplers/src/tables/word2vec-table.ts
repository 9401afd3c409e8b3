import type { SamplerVocabulary } from "../types.js";
import { checkReferenceSum } from "../weights.js";

/** word2vec.c's table size (`const int table_size = 1e8`): 400 MB as an Int32Array. */
export const WORD2VEC_TABLE_SIZE = 100_000_000;

const f32 = Math.fround;

/**
 * word2vec.c's unigram table (`InitUnigramTable`, Mikolov et al. 2013, word2vec.c),
 * reproduced entry for entry including its float32 arithmetic: a table of
 * `size` word ids in which word i fills a run of length ≈ size · count_i^α / Σ count^α;
 * a negative is `table[uniform index]`.
 *
 * Steps, as word2vec.c does them:
 * 1. Σ = Σ_i pow(count_i, α), accumulated in a 64-bit integer (`long long train_words_pow`),
 *    so each addition truncates: the sum is underestimated by up to 1 per word.
 *    `integerSum: false` uses the exact sum instead.
 * 2. d1 (float32) = pow(count_0, α) / Σ, the cumulative share reached so far.
 * 3. For each entry a: write the current word i; if (float)a / (float)size > d1, move to
 *    the next word and add its share to d1. Past the last word, stay on it.
 *
 * Because Σ is underestimated, d1 can pass 1 before the last word: the rarest words
 * then get no entry and are never drawn (with the 12-word example and α = 0.75,
 * the last three words get none). α itself is a float32, as `real power = 0.75` is.
 *
 * word2vec.c also replaces a drawn id 0 (its sentence-end token `</s>`) by a uniform
 * word; NegLab vocabularies have no `</s>`, so that step does not apply.
 */
export function buildWord2vecTable(
  vocabulary: SamplerVocabulary,
  alpha: number,
  size: number,
  integerSum: boolean,
): Int32Array {
  const counts = vocabulary.counts;
  const vocabSize = counts.length;
  const power = f32(alpha);
  let sum = 0;
  for (let i = 0; i < vocabSize; i++) {
    sum += Math.pow(counts[i], power);
    if (integerSum) sum = Math.trunc(sum);
  }
  const sum32 = f32(sum);
  checkReferenceSum(sum32, alpha, "word2vec-table");
  const size32 = f32(size);
  const table = new Int32Array(size);
  let word = 0;
  let d1 = f32(Math.pow(counts[0], power) / sum32);
  for (let a = 0; a < size; a++) {
    table[a] = word;
    if (f32(f32(a) / size32) > d1) {
      word++;
      // word2vec.c reads the (zeroed) count past the end here; it adds nothing before the clamp below.
      if (word < vocabSize) d1 = f32(d1 + Math.pow(counts[word], power) / sum32);
    }
    if (word >= vocabSize) word = vocabSize - 1;
  }
  return table;
}
