import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCellResults, type CellResult } from "../dist/grid/cell-result.js";
import { renderCsv } from "../dist/report/render.js";
import { summarize } from "../dist/report/summary.js";
import { byteMutations, mutate } from "@neglab/testkit";

const mutations = byteMutations();

/** A cell with every field a current neglab writes. */
const cell: CellResult = {
  key: "0123456789abcdef",
  strategy: "unigram",
  seed: 1,
  settings: { architecture: "skipgram", vectorSize: 10, sampler: { type: "unigram", alpha: 0.75 } },
  metrics: [
    { benchmark: "pairs", metric: "spearman", value: 0.5 },
    { benchmark: "questions", metric: "accuracy", value: 0.25 },
  ],
  sections: [["questions", "capital-common-countries", 1, 4, 6]],
  analogyOutcomes: [{ benchmark: "questions", outcomes: "10-0" }],
  pairSimilarities: [{ benchmark: "pairs", pairIndex: [0, 2], gold: [9, 1], model: [0.8, 0.1] }],
  sampler: {
    description: "unigram^0.75",
    collision: "keep",
    entropyBits: 3.2,
    perplexity: 9.2,
    drawShares: { top10: 0.9, top100: 1, top1000: 1 },
    draws: 100000,
    effectiveNegatives: 5,
    distribution: [
      [1, 0.2],
      [2, 0.1],
    ],
  },
  neighbours: [{ probe: "cat", neighbours: [["dog", 0.9]] }],
  lossPerEpoch: [2.5, 2.1],
  wordsPerSecond: 100000,
  trainSeconds: 1.5,
  meanCosineToCentroid: 0.2,
  skipped: [],
};
const bytes = new TextEncoder().encode(`${JSON.stringify(cell, null, 1)}\n`);

/** Each case must settle within this time: a cell file is a few kB, so anything slower is a hang. */
const CASE_MS = 2000;

describe("fuzz: cell files", () => {
  it("mutated bytes load as a cell, or the file is named and moved aside; never an uncaught error", async () => {
    const out = mkdtempSync(join(tmpdir(), "neglab-fuzz-cells-"));
    const path = join(out, "cells", `${cell.key}.json`);
    let loaded = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(mutations, async (list) => {
        runs++;
        rmSync(join(out, "cells"), { recursive: true, force: true });
        mkdirSync(join(out, "cells"));
        writeFileSync(path, mutate(bytes, list));
        const warnings: string[] = [];
        const results = await readCellResults(out, (m: string) => warnings.push(m));
        if (results.size === 1) {
          loaded++;
          expect(warnings).toEqual([]);
          // A cell that passed the shape check goes through the report code without a TypeError.
          const found = results.get(cell.key)!;
          renderCsv([found]);
          summarize("fuzz", found.strategy, [found.strategy], [found]);
        } else {
          expect(results.size).toBe(0);
          expect(warnings).toHaveLength(1);
          expect(warnings[0].startsWith(`${path}: damaged cell file (`)).toBe(true);
          expect(existsSync(path)).toBe(false);
          expect(existsSync(`${path}.damaged`)).toBe(true);
        }
      }),
      { seed: 1, numRuns: 300, timeout: CASE_MS },
    );
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(runs);
  });

  it("arbitrary JSON values in a cell file load or are moved aside with a warning", async () => {
    const out = mkdtempSync(join(tmpdir(), "neglab-fuzz-cells-"));
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (json) => {
        rmSync(join(out, "cells"), { recursive: true, force: true });
        mkdirSync(join(out, "cells"));
        writeFileSync(join(out, "cells", "k.json"), JSON.stringify(json));
        const warnings: string[] = [];
        const results = await readCellResults(out, (m: string) => warnings.push(m));
        expect(results.size + warnings.length).toBe(1);
      }),
      { seed: 1, numRuns: 300, timeout: CASE_MS },
    );
  });
});
