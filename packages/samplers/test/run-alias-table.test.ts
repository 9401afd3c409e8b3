import { describe, expect, it } from "vitest";
import { drawsByRuns, RUN_MIN_SIZE } from "../src/samplers/alias-sampler.js";
import { buildRunAliasTable, runAliasDraw, runStarts } from "../src/tables/run-alias-table.js";
import { normalise, unigramWeights } from "../src/weights.js";
import { rng, zipfVocabulary } from "./helpers.js";

const TWO_POW_32 = 2 ** 32;

function unigram(size: number, top = 1e7): Float64Array {
  return normalise(unigramWeights(zipfVocabulary(size, 1.05, top), 0.75), "test");
}

describe("alias table over runs of equal probability", () => {
  it("finds maximal runs of bit-equal probabilities in id order", () => {
    expect(runStarts([0.1, 0.1, 0.2, 0.2, 0.2, 0.3])).toEqual([0, 2, 5]);
    expect(runStarts([0.25, 0.25, 0.25, 0.25])).toEqual([0]);
    // Equal values that are not adjacent are separate runs.
    expect(runStarts([0.3, 0.2, 0.3, 0.2])).toEqual([0, 1, 2, 3]);
    const table = buildRunAliasTable([0.1, 0.1, 0.2, 0.2, 0.2, 0.2]);
    expect(table.count).toBe(2);
    expect(Array.from(table.runs)).toEqual([0, 2, 2, 4]);
  });

  it("encodes each word's probability: P(run) / length (relative error below 1e-8, V = 2^20)", () => {
    const p = unigram(2 ** 20);
    const table = buildRunAliasTable(p);
    expect(table.count).toBe(5190);
    // The distribution of the alias table over runs, as in alias-table.test.ts.
    const { cells, runs, count } = table;
    const runP = new Float64Array(count);
    for (let j = 0; j < count; j++) {
      const keep = cells[2 * j + 1] === j ? 1 : cells[2 * j] / TWO_POW_32;
      runP[j] += keep / count;
      runP[cells[2 * j + 1]] += (1 - keep) / count;
    }
    let worst = 0;
    for (let r = 0; r < count; r++) {
      for (let id = runs[2 * r]; id < runs[2 * r] + runs[2 * r + 1]; id++) {
        worst = Math.max(worst, Math.abs(runP[r] / runs[2 * r + 1] - p[id]) / p[id]);
      }
    }
    // A threshold resolves its run's keep share to 2^-32, i.e. 2^-32 / 5190 ≈ 4.5e-14 in probability: ≈ 5e-9 relative
    // for the lightest runs of a single word (p ≈ 1e-5).
    expect(worst).toBeLessThan(1e-8);
  });

  it("places the second random word v at start + ⌊v · length / 2^32⌋ of the run, first to last word", () => {
    // One run of 1000 words and one of 3: u = 0 picks column 0, whose keep threshold is nonzero.
    const table = buildRunAliasTable([...Array(1000).fill(0.5 / 1000), 0.5 / 3, 0.5 / 3, 0.5 / 3]);
    expect(runAliasDraw(table, 0, 0)).toBe(0);
    expect(runAliasDraw(table, 0, TWO_POW_32 - 1)).toBe(999);
    expect(runAliasDraw(table, TWO_POW_32 - 1, 0)).toBe(1000);
    expect(runAliasDraw(table, TWO_POW_32 - 1, TWO_POW_32 - 1)).toBe(1002);
    const random = rng("run offsets");
    for (let i = 0; i < 10_000; i++) {
      const v = random.nextUint32();
      expect(runAliasDraw(table, 0, v)).toBe(Number((BigInt(v) * 1000n) >> 32n));
    }
  });

  it("is used from V = 3·2^18 on when there are at most 2^16 runs", () => {
    expect(drawsByRuns(unigram(RUN_MIN_SIZE))).toBe(true);
    expect(drawsByRuns(unigram(RUN_MIN_SIZE - 1))).toBe(false); // the word table is still fast enough
    expect(drawsByRuns(unigram(2 ** 20, 1e9))).toBe(true); // 48,631 runs: still a run table within the L2
    expect(drawsByRuns(unigram(2 ** 20, 1e12))).toBe(false); // 950,607 distinct counts
  });
});
