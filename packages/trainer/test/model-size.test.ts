import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Vocabulary } from "@neglab/corpus";
import { createStream } from "@neglab/random";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  checkModelFits,
  modelMemory,
  ModelTooLargeError,
  resolveSettings,
  train,
  TrainOptionError,
  type FitSuggestion,
  type KnownVocabulary,
  type TrainSettings,
} from "../src/index.js";
import { huffmanPathLength, huffmanPaths } from "../src/huffman.js";
import { leastPathLength } from "../src/model-size.js";
import { MAX_MEMORY_BYTES } from "../src/layout.js";

const GIB = 2 ** 30;

/** Zipf-like counts (descending, integers ≥ 5) for `size` words. */
function zipfCounts(size: number): Float64Array {
  return Float64Array.from({ length: size }, (_, i) => 5 + Math.floor(1e8 / (i + 1)));
}

/** The refusal `checkModelFits` throws for these settings and vocabulary. */
function refusal(settings: TrainSettings, known: KnownVocabulary): ModelTooLargeError {
  try {
    checkModelFits(settings, known);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelTooLargeError);
    return error as ModelTooLargeError;
  }
  throw new Error("the model fits");
}

/** The settings and vocabulary with one suggestion applied, as a user would apply it. */
function apply(settings: TrainSettings, known: KnownVocabulary, s: FitSuggestion): [TrainSettings, KnownVocabulary] {
  if (s.setting === "vocabulary" || s.setting === "maxFinalVocab" || s.setting === "minCount") {
    const words = s.words!;
    return [
      settings,
      { ...known, size: words, ...(known.counts ? { counts: Array.from(known.counts).slice(0, words) } : {}) },
    ];
  }
  return [{ ...settings, [s.setting]: s.value }, known];
}

/** Every suggestion fits when fed back, and the numeric ones are the largest that fit. */
function expectSuggestionsFit(
  settings: TrainSettings,
  known: KnownVocabulary,
  suggestions: readonly FitSuggestion[],
): void {
  for (const s of suggestions) {
    const [fixed, vocabulary] = apply(settings, known, s);
    expect(() => checkModelFits(fixed, vocabulary), JSON.stringify(s)).not.toThrow();
    if (s.setting === "vectorSize" || s.setting === "workers") {
      expect(
        modelMemory({ ...settings, [s.setting]: (s.value as number) + 1 }, known.size, known.counts).fits,
        JSON.stringify(s),
      ).toBe(false);
    }
    if (s.setting === "maxFinalVocab" || s.setting === "vocabulary") {
      const more = s.words! + 1;
      expect(
        modelMemory(settings, more, known.counts ? Array.from(known.counts).slice(0, more) : undefined).fits,
        JSON.stringify(s),
      ).toBe(false);
    }
  }
}

describe("modelMemory", () => {
  test("a million words × 300 with negative sampling needs two matrices of V·300·4 bytes plus little else, under 4 GiB", () => {
    const plan = modelMemory(resolveSettings({ architecture: "skipgram", vectorSize: 300, workers: 2 }), 1_000_000);
    const matrices = 2 * 1_000_000 * 300 * 4;
    expect(plan.fits).toBe(true);
    expect(plan.layout.bytes).toBeGreaterThan(matrices);
    expect(plan.layout.bytes - matrices).toBeLessThan(16 * 2 ** 20);
    expect(plan.layout.syn1).toBe(0);
    expect(plan.pathLength).toBe(0);
  });

  test("Huffman paths: exact from the counts (as huffmanPaths builds them), else a balanced tree's, which no tree undercuts", () => {
    const rng = createStream(3, "model-size");
    for (const size of [1, 2, 3, 5, 64, 100, 1000]) {
      const counts = Float64Array.from({ length: size }, () => 1 + Math.floor(rng.nextFloat() * 1000))
        .sort()
        .reverse();
      expect(huffmanPathLength(counts)).toBe(huffmanPaths(counts).points.length);
      expect(huffmanPathLength(counts)).toBeGreaterThanOrEqual(leastPathLength(size));
      // equal counts give the balanced tree itself
      expect(huffmanPathLength(new Float64Array(size).fill(7))).toBe(leastPathLength(size));
    }
    expect([1, 2, 3, 4, 5, 8].map(leastPathLength)).toEqual([0, 2, 5, 8, 12, 24]);
    const settings = resolveSettings({ hs: true, negative: 0, vectorSize: 10 });
    expect(modelMemory(settings, 1000).pathsExact).toBe(false);
    expect(modelMemory(settings, 1000, zipfCounts(1000)).pathLength).toBe(huffmanPathLength(zipfCounts(1000)));
  });

  test("one word always fits within resolveSettings' ranges, so nothing needs refusing before a bound is known", () => {
    const extreme = resolveSettings({
      architecture: "cbow",
      vectorSize: 1 << 16,
      window: 10_000,
      negative: 1000,
      hs: true,
      workers: 256,
      hotRows: 2 ** 31 - 1,
    });
    const plan = modelMemory(extreme, 1);
    expect(plan.fits).toBe(true);
    expect(plan.layout.bytes).toBeLessThan(3 * GIB);
  });
});

describe("checkModelFits refuses what WebAssembly's 4 GiB cannot hold", () => {
  test("maxFinalVocab 2,000,000 × vectorSize 300: the message gives the memory, words, dimensions and matrices, and what fits", () => {
    const settings = resolveSettings({
      architecture: "skipgram",
      vectorSize: 300,
      workers: 2,
      maxFinalVocab: 2_000_000,
    });
    const known: KnownVocabulary = { source: "maxFinalVocab", size: 2_000_000 };
    const error = refusal(settings, known);
    expect(error).toBeInstanceOf(TrainOptionError);
    expect(error.field).toBe("maxFinalVocab");
    const needed = error.plan.layout.bytes;
    expect(needed).toBeGreaterThan(MAX_MEMORY_BYTES);
    const vectorSize = error.suggestions.find((s) => s.setting === "vectorSize")!.value as number;
    const words = error.suggestions.find((s) => s.setting === "maxFinalVocab")!.value as number;
    // first principles: two matrices of 4-byte floats take nearly all of it
    expect(vectorSize).toBeGreaterThanOrEqual(Math.floor(MAX_MEMORY_BYTES / (2_000_000 * 2 * 4)) - 2);
    expect(vectorSize).toBeLessThanOrEqual(Math.floor(MAX_MEMORY_BYTES / (2_000_000 * 2 * 4)));
    expect(words).toBeLessThan(Math.floor(MAX_MEMORY_BYTES / (300 * 8)));
    expect(words).toBeGreaterThan(Math.floor(MAX_MEMORY_BYTES / (300 * 8)) - 10_000);
    expect(error.message).toBe(
      `maxFinalVocab: up to 2,000,000 words (maxFinalVocab: 2000000) of 300 dimensions (vectorSize: 300) need ${(needed / GIB).toFixed(2)} GiB of memory, ` +
        `over WebAssembly's 4 GiB limit: 2 matrices (syn0, syn1neg) of 2.24 GiB each; replicas, worker scratch and tables 0.02 GiB. ` +
        `It fits with vectorSize: ${vectorSize}, or maxFinalVocab: ${words}.`,
    );
    expect(error.suggestions.map((s) => s.setting)).toEqual(["vectorSize", "maxFinalVocab"]);
    expectSuggestionsFit(settings, known, error.suggestions);
  });

  test("counts known: exact Huffman paths, a minCount that leaves a vocabulary that fits, and hs: false when negative sampling stays", () => {
    const settings = resolveSettings({ architecture: "skipgram", vectorSize: 300, hs: true, workers: 2 });
    const counts = zipfCounts(1_300_000);
    const known: KnownVocabulary = { source: "counted", size: counts.length, counts };
    const error = refusal(settings, known);
    expect(error.field).toBe("minCount");
    expect(error.plan.pathsExact).toBe(true);
    expect(error.plan.pathLength).toBe(huffmanPathLength(counts));
    expect(error.suggestions.map((s) => s.setting)).toEqual(["vectorSize", "maxFinalVocab", "minCount", "hs"]);
    const minCount = error.suggestions.find((s) => s.setting === "minCount")!;
    // the words kept are exactly those counted at least minCount times
    expect(minCount.words).toBe(counts.findIndex((c) => c < (minCount.value as number)));
    expect(error.message).toMatch(
      /^minCount: the 1,300,000 words counted of 300 dimensions \(vectorSize: 300\) need \d+\.\d\d GiB of memory, over WebAssembly's 4 GiB limit: 3 matrices \(syn0, syn1neg, syn1\) of 1\.45 GiB each; Huffman paths \d\.\d\d GiB; /,
    );
    expect(error.message).toMatch(
      new RegExp(
        `minCount: ${minCount.value as number} \\(${minCount.words!.toLocaleString("en")} words\\), or hs: false\\.$`,
      ),
    );
    expectSuggestionsFit(settings, known, error.suggestions);
  });

  test('explicit replicas that push it over: hotRows: 0 and fewer workers fit; "auto" shrinks its replicas by itself', () => {
    const settings = resolveSettings({ vectorSize: 300, workers: 3, hotRows: 200_000 });
    const known: KnownVocabulary = { source: "vocabulary", size: 1_600_000, counts: zipfCounts(1_600_000) };
    const error = refusal(settings, known);
    expect(error.field).toBe("vocabulary");
    expect(error.suggestions).toContainEqual({ setting: "hotRows", value: 0 });
    expect(error.suggestions).toContainEqual({ setting: "workers", value: 1 });
    // a given vocabulary is not counted again: the suggestion is a smaller one, not minCount
    expect(error.suggestions.some((s) => s.setting === "minCount" || s.setting === "maxFinalVocab")).toBe(false);
    expect(error.message).toMatch(
      /It fits with vectorSize: \d+, or a vocabulary of at most [\d,]+ words, or hotRows: 0, or workers: 1\.$/,
    );
    expectSuggestionsFit(settings, known, error.suggestions);
    expect(checkModelFits({ ...settings, hotRows: "auto" }, known).layout.hotRows).toBeGreaterThan(0);
  });

  test("a continued model keeps its vectorSize, hs and words: only what can change is suggested", () => {
    const settings = resolveSettings({ vectorSize: 300, hs: true, workers: 2, hotRows: 100_000 });
    const known: KnownVocabulary = { source: "initialModel", size: 1_100_000, counts: zipfCounts(1_100_000) };
    const error = refusal(settings, known);
    expect(error.field).toBe("initialModel");
    expect(error.suggestions).toEqual([
      { setting: "hotRows", value: 0 },
      { setting: "workers", value: 1 },
    ]);
    expectSuggestionsFit(settings, known, error.suggestions);
  });

  test("explain() words the same refusal in another vocabulary of names", () => {
    const error = refusal(resolveSettings({ vectorSize: 600, maxFinalVocab: 1_000_000 }), {
      source: "maxFinalVocab",
      size: 1_000_000,
    });
    const flags = error.explain((setting, value) =>
      typeof value === "boolean" ? `--${value ? "" : "no-"}${setting}` : `--${setting} ${value}`,
    );
    expect(flags).toMatch(
      /^up to 1,000,000 words \(--maxFinalVocab 1000000\) of 600 dimensions \(--vectorSize 600\) need .* It fits with --vectorSize \d+, or --maxFinalVocab \d+\.$/,
    );
    expect(error.message).toBe(`maxFinalVocab: ${error.reason}`);
  });
});

describe("train() refuses before the work", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "neglab-model-size-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("maxFinalVocab bounds the model before the corpus is read (a corpus that does not exist is never opened)", async () => {
    await expect(
      train({ corpus: join(dir, "missing.txt"), vectorSize: 300, maxFinalVocab: 2_000_000 }),
    ).rejects.toThrow(/^maxFinalVocab: up to 2,000,000 words/);
  });

  test("a given vocabulary too large is refused before any memory is laid out", async () => {
    const size = 1_500_000;
    const vocabulary = new Vocabulary(
      Array.from({ length: size }, (_, i) => `w${i}`),
      zipfCounts(size),
    );
    const encoded = {
      ids: Int32Array.from([0, 1, 2]),
      sentenceStarts: Int32Array.from([0, 3]),
      tokens: 3,
      sentences: 1,
      rawTokens: 3,
      rawSentences: 1,
    };
    await expect(train({ vocabulary, encoded, vectorSize: 400 })).rejects.toThrow(
      /^vocabulary: the given vocabulary of 1,500,000 words of 400 dimensions/,
    );
  });

  test("otherwise right after counting, naming minCount and what fits", async () => {
    // 9,000 distinct words × 65,536 dimensions × syn0 and syn1neg: 4.4 GiB
    const file = join(dir, "wide.txt");
    const words = Array.from({ length: 9000 }, (_, i) => `w${i}`);
    await writeFile(file, `${words.join(" ")}\n${words.slice(0, 4000).join(" ")}\n`);
    const error = await train({ corpus: file, minCount: 1, vectorSize: 65_536, workers: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelTooLargeError);
    const refused = error as ModelTooLargeError;
    expect(refused.message).toMatch(
      /^minCount: the 9,000 words counted of 65536 dimensions \(vectorSize: 65536\) need 4\.\d\d GiB/,
    );
    // the words counted twice (the first 4,000) fit: minCount 2 is suggested
    expect(refused.suggestions).toContainEqual({ setting: "minCount", value: 2, words: 4000 });
  });
});
