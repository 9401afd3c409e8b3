// The evaluation every trainer bench applies to a set of vectors, as gensim
// evaluates: analogy accuracy on questions-words.txt restricted to the 30,000
// most frequent words, case-insensitive (`evaluate_word_analogies`), and
// Spearman's ρ on WordSim-353, SimLex-999 and MEN (`evaluate_word_pairs`).
import { join } from "node:path";
import { evaluateAnalogies, evaluateWordPairs } from "@neglab/eval";

/** Analogy accuracy (a fraction) and the three Spearman correlations of `embeddings`, benchmarks read from `data`. */
export async function evaluateQuality(embeddings, data) {
  const analogy = await evaluateAnalogies(embeddings, join(data, "eval/analogy/questions-words.txt"), {
    restrictVocab: 30000,
    caseInsensitive: true,
  });
  const ws353 = await evaluateWordPairs(embeddings, join(data, "eval/similarity/wordsim353.tsv"));
  const simlex = await evaluateWordPairs(embeddings, join(data, "eval/similarity/simlex999.txt"));
  const men = await evaluateWordPairs(embeddings, join(data, "eval/similarity/EN-MEN-TR-3k.txt"));
  return { analogy: analogy.total.accuracy, ws353: ws353.spearman.r, simlex: simlex.spearman.r, men: men.spearman.r };
}
