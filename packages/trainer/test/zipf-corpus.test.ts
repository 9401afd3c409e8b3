// The synthetic corpus of bench:scale (bench/zipf-corpus.mjs): reproducible, exact
// in its token and line counts, readable by the corpus reader, and Zipfian.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildVocabulary, openCorpus } from "@neglab/corpus";
import { chiSquareTest } from "@neglab/samplers/diagnostics";
import { writeZipfCorpus, zipfProbabilities, zipfWord } from "../bench/zipf-corpus.mjs";

const dir = mkdtempSync(join(tmpdir(), "neglab-zipf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SCRIPT = fileURLToPath(new URL("../bench/zipf-corpus.mjs", import.meta.url));

/** Writes a corpus into the temp dir and returns its text. */
function corpus(
  name: string,
  options: { tokens: number; types: number; sentenceLength: number; seed: number; exponent?: number; shift?: number },
): string {
  const path = join(dir, name);
  writeZipfCorpus({ ...options, path });
  return readFileSync(path, "latin1");
}

/** Occurrences of each rank (index rank − 1) among the text's tokens. */
function rankCounts(text: string, types: number): Float64Array {
  const rankOf = new Map(Array.from({ length: types }, (_, i) => [zipfWord(i + 1), i] as const));
  const counts = new Float64Array(types);
  for (const token of text.split(/[ \n]/)) if (token !== "") counts[rankOf.get(token)!] += 1;
  return counts;
}

describe("zipfWord: ranks in bijective base 26", () => {
  it("writes the known ranks", () => {
    expect([1, 2, 26, 27, 52, 702, 703, 18_278, 18_279].map(zipfWord)).toEqual([
      "a",
      "b",
      "z",
      "aa",
      "az",
      "zz",
      "aaa",
      "zzz",
      "aaaa",
    ]);
  });

  it("gives distinct words, never longer for a more frequent rank", () => {
    const words = Array.from({ length: 20_000 }, (_, i) => zipfWord(i + 1));
    expect(new Set(words).size).toBe(words.length);
    for (let i = 1; i < words.length; i++) expect(words[i].length).toBeGreaterThanOrEqual(words[i - 1].length);
    for (const word of words) expect(word).toMatch(/^[a-z]+$/);
  });
});

describe("zipfProbabilities", () => {
  it("sums to 1 with p_r / p_r' = ((r' + q) / (r + q))^s", () => {
    for (const [s, q] of [
      [1, 0],
      [1.3, 2.7],
      [0, 0],
    ]) {
      const p = zipfProbabilities(1000, s, q);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(p[0] / p[1]).toBeCloseTo(((2 + q) / (1 + q)) ** s, 12);
      expect(p[9] / p[999]).toBeCloseTo(((1000 + q) / (10 + q)) ** s, 9);
    }
  });

  it("names the field of a bad value", () => {
    expect(() => zipfProbabilities(0)).toThrow(/types must be an integer/);
    expect(() => zipfProbabilities(10, -1)).toThrow(/exponent must be a finite number/);
    expect(() => zipfProbabilities(10, 1, Number.NaN)).toThrow(/shift must be a finite number/);
  });
});

describe("writeZipfCorpus", () => {
  it("gives the same bytes for the same seed and different bytes for another", () => {
    const options = { tokens: 20_000, types: 5000, sentenceLength: 17, seed: 7 };
    const first = corpus("a.txt", options);
    expect(corpus("b.txt", options)).toBe(first);
    expect(corpus("c.txt", { ...options, seed: 8 })).not.toBe(first);
  });

  it("writes exactly `tokens` tokens on ⌈tokens / sentenceLength⌉ lines, single spaces, the last line the remainder", () => {
    const text = corpus("counts.txt", { tokens: 1003, types: 300, sentenceLength: 20, seed: 1 });
    expect(text.endsWith("\n")).toBe(true);
    const lines = text.slice(0, -1).split("\n");
    expect(lines).toHaveLength(51);
    for (const line of lines.slice(0, -1)) expect(line.split(" ")).toHaveLength(20);
    expect(lines.at(-1)!.split(" ")).toHaveLength(3);
    expect(text).not.toMatch(/ {2}| \n|^ |\n /);
    expect(rankCounts(text, 300).reduce((a, b) => a + b, 0)).toBe(1003);
  });

  it("is read by @neglab/corpus as the same tokens and sentences, the most frequent word first", async () => {
    const path = join(dir, "reader.txt");
    const written = writeZipfCorpus({ tokens: 50_000, types: 2000, sentenceLength: 25, seed: 3, path });
    const { vocabulary, stats } = await buildVocabulary(await openCorpus(path), { minCount: 1 });
    expect(stats.tokens).toBe(written.tokens);
    expect(stats.sentences).toBe(written.lines);
    expect(written.bytes).toBe(readFileSync(path).length);
    expect(vocabulary.words.slice(0, 3)).toEqual(["a", "b", "c"]);
  });

  it("follows the Zipf law on a 10^5-token sample, and the test tells it from a neighbouring exponent", () => {
    const types = 1000;
    const counts = rankCounts(corpus("zipf.txt", { tokens: 100_000, types, sentenceLength: 20, seed: 11 }), types);
    const p = zipfProbabilities(types, 1);
    // Pearson's chi-square over all ranks (rare ones pooled to ≥ 5 expected): a correct generator fails at p < 0.001 once in 1000 seeds.
    expect(chiSquareTest(counts, p).pValue).toBeGreaterThan(0.001);
    expect(chiSquareTest(counts, zipfProbabilities(types, 1.05)).pValue).toBeLessThan(1e-6);
    // Each of the ten top ranks within 4 binomial standard deviations of its expected count (rank 1: 13,360 ± 108).
    for (let r = 0; r < 10; r++) {
      const expected = 100_000 * p[r];
      expect(Math.abs(counts[r] - expected)).toBeLessThan(4 * Math.sqrt(expected * (1 - p[r])));
    }
  });

  it("draws the Zipf–Mandelbrot law with a shift", () => {
    const types = 500;
    const counts = rankCounts(
      corpus("shift.txt", { tokens: 100_000, types, sentenceLength: 20, seed: 5, exponent: 1.2, shift: 3 }),
      types,
    );
    expect(chiSquareTest(counts, zipfProbabilities(types, 1.2, 3)).pValue).toBeGreaterThan(0.001);
    expect(chiSquareTest(counts, zipfProbabilities(types, 1.2, 0)).pValue).toBeLessThan(1e-6);
  });

  it("leaves neither the file nor its .part when interrupted", () => {
    const path = join(dir, "interrupted.txt");
    const stop = () => {
      throw new Error("interrupted");
    };
    // 3·10^6 one-letter tokens and their separators (6 MB) overflow the 4 MiB buffer, so progress is reported before the end
    expect(() =>
      writeZipfCorpus({ tokens: 3_000_000, types: 20, sentenceLength: 10, seed: 1, path, onProgress: stop }),
    ).toThrow("interrupted");
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.part`)).toBe(false);
  });

  it("names the option of a bad value", () => {
    const path = join(dir, "bad.txt");
    expect(() => writeZipfCorpus({ tokens: 0, types: 10, sentenceLength: 5, seed: 1, path })).toThrow(
      /tokens must be an integer/,
    );
    expect(() => writeZipfCorpus({ tokens: 10, types: 10, sentenceLength: 10_001, seed: 1, path })).toThrow(
      /sentenceLength must be an integer/,
    );
  });
});

describe("node bench/zipf-corpus.mjs", () => {
  it("writes what writeZipfCorpus writes for the same flags", () => {
    const out = join(dir, "cli.txt");
    const run = spawnSync(
      process.execPath,
      [SCRIPT, "--tokens", "1e4", "--types", "300", "--sentence-length", "9", "--seed", "4", "--out", out],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/10000 tokens, 1112 lines/);
    expect(readFileSync(out, "latin1")).toBe(
      corpus("api.txt", { tokens: 10_000, types: 300, sentenceLength: 9, seed: 4 }),
    );
  });

  it("ends a bad flag with one line naming it and exit 2", () => {
    const run = spawnSync(
      process.execPath,
      [SCRIPT, "--tokens", "lots", "--types", "300", "--out", join(dir, "x.txt")],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('zipf corpus: --tokens must be a number, got "lots"');
  });
});
