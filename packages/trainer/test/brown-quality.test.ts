import { evaluateAnalogies, evaluateWordPairs } from "@neglab/eval";
import { sharedData } from "@neglab/testkit";
import { Embeddings } from "@neglab/vectors";
import { describe, expect, test } from "vitest";
import { train } from "../src/index.js";

const paths = sharedData(
  "corpora/brown.txt",
  "eval/analogy/questions-words.txt",
  "eval/similarity/wordsim353.tsv",
  "eval/similarity/simlex999.txt",
);

/**
 * Floors derived from word2vec.c on the same corpus and settings.
 *
 * How: Brown as the toolkit reads it (lowercased, punctuation-only tokens
 * dropped: 1,013,319 tokens) written one sentence per line; word2vec.c (npm
 * `word2vec` 1.1.5, gcc -O3 -march=native) run 3 times with
 *   -cbow 0 -size 100 -window 5 -sample 1e-3 -negative 5 -hs 0 -min-count 5 -iter 5 -alpha 0.025 -threads 2
 * and evaluated as gensim 4.2 does (analogy restricted to the 30,000 most
 * frequent words, case-insensitive; Spearman on WordSim-353 and SimLex-999):
 *   analogy 3.63 / 3.68 / 3.71 % (mean 3.67 %), WS-353 0.227 / 0.227 / 0.225 (mean 0.226),
 *   SimLex-999 0.151 / 0.150 / 0.149 (mean 0.150).
 * Floor = word2vec.c's mean minus the tolerance (1.5 accuracy points, 0.03 Spearman).
 */
const FLOORS = { analogy: 0.0367 - 0.015, ws353: 0.226 - 0.03, simlex: 0.15 - 0.03 };

describe.skipIf(paths === null)("quality on the Brown corpus (CI)", () => {
  test("skip-gram, 2 workers, 5 epochs reaches word2vec.c's analogy and similarity figures", async () => {
    const [brown, questions, wordsim, simlex] = paths!;
    const counted: number[] = [];
    const model = await train({
      onVocabularyProgress: (p) => counted.push(p.tokens),
      corpus: brown,
      normalize: { lowercase: true, punctuation: "drop" },
      architecture: "skipgram",
      workers: 2,
      seed: 1,
    });
    expect(model.vocabulary.size).toBe(14206);
    expect(counted.at(-1)).toBe(model.stats.corpusWords);
    const embeddings = new Embeddings(model.vocabulary.words, model.vectors, model.dim, {
      counts: model.vocabulary.counts,
    });
    const analogy = await evaluateAnalogies(embeddings, questions, { restrictVocab: 30000, caseInsensitive: true });
    const ws353 = await evaluateWordPairs(embeddings, wordsim);
    const simlex999 = await evaluateWordPairs(embeddings, simlex);
    console.log(
      `Brown skip-gram: analogy ${(100 * analogy.total.accuracy).toFixed(2)}% (floor ${(100 * FLOORS.analogy).toFixed(2)}), ` +
        `WS-353 ${ws353.spearman.r.toFixed(3)} (floor ${FLOORS.ws353.toFixed(3)}), SimLex-999 ${simlex999.spearman.r.toFixed(3)} (floor ${FLOORS.simlex.toFixed(3)}), ` +
        `${Math.round(model.stats.wordsPerSecond)} words/s`,
    );
    expect(analogy.total.accuracy).toBeGreaterThanOrEqual(FLOORS.analogy);
    expect(ws353.spearman.r).toBeGreaterThanOrEqual(FLOORS.ws353);
    expect(simlex999.spearman.r).toBeGreaterThanOrEqual(FLOORS.simlex);
  }, 240_000);
});
