import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Experiment } from "../dist/experiment/definition.js";
import { gridCells } from "../dist/grid/cells.js";
import { inputDigests } from "../dist/grid/input-digests.js";

describe("cell cache keys (issue #19, defect 15)", () => {
  it("editing one strategy's weights file changes only that strategy's cells' keys", async () => {
    const dir = mkdtempSync(join(tmpdir(), "neglab-keys-"));
    writeFileSync(join(dir, "farm.tsv"), "cat\t2\ndog\t2\n");
    writeFileSync(join(dir, "shop.tsv"), "saw\t2\ndrill\t2\n");
    const experiment: Experiment = {
      name: "keys",
      file: join(dir, "experiment.json"),
      baseDir: dir,
      corpus: { source: "corpus.txt", lowercase: false, punctuation: "keep" },
      train: { epochs: 1 },
      strategies: [
        { name: "farm", sampler: { type: "domain", weights: "farm.tsv" }, train: {} },
        { name: "shop", sampler: { type: "domain", weights: "shop.tsv", base: { type: "unigram" } }, train: {} },
        { name: "plain", sampler: { type: "unigram" }, train: {} },
      ],
      seeds: [1, 2],
      benchmarks: [],
      baseline: "plain",
      report: { probes: null },
    };
    const keys = async () =>
      Object.fromEntries(
        gridCells(experiment, "corpus-digest", await inputDigests(experiment, undefined)).map((c) => [
          `${c.strategy.name}/${c.seed}`,
          c.key,
        ]),
      );
    const before = await keys();
    expect(new Set(Object.values(before)).size).toBe(6);
    writeFileSync(join(dir, "farm.tsv"), "cat\t3\ndog\t2\n");
    const after = await keys();
    for (const cell of ["farm/1", "farm/2"]) expect(after[cell]).not.toBe(before[cell]);
    for (const cell of ["shop/1", "shop/2", "plain/1", "plain/2"]) expect(after[cell]).toBe(before[cell]);
  });
});
