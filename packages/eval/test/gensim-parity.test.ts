import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedData } from "@neglab/testkit";
import { readWord2Vec } from "@neglab/vectors";
import { describe, expect, it } from "vitest";
import { evaluateAnalogies, evaluateWordPairs, readAnalogies } from "../src/index.js";
import { pearsonPValue, spearmanPValue } from "../src/stats.js";

/**
 * Parity with gensim 4.2 on committed vectors (skip-gram, 50 dims, Brown corpus, case kept) and the golden
 * figures gensim produced on them: scripts/gensim-golden.py (see its docstring for the commands).
 */
const fixtures = join(import.meta.dirname, "fixtures");
const golden = JSON.parse(readFileSync(join(fixtures, "brown-sg50.golden.json"), "utf8")) as {
  analogy: {
    restrictVocab: number;
    caseInsensitive: boolean;
    dummy4unknown: boolean;
    score: number;
    sections: { name: string; correct: number; incorrect: number }[];
    statuses: string;
  }[];
  cosmul: { restrictVocab: number; caseInsensitive: boolean; correct: number; statuses: string };
  similarity: {
    file: string;
    restrictVocab: number;
    caseInsensitive: boolean;
    dummy4unknown: boolean;
    pearson?: [number, number];
    spearman?: [number, number];
    oovRatio?: number;
    error?: string;
  }[];
};
const data = sharedData(
  "eval/analogy/questions-words.txt",
  "eval/similarity/wordsim353.tsv",
  "eval/similarity/simlex999.txt",
);

describe.skipIf(data === null)("parity with gensim's evaluate_word_analogies and evaluate_word_pairs", async () => {
  const emb = await readWord2Vec(join(fixtures, "brown-sg50.vec.gz"));
  const questions = data === null ? null : await readAnalogies(data[0]);

  for (const g of golden.analogy) {
    const label = `analogies, restrict_vocab=${g.restrictVocab}, case_insensitive=${g.caseInsensitive}, dummy4unknown=${g.dummy4unknown}`;
    it(`${label}: identical counts per section and per-question outcomes`, async () => {
      const ours = await evaluateAnalogies(emb, questions!, {
        restrictVocab: g.restrictVocab,
        caseInsensitive: g.caseInsensitive,
        dummy4unknown: g.dummy4unknown,
        threads: 1,
      });
      const gensimSections = g.sections.slice(0, -1);
      expect(ours.sections.map((s) => [s.name, s.correct, s.total - s.correct])).toEqual(
        gensimSections.map((s) => [s.name, s.correct, s.incorrect]),
      );
      const total = g.sections[g.sections.length - 1];
      expect([ours.total.correct, ours.total.total - ours.total.correct]).toEqual([total.correct, total.incorrect]);
      expect(ours.total.accuracy).toBe(g.score);
      const statuses = ours.outcomes
        .map((o) => (o.status === "correct" ? "c" : o.status === "wrong" ? "w" : "s"))
        .join("");
      expect(statuses).toBe(g.statuses);
      expect(ours.total.correct).toBeGreaterThan(100);
    }, 60_000);
  }

  it("3CosMul: per-question outcomes equal evaluate_word_analogies' procedure run with most_similar_cosmul", async () => {
    const g = golden.cosmul;
    const ours = await evaluateAnalogies(emb, questions!, {
      method: "3CosMul",
      restrictVocab: g.restrictVocab,
      caseInsensitive: g.caseInsensitive,
      threads: 1,
    });
    const statuses = ours.outcomes
      .map((o) => (o.status === "correct" ? "c" : o.status === "wrong" ? "w" : "s"))
      .join("");
    expect(statuses).toBe(g.statuses);
    expect(ours.total.correct).toBe(g.correct);
  }, 60_000);

  for (const g of golden.similarity) {
    const label = `${g.file}, restrict_vocab=${g.restrictVocab}, case_insensitive=${g.caseInsensitive}, dummy4unknown=${g.dummy4unknown}`;
    it(`${label}: Pearson, Spearman and OOV ratio within 1e-6`, async () => {
      const file = join(data![1], "..", g.file);
      const run = evaluateWordPairs(emb, file, {
        restrictVocab: g.restrictVocab,
        caseInsensitive: g.caseInsensitive,
        dummy4unknown: g.dummy4unknown,
      });
      if (g.error !== undefined) {
        await expect(run).rejects.toThrow(/no valid similarity judgements/);
        return;
      }
      const ours = await run;
      expect(Math.abs(ours.pearson.r - g.pearson![0])).toBeLessThan(1e-6);
      expect(Math.abs(ours.spearman.r - g.spearman![0])).toBeLessThan(1e-6);
      expect(Math.abs(ours.oovPercent - g.oovRatio!)).toBeLessThan(1e-6);
      // p-values: ours from gensim's r equal scipy's to 1e-9 relative; ours from our r to 1e-3 relative
      // (tiny p-values are steep functions of r, and r agrees to float32 rounding of the similarities).
      const n = ours.pearson.n;
      const close = (p: number, q: number, rel: number) =>
        expect(Math.abs(p - q)).toBeLessThanOrEqual(rel * q + 1e-300);
      close(pearsonPValue(g.pearson![0], n), g.pearson![1], 1e-9);
      close(spearmanPValue(g.spearman![0], n), g.spearman![1], 1e-9);
      close(ours.pearson.pValue, g.pearson![1], 1e-3);
      close(ours.spearman.pValue, g.spearman![1], 1e-3);
    });
  }
});
