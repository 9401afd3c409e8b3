import type { SamplerVocabulary } from "../types.js";
import { checkReferenceSum } from "../weights.js";

/** fastText's `NEGATIVE_TABLE_SIZE`. */
export const FASTTEXT_TABLE_SIZE = 10_000_000;

const f32 = Math.fround;

/**
 * fastText's negatives table (`NegativeSamplingLoss` in fastText's src/loss.cc,
 * `Model::initTableNegatives` in older releases), in its float32 arithmetic:
 * z = Σ_i pow(count_i, α) accumulated in float32; word i gets
 * ⌈c_i · size / z⌉ entries with c_i = (float)pow(count_i, α). fastText fixes
 * α = 0.5 and size = 10^7. Every word gets at least one entry, so the table holds
 * about size + V/2 entries; a negative is `table[uniform index]` and fastText
 * redraws while it equals the target.
 */
export function buildFasttextTable(vocabulary: SamplerVocabulary, alpha: number, size: number): Int32Array {
  const counts = vocabulary.counts;
  let z = 0;
  for (let i = 0; i < counts.length; i++) z = f32(z + Math.pow(counts[i], alpha));
  checkReferenceSum(z, alpha, "fasttext-table");
  const size32 = f32(size);
  const runs = new Float64Array(counts.length);
  let length = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = f32(Math.pow(counts[i], alpha));
    // `for (j = 0; j < c * size / z; j++)` pushes ⌈c · size / z⌉ copies (all float32).
    runs[i] = Math.ceil(f32(f32(c * size32) / z));
    length += runs[i];
  }
  const table = new Int32Array(length);
  let at = 0;
  for (let i = 0; i < counts.length; i++) {
    table.fill(i, at, at + runs[i]);
    at += runs[i];
  }
  return table;
}
