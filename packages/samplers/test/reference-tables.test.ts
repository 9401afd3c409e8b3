import { describe, expect, it } from "vitest";
import {
  buildCumulativeTable,
  buildFasttextTable,
  buildWord2vecTable,
  cumulativeTableProbabilities,
} from "../src/tables.js";
import { createSampler } from "../src/index.js";
import { totalVariation } from "../src/diagnostics.js";
import { bisectLeft } from "../src/tables/gensim-cum-table.js";
import { readNumbers, WORKED_EXAMPLE, ZIPF_1000 } from "./helpers.js";

/** Entries per word of a table of word ids. */
function entries(table: Int32Array, size: number): number[] {
  const counts = new Array(size).fill(0);
  for (let a = 0; a < table.length; a++) counts[table[a]]++;
  return counts;
}

describe("word2vec.c's unigram table", () => {
  it("matches word2vec.c's own InitUnigramTable entry for entry on 1000 Zipfian counts (1e8 entries)", () => {
    // Reference: test/fixtures/reference/word2vec-table-harness.c < zipf1000.counts.txt
    const reference = readNumbers("reference", "zipf1000.word2vec-table.txt");
    expect(entries(buildWord2vecTable(ZIPF_1000, 0.75, 1e8, true), 1000)).toEqual(reference);
    // The integer sum starves the 52 rarest words of any entry.
    expect(reference.filter((n) => n === 0)).toHaveLength(52);
    expect(reference.slice(948).every((n) => n === 0)).toBe(true);
  });

  it("with the exact sum every word gets its share, to the table's resolution", async () => {
    const sampler = await createSampler(
      { type: "unigram", method: "word2vec-table", tableSize: 1e7, integerSum: false },
      { vocabulary: ZIPF_1000 },
    );
    const exact = (await createSampler({ type: "unigram" }, { vocabulary: ZIPF_1000 })).probabilities();
    expect(Math.min(...sampler.probabilities())).toBeGreaterThan(0);
    expect(totalVariation(sampler.probabilities(), exact)).toBeLessThan(1e-3);
  });
});

describe("gensim's cumulative table", () => {
  it.each([0.75, -0.5, 1])("matches gensim's make_cum_table exactly at α = %d", (alpha) => {
    // Reference: /usr/bin/python3 test/fixtures/reference/gensim-cum-table.py <alpha> < zipf1000.counts.txt
    const reference = readNumbers("reference", `zipf1000.gensim-cum-${alpha}.txt`);
    expect(Array.from(buildCumulativeTable(ZIPF_1000, alpha, 2 ** 31 - 1))).toEqual(reference);
  });

  it("draws word i for r in [cum[i−1] + 1, cum[i]] (bisect_left on [0, domain))", () => {
    const table = Uint32Array.from([3, 3, 7, 10]);
    expect(Array.from({ length: 10 }, (_, r) => bisectLeft(table, r))).toEqual([0, 0, 0, 0, 2, 2, 2, 2, 3, 3]);
    expect(Array.from(cumulativeTableProbabilities(table))).toEqual([0.4, 0, 0.4, 0.2]);
  });

  it("the branch-free bisect agrees with a linear scan on every r of small tables", () => {
    for (const cum of [[5], [1, 2], [0, 0, 4, 4, 9], [2, 5, 5, 5, 6, 11, 11, 12]]) {
      const table = Uint32Array.from(cum);
      for (let r = 0; r <= cum[cum.length - 1]; r++) expect(bisectLeft(table, r)).toBe(cum.findIndex((c) => c >= r));
    }
  });
});

describe("fastText's negatives table", () => {
  it("matches a transcription of fastText 0.9.2's NegativeSamplingLoss entry for entry on 1000 Zipfian counts (1e7 entries)", () => {
    // Reference: /usr/bin/python3 scripts/fasttext-table.py < test/fixtures/reference/zipf1000.counts.txt
    const reference = readNumbers("reference", "zipf1000.fasttext-table.txt");
    expect(entries(buildFasttextTable(ZIPF_1000, 0.5, 1e7), 1000)).toEqual(reference);
    expect(reference.reduce((a, b) => a + b, 0)).toBe(10_000_529);
    // float32 matters: the same rule in double arithmetic gives 7 words a different number of entries
    const z = Array.from(ZIPF_1000.counts).reduce((sum, c) => sum + Math.sqrt(c), 0);
    const inDouble = Array.from(ZIPF_1000.counts, (c) => Math.ceil((Math.sqrt(c) * 1e7) / z));
    expect(inDouble.filter((n, i) => n !== reference[i])).toHaveLength(7);
  });

  it("gives word i ⌈c_i · size / z⌉ entries in float32, so every word at least one", () => {
    const table = buildFasttextTable(WORKED_EXAMPLE, 0.5, 1e7);
    const counts = entries(table, 12);
    const z = Array.from(WORKED_EXAMPLE.counts).reduce((sum, c) => Math.fround(sum + Math.sqrt(c)), 0);
    Array.from(WORKED_EXAMPLE.counts).forEach((c, i) => {
      const share = (Math.sqrt(c) * 1e7) / z;
      expect(Math.abs(counts[i] - share)).toBeLessThanOrEqual(1.01);
    });
    expect(table.length).toBe(counts.reduce((a, b) => a + b, 0));
    expect(table.length - 1e7).toBeGreaterThan(0);
    expect(table.length - 1e7).toBeLessThanOrEqual(12);
    expect(entries(buildFasttextTable(ZIPF_1000, 0.5, 1000), 1000).every((n) => n >= 1)).toBe(true);
  });

  it("the fasttext preset is unigram α = 0.5 with method fasttext-table and redraw", async () => {
    const preset = await createSampler({ type: "fasttext" }, { vocabulary: ZIPF_1000 });
    const explicit = await createSampler(
      { type: "unigram", alpha: 0.5, method: "fasttext-table", collision: "redraw" },
      { vocabulary: ZIPF_1000 },
    );
    expect(preset.collision).toBe("redraw");
    expect(Array.from(preset.probabilities())).toEqual(Array.from(explicit.probabilities()));
  });
});
