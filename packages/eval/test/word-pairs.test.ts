import { spawnSync } from "node:child_process";
import { PYTHON, requireScipy } from "@neglab/testkit";
import { Embeddings } from "@neglab/vectors";
import { describe, expect, it } from "vitest";
import { averageRanks, logGamma, pearson, spearman } from "../src/stats.js";
import { evaluateWordPairs, parsePairs } from "../src/index.js";
import { incompleteBeta } from "../src/math/incomplete-beta.js";
import { pythonFloat } from "../src/similarity/pairs-file.js";

describe("parsePairs", () => {
  it("reads gensim TSV with # comments, CRLF, and a missing final newline", () => {
    const set = parsePairs(
      "# header\tline\r\n# more\r\nold\tnew\t1.58\r\nbread\tbutter\t6.19\r\nbad\tline\r\nx\ty\tnotanumber",
      "p.tsv",
    );
    expect(set.pairs).toEqual([
      { word1: "old", word2: "new", score: 1.58, line: 3 },
      { word1: "bread", word2: "butter", score: 6.19, line: 4 },
    ]);
    expect(set.invalidLines).toEqual([5, 6]);
  });

  it("reads space-separated word1 word2 score files; a tab delimiter keeps words verbatim", () => {
    expect(parsePairs("tiger cat 7.35\n  sun  moon 2\n").pairs.map((p) => [p.word1, p.word2, p.score])).toEqual([
      ["tiger", "cat", 7.35],
      ["sun", "moon", 2],
    ]);
    expect(parsePairs("tiger cat 7.35\n", "x", "\t").invalidLines).toEqual([1]);
    expect(parsePairs(" a\tb\t1\n", "x", "\t").pairs[0].word1).toBe(" a");
  });

  it("pythonFloat accepts what Python's float() accepts", () => {
    expect(pythonFloat(" 1.5\n")).toBe(1.5);
    expect(pythonFloat("1_000.5")).toBe(1000.5);
    expect(pythonFloat(".5e1")).toBe(5);
    expect(pythonFloat("5.")).toBe(5);
    expect(pythonFloat("-Infinity")).toBe(-Infinity);
    expect(pythonFloat("nan")).toBeNaN();
    for (const bad of ["", "0x10", "1__0", "1.5.2", "e5", "abc"]) expect(pythonFloat(bad)).toBeUndefined();
  });
});

describe("correlation statistics against textbook values", () => {
  it("average ranks for ties", () => {
    expect(Array.from(averageRanks([10, 20, 20, 30, 20]))).toEqual([1, 3, 3, 5, 3]);
  });

  it("incomplete beta and log-gamma closed forms", () => {
    expect(incompleteBeta(2, 3, 0.5)).toBeCloseTo(0.6875, 14); // 1 − Σ binomial terms
    expect(incompleteBeta(1, 1, 0.3)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.5, 0.5, 0.3)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.3)), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });

  it("Pearson and Spearman with p-values (scipy: r = 0.8, p = 0.10408803866182788)", () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2, 1, 4, 3, 5];
    const p = pearson(x, y);
    expect(p.r).toBeCloseTo(0.8, 14);
    expect(p.pValue).toBeCloseTo(0.10408803866182788, 12);
    const s = spearman(x, y);
    expect(s.r).toBeCloseTo(0.8, 14);
    expect(s.pValue).toBeCloseTo(0.10408803866182788, 12);
    expect(pearson([1, 1, 1], [1, 2, 3]).r).toBeNaN();
    expect(pearson([1, 2], [3, 1])).toEqual({ r: -1, pValue: 1, n: 2 });
  });
});

// fails in CI when scipy is missing, skips with a message elsewhere
describe.skipIf(!requireScipy())("against scipy", () => {
  it("betainc, pearsonr and spearmanr (with ties) agree to 1e-9 relative", () => {
    const code = `
import json, sys
import numpy as np
from scipy import special, stats
rng = np.random.default_rng(3)
out = {"beta": [], "corr": []}
for a, b, x in [(0.5, 0.5, 0.01), (2.5, 7, 0.3), (150, 150, 0.35), (1750, 0.5, 0.999), (10, 0.5, 0.2), (3, 40, 0.9)]:
    out["beta"].append([a, b, x, float(special.betainc(a, b, x))])
for n in (10, 100, 1000):
    x = rng.integers(0, 8, n).astype(float)
    y = (x + rng.normal(0, 3, n)).round(1)
    p, s = stats.pearsonr(x, y), stats.spearmanr(x, y)
    out["corr"].append({"x": x.tolist(), "y": y.tolist(), "p": [float(p[0]), float(p[1])], "s": [float(s[0]), float(s[1])]})
print(json.dumps(out))`;
    const run = spawnSync(PYTHON, ["-c", code], { encoding: "utf8", timeout: 120_000 });
    if (run.status !== 0) throw new Error(`scipy reference failed: ${run.error?.message ?? run.stderr}`);
    const ref = JSON.parse(run.stdout) as {
      beta: number[][];
      corr: { x: number[]; y: number[]; p: number[]; s: number[] }[];
    };
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.abs(b) + 1e-15);
    for (const [a, b, x, v] of ref.beta) close(incompleteBeta(a, b, x), v);
    for (const c of ref.corr) {
      const p = pearson(c.x, c.y);
      const s = spearman(c.x, c.y);
      close(p.r, c.p[0]);
      close(p.pValue, c.p[1]);
      close(s.r, c.s[0]);
      close(s.pValue, c.s[1]);
    }
  });
});

describe("evaluateWordPairs", () => {
  const words = ["cat", "dog", "car", "Cat", "truck"];
  const vectors = new Float32Array([1, 0.1, 0.9, 0.3, 0.1, 1, -1, 0, 0.2, 0.9]);
  const emb = new Embeddings(words, vectors, 2);
  const set = parsePairs("cat\tdog\t9\ncar\ttruck\t8\ncat\tcar\t1\ndog\ttruck\t2\nzebra\tcat\t5\n");

  it("correlates float32 cosines with the gold scores, skipping unknown words", async () => {
    const r = await evaluateWordPairs(emb, set);
    expect(r.gold).toEqual([9, 8, 1, 2]);
    expect(r.model).toEqual([
      emb.similarity("cat", "dog"),
      emb.similarity("car", "truck"),
      emb.similarity("cat", "car"),
      emb.similarity("dog", "truck"),
    ]);
    expect(r.pairIndex).toEqual([0, 1, 2, 3]);
    expect(r.oov).toBe(1);
    expect(r.oovPercent).toBeCloseTo(20, 12);
    // Gold ranks 4 3 1 2, model ranks 3 4 1 2: rho = 1 − 6·2 / (4·15) = 0.8; scipy: spearmanr → (0.8, 0.2), pearsonr → (0.9640505680711038, 0.035949431928896214).
    expect(r.spearman.r).toBeCloseTo(0.8, 14);
    expect(r.spearman.pValue).toBeCloseTo(0.2, 14);
    expect(r.pearson.r).toBeCloseTo(0.9640505680711038, 7);
    expect(r.pearson.pValue).toBeCloseTo(0.035949431928896214, 6);
  });

  it("dummy4unknown scores unknown pairs 0 and divides the OOV count by the pairs used", async () => {
    const r = await evaluateWordPairs(emb, set, { dummy4unknown: true });
    expect(r.model[4]).toBe(0);
    expect(r.oovPercent).toBeCloseTo(20, 12);
  });

  it("restrictVocab and case folding: the first case variant is used", async () => {
    const folded = await evaluateWordPairs(emb, parsePairs("CAT\tdog\t1\ncar\tdog\t2\ncat\ttruck\t3\n"), {
      restrictVocab: 4,
    });
    expect(folded.model[0]).toBe(emb.similarity("cat", "dog"));
    expect(folded.oov).toBe(1);
    await expect(evaluateWordPairs(emb, parsePairs("zebra\tcat\t1\n", "z.txt"))).rejects.toThrow(
      /z\.txt: no valid similarity judgements/,
    );
  });
});
