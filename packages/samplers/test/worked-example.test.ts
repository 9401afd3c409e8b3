import { Vocabulary } from "@neglab/corpus";
import { describe, expect, it } from "vitest";
import { buildCumulativeTable, buildWord2vecTable } from "../src/tables.js";
import { compareToExpected, drawCounts } from "../src/diagnostics.js";
import { createSampler } from "../src/index.js";
import { rng, WORKED_EXAMPLE } from "./helpers.js";

const id = (word: string) => WORKED_EXAMPLE.words.indexOf(word);

describe("the issue's worked example (α = 0.75)", () => {
  it("probabilities() is count^0.75 / Σ count^0.75", async () => {
    const sampler = await createSampler({ type: "unigram", alpha: 0.75 }, { vocabulary: WORKED_EXAMPLE });
    const p = sampler.probabilities();
    expect(p[id("the")]).toBeCloseTo(0.2793, 4);
    expect(p[id("a")]).toBeCloseTo(0.1661, 4);
    expect(p[id("lazy")]).toBeCloseTo(0.0295, 4);
    const counts = Array.from(WORKED_EXAMPLE.counts);
    const z = counts.reduce((sum, c) => sum + c ** 0.75, 0);
    counts.forEach((c, i) => expect(p[i]).toBeCloseTo(c ** 0.75 / z, 14));
  });

  it("1e6 alias draws match those probabilities (chi-square, total variation)", async () => {
    const sampler = await createSampler({ type: "unigram", alpha: 0.75 }, { vocabulary: WORKED_EXAMPLE });
    const counts = drawCounts(sampler, 12, 1_000_000, { rng: rng("worked") });
    const fit = compareToExpected(counts, sampler.probabilities());
    expect(fit.chiSquare.degreesOfFreedom).toBe(11);
    expect(fit.chiSquare.pValue).toBeGreaterThan(0.001);
    expect(fit.totalVariation).toBeLessThan(2 * fit.expectedTotalVariation);
    expect(counts[id("the")] / fit.draws).toBeCloseTo(0.2793, 2);
  });

  it("works on @neglab/corpus's Vocabulary (sorted by count)", async () => {
    const vocabulary = Vocabulary.fromCounts(
      WORKED_EXAMPLE.words.map((w, i) => [w, WORKED_EXAMPLE.counts[i]] as const),
    );
    const p = (await createSampler({ type: "unigram" }, { vocabulary })).probabilities();
    expect(vocabulary.words[0]).toBe("the");
    expect(p[0]).toBeCloseTo(0.2793, 4);
    expect(p[vocabulary.id("a")]).toBeCloseTo(0.1661, 4);
  });

  it("word2vec.c's own InitUnigramTable gives these entry counts at 1e8 (last three words none)", () => {
    // Reference: test/fixtures/reference/word2vec-table-harness.c run on the 12 counts in this order.
    const reference = [32611780, 11530008, 7860371, 5799288, 9753199, 7860368, 3448279, 3448272, 17688435, 0, 0, 0];
    const table = buildWord2vecTable(WORKED_EXAMPLE, 0.75, 1e8, true);
    const entries = new Array(12).fill(0);
    for (const word of table) entries[word]++;
    expect(entries).toEqual(reference);
  });

  it("gensim's own make_cum_table gives this cumulative table", () => {
    // Reference: /usr/bin/python3 test/fixtures/reference/gensim-cum-table.py 0.75 <<< "20 5 3 2 4 3 1 1 10 2 2 1"
    const reference = [
      599859293, 811941580, 956524781, 1063196524, 1242596297, 1387179498, 1450606896, 1514034293, 1870712763,
      1977384506, 2084056249, 2147483647,
    ];
    expect(Array.from(buildCumulativeTable(WORKED_EXAMPLE, 0.75, 2 ** 31 - 1))).toEqual(reference);
  });
});
