import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_GROUPS } from "../src/usage.js";
import { runBin, runMain } from "./cli-helpers.js";

const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string })
  .version;
const dir = mkdtempSync(join(tmpdir(), "neglab-cli-usage-"));
const corpus = join(dir, "corpus.txt");
writeFileSync(corpus, Array.from({ length: 200 }, (_, i) => `the cat ${i % 7} sat on the mat ${i % 5}`).join("\n"));
const vectors = join(dir, "vectors.txt");
writeFileSync(vectors, "3 2\nthe 1 0\ncat 0 1\nmat 1 1\n");
const pairs = join(dir, "pairs.tsv");
writeFileSync(pairs, "the\tcat\t1\ncat\tmat\t2\nthe\tmat\t3\n");
const experiment = join(dir, "experiment");
mkdirSync(experiment);
writeFileSync(
  join(experiment, "experiment.json"),
  JSON.stringify({
    name: "usage",
    corpus: { source: corpus },
    train: { vectorSize: 4, epochs: 1, workers: 1, minCount: 1 },
    strategies: [{ name: "uniform", sampler: { type: "uniform" } }],
    seeds: [1],
    benchmarks: [{ name: "pairs", type: "similarity", path: pairs }],
  }),
);

const env = { XDG_CACHE_HOME: join(dir, "cache"), NEGLAB_DATA: join(dir, "data") };
const neglab = (...args: string[]) => runBin(args, dir, env);
const run = runMain;

/** A file holding "keep\n", to show that a command did not write it. */
function keepFile(name: string): string {
  const file = join(dir, name);
  writeFileSync(file, "keep\n");
  return file;
}

describe("a usage error stops the command before its handler runs (issue #19, defect 1)", () => {
  it("train with a mistyped flag exits 2 and does not train or overwrite --out", async () => {
    const keep = keepFile("keep-train.txt");
    for (const [typo, message] of [
      [["--epoch", "1"], "neglab: unknown option --epoch; did you mean --epochs?\n"],
      [["--vector-sise", "300"], "neglab: unknown option --vector-sise; did you mean --vector-size?\n"],
    ] as const) {
      const { code, stdout, stderr } = await run(
        "train",
        "--corpus",
        corpus,
        "--min-count",
        "1",
        "--workers",
        "1",
        ...typo,
        "--out",
        keep,
      );
      expect([code, stdout, stderr]).toEqual([2, "", `${message}Run "neglab train --help" for usage.\n`]);
      expect(readFileSync(keep, "utf8")).toBe("keep\n");
    }
  });

  it("samplers weights with a bad choice exits 2 and does not write --out", async () => {
    const keep = keepFile("keep-weights.tsv");
    const { code } = await run(
      "samplers",
      "weights",
      "--domain",
      corpus,
      "--background",
      corpus,
      "--min-count",
      "1",
      "--punctuation",
      "dorp",
      "--out",
      keep,
    );
    expect(code).toBe(2);
    expect(readFileSync(keep, "utf8")).toBe("keep\n");
  });

  it("the installed command (bin.js) exits 2 on a usage error", async () => {
    const keep = keepFile("keep-bin.txt");
    const { code, stdout, stderr } = await neglab(
      "train",
      "--corpus",
      corpus,
      "--min-count",
      "1",
      "--epoch",
      "1",
      "--out",
      keep,
    );
    expect([code, stdout, stderr.split("\n")[0]]).toEqual([
      2,
      "",
      "neglab: unknown option --epoch; did you mean --epochs?",
    ]);
    expect(readFileSync(keep, "utf8")).toBe("keep\n");
  });

  // Every command and subcommand, given a flag it does not have: exit 2, nothing on stdout, no file written.
  const runDir = join(dir, "run-out");
  const invocations: string[][] = [
    ["corpus", "stats", corpus],
    ["run", experiment, "--out", runDir],
    ["merge", experiment, "--out", runDir],
    ["report", runDir],
    ["samplers", "list"],
    ["samplers", "inspect", "uniform", "--corpus", corpus, "--min-count", "1"],
    [
      "samplers",
      "weights",
      "--domain",
      corpus,
      "--background",
      corpus,
      "--min-count",
      "1",
      "--out",
      join(dir, "weights.tsv"),
    ],
    ["train", "--corpus", corpus, "--min-count", "1", "--out", join(dir, "trained.txt")],
    ["eval", vectors, "--similarity", pairs],
    ["compare", runDir],
    ["data", "list"],
    ["data", "fetch", "wordsim353", "--url", "http://127.0.0.1:9/wordsim353.tsv"],
    ["data", "verify"],
  ];
  it.each(invocations)("%s %s: an unknown flag exits 2 before any work", async (...args) => {
    const { code, stdout, stderr } = await run(...args, "--bogus-flag");
    expect(stderr).toMatch(/^neglab: unknown option --bogus-flag\nRun "neglab [a-z ]+--help" for usage\.\n$/);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    for (const output of [runDir, join(dir, "weights.tsv"), join(dir, "trained.txt")])
      expect(existsSync(output)).toBe(false);
  });

  it("the reported cases: --shards, --method 3cosmull, merge --no-fetch", async () => {
    const shards = await run("run", experiment, "--out", runDir, "--shards", "1/2");
    expect([shards.code, shards.stderr.split("\n")[0]]).toEqual([
      2,
      "neglab: unknown option --shards; did you mean --shard?",
    ]);
    const method = await run("eval", vectors, "--similarity", pairs, "--method", "3cosmull");
    expect([method.code, method.stdout, method.stderr.split("\n")[0]]).toEqual([
      2,
      "",
      'neglab: --method: "3cosmull" is not one of "3cosadd", "3cosmul"; did you mean "3cosmul"?',
    ]);
    const merge = await run("merge", experiment, "--out", runDir, "--no-fetch");
    expect([merge.code, merge.stderr.split("\n")[0]]).toEqual([2, "neglab: unknown option --no-fetch"]);
    expect(existsSync(runDir)).toBe(false);
  });

  it("mistyped commands and subcommands get a did-you-mean", async () => {
    const command = await run("trian", "--corpus", corpus);
    expect([command.code, command.stderr]).toEqual([
      2,
      'neglab: unknown command "trian"; did you mean "train"?\nRun "neglab --help" for usage.\n',
    ]);
    const sub = await run("samplers", "lst");
    expect([sub.code, sub.stderr.split("\n")[0]]).toEqual([
      2,
      'neglab: unknown command "samplers lst"; did you mean "samplers list"?',
    ]);
    // `corpus <anything>` used to run `corpus stats`.
    const corpusTypo = await run("corpus", "stat", corpus);
    expect([corpusTypo.code, corpusTypo.stdout, corpusTypo.stderr.split("\n")[0]]).toEqual([
      2,
      "",
      'neglab: unknown command "corpus stat"; did you mean "corpus stats"?',
    ]);
    const missing = await run("data");
    expect([missing.code, missing.stderr.split("\n")[0]]).toEqual([
      2,
      'neglab: name a subcommand of "data" (list, fetch, verify)',
    ]);
    const noVectors = await run("eval", "--similarity", pairs);
    expect([noVectors.code, noVectors.stdout, noVectors.stderr]).toEqual([
      2,
      "",
      'neglab: missing argument: "neglab eval" takes at least 1, got 0\nRun "neglab eval --help" for usage.\n',
    ]);
  });
});

describe("help, version and completion", () => {
  it("--version prints the app's version; no command is a usage error; help exits 0", async () => {
    expect(await neglab("--version")).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    const none = await run();
    expect([none.code, none.stdout]).toEqual([2, ""]);
    expect(none.stderr).toMatch(
      /^neglab: name a command \(corpus, run, merge, report, samplers, train, eval, compare, data, completion\)\n/,
    );
    const trainHelp = await run("help", "train");
    expect([trainHelp.code, trainHelp.stdout.split("\n")[0]]).toEqual([0, "neglab train"]);
    for (const args of [["help"], ["--help"], ["-h"]]) {
      const help = await run(...args);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain("neglab train");
      expect(help.stdout).toContain("neglab completion");
    }
  });

  it("every command and subcommand has --help (exit 0)", async () => {
    const paths = [
      ["run"],
      ["merge"],
      ["report"],
      ["train"],
      ["eval"],
      ["compare"],
      ...Object.entries(COMMAND_GROUPS).flatMap(([group, subs]) => subs.map((sub) => [group, sub])),
    ];
    for (const path of paths) {
      const { code, stdout } = await run(...path, "--help");
      expect([path.join(" "), code]).toEqual([path.join(" "), 0]);
      expect(stdout).toContain(`neglab ${path.join(" ")}`);
    }
  });

  it("prints a shell completion script and completes commands and subcommands", async () => {
    const script = await run("completion");
    expect(script.code).toBe(0);
    expect(script.stdout).toContain("###-begin-neglab-completions-###");
    const subcommands = await run("--get-yargs-completions", "neglab", "samplers", "");
    expect(subcommands.stdout.split("\n").filter(Boolean)).toEqual(["list", "inspect", "weights"]);
  });
});
