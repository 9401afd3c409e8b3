import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Experiment } from "../dist/experiment/definition.js";
import type { CellResult } from "../dist/grid/cell-result.js";
import { writeReport } from "../dist/report/write-report.js";

const experiment: Experiment = {
  name: "set",
  file: "/x/experiment.json",
  baseDir: "/x",
  corpus: { source: "corpus.txt", lowercase: false, punctuation: "keep" },
  train: {},
  strategies: [
    { name: "a", sampler: { type: "uniform" }, train: {} },
    { name: "b", sampler: { type: "unigram" }, train: {} },
  ],
  seeds: [1, 2],
  benchmarks: [{ name: "pairs", type: "similarity", path: "pairs.tsv", options: {}, optional: false }],
  baseline: "a",
  report: { probes: null },
};

/** A finished cell with one Spearman value. */
function cell(strategy: string, seed: number, spearman: number): CellResult {
  return {
    key: `${strategy}${seed}`,
    strategy,
    seed,
    settings: {},
    metrics: [{ benchmark: "pairs", metric: "spearman", value: spearman }],
    sections: [],
    analogyOutcomes: [],
    pairSimilarities: [],
    sampler: null,
    neighbours: [],
    lossPerEpoch: [1],
    wordsPerSecond: 1000,
    trainSeconds: 1,
    meanCosineToCentroid: 0.1,
    skipped: [],
  };
}

const cells = (offset: number) => [
  cell("a", 1, 0.1 + offset),
  cell("a", 2, 0.2 + offset),
  cell("b", 1, 0.3 + offset),
  cell("b", 2, 0.4 + offset),
];
const files = (runDir: string) => readdirSync(runDir).sort();

describe("the report files are written as one set (issue #19, defect 16)", () => {
  it("--no-html removes the report.html of an earlier report instead of leaving it beside the new report.md", async () => {
    const runDir = mkdtempSync(join(tmpdir(), "neglab-set-"));
    await writeReport(experiment, cells(0), runDir);
    expect(files(runDir)).toEqual(["config.json", "report.html", "report.md", "results.csv", "summary.json"]);
    await writeReport(experiment, cells(0.5), runDir, { html: false });
    expect(files(runDir)).toEqual(["config.json", "report.md", "results.csv", "summary.json"]);
    expect(readFileSync(join(runDir, "results.csv"), "utf8")).toContain("a,1,pairs,spearman,0.6");
  });

  it("a set that cannot be put in place leaves the earlier report untouched and no temporary file", async () => {
    const runDir = mkdtempSync(join(tmpdir(), "neglab-set-"));
    await writeReport(experiment, cells(0), runDir, { html: false });
    const markdown = readFileSync(join(runDir, "report.md"), "utf8");
    const csv = readFileSync(join(runDir, "results.csv"), "utf8");
    // A directory where report.html goes: the new set cannot replace it.
    mkdirSync(join(runDir, "report.html"));
    writeFileSync(join(runDir, "report.html", "keep"), "x");
    await expect(writeReport(experiment, cells(0.5), runDir)).rejects.toThrow(/report\.html/);
    expect(readFileSync(join(runDir, "report.md"), "utf8")).toBe(markdown);
    expect(readFileSync(join(runDir, "results.csv"), "utf8")).toBe(csv);
    expect(files(runDir)).toEqual(["config.json", "report.html", "report.md", "results.csv", "summary.json"]);
  });

  it("removes the temporary files of a writer that was killed before renaming them", async () => {
    const runDir = mkdtempSync(join(tmpdir(), "neglab-set-"));
    // A pid above the kernel's pid_max (2^22) belongs to no process.
    const leftover = `.report.md.${hostname()}.4194305.0123abcd.tmp`;
    writeFileSync(join(runDir, leftover), "half a report");
    await writeReport(experiment, cells(0), runDir, { html: false });
    expect(existsSync(join(runDir, leftover))).toBe(false);
    expect(files(runDir)).toEqual(["config.json", "report.md", "results.csv", "summary.json"]);
  });
});
