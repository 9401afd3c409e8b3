import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TrainingDivergedError } from "@neglab/trainer";
import { describe, expect, it } from "vitest";
import { inCliTerms } from "../src/commands/train.js";
import { parseNumberFlag } from "../src/commands/number-flags.js";
import { runBin, runMain } from "./cli-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-probe-cli-"));
const corpus = join(dir, "c.txt");
writeFileSync(corpus, Array.from({ length: 200 }, (_, i) => `a b c d e${i % 7} f g h`).join("\n"));
const train = (...extra: string[]) =>
  runMain("train", "--corpus", corpus, "--min-count", "1", "--workers", "1", ...extra);

describe("probe: --config that is not a regular file", () => {
  it("a FIFO without a writer is refused at once, not waited on", async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), "neglab-probe-fifo-")), "config.json");
    execFileSync("mkfifo", [fifo]);
    const { code, stderr } = await runMain("train", "--config", fifo, "--out", join(dir, "fifo-out.txt"));
    expect(code).toBe(1);
    expect(stderr).toBe(`neglab: --config: ${fifo}: not a regular file (a FIFO)\n`);
  }, 10_000);
});

describe("probe: outputs refused before the corpus is read", () => {
  it("--model *.gz names --model, and the valid --out is not written", async () => {
    const out = join(dir, "ok.txt");
    const { code, stderr } = await train("--epochs", "1", "--out", out, "--model", join(dir, "bad.neglab.gz"));
    expect(code).toBe(1);
    expect(stderr).toBe(
      `neglab: --model: ${join(dir, "bad.neglab.gz")}: model files are not gzipped; drop the .gz extension\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("an output ending in a separator names a directory: refused, nothing named like it is written", async () => {
    const { code, stderr } = await train("--epochs", "1", "--out", join(dir, "newdir") + "/");
    expect(code).toBe(1);
    expect(stderr).toContain(`--out: ${join(dir, "newdir")}/ names a directory`);
    expect(existsSync(join(dir, "newdir"))).toBe(false);
  });
});

describe("probe: numeric flags take decimal numbers only and quote the text", () => {
  it.each([
    ["--epochs", "0x2"],
    ["--epochs", "0b1"],
    ["--epochs", "+1"],
    ["--epochs", ""],
    ["--learning-rate", "abc"],
    ["--window", "Infinity"],
  ])("train %s %j", async (flag, text) => {
    const out = join(dir, "numbers.txt");
    const { code, stderr } = await train(`${flag}=${text}`, "--out", out);
    expect(code).toBe(1);
    expect(stderr).toBe(`neglab: ${flag}: expected a decimal number, got ${JSON.stringify(text)}\n`);
    expect(existsSync(out)).toBe(false);
  });

  it("samplers weights --beta, eval --restrict-vocab, corpus stats --sample, samplers inspect --top", async () => {
    expect(
      (
        await runMain(
          "samplers",
          "weights",
          "--domain",
          corpus,
          "--background",
          corpus,
          "--beta",
          "abc",
          "--out",
          join(dir, "w.txt"),
        )
      ).stderr,
    ).toBe('neglab: --beta: expected a decimal number, got "abc"\n');
    expect((await runMain("eval", corpus, "--restrict-vocab", "abc")).stderr).toBe(
      'neglab: --restrict-vocab: expected a decimal number, got "abc"\n',
    );
    expect((await runMain("corpus", "stats", corpus, "--sample", "0x1")).stderr).toBe(
      'neglab: --sample: expected a decimal number, got "0x1"\n',
    );
    const inspect = await runMain("samplers", "inspect", "unigram", "--corpus", corpus, "--top", "1e");
    expect([inspect.code, inspect.stderr]).toEqual([1, 'neglab: --top: expected a decimal number, got "1e"\n']);
  });

  it("decimal forms are accepted; defaults pass through", () => {
    expect(["5", "-1", "0.025", ".5", "1e-3", "2E+2"].map((t) => parseNumberFlag("x", t))).toEqual([
      5, -1, 0.025, 0.5, 0.001, 200,
    ]);
    expect(parseNumberFlag("x", 7)).toBe(7);
    expect(() => parseNumberFlag("x", ["1", "2"])).toThrow('--x: given 2 times ("1", "2"); give it once');
  });
});

describe("probe: divergence names the CLI's flag", () => {
  it("a real divergence says --learning-rate, not the sampler's --alpha", async () => {
    const { code, stderr } = await train(
      "--learning-rate",
      "1000",
      "--epochs",
      "2",
      "--out",
      join(dir, "diverged.txt"),
    );
    expect(code).toBe(1);
    expect(stderr).toContain("lower the learning rate (--learning-rate, config field alpha; now 1000)");
    expect(stderr).not.toContain("lower alpha");
  });

  it("CBOW sum names --cbow-mean; an unknown wording gets the flag appended", () => {
    const cbow = inCliTerms(
      new TrainingDivergedError(0, "training diverged in epoch 1 of 5: x; lower alpha (now 0.5) or set cbowMean: true"),
    );
    expect(cbow.message).toBe(
      "training diverged in epoch 1 of 5: x; lower the learning rate (--learning-rate, config field alpha; now 0.5) or give --cbow-mean (config field cbowMean: true)",
    );
    expect(cbow.epoch).toBe(0);
    expect(inCliTerms(new TrainingDivergedError(1, "diverged")).message).toBe(
      "diverged (the learning rate is --learning-rate)",
    );
  });
});

describe("probe: standard input and output", () => {
  it("eval - is refused before loading", async () => {
    const { code, stderr } = await runMain("eval", "-");
    expect(code).toBe(1);
    expect(stderr).toBe(
      'neglab: vectors: reading vectors from standard input ("-") is not supported: name a vectors file\n',
    );
  });

  it("samplers weights --out - keeps stdout for the data and says 'standard output' on stderr", async () => {
    const { code, stdout, stderr } = await runBin(
      ["samplers", "weights", "--domain", corpus, "--background", corpus, "--min-count", "1", "--out", "-"],
      dir,
    );
    expect(code).toBe(0);
    expect(
      stdout
        .trimEnd()
        .split("\n")
        .every((line) => /^\S+\t[0-9.e+-]+$/.test(line)),
    ).toBe(true);
    expect(stderr).toMatch(/^wrote \d+ weights to standard output; highest: /);
  });
});
