import { linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputs, OutputPathError } from "../src/output-paths.js";
import { neglab, outputsWorkspace, QUICK } from "./outputs-helpers.js";

// Defect 2 of issue #19: an output that is an input (or another output) is refused before any work, naming both.
const { dir, corpus, background } = outputsWorkspace("aliasing");
const original = readFileSync(corpus, "utf8");

describe("train refuses outputs that alias inputs or each other", () => {
  it("--out naming the corpus: exit 1, both flags named, the corpus intact", async () => {
    const result = await neglab(dir, "train", "--corpus", corpus, ...QUICK, "--out", corpus);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `neglab: --out ${corpus} is the same file as --corpus ${corpus}: writing it would destroy the input\n`,
    );
    expect(readFileSync(corpus, "utf8")).toBe(original);
  });

  it("--out through a symbolic link or a hard link to the corpus, or a relative spelling of it", async () => {
    symlinkSync(corpus, join(dir, "link-to-corpus.txt"));
    linkSync(corpus, join(dir, "hard-link.txt"));
    for (const out of [join(dir, "link-to-corpus.txt"), join(dir, "hard-link.txt"), "./corpus.txt"]) {
      const result = await neglab(dir, "train", "--corpus", corpus, ...QUICK, "--out", out);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/is the same file as --corpus .*corpus\.txt: writing it would destroy the input/);
    }
    expect(readFileSync(corpus, "utf8")).toBe(original);
  });

  it("--out and --model naming one file", async () => {
    const both = join(dir, "both.bin");
    const result = await neglab(dir, "train", "--corpus", corpus, ...QUICK, "--out", both, "--model", both);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `neglab: --out ${both} and --model ${both} are the same file: one output would overwrite the other\n`,
    );
  });

  it("an output inside a corpus directory, and the files of a corpus directory", async () => {
    const parts = join(dir, "parts");
    mkdirSync(parts);
    writeFileSync(join(parts, "a.txt"), original);
    const inside = await neglab(dir, "train", "--corpus", parts, ...QUICK, "--out", join(parts, "vectors.txt"));
    expect(inside.code).toBe(1);
    expect(inside.stderr).toMatch(
      /--out .*parts\/vectors\.txt is inside the directory of --corpus .*parts: it would become part of that input/,
    );
    const file = await neglab(dir, "train", "--corpus", parts, ...QUICK, "--out", join(parts, "a.txt"));
    expect(file.code).toBe(1);
    expect(readFileSync(join(parts, "a.txt"), "utf8")).toBe(original);
  });

  it("the config file and the sampler's weights file as outputs", async () => {
    const config = join(dir, "train.json");
    const json = JSON.stringify({
      corpus: "corpus.txt",
      vectorSize: 4,
      epochs: 1,
      minCount: 1,
      workers: 1,
      out: "train.json",
    });
    writeFileSync(config, json);
    const fromConfig = await neglab(dir, "train", "--config", config);
    expect(fromConfig.code).toBe(1);
    expect(fromConfig.stderr).toBe(
      `neglab: ${config}: out ${config} is the same file as --config ${config}: writing it would destroy the input\n`,
    );
    expect(readFileSync(config, "utf8")).toBe(json);

    const weights = join(dir, "weights.tsv");
    writeFileSync(weights, "cat\t2\n");
    const result = await neglab(
      dir,
      "train",
      "--corpus",
      corpus,
      ...QUICK,
      "--sampler",
      "domain",
      "--weights",
      weights,
      "--out",
      weights,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--out .*weights\.tsv is the same file as --sampler weights .*weights\.tsv/);
    expect(readFileSync(weights, "utf8")).toBe("cat\t2\n");
  });
});

describe("samplers weights refuses outputs that alias its corpora", () => {
  it("--out naming the domain or the background corpus", async () => {
    for (const [flag, victim] of [
      ["--domain", corpus],
      ["--background", background],
    ] as const) {
      const before = readFileSync(victim, "utf8");
      const result = await neglab(
        dir,
        "samplers",
        "weights",
        "--domain",
        corpus,
        "--background",
        background,
        "--min-count",
        "1",
        "--out",
        victim,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `neglab: --out ${victim} is the same file as ${flag} ${victim}: writing it would destroy the input\n`,
      );
      expect(readFileSync(victim, "utf8")).toBe(before);
    }
  });
});

describe("checkOutputs", () => {
  it("accepts distinct outputs beside the inputs, and refuses a second standard output", async () => {
    await expect(
      checkOutputs(
        [
          { label: "--out", path: join(dir, "v.txt") },
          { label: "--model", path: join(dir, "m.neglab") },
        ],
        [{ label: "--corpus", path: corpus }],
      ),
    ).resolves.toBeUndefined();
    await expect(checkOutputs([{ label: "--out", path: "-" }], [])).rejects.toThrow(
      new OutputPathError('--out: "-" (standard output) is not possible here: name a file'),
    );
    await expect(
      checkOutputs(
        [
          { label: "--a", path: "-" },
          { label: "--b", path: "-" },
        ],
        [],
        { stdout: true },
      ),
    ).rejects.toThrow(new OutputPathError('--a and --b both name standard output ("-"): only one output can go there'));
  });
});
