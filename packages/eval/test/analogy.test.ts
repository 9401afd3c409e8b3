import { existsSync } from "node:fs";
import { join } from "node:path";
import { Embeddings } from "@neglab/vectors";
import { describe, expect, it } from "vitest";
import { evaluateAnalogies, parseAnalogies } from "../src/index.js";

describe("parseAnalogies", () => {
  it("reads sections and questions like gensim, skipping malformed lines", () => {
    const set = parseAnalogies(
      ": capital\r\nAthens Greece Paris France\r\nbad line\n\n: gram1\none two three four\n",
      "q.txt",
    );
    expect(set.sections).toEqual(["capital", "gram1"]);
    expect(set.questions.map((q) => [q.section, q.a, q.d, q.line])).toEqual([
      [0, "Athens", "France", 2],
      [1, "one", "four", 6],
    ]);
    expect(set.invalidLines).toEqual([3, 4]);
  });

  it("a question before any section header is an error naming file and line", () => {
    expect(() => parseAnalogies("a b c d\n", "q.txt")).toThrow(/q\.txt:1: missing section header/);
  });
});

/**
 * A planted vocabulary: word xᵢ = conceptᵢ + X, yᵢ = conceptᵢ + Y with orthonormal concept and attribute
 * directions, so the unit vectors satisfy ŷ₁ ∝ ŷ₀ + x̂₁ − x̂₀ exactly and "x₀ y₀ x₁ ?" has answer y₁ under
 * 3CosAdd and 3CosMul; 40 random noise words compete. Rows are ordered as listed, which decides what
 * restrictVocab keeps; `extra` appends near copies of listed words.
 */
function planted(extra: { word: string; like: string }[] = []): Embeddings {
  const dim = 16;
  let state = 7;
  const rand = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5;
  const basis = (k: number) => Array.from({ length: dim }, (_, d) => (d === k ? 1 : 0));
  const words: string[] = [];
  const rows: number[][] = [];
  for (let i = 0; i < 6; i++) {
    const concept = basis(i);
    words.push(`x${i}`, `y${i}`);
    rows.push(
      concept.map((v, d) => v + basis(6)[d]),
      concept.map((v, d) => v + basis(7)[d]),
    );
  }
  for (let i = 0; i < 40; i++) {
    words.push(`noise${i}`);
    rows.push(Array.from({ length: dim }, rand));
  }
  for (const { word, like } of extra) {
    words.push(word);
    rows.push(rows[words.indexOf(like)].map((v) => v + 0.001 * rand()));
  }
  return new Embeddings(words, Float32Array.from(rows.flat()), dim);
}

const text = [
  ": sem",
  "x0 y0 x1 y1",
  "x1 y1 x2 y2",
  "x2 y2 X3 Y3",
  ": syn",
  "x3 y3 x4 y4",
  "x0 y0 unknown y1",
  "x4 y4 x5 y5",
].join("\n");

describe("evaluateAnalogies on planted structure", () => {
  const emb = planted();
  const set = parseAnalogies(text, "planted.txt");

  for (const method of ["3CosAdd", "3CosMul"] as const) {
    it(`${method}: solves every answerable question, splits semantic / syntactic, skips unknown words`, async () => {
      const r = await evaluateAnalogies(emb, set, { method, semanticSections: 1, threads: 1 });
      expect(r.sections.map((s) => [s.name, s.kind, s.correct, s.total, s.questions])).toEqual([
        ["sem", "semantic", 3, 3, 3],
        ["syn", "syntactic", 2, 2, 3],
      ]);
      expect(r.total).toEqual({ correct: 5, total: 5, accuracy: 1 });
      expect(r.semantic.total).toBe(3);
      expect(r.syntactic.total).toBe(2);
      expect(r.questions).toBe(6);
      expect(r.oov).toBe(1);
      expect(r.oovPercent).toBeCloseTo(100 / 6, 12);
      expect(r.outcomes.map((o) => o.status)).toEqual([
        "correct",
        "correct",
        "correct",
        "correct",
        "skipped",
        "correct",
      ]);
      expect(r.outcomes[0].predicted).toBe("y1");
    });
  }

  it("case_insensitive=false: upper-case question words are unknown", async () => {
    const r = await evaluateAnalogies(emb, set, { caseInsensitive: false, threads: 1 });
    expect(r.outcomes.map((o) => o.status)).toEqual(["correct", "correct", "skipped", "correct", "skipped", "correct"]);
  });

  it("dummy4unknown counts unknown-word questions as wrong", async () => {
    const r = await evaluateAnalogies(emb, set, { dummy4unknown: true, threads: 1 });
    expect(r.total).toEqual({ correct: 5, total: 6, accuracy: 5 / 6 });
    expect(r.outcomes[4]).toEqual({ status: "wrong", oov: true, predicted: null });
  });

  it("restrictVocab limits both the known words and the answers", async () => {
    // Rows: x0 y0 x1 y1 x2 y2 x3 y3 … — 6 rows keep x0..y2 only.
    const r = await evaluateAnalogies(emb, set, { restrictVocab: 6, threads: 1 });
    expect(r.outcomes.map((o) => o.status)).toEqual(["correct", "correct", "skipped", "skipped", "skipped", "skipped"]);
    expect(r.sections.map((s) => [s.total, s.questions])).toEqual([
      [2, 3],
      [0, 3],
    ]);
  });

  it("a case variant of a question word never answers; the first of several case variants is used", async () => {
    // X1 is a near copy of x1 placed after it; Y2 a copy of a noise word placed after y2.
    const emb2 = planted([
      { word: "X1", like: "x1" },
      { word: "Y2", like: "noise3" },
    ]);
    const q = parseAnalogies(": s\nx0 x0 x1 x1\nx1 y1 x2 Y2\n");
    const folded = await evaluateAnalogies(emb2, q, { threads: 1 });
    // Target x̂1: x1 is a question word (its row is excluded) and X1, the best remaining row, folds to a
    // question word, so it is passed over — the question cannot be answered by echoing its input.
    expect(folded.outcomes[0].status).toBe("wrong");
    expect(folded.outcomes[0].predicted).not.toBe("X1");
    // "Y2" folds to the key of y2, its first case variant, whose vector is used; the answer y2 matches it.
    expect(folded.outcomes[1]).toEqual({ status: "correct", oov: false, predicted: "y2" });
    const exact = await evaluateAnalogies(emb2, q, { caseInsensitive: false, threads: 1 });
    expect(exact.outcomes[0]).toEqual({ status: "wrong", oov: false, predicted: "X1" });
    expect(exact.outcomes[1]).toEqual({ status: "wrong", oov: false, predicted: "y2" });
  });

  it("rejects an unknown method", async () => {
    await expect(evaluateAnalogies(emb, set, { method: "3CosFoo" as never })).rejects.toThrow(/unknown analogy method/);
  });
});

const dist = join(import.meta.dirname, "../dist/index.js");
describe.skipIf(!existsSync(dist))("worker threads (built package)", () => {
  it("2 threads give exactly the single-thread outcomes", async () => {
    const built = (await import(dist)) as typeof import("../src/index.js");
    const n = 9000;
    const dim = 8;
    let state = 3;
    const v = Float32Array.from(
      { length: n * dim },
      () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5,
    );
    const emb = new Embeddings(
      Array.from({ length: n }, (_, i) => `w${i}`),
      v,
      dim,
    );
    const lines = [": s"];
    for (let i = 0; i < 300; i++)
      lines.push(`w${(i * 7) % n} w${(i * 13 + 1) % n} w${(i * 31 + 2) % n} w${(i * 17 + 3) % n}`);
    const set = built.parseAnalogies(lines.join("\n"));
    for (const method of ["3CosAdd", "3CosMul"] as const) {
      const progress: number[][] = [[], []];
      const one = await built.evaluateAnalogies(emb, set, {
        method,
        threads: 1,
        onProgress: (done, rows) => progress[0].push(done / rows),
      });
      const two = await built.evaluateAnalogies(emb, set, {
        method,
        threads: 2,
        onProgress: (done, rows) => progress[1].push(done / rows),
      });
      for (const p of progress) {
        expect(p.at(-1)).toBe(1);
        expect(p.every((x, i) => i === 0 || x >= p[i - 1])).toBe(true);
      }
      expect(two.outcomes).toEqual(one.outcomes);
      expect(one.outcomes.every((o) => o.predicted !== null)).toBe(true);
    }
  });
});
