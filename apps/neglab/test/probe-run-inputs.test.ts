import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExperimentError, validateExperiment } from "../dist/experiment/definition.js";
import { bin, runFixture } from "./run-fixture.js";

describe("run and merge refuse to write over their inputs (probe defect 1)", () => {
  it("refuses a definition saved as <out>/config.json, leaving it as it was", async () => {
    const { dir, experiment, neglab } = runFixture("neglab-probe-inputs-");
    const out = join(dir, "e2");
    mkdirSync(out);
    const definition = join(out, "config.json");
    copyFileSync(experiment("e1", { corpus: { source: "../corpus.txt" } }), definition);
    const before = readFileSync(definition, "utf8");
    for (const command of ["run", "merge"]) {
      const result = await neglab([command, definition, "--out", out]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`is the same file as the experiment definition ${definition}`);
      expect(readFileSync(definition, "utf8")).toBe(before);
    }
  });

  it("refuses a corpus at <out>/report.md and a benchmark at <out>/results.csv", async () => {
    const { dir, experiment, neglab } = runFixture("neglab-probe-inputs-");
    const out = join(dir, "out");
    mkdirSync(out);
    copyFileSync(join(dir, "corpus.txt"), join(out, "report.md"));
    const corpusRun = await neglab(["run", experiment("c", { corpus: { source: "out/report.md" } }), "--out", out]);
    expect(corpusRun.code).toBe(1);
    expect(corpusRun.stderr).toContain(`is the same file as corpus.source ${join(out, "report.md")}`);
    expect(readFileSync(join(out, "report.md"), "utf8")).toBe(readFileSync(join(dir, "corpus.txt"), "utf8"));

    copyFileSync(join(dir, "data", "pairs.tsv"), join(out, "results.csv"));
    const benchmarkRun = await neglab([
      "run",
      experiment("b", { benchmarks: [{ name: "pairs", type: "similarity", path: join(out, "results.csv") }] }),
      "--out",
      out,
    ]);
    expect(benchmarkRun.code).toBe(1);
    expect(benchmarkRun.stderr).toContain(`is the same file as benchmarks[0].path ${join(out, "results.csv")}`);
    expect(readFileSync(join(out, "results.csv"), "utf8")).toBe(readFileSync(join(dir, "data", "pairs.tsv"), "utf8"));
  });

  it("refuses an input inside cells/ of the results directory", async () => {
    const { dir, experiment, neglab } = runFixture("neglab-probe-inputs-");
    const out = join(dir, "out");
    mkdirSync(join(out, "cells"), { recursive: true });
    copyFileSync(join(dir, "data", "pairs.tsv"), join(out, "cells", "pairs.tsv"));
    const result = await neglab([
      "run",
      experiment("x", { benchmarks: [{ name: "pairs", type: "similarity", path: join(out, "cells", "pairs.tsv") }] }),
      "--out",
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("benchmarks[0].path");
    expect(result.stderr).toContain("in cells/ of the results directory");
  });
});

describe("the experiment name is one safe path segment (probe defect 2)", () => {
  const problem = (name: unknown): string | null => {
    try {
      validateExperiment(
        { name, corpus: { source: "c.txt" }, strategies: [{ name: "u", sampler: { type: "uniform" } }], seeds: [1] },
        "/x/experiment.json",
      );
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(ExperimentError);
      return (error as Error).message;
    }
  };
  it.each(["..", ".", "/", "../x", "a/b", "a\\b", "a\nb", "x\u0000"])("refuses %j naming the field", (name) => {
    expect(problem(name)).toMatch(/^\/x\/experiment\.json: name: /);
  });
  it("accepts ordinary names", () => {
    expect(problem("neg-sampling v2.1")).toBeNull();
  });
});

/** Runs `neglab args…`, killed after `ms` (a reader blocked on a FIFO ignores SIGTERM's cleanup): its exit code (null when killed) and standard error. */
async function boundedRun(
  env: NodeJS.ProcessEnv,
  args: string[],
  ms = 15_000,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  clearTimeout(timer);
  return { code, stderr };
}

describe("inputs must be regular files (probe defect 3)", () => {
  it("refuses a FIFO benchmark (with a writer) up front, naming the field, instead of hanging", async () => {
    const { dir, experiment, env } = runFixture("neglab-probe-fifo-");
    const fifo = join(dir, "data", "fifo.tsv");
    execFileSync("mkfifo", [fifo]);
    // a writer holds the FIFO open, as in the probe
    const writer = spawn("sh", ["-c", `exec sleep 30 > '${fifo}'`], { stdio: "ignore" });
    try {
      const file = experiment("f", { benchmarks: [{ name: "pairs", type: "similarity", path: "fifo.tsv" }] });
      const result = await boundedRun(env, ["run", file, "--out", join(dir, "out")]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`benchmarks[0].path: ${fifo}: not a regular file (a FIFO)`);
    } finally {
      writer.kill("SIGKILL");
    }
  }, 30_000);

  it("refuses a FIFO definition file instead of blocking on it", async () => {
    const { dir, env } = runFixture("neglab-probe-fifo-");
    const fifo = join(dir, "exp.json");
    execFileSync("mkfifo", [fifo]);
    const result = await boundedRun(env, ["run", fifo, "--out", join(dir, "out")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${fifo}: (file): not a regular file`);
  }, 30_000);

  it("refuses a FIFO corpus", async () => {
    const { dir, experiment, env } = runFixture("neglab-probe-fifo-");
    execFileSync("mkfifo", [join(dir, "c.fifo")]);
    const result = await boundedRun(env, [
      "run",
      experiment("c", { corpus: { source: "c.fifo" } }),
      "--out",
      join(dir, "out"),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`corpus.source: ${join(dir, "c.fifo")}: not a regular file (a FIFO)`);
  }, 30_000);
});
