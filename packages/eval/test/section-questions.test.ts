import { join } from "node:path";
import { sharedData } from "@neglab/testkit";
import { readWord2Vec } from "@neglab/vectors";
import { describe, expect, it } from "vitest";
import { evaluateAnalogies, readAnalogies } from "../src/index.js";

/** Questions per section of questions-words.txt, counted with awk from the file (as in the shared data README). */
const GOOGLE_SECTIONS: [string, number][] = [
  ["capital-common-countries", 506],
  ["capital-world", 4524],
  ["currency", 866],
  ["city-in-state", 2467],
  ["family", 506],
  ["gram1-adjective-to-adverb", 992],
  ["gram2-opposite", 812],
  ["gram3-comparative", 1332],
  ["gram4-superlative", 1122],
  ["gram5-present-participle", 1056],
  ["gram6-nationality-adjective", 1599],
  ["gram7-past-tense", 1560],
  ["gram8-plural", 1332],
  ["gram9-plural-verbs", 870],
];

const data = sharedData("eval/analogy/questions-words.txt");

describe.skipIf(data === null)(
  "per-section question counts on questions-words.txt (committed Brown vectors)",
  async () => {
    const emb = await readWord2Vec(join(import.meta.dirname, "fixtures", "brown-sg50.vec.gz"));
    const questions = data === null ? null : await readAnalogies(data[0]);

    it("each section reports the file's questions, skipped ones included; evaluated ones are a subset", async () => {
      const r = await evaluateAnalogies(emb, questions!, { restrictVocab: 30_000, threads: 1 });
      expect(r.sections.map((s) => [s.name, s.questions])).toEqual(GOOGLE_SECTIONS);
      expect(r.sections.reduce((n, s) => n + s.questions, 0)).toBe(19_544);
      for (const s of r.sections) expect(s.total).toBeLessThanOrEqual(s.questions);
      // Skipped questions of a section are exactly the difference.
      const skipped = r.sections.map(() => 0);
      r.questionList.forEach((q, i) => {
        if (r.outcomes[i].status === "skipped") skipped[q.section]++;
      });
      expect(r.sections.map((s) => s.questions - s.total)).toEqual(skipped);
      expect(skipped.some((n) => n > 0)).toBe(true);
    }, 60_000);

    it("with dummy4unknown every question is counted, so total = questions", async () => {
      const r = await evaluateAnalogies(emb, questions!, { restrictVocab: 5_000, dummy4unknown: true, threads: 1 });
      expect(r.sections.map((s) => s.total)).toEqual(GOOGLE_SECTIONS.map(([, n]) => n));
    }, 60_000);
  },
);
