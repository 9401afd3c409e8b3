import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "neglab-run-"));

function neglab(args: string[], env: Record<string, string> = {}) {
  const out = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, CI: "1", NEGLAB_DATA: join(dir, "data"), ...env } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

// A corpus with planted structure: animals and tools appear in disjoint contexts.
const words = { animal: ["cat", "dog", "cow", "pig", "hen"], tool: ["saw", "drill", "hammer", "wrench", "file"] };
const lines: string[] = [];
for (let i = 0; i < 3000; i++) {
  const a = words.animal[i % 5];
  const b = words.animal[(i * 7 + 3) % 5];
  const t = words.tool[(i * 3 + 1) % 5];
  const u = words.tool[(i * 11 + 2) % 5];
  lines.push(`the ${a} eats grass near the ${b} on the farm`, `a ${t} cuts wood beside the ${u} in the shop`);
}
writeFileSync(join(dir, "corpus.txt"), `${lines.join("\n")}\n`);
mkdirSync(join(dir, "data"));
writeFileSync(join(dir, "data", "pairs.tsv"), "cat\tdog\t9\nsaw\tdrill\t9\ncat\tsaw\t1\ndog\thammer\t1\ncow\tpig\t8\nwrench\tcow\t2\n");

function experiment(name: string, patch: Record<string, unknown> = {}): string {
  const file = join(dir, `${name}.json`);
  const definition = {
    name,
    corpus: { source: "corpus.txt" },
    train: { architecture: "skipgram", vectorSize: 10, epochs: 1, workers: 1, minCount: 1, sample: 0 },
    strategies: [
      { name: "uniform", sampler: { type: "uniform" } },
      { name: "unigram", sampler: { type: "unigram", alpha: 0.75 } },
    ],
    seeds: [1, 2, 3],
    benchmarks: [
      { name: "pairs", type: "similarity", path: "pairs.tsv" },
      { name: "missing", type: "analogy", path: "eval/analogy/none.txt" },
    ],
    baseline: "unigram",
    ...patch,
  };
  writeFileSync(file, JSON.stringify(definition));
  return file;
}

describe("neglab run", () => {
  it("runs every cell, writes the report files, and a rerun recomputes nothing", () => {
    const out = join(dir, "runs", "full");
    const first = neglab(["run", experiment("full"), "--out", out]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("pairs — spearman");
    expect(first.stderr).toContain("skipped: missing: eval/analogy/none.txt not found");
    const csv = readFileSync(join(out, "results.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("strategy,seed,benchmark,metric,value");
    expect(csv).toHaveLength(1 + 2 * 3 * 3); // strategies × seeds × (spearman, pearson, oov_percent)
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary.cells).toBe(6);
    // The planted structure is learned: similar pairs rank above dissimilar ones.
    for (const row of summary.tables[0].rows) expect(row.stats.mean).toBeGreaterThan(0.5);
    expect(existsSync(join(out, "report.md"))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, "config.json"), "utf8")).environment.node).toBe(process.version);
    const again = neglab(["run", experiment("full"), "--out", out]);
    expect(again.code).toBe(0);
    expect(again.stderr.match(/cached/g)).toHaveLength(6);
    expect(readFileSync(join(out, "results.csv"), "utf8").trim().split("\n")).toEqual(csv);
  });

  it("loses no finished cell when killed mid-grid, and the rerun finishes the rest", async () => {
    const out = join(dir, "runs", "killed");
    const file = experiment("killed");
    const child = spawn(process.execPath, [bin, "run", file, "--out", out], { env: { ...process.env, CI: "1" } });
    let log = "";
    await new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        log += chunk.toString();
        if ((log.match(/: done in/g) ?? []).length >= 2) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", () => resolve());
    });
    const saved = readdirSync(join(out, "cells")).filter((f) => f.endsWith(".json"));
    expect(saved.length).toBeGreaterThanOrEqual(2);
    expect(saved.length).toBeLessThan(6);
    const rerun = neglab(["run", file, "--out", out]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr.match(/cached/g)).toHaveLength(saved.length);
    expect(readdirSync(join(out, "cells")).filter((f) => f.endsWith(".json"))).toHaveLength(6);
  });

  it("three shards and merge give the same results as a single run", () => {
    const out = join(dir, "runs", "sharded");
    const file = experiment("full");
    for (const i of [1, 2, 3]) {
      const shard = neglab(["run", file, "--out", out, "--shard", `${i}/3`]);
      expect(shard.code, shard.stderr).toBe(0);
    }
    // Slurm-style environment picks the same share as --shard.
    const slurm = neglab(["run", file, "--out", out], { SLURM_ARRAY_TASK_ID: "0", SLURM_ARRAY_TASK_COUNT: "3" });
    expect(slurm.stderr.match(/cached/g)).toHaveLength(2);
    const merged = neglab(["merge", file, "--out", out]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(readFileSync(join(out, "results.csv"), "utf8")).toBe(readFileSync(join(dir, "runs", "full", "results.csv"), "utf8"));
  });

  it("merge names the missing cells of an unfinished sharded run", () => {
    const out = join(dir, "runs", "partial");
    const file = experiment("full");
    expect(neglab(["run", file, "--out", out, "--shard", "1/3"]).code).toBe(0);
    const merged = neglab(["merge", file, "--out", out]);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toMatch(/4 of 6 cells are missing \(.*seed/);
  });
});

describe("neglab run: bad input", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["an unknown strategy suggests the closest name", () => ["run", experiment("bad1", { strategies: [{ name: "u", sampler: { type: "unigarm" } }], baseline: "u" })], /strategies\[0\]\.sampler\.type: unknown strategy "unigarm" \(did you mean "unigram"\?\)/],
    ["an unknown field names its path and the closest field", () => ["run", experiment("bad2", { corpus: { source: "corpus.txt", lowercse: true } })], /corpus\.lowercse: unknown field \(did you mean "lowercase"\?\)/],
    ["a wrongly typed field says what was expected", () => ["run", experiment("bad3", { seeds: [1, "two"] })], /seeds\[1\]: expected an integer, got string "two"/],
    ["a baseline that is not a strategy", () => ["run", experiment("bad4", { baseline: "unigrm" })], /baseline: no strategy named "unigrm" \(did you mean "unigram"\?\)/],
    ["a duplicate strategy name", () => ["run", experiment("bad5", { strategies: [{ name: "a", sampler: { type: "uniform" } }, { name: "a", sampler: { type: "uniform" } }], baseline: "a" })], /strategies\[1\]\.name: duplicate strategy name "a"/],
    ["a missing experiment file", () => ["run", join(dir, "nope.json")], /nope\.json: \(file\): no such experiment file/],
    ["a malformed shard", () => ["run", experiment("shard"), "--shard", "4/3"], /--shard 4\/3: expected i\/n with 1 ≤ i ≤ n/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const result = neglab(args());
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
    });
  }

  it("a JSON syntax error names the file", () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ \"name\": ");
    const result = neglab(["run", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.json: \(file\): not valid JSON/);
  });
});

describe("neglab samplers weights", () => {
  it("weights words of the domain sub-corpus above 1 and the rest below", () => {
    const domain = join(dir, "farm.txt");
    writeFileSync(domain, `${lines.filter((l) => l.includes("farm")).join("\n")}\n`);
    const out = join(dir, "farm-weights.tsv");
    const result = neglab(["samplers", "weights", "--domain", domain, "--background", join(dir, "corpus.txt"), "--out", out, "--min-count", "1"]);
    expect(result.code, result.stderr).toBe(0);
    const weights = new Map(readFileSync(out, "utf8").trim().split("\n").map((l) => [l.split("\t")[0], Number(l.split("\t")[1])]));
    // Farm lines are half the background: p_domain/p_background ≈ 2 for farm words, ≈ 0 for shop words.
    expect(weights.get("cat")).toBeCloseTo(2, 1);
    expect(weights.get("saw")!).toBeLessThan(0.01);
    expect(weights.get("the")!).toBeGreaterThan(0.9);
  });

  it("names an unknown Brown genre", () => {
    const result = neglab(["samplers", "weights", "--domain", "brown:religon", "--out", join(dir, "x.tsv")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/religon/);
  });
});

describe("neglab samplers list", () => {
  it("lists the registered strategies with their options", () => {
    const result = neglab(["samplers", "list", "--json"]);
    expect(result.code).toBe(0);
    const names = JSON.parse(result.stdout).map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(["uniform", "unigram", "domain"]));
  });
});
