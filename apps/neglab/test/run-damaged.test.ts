import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCellResults } from "../dist/grid/cell-result.js";
import { runFixture } from "./run-fixture.js";

/** A valid cell file's text for `key`. */
const cellText = (key: string, patch: Record<string, unknown> = {}) =>
  JSON.stringify({
    key,
    strategy: "u",
    seed: 1,
    settings: {},
    metrics: [{ benchmark: "p", metric: "spearman", value: null }],
    lossPerEpoch: [1],
    wordsPerSecond: 1,
    trainSeconds: 1,
    meanCosineToCentroid: 0.1,
    skipped: [],
    ...patch,
  });

describe("damaged cell files (issue #19, defect 17)", () => {
  it("are named, moved aside to <file>.damaged, and left out; good cells load", async () => {
    const out = mkdtempSync(join(tmpdir(), "neglab-damaged-"));
    const cells = join(out, "cells");
    mkdirSync(cells);
    writeFileSync(join(cells, "good.json"), cellText("good"));
    writeFileSync(join(cells, "cut.json"), cellText("cut").slice(0, 40));
    writeFileSync(
      join(cells, "shape.json"),
      cellText("shape", { metrics: [{ benchmark: "p", metric: "spearman", value: "high" }] }),
    );
    writeFileSync(join(cells, "other.json"), cellText("good"));
    const warnings: string[] = [];
    const results = await readCellResults(out, (m: string) => warnings.push(m));
    expect([...results.keys()]).toEqual(["good"]);
    expect(readdirSync(cells).sort()).toEqual([
      "cut.json.damaged",
      "good.json",
      "other.json.damaged",
      "shape.json.damaged",
    ]);
    expect(warnings.sort()).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${join(cells, "cut.json")}: damaged cell file \\(not valid JSON: .*\\); moved aside to ${join(cells, "cut.json.damaged")}; its cell will be retrained$`,
        ),
      ),
      `${join(cells, "other.json")}: damaged cell file (key: "good" is not the file name's key other); moved aside to ${join(cells, "other.json.damaged")}; its cell will be retrained`,
      `${join(cells, "shape.json")}: damaged cell file (metrics[0].value: expected a number, got string "high"); moved aside to ${join(cells, "shape.json.damaged")}; its cell will be retrained`,
    ]);
  });

  it("a rerun of neglab run retrains just the damaged cell, and a damaged config.json is named in one line", async () => {
    const { dir, experiment, neglab } = runFixture("neglab-damaged-run-");
    const file = experiment("damaged", { strategies: [{ name: "unigram", sampler: { type: "unigram" } }] });
    const out = join(dir, "out");
    expect((await neglab(["run", file, "--out", out, "--no-html"])).code).toBe(0);
    const [first] = readdirSync(join(out, "cells")).filter((f) => f.endsWith(".json"));
    const path = join(out, "cells", first);
    writeFileSync(path, readFileSync(path, "utf8").slice(0, 100));
    const rerun = await neglab(["run", file, "--out", out, "--no-html"]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain(`${path}: damaged cell file (not valid JSON`);
    expect(rerun.stderr.match(/cached/g)).toHaveLength(1);
    expect(rerun.stderr.match(/trained in/g)).toHaveLength(1);
    expect(existsSync(`${path}.damaged`)).toBe(true);
    expect(JSON.parse(readFileSync(path, "utf8")).key).toBe(first.slice(0, -5));

    writeFileSync(join(out, "config.json"), '{"experiment": {"name": "damaged", "strat');
    const report = await neglab(["report", out]);
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(
      new RegExp(
        `^neglab: ${join(out, "config.json")}: damaged \\(not valid JSON: .*\\); rerun \`neglab run\` or \`neglab merge\` to write it again\\n$`,
      ),
    );
    writeFileSync(
      join(out, "config.json"),
      JSON.stringify({ experiment: { name: "damaged", corpus: { source: "c" }, strategies: [{ name: 5 }] } }),
    );
    expect((await neglab(["report", out])).stderr).toBe(
      `neglab: ${join(out, "config.json")}: damaged (experiment.strategies[0].name: expected a string, got number 5); rerun \`neglab run\` or \`neglab merge\` to write it again\n`,
    );
  });
});
