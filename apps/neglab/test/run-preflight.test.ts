import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFixture } from "./run-fixture.js";

/**
 * Issue #19: `neglab run` builds every strategy's sampler before the corpus is read (defect 18), reports benchmark
 * lines it cannot parse before training (defect 13), and `--sampler-timeout` bounds a custom sampler (defect 7).
 */
const { dir, experiment, neglab } = runFixture("neglab-run-preflight-");
writeFileSync(join(dir, "bad.tsv"), "cat\t2\ndog\tlots\n");
// a complete sampler (the preflight checks the contract) whose draw never returns
writeFileSync(
  join(dir, "spins.mjs"),
  "export function createSampler(spec, { vocabulary }) {\n" +
    "  const p = new Float64Array(vocabulary.words.length).fill(1 / vocabulary.words.length);\n" +
    "  return { spec, collision: 'keep', weighted: false, modelAware: false, probabilities: () => p, draw() { for (;;) {} } };\n" +
    "}\n",
);

describe("neglab run: checks before the corpus is read", () => {
  it("a bad weights file of the last strategy stops the run before any cell, naming the definition field and the file's line", async () => {
    const file = experiment("bad-weights", {
      strategies: [
        { name: "unigram", sampler: { type: "unigram", alpha: 0.75 } },
        { name: "domain", sampler: { type: "domain", weights: "bad.tsv" } },
      ],
    });
    const out = join(dir, "runs", "bad-weights");
    const result = await neglab(["run", file, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `neglab: ${file}: strategies[1].sampler.weights: ${join(dir, "bad.tsv")}:2: weight of "dog" must be a finite number ≥ 0, got "lots"\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("unparsable benchmark lines are reported with their count and first line; options.strict refuses the file", async () => {
    writeFileSync(join(dir, "data", "damaged.tsv"), "cat\tdog\t9\nsaw\tdrill\tnan\ncat\tsaw\t1\nhammer\n");
    const benchmarks = (options: Record<string, unknown>) => [
      { name: "damaged", type: "similarity", path: "damaged.tsv", options },
    ];
    const warned = await neglab([
      "run",
      experiment("damaged", { seeds: [1], benchmarks: benchmarks({}) }),
      "--out",
      join(dir, "runs", "damaged"),
      "--no-html",
    ]);
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stderr).toContain(
      `warning: damaged: ${join(dir, "data", "damaged.tsv")}: 2 unparsable lines (first: line 2) skipped, as gensim skips them`,
    );
    const strictFile = experiment("damaged-strict", { seeds: [1], benchmarks: benchmarks({ strict: true }) });
    const refused = await neglab(["run", strictFile, "--out", join(dir, "runs", "damaged-strict")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `neglab: ${strictFile}: benchmarks[0]: ${join(dir, "data", "damaged.tsv")}: 2 unparsable lines (first: line 2); "strict": true refuses the file\n`,
    );
    expect(existsSync(join(dir, "runs", "damaged-strict", "cells"))).toBe(true);
    expect(existsSync(join(dir, "runs", "damaged-strict", "report.md"))).toBe(false);
  });
});

describe("neglab run and merge: a results directory that no run wrote", () => {
  it("is refused when it holds report-set files but no cells/, and those files are kept", async () => {
    const out = join(dir, "my-project");
    mkdirSync(out);
    writeFileSync(join(out, "report.md"), "# my notes\n");
    writeFileSync(join(out, "config.json"), '{"my":"settings"}\n');
    const file = experiment("foreign", { seeds: [1] });
    for (const command of ["run", "merge"]) {
      const result = await neglab([command, file, "--out", out]);
      expect(result.code, command).toBe(1);
      expect(result.stderr).toBe(
        `neglab: --out ${out}: holds config.json, report.md but no cells/ directory, so no neglab run wrote them and the report would replace them; choose another --out or move those files\n`,
      );
    }
    expect(readFileSync(join(out, "report.md"), "utf8")).toBe("# my notes\n");
    expect(readFileSync(join(out, "config.json"), "utf8")).toBe('{"my":"settings"}\n');
  });
});

describe("neglab train --sampler-timeout", () => {
  it("bounds a custom sampler whose draw never returns, naming the module and the limit", async () => {
    const result = await neglab([
      "train",
      "--corpus",
      join(dir, "corpus.txt"),
      "--sampler",
      `module:${join(dir, "spins.mjs")}`,
      "--sampler-timeout",
      "1500",
      "--out",
      join(dir, "spins.txt"),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^neglab: --sampler: ${join(dir, "spins.mjs")}: .*within 1500 ms`));
    expect(result.stderr.split("\n")).toHaveLength(2);
    expect(existsSync(join(dir, "spins.txt"))).toBe(false);
  });

  it("refuses a limit that is not a positive integer of milliseconds", async () => {
    const result = await neglab([
      "train",
      "--corpus",
      join(dir, "corpus.txt"),
      "--sampler-timeout",
      "0",
      "--out",
      join(dir, "zero.txt"),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^neglab: --sampler-timeout: .*got 0/);
    for (const [flag, value] of [
      ["--sampler-timeout", "0x10"],
      ["--timeout", "0x2"],
      ["--shard-count", "0x2"],
    ]) {
      const hex = await neglab([
        "run",
        experiment("hex", { seeds: [1] }),
        "--out",
        join(dir, "runs", "hex"),
        flag,
        value,
      ]);
      expect(hex.code, flag).toBe(1);
      expect(hex.stderr).toBe(`neglab: ${flag}: expected a decimal number, got "${value}"\n`);
    }
  });
});
