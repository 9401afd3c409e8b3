import type { Embeddings } from "@neglab/vectors";

/**
 * The vocabulary gensim's `evaluate_word_analogies` and `evaluate_word_pairs`
 * evaluate against (`ok_vocab`): the first `restrictVocab` words, keyed by
 * their upper-case form when `caseInsensitive`; when several words fold to the
 * same key, the first (most frequent, in a frequency-sorted vocabulary) wins.
 * Maps the key to the word's row.
 */
export function restrictedVocab(emb: Embeddings, restrictVocab: number, caseInsensitive: boolean): Map<string, number> {
  const vocab = new Map<string, number>();
  const end = Math.min(Math.max(0, restrictVocab), emb.size);
  for (let row = 0; row < end; row++) {
    const key = caseInsensitive ? emb.words[row].toUpperCase() : emb.words[row];
    if (!vocab.has(key)) vocab.set(key, row);
  }
  return vocab;
}
