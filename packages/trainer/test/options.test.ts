import { describe, expect, test } from "vitest";
import {
  DEFAULT_SAMPLER_TIMEOUT,
  TrainOptionError,
  defaultSettings,
  resolveSamplerTimeout,
  resolveSettings,
  train,
} from "../src/index.js";

describe("resolveSettings", () => {
  test("gensim's defaults", () => {
    const s = resolveSettings({});
    expect(s).toMatchObject({
      architecture: "cbow",
      vectorSize: 100,
      window: 5,
      shrinkWindows: true,
      minCount: 5,
      sample: 1e-3,
      alpha: 0.025,
      minAlpha: 1e-4,
      epochs: 5,
      negative: 5,
      hs: false,
      cbowMean: true,
      saturation: "skip",
      seed: 1,
      kernel: "wasm",
      sampler: { type: "unigram", alpha: 0.75 },
    });
    expect(s.workers).toBeGreaterThanOrEqual(1);
    expect(s.workers).toBeLessThanOrEqual(3);
    expect(resolveSettings({ window: undefined }).window).toBe(defaultSettings().window);
  });

  test("hierarchical softmax alone replicates the 256 hottest rows and nodes, merged every 64 (512) words; given values win", () => {
    expect(resolveSettings({ hs: true, negative: 0, architecture: "skipgram" })).toMatchObject({
      hotRows: 256,
      syncWords: 64,
    });
    // CBOW makes one prediction per word, skip-gram one per context word: CBOW merges after 8× the words
    expect(resolveSettings({ hs: true, negative: 0 })).toMatchObject({ hotRows: 256, syncWords: 512 });
    expect(() => resolveSettings({ hs: true, negative: 0, architecture: "glove" as "cbow" })).toThrow(/architecture/);
    expect(resolveSettings({ hs: true, negative: 0, hotRows: 0 })).toMatchObject({ hotRows: 0, syncWords: 512 });
    expect(resolveSettings({ hs: true, negative: 0, syncWords: 1000 })).toMatchObject({
      hotRows: 256,
      syncWords: 1000,
    });
    // with negative sampling (alone or beside hs) the default stays pure Hogwild
    expect(resolveSettings({ hs: true })).toMatchObject({ hotRows: 0, syncWords: 16_384 });
    expect(resolveSettings({})).toMatchObject({ hotRows: 0, syncWords: 16_384 });
  });

  test.each([
    [{ negative: 0, hs: false }, "negative", /nothing to train/],
    [{ window: 0 }, "window", /integer in \[1,/],
    [{ vectorSize: 2.5 }, "vectorSize", /integer/],
    [{ alpha: -1 }, "alpha", /finite number/],
    [{ alpha: Number.NaN }, "alpha", /finite number/],
    [{ minAlpha: 0.5 }, "minAlpha", /must not exceed alpha/],
    [{ sample: -1e-3 }, "sample", /finite number ≥ 0/],
    [{ epochs: 0 }, "epochs", /integer/],
    [{ workers: 0 }, "workers", /integer/],
    [{ architecture: "sg" }, "architecture", /"skipgram", "cbow"/],
    [{ saturation: "clamp" }, "saturation", /"skip", "clip"/],
    [{ kernel: "gpu" }, "kernel", /"wasm", "js"/],
    [{ hs: 1 }, "hs", /true or false/],
    [{ sampler: "unigram" }, "sampler", /sampler spec/],
  ])("rejects %j naming %s", (given, field, message) => {
    let error: unknown;
    try {
      resolveSettings(given as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TrainOptionError);
    expect((error as TrainOptionError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.startsWith(`${field}: `)).toBe(true);
  });

  test.each([null, [], 5, "cbow"])("rejects settings that are not an object: %j", (given) => {
    expect(() => resolveSettings(given as never)).toThrow(
      new TrainOptionError("settings", `must be an object of trainer settings, got ${JSON.stringify(given)}`),
    );
  });

  test("samplerTimeout: whole milliseconds, 30 s by default", () => {
    expect(resolveSamplerTimeout(undefined)).toBe(DEFAULT_SAMPLER_TIMEOUT);
    expect(DEFAULT_SAMPLER_TIMEOUT).toBe(30_000);
    expect(resolveSamplerTimeout(1)).toBe(1);
    for (const bad of [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, "30s", null]) {
      expect(() => resolveSamplerTimeout(bad)).toThrow(
        /^samplerTimeout: must be an integer in \[1, 2147483647\], got /,
      );
    }
  });

  test("train rejects bad options before reading any corpus", async () => {
    await expect(train({ corpus: "/nonexistent/corpus.txt", samplerTimeout: 0 })).rejects.toThrow(
      /^samplerTimeout: must be an integer/,
    );
    await expect(train({ corpus: "/nonexistent/corpus.txt", window: 0 })).rejects.toThrow(/^window: /);
    await expect(train({ negative: 5 })).rejects.toThrow(/^corpus: is required/);
  });
});
