import type { Vocabulary } from "@neglab/corpus";
import { mostSimilar, type Embeddings } from "@neglab/vectors";
import type { ProbeNeighbours } from "./cell-result.js";

/** Probes tried first: common concrete and abstract nouns of the analogy and similarity literature. */
const PREFERRED = ["king", "woman", "city", "money", "water", "war", "church", "music", "house", "god"];

/** Function words never chosen as default probes (their neighbours say little about a strategy). */
const STOPWORDS = new Set(
  "the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people mr how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three".split(
    " ",
  ),
);

/** How many default probes the report shows. */
const DEFAULT_PROBE_COUNT = 5;

/** Probes must be this frequent to get default status: rarer words have noisy neighbours. */
const MIN_PROBE_COUNT = 20;

/**
 * The default probe words: those of a fixed list of common nouns that occur at
 * least 20 times in the corpus (case-insensitively), topped up to five with
 * the most frequent alphabetic words of three or more letters, also seen at
 * least 20 times, that are not function words.
 */
export function defaultProbes(vocabulary: Vocabulary): string[] {
  const lower = new Map<string, string>();
  vocabulary.words.forEach((w, id) => {
    if (vocabulary.counts[id] >= MIN_PROBE_COUNT && !lower.has(w.toLowerCase())) lower.set(w.toLowerCase(), w);
  });
  const probes = PREFERRED.flatMap((w) => (lower.has(w) ? [lower.get(w)!] : [])).slice(0, DEFAULT_PROBE_COUNT);
  // Vocabulary ids are in frequency order, so the first content words are the most frequent ones.
  vocabulary.words.forEach((word, id) => {
    if (probes.length >= DEFAULT_PROBE_COUNT || vocabulary.counts[id] < MIN_PROBE_COUNT) return;
    if (/^\p{L}{3,}$/u.test(word) && !STOPWORDS.has(word.toLowerCase()) && !probes.includes(word)) probes.push(word);
  });
  return probes;
}

/** The `topn` nearest neighbours (cosine) of each probe present in `embeddings`; absent probes are left out. */
export function probeNeighbours(embeddings: Embeddings, probes: readonly string[], topn = 8): ProbeNeighbours[] {
  return probes
    .filter((probe) => embeddings.has(probe))
    .map((probe) => ({
      probe,
      neighbours: mostSimilar(embeddings, { positive: [probe], topn }).map((n): [string, number] => [n.word, n.score]),
    }));
}
