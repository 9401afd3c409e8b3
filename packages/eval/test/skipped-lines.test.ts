import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Embeddings } from "@neglab/vectors";
import { describe, expect, it } from "vitest";
import { evaluateAnalogies, evaluateWordPairs, parsePairs } from "../src/index.js";
import { spearman } from "../src/stats.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-skipped-"));
const words = ["cat", "dog", "car", "truck", "king", "queen", "man", "woman"];
const emb = new Embeddings(
  words,
  Float32Array.from({ length: words.length * 3 }, (_, i) => Math.sin(i * 1.7) + (i % 3)),
  3,
);

describe("unparsable benchmark lines are counted, reported by first line, and refused with strict", () => {
  const analogies = join(dir, "q.txt");
  writeFileSync(
    analogies,
    ": family\nking queen man woman\nking queen man\nking queen man woman extra\nman woman king queen\n",
  );

  it("analogies: 3- and 5-word lines are skipped as gensim skips them, but counted with the first line", async () => {
    const result = await evaluateAnalogies(emb, analogies, { threads: 1 });
    expect(result.questions).toBe(2);
    expect(result.skippedLines).toEqual({ count: 2, firstLine: 3 });
    await expect(evaluateAnalogies(emb, analogies, { threads: 1, strict: true })).rejects.toThrow(
      `${analogies}:3: unparsable line, expected a section header \`: name\` or four words \`a b c d\` (2 unparsable lines in all); strict mode refuses the file`,
    );
  });

  it("analogies: a clean file reports no skipped line and passes strict", async () => {
    const clean = join(dir, "clean.txt");
    writeFileSync(clean, ": family\nking queen man woman\n");
    expect((await evaluateAnalogies(emb, clean, { threads: 1, strict: true })).skippedLines).toEqual({
      count: 0,
      firstLine: null,
    });
  });

  it("word pairs: a NaN or infinite gold score is an unparsable line, not a number in the correlation", async () => {
    const pairs = join(dir, "pairs.tsv");
    writeFileSync(
      pairs,
      "# comment\ncat\tdog\t9\ncar\ttruck\tnan\ncat\tcar\t1\ndog\ttruck\tinf\nking\tqueen\t8\nman\twoman\tabc\nking\tman\t3\n",
    );
    const result = await evaluateWordPairs(emb, pairs);
    expect(result.gold).toEqual([9, 1, 8, 3]);
    expect(Number.isFinite(result.spearman.r)).toBe(true);
    expect(result.spearman.r).toBe(spearman([9, 1, 8, 3], result.model).r);
    expect(result.skippedLines).toEqual({ count: 3, firstLine: 3 });
    expect(parsePairs("a\tb\t-Infinity\na\tb\t1e400\n").invalidLines).toEqual([1, 2]);
    await expect(evaluateWordPairs(emb, pairs, { strict: true })).rejects.toThrow(
      `${pairs}:3: unparsable line, expected \`word1 word2 score\` with a finite score (3 unparsable lines in all); strict mode refuses the file`,
    );
  });

  it("word pairs: comments are not counted; one bad line is named without a total", async () => {
    const pairs = join(dir, "one-bad.txt");
    writeFileSync(pairs, "# header\ncat dog 9\ncar truck\nking queen 8\nman woman 2\n");
    expect((await evaluateWordPairs(emb, pairs)).skippedLines).toEqual({ count: 1, firstLine: 3 });
    await expect(evaluateWordPairs(emb, pairs, { strict: true })).rejects.toThrow(
      `${pairs}:3: unparsable line, expected \`word1 word2 score\` with a finite score; strict mode refuses the file`,
    );
  });
});
