import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFixture } from "./run-fixture.js";

/**
 * Issue #21: a model that cannot fit WebAssembly's 4 GiB memory is refused before the corpus is read when
 * --max-final-vocab / train.maxFinalVocab bounds it, else right after counting, before any training, with the
 * numbers and the settings that would fit in the command's own names.
 */
const { dir, experiment, neglab } = runFixture("neglab-model-size-");
// 9,000 distinct words, the first 4,000 twice: at 65,536 dimensions, syn0 and syn1neg take 4.4 GiB
const words = Array.from({ length: 9000 }, (_, i) => `w${i}`);
writeFileSync(join(dir, "wide.txt"), `${words.join(" ")}\n${words.slice(0, 4000).join(" ")}\n`);
const GIB = /\d\.\d\d GiB/.source;

describe("neglab train", () => {
  it("--max-final-vocab too large for --vector-size is refused before the corpus is read, in flag names; the suggestion runs", async () => {
    const out = join(dir, "vectors.txt");
    const refused = await neglab([
      "train",
      "--corpus",
      join(dir, "no-such-corpus.txt"),
      "--max-final-vocab",
      "2000000",
      "--vector-size",
      "300",
      "--out",
      out,
    ]);
    expect(refused.code).toBe(1);
    const message = new RegExp(
      `^neglab: --max-final-vocab: up to 2,000,000 words \\(--max-final-vocab 2000000\\) of 300 dimensions \\(--vector-size 300\\) need ${GIB} of memory, ` +
        `over WebAssembly's 4 GiB limit: 2 matrices \\(syn0, syn1neg\\) of 2\\.24 GiB each; replicas, worker scratch and tables ${GIB}\\. ` +
        `It fits with --vector-size (\\d+), or --max-final-vocab (\\d+)\\.\\n$`,
    );
    expect(refused.stderr).toMatch(message);
    const [, vectorSize] = message.exec(refused.stderr)!;
    expect(existsSync(out)).toBe(false);
    const fits = await neglab([
      "train",
      "--corpus",
      join(dir, "corpus.txt"),
      "--max-final-vocab",
      "2000000",
      "--vector-size",
      vectorSize,
      "--epochs",
      "1",
      "--min-count",
      "1",
      "--workers",
      "1",
      "--out",
      out,
    ]);
    expect(fits.code, fits.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it("a bound from the --config file is named by the file and field", async () => {
    const config = join(dir, "train.json");
    writeFileSync(config, JSON.stringify({ corpus: "corpus.txt", maxFinalVocab: 5_000_000, vectorSize: 150 }));
    const refused = await neglab(["train", "--config", config, "--out", join(dir, "config.vec")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^neglab: ${config}: maxFinalVocab: up to 5,000,000 words \\(--max-final-vocab 5000000\\) of 150 dimensions \\(--vector-size 150\\) need ${GIB} .* It fits with --vector-size \\d+, or --max-final-vocab \\d+\\.\\n$`,
      ),
    );
  });

  it("otherwise the words counted are checked before training, and --min-count is suggested", async () => {
    const refused = await neglab([
      "train",
      "--corpus",
      join(dir, "wide.txt"),
      "--min-count",
      "1",
      "--vector-size",
      "65536",
      "--workers",
      "1",
      "--out",
      join(dir, "wide.txt.vec"),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `\nneglab: --min-count: the 9,000 words counted of 65536 dimensions \\(--vector-size 65536\\) need 4\\.40 GiB of memory, over WebAssembly's 4 GiB limit: ` +
          `.* It fits with --vector-size \\d+, or --max-final-vocab \\d+, or --min-count 2 \\(4,000 words\\)\\.\\n$`,
      ),
    );
  });
});

describe("neglab run", () => {
  it("train.maxFinalVocab too large for a strategy's vectorSize stops the run before the corpus is read, naming the strategy's field", async () => {
    const file = experiment("bounded", {
      train: { architecture: "skipgram", vectorSize: 5, epochs: 1, workers: 1, minCount: 1, maxFinalVocab: 2_000_000 },
      strategies: [
        { name: "uniform", sampler: { type: "uniform" } },
        { name: "unigram", sampler: { type: "unigram" }, train: { vectorSize: 300 } },
      ],
    });
    const out = join(dir, "runs", "bounded");
    const result = await neglab(["run", file, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^neglab: ${file}: train\\.maxFinalVocab: strategy "unigram": up to 2,000,000 words \\(train\\.maxFinalVocab: 2000000\\) of 300 dimensions ` +
          `\\(strategies\\[1\\]\\.train\\.vectorSize: 300\\) need ${GIB} .* It fits with strategies\\[1\\]\\.train\\.vectorSize: \\d+, or train\\.maxFinalVocab: \\d+\\.\\n$`,
      ),
    );
    expect(existsSync(out)).toBe(false);
  });

  it("every strategy's model is checked against the words counted before the first cell trains", async () => {
    const file = experiment("counted", {
      corpus: { source: "wide.txt" },
      strategies: [
        { name: "narrow", sampler: { type: "uniform" } },
        { name: "unigram", sampler: { type: "unigram" }, train: { vectorSize: 65_536 } },
      ],
      seeds: [1],
    });
    const out = join(dir, "runs", "counted");
    const result = await neglab(["run", file, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `neglab: ${file}: train\\.minCount: strategy "unigram": the 9,000 words counted of 65536 dimensions \\(strategies\\[1\\]\\.train\\.vectorSize: 65536\\) need 4\\.40 GiB ` +
          `.* It fits with strategies\\[1\\]\\.train\\.vectorSize: \\d+, or train\\.maxFinalVocab: \\d+, or train\\.minCount: 2 \\(4,000 words\\)\\.\\n$`,
      ),
    );
    // the first strategy, which fits, did not train either
    expect(readdirSync(join(out, "cells"))).toEqual([]);
  });

  it("a strategy cannot set the shared vocabulary's settings, which it would not change", async () => {
    const file = experiment("override", {
      strategies: [{ name: "unigram", sampler: { type: "unigram" }, train: { maxFinalVocab: 100 } }],
    });
    const result = await neglab(["run", file, "--out", join(dir, "runs", "override")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `neglab: ${file}: strategies[0].train.maxFinalVocab: the vocabulary is counted once for every strategy, from the base settings: set it in \`train\`\n`,
    );
  });

  it("train.maxFinalVocab now caps the vocabulary that every cell trains on", async () => {
    const file = experiment("capped", {
      train: {
        architecture: "skipgram",
        vectorSize: 5,
        epochs: 1,
        workers: 1,
        minCount: 1,
        sample: 0,
        maxFinalVocab: 8,
      },
      seeds: [1],
      benchmarks: [],
    });
    const result = await neglab(["run", file, "--out", join(dir, "runs", "capped"), "--no-html"]);
    expect(result.code, result.stderr).toBe(0);
    // 18 distinct words; the 8 most frequent are kept
    expect(result.stderr).toMatch(/corpus \S+corpus\.txt: \d+ in-vocabulary tokens, 8 words\n/);
  });
});
