import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runBin, type Outcome } from "./cli-helpers.js";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "neglab-run-"));

async function neglab(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return runBin(args, process.cwd(), { XDG_CACHE_HOME: join(dir, "cache"), NEGLAB_DATA: join(dir, "data"), ...env });
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
writeFileSync(
  join(dir, "data", "pairs.tsv"),
  "cat\tdog\t9\nsaw\tdrill\t9\ncat\tsaw\t1\ndog\thammer\t1\ncow\tpig\t8\nwrench\tcow\t2\n",
);

/** summary.json without the measured training speed, which differs between two runs of the same cells. */
function withoutSpeed(summary: { training: { wordsPerSecond?: number }[] }) {
  for (const t of summary.training) delete t.wordsPerSecond;
  return summary;
}

/** report.md with the words/s column of the training table and the summary's speed sentence blanked. */
function markdownWithoutSpeed(markdown: string): string {
  return markdown
    .replace(/^\| ([^|]+) \| [\d,]+ \| /gm, "| $1 | — | ")
    .replace(/^- Training speed .*$/m, "- Training speed —");
}

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
      { name: "missing", type: "analogy", path: "eval/analogy/none.txt", optional: true },
    ],
    baseline: "unigram",
    ...patch,
  };
  writeFileSync(file, JSON.stringify(definition));
  return file;
}

describe("neglab run", () => {
  it("runs every cell, writes the report files, and a rerun recomputes nothing", async () => {
    const out = join(dir, "runs", "full");
    const first = await neglab(["run", experiment("full"), "--out", out]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("On pairs, ");
    expect(first.stderr).toContain("skipped: missing: eval/analogy/none.txt not found");
    const csv = readFileSync(join(out, "results.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("strategy,seed,benchmark,metric,value");
    expect(csv).toHaveLength(1 + 2 * 3 * 3); // strategies × seeds × (spearman, pearson, oov_percent)
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary.cells).toBe(6);
    // The planted structure is learned: similar pairs rank above dissimilar ones.
    for (const row of summary.tables[0].rows) expect(row.stats.mean).toBeGreaterThan(0.5);
    expect(existsSync(join(out, "report.md"))).toBe(true);
    expect(existsSync(join(out, "report.html"))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, "config.json"), "utf8")).environment.node).toBe(process.version);
    const again = await neglab(["run", experiment("full"), "--out", out]);
    expect(again.code).toBe(0);
    expect(again.stderr.match(/cached/g)).toHaveLength(6);
    expect(readFileSync(join(out, "results.csv"), "utf8").trim().split("\n")).toEqual(csv);
  });

  it("loses no finished cell when killed mid-grid, and the rerun finishes the rest", async () => {
    const out = join(dir, "runs", "killed");
    const file = experiment("killed");
    const child = spawn(process.execPath, [bin, "run", file, "--out", out], {
      env: { ...process.env, CI: "1", XDG_CACHE_HOME: join(dir, "cache"), NEGLAB_DATA: join(dir, "data") },
    });
    let log = "";
    await new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        log += chunk.toString();
        if ((log.match(/: trained in/g) ?? []).length >= 2) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", () => resolve());
    });
    const saved = readdirSync(join(out, "cells")).filter((f) => f.endsWith(".json"));
    expect(saved.length).toBeGreaterThanOrEqual(2);
    expect(saved.length).toBeLessThan(6);
    const rerun = await neglab(["run", file, "--out", out]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr.match(/cached/g)).toHaveLength(saved.length);
    expect(readdirSync(join(out, "cells")).filter((f) => f.endsWith(".json"))).toHaveLength(6);
  });

  it("three concurrent shard processes and merge give the same report as a single run", async () => {
    const out = join(dir, "runs", "sharded");
    const file = experiment("full");
    // The three shards run at the same time, as array tasks would, into one fresh results directory.
    const codes = await Promise.all(
      [1, 2, 3].map(
        (i) =>
          new Promise<number | null>((resolve) => {
            const child = spawn(process.execPath, [bin, "run", file, "--out", out, "--shard", `${i}/3`], {
              env: { ...process.env, CI: "1", XDG_CACHE_HOME: join(dir, "cache"), NEGLAB_DATA: join(dir, "data") },
              stdio: "ignore",
            });
            child.on("exit", resolve);
          }),
      ),
    );
    expect(codes).toEqual([0, 0, 0]);
    expect(readdirSync(join(out, "cells")).filter((f) => f.endsWith(".json"))).toHaveLength(6);
    // Slurm-style and Kubernetes-style environments pick the same shares as --shard.
    const slurm = await neglab(["run", file, "--out", out], { SLURM_ARRAY_TASK_ID: "0", SLURM_ARRAY_TASK_COUNT: "3" });
    expect(slurm.stderr.match(/cached/g)).toHaveLength(2);
    const merged = await neglab(["merge", file, "--out", out]);
    expect(merged.code, merged.stderr).toBe(0);
    const single = join(dir, "runs", "full");
    expect(readFileSync(join(out, "results.csv"), "utf8")).toBe(readFileSync(join(single, "results.csv"), "utf8"));
    expect(withoutSpeed(JSON.parse(readFileSync(join(out, "summary.json"), "utf8")))).toEqual(
      withoutSpeed(JSON.parse(readFileSync(join(single, "summary.json"), "utf8"))),
    );
    expect(markdownWithoutSpeed(readFileSync(join(out, "report.md"), "utf8"))).toBe(
      markdownWithoutSpeed(readFileSync(join(single, "report.md"), "utf8")),
    );
  });

  it("JOB_COMPLETION_INDEX (Kubernetes Indexed Job) with NEGLAB_SHARD_COUNT runs the same share as --shard", async () => {
    const out = join(dir, "runs", "indexed");
    const file = experiment("full");
    const indexed = await neglab(["run", file, "--out", out], { JOB_COMPLETION_INDEX: "1", NEGLAB_SHARD_COUNT: "3" });
    expect(indexed.code, indexed.stderr).toBe(0);
    expect(indexed.stdout).toContain("shard 2/3 finished 2 cells");
    const flag = await neglab(["run", file, "--out", out, "--shard", "2/3"]);
    expect(flag.stderr.match(/cached/g)).toHaveLength(2);
    const outOfRange = await neglab(["run", file, "--out", out], {
      JOB_COMPLETION_INDEX: "3",
      NEGLAB_SHARD_COUNT: "3",
    });
    expect(outOfRange.code).toBe(1);
    expect(outOfRange.stderr).toMatch(/JOB_COMPLETION_INDEX=3 is not below the shard count 3/);
  });

  it("recomputes a cell once an optional benchmark's file appears", async () => {
    const out = join(dir, "runs", "late");
    const late = join(dir, "late-data");
    mkdirSync(late, { recursive: true });
    const file = experiment("late", {
      seeds: [1],
      strategies: [{ name: "unigram", sampler: { type: "unigram" } }],
      benchmarks: [{ name: "late", type: "similarity", path: "late.tsv", optional: true }],
    });
    const before = await neglab(["run", file, "--out", out, "--no-html"], { NEGLAB_DATA: late });
    expect(before.code, before.stderr).toBe(0);
    expect(before.stderr).toMatch(/skipped: late: late\.tsv not found/);
    writeFileSync(join(late, "late.tsv"), readFileSync(join(dir, "data", "pairs.tsv")));
    const after = await neglab(["run", file, "--out", out, "--no-html"], { NEGLAB_DATA: late });
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).not.toMatch(/cached/);
    expect(after.stdout).toContain("On late, ");
    // Editing the file changes its digest, so the cell is computed again; an unchanged file is reused.
    expect((await neglab(["run", file, "--out", out, "--no-html"], { NEGLAB_DATA: late })).stderr).toMatch(/cached/);
    writeFileSync(join(late, "late.tsv"), "cat\tdog\t1\nsaw\tdrill\t2\ncat\tsaw\t9\n");
    expect((await neglab(["run", file, "--out", out, "--no-html"], { NEGLAB_DATA: late })).stderr).not.toMatch(
      /cached/,
    );
  });

  it("recomputes a cell when its domain weights file changes", async () => {
    const out = join(dir, "runs", "weights");
    writeFileSync(join(dir, "farm.tsv"), "cat\t2\ndog\t2\n");
    const file = experiment("weights", {
      seeds: [1],
      strategies: [{ name: "farm", sampler: { type: "domain", weights: "farm.tsv" } }],
      baseline: "farm",
    });
    expect((await neglab(["run", file, "--out", out, "--no-html"])).code).toBe(0);
    expect((await neglab(["run", file, "--out", out, "--no-html"])).stderr).toMatch(/cached/);
    writeFileSync(join(dir, "farm.tsv"), "cat\t3\ndog\t2\n");
    const changed = await neglab(["run", file, "--out", out, "--no-html"]);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stderr).not.toMatch(/cached/);
  });

  it("merge names the missing cells of an unfinished sharded run", async () => {
    const out = join(dir, "runs", "partial");
    const file = experiment("full");
    expect((await neglab(["run", file, "--out", out, "--shard", "1/3"])).code).toBe(0);
    const merged = await neglab(["merge", file, "--out", out]);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toMatch(/4 of 6 cells are missing \(.*seed/);
    // The shards that owe them, from the record shard 1/3 left in <out>/shards/.
    expect(merged.stderr).toContain(
      ": shard 2/3 has not run (2 cells; no shards/2-of-3.json), shard 3/3 has not run (2 cells; no shards/3-of-3.json); run the remaining shards first",
    );
  });
});

describe("neglab run: bad input", () => {
  const cases: [string, () => string[], RegExp][] = [
    [
      "an unknown strategy suggests the closest name",
      () => ["run", experiment("bad1", { strategies: [{ name: "u", sampler: { type: "unigarm" } }], baseline: "u" })],
      /strategies\[0\]\.sampler\.type: unknown strategy "unigarm" \(did you mean "unigram"\?\)/,
    ],
    [
      "an unknown field names its path and the closest field",
      () => ["run", experiment("bad2", { corpus: { source: "corpus.txt", lowercse: true } })],
      /corpus\.lowercse: unknown field \(did you mean "lowercase"\?\)/,
    ],
    [
      "a wrongly typed field says what was expected",
      () => ["run", experiment("bad3", { seeds: [1, "two"] })],
      /seeds\[1\]: expected an integer, got string "two"/,
    ],
    [
      "a baseline that is not a strategy",
      () => ["run", experiment("bad4", { baseline: "unigrm" })],
      /baseline: no strategy named "unigrm" \(did you mean "unigram"\?\)/,
    ],
    [
      "a duplicate strategy name",
      () => [
        "run",
        experiment("bad5", {
          strategies: [
            { name: "a", sampler: { type: "uniform" } },
            { name: "a", sampler: { type: "uniform" } },
          ],
          baseline: "a",
        }),
      ],
      /strategies\[1\]\.name: duplicate strategy name "a"/,
    ],
    [
      "a missing experiment file",
      () => ["run", join(dir, "nope.json")],
      /nope\.json: \(file\): no such experiment file/,
    ],
    [
      "a malformed shard",
      () => ["run", experiment("shard"), "--shard", "4/3"],
      /--shard 4\/3: expected i\/n with 1 ≤ i ≤ n/,
    ],
    [
      "a bad sampler option names it (validateSamplerSpec)",
      () => [
        "run",
        experiment("bad6", { strategies: [{ name: "u", sampler: { type: "unigram", alpha: "x" } }], baseline: "u" }),
      ],
      /strategies\[0\]\.sampler\.alpha: sampler "unigram": option "alpha": must be a finite number, got "x"/,
    ],
    [
      "a missing weights file fails before any work",
      () => [
        "run",
        experiment("bad7", {
          strategies: [{ name: "d", sampler: { type: "domain", weights: "nowhere.tsv" } }],
          baseline: "d",
        }),
      ],
      /strategies\[0\]\.sampler\.weights: .*nowhere\.tsv: no such file/,
    ],
    [
      "a bad trainer setting",
      () => ["run", experiment("bad8", { train: { vectorSize: 0 } })],
      /train\.vectorSize: must be an integer in \[1, 65536\], got 0/,
    ],
    [
      "an unknown trainer setting suggests the closest",
      () => ["run", experiment("bad9", { train: { epoch: 1 } })],
      /train\.epoch: unknown trainer setting \(did you mean "epochs"\?\)/,
    ],
    [
      "a bad strategy override names the strategy",
      () => [
        "run",
        experiment("bad10", {
          strategies: [
            { name: "u", sampler: { type: "uniform" } },
            { name: "v", sampler: { type: "uniform" }, train: { negative: -1 } },
          ],
          baseline: "u",
        }),
      ],
      /strategies\[1\]\.train\.negative: must be an integer in \[0, 1000\], got -1/,
    ],
    [
      "an unknown benchmark option",
      () => [
        "run",
        experiment("bad11", {
          benchmarks: [{ name: "p", type: "similarity", path: "pairs.tsv", options: { restrictVocb: 10 } }],
        }),
      ],
      /benchmarks\[0\]\.options\.restrictVocb: unknown similarity option \(did you mean "restrictVocab"\?\)/,
    ],
    [
      "a missing registered benchmark says how to fetch it",
      () => [
        "run",
        experiment("bad12", { benchmarks: [{ name: "q", type: "analogy", path: "eval/analogy/questions-words.txt" }] }),
        "--no-fetch",
      ],
      /benchmarks\[0\]\.path: eval\/analogy\/questions-words\.txt \(.*\) not found; fetch it with `neglab data fetch questions-words`/,
    ],
    [
      "a missing unregistered benchmark says where to put it",
      () => [
        "run",
        experiment("bad14", { benchmarks: [{ name: "q", type: "analogy", path: "eval/analogy/none.txt" }] }),
      ],
      /benchmarks\[0\]\.path: eval\/analogy\/none\.txt \(.*\) not found; it is not a registered dataset \(see `neglab data list`\), so put the file there/,
    ],
    [
      "report probes must be words",
      () => ["run", experiment("bad13", { report: { probes: "cat" } })],
      /report\.probes: expected an array of words/,
    ],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const result = await neglab(args());
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
    });
  }

  it("a JSON syntax error names the file", async () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, '{ "name": ');
    const result = await neglab(["run", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.json: \(file\): not valid JSON/);
  });
});

describe("neglab samplers weights", () => {
  it("weights words of the domain sub-corpus above 1 and the rest below", async () => {
    const domain = join(dir, "farm.txt");
    writeFileSync(domain, `${lines.filter((l) => l.includes("farm")).join("\n")}\n`);
    const out = join(dir, "farm-weights.tsv");
    const result = await neglab([
      "samplers",
      "weights",
      "--domain",
      domain,
      "--background",
      join(dir, "corpus.txt"),
      "--out",
      out,
      "--min-count",
      "1",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const weights = new Map(
      readFileSync(out, "utf8")
        .trim()
        .split("\n")
        .map((l) => [l.split("\t")[0], Number(l.split("\t")[1])]),
    );
    // Farm lines are half the background: p_domain/p_background ≈ 2 for farm words, ≈ 0 for shop words.
    expect(weights.get("cat")).toBeCloseTo(2, 1);
    expect(weights.get("saw")!).toBeLessThan(0.01);
    expect(weights.get("the")!).toBeGreaterThan(0.9);
  });

  it("names an unknown Brown genre", async () => {
    const result = await neglab(["samplers", "weights", "--domain", "brown:religon", "--out", join(dir, "x.tsv")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/religon/);
  });
});

describe("neglab samplers list", () => {
  it("lists the registered strategies with their options", async () => {
    const result = await neglab(["samplers", "list", "--json"]);
    expect(result.code).toBe(0);
    const names = JSON.parse(result.stdout).map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(["uniform", "unigram", "domain"]));
  });
});
