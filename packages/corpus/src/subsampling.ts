import type { Vocabulary } from "./vocabulary.js";

/**
 * The probability of keeping each occurrence of each word under frequent-word
 * subsampling with threshold `sample` (Mikolov et al. 2013, "Distributed
 * representations of words and phrases", §2.3), in the form word2vec.c and
 * gensim actually use:
 *
 *     t = sample · N            (N: tokens of vocabulary words)
 *     keep(w) = min(1, (√(c_w / t) + 1) · t / c_w)
 *
 * For `sample ≥ 1`, gensim's shorthand applies: `t = ⌊sample · (3 + √5) / 2⌋`,
 * i.e. words more frequent than `sample` are downsampled. `sample = 0` keeps
 * everything. Sources: word2vec.c `TrainModelThread` (`ran`), gensim
 * `Word2Vec.prepare_vocab` (`word_probability`).
 */
export function keepProbabilities(vocabulary: Vocabulary, sample: number): Float64Array {
  if (!Number.isFinite(sample) || sample < 0) {
    throw new RangeError(`sample must be a finite number ≥ 0, got ${sample}`);
  }
  const keep = new Float64Array(vocabulary.size).fill(1);
  if (sample === 0) return keep;
  const threshold = sample < 1 ? sample * vocabulary.totalCount : Math.floor((sample * (3 + Math.sqrt(5))) / 2);
  for (let id = 0; id < vocabulary.size; id++) {
    const count = vocabulary.counts[id];
    const p = (Math.sqrt(count / threshold) + 1) * (threshold / count);
    if (p < 1) keep[id] = p;
  }
  return keep;
}

/** Expected tokens left after subsampling: Σ_w c_w · keep(w). */
export function expectedRetainedTokens(vocabulary: Vocabulary, keep: Float64Array): number {
  let total = 0;
  for (let id = 0; id < vocabulary.size; id++) total += vocabulary.counts[id] * keep[id];
  return total;
}
