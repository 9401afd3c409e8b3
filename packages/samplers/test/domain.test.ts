import { describe, expect, it } from "vitest";
import { createSampler } from "../src/index.js";
import { parseWeightsFile } from "../src/domain-weights.js";
import { fixture, WORKED_EXAMPLE } from "./helpers.js";

const vocabulary = WORKED_EXAMPLE;
const id = (word: string) => vocabulary.words.indexOf(word);
const unigram = Array.from(vocabulary.counts, (c) => c ** 0.75);
const z = unigram.reduce((a, b) => a + b, 0);
// animals.tsv: fox 4, dog 2, zebra 7 (not in the vocabulary), cat 1.5
const animal: Record<string, number> = { fox: 4, dog: 2, cat: 1.5 };

describe("domain", () => {
  it("parses word<TAB>weight lines with comments, blank lines, CRLF and space separators", () => {
    const text = "# c\n\nfox\t4\r\ndog   2\nzebra\t7\n";
    expect(parseWeightsFile(text, "x.tsv")).toEqual([
      { word: "fox", weight: 4, line: 3 },
      { word: "dog", weight: 2, line: 4 },
      { word: "zebra", weight: 7, line: 5 },
    ]);
    expect(() => parseWeightsFile("# only comments\n", "empty.tsv")).toThrow(
      "empty.tsv: the weights file lists no word",
    );
  });

  it("product: P ∝ count^α · weight, default weight 1; reports file words missing from the vocabulary", async () => {
    const sampler = await createSampler(
      { type: "domain", weights: "weights/animals.tsv" },
      { vocabulary, baseDir: fixture() },
    );
    const weighted = vocabulary.words.map((w, i) => unigram[i] * (animal[w] ?? 1));
    const total = weighted.reduce((a, b) => a + b, 0);
    const p = sampler.probabilities();
    weighted.forEach((w, i) => expect(p[i]).toBeCloseTo(w / total, 14));
    expect(sampler.warnings).toEqual([
      `1 of 4 words of ${fixture("weights", "animals.tsv")} are not in the vocabulary: zebra`,
    ]);
    expect(sampler.describe!()).toMatch(/domain product with unigram α=0.75 \(3 weighted words/);
  });

  it("mixture: P = (1 − λ) unigram^α + λ weight / Σ weight, default weight 0", async () => {
    const sampler = await createSampler(
      { type: "domain", weights: "weights/animals.tsv", combine: "mixture", lambda: 0.25, alpha: 0.75 },
      { vocabulary, baseDir: fixture() },
    );
    const p = sampler.probabilities();
    const animalTotal = 4 + 2 + 1.5;
    vocabulary.words.forEach((w, i) =>
      expect(p[i]).toBeCloseTo(0.75 * (unigram[i] / z) + 0.25 * ((animal[w] ?? 0) / animalTotal), 14),
    );
    expect(p[id("lazy")]).toBeCloseTo(0.75 * 0.0295, 3);
  });

  it("mixture with a default weight and λ = 1 is the domain distribution alone", async () => {
    const sampler = await createSampler(
      { type: "domain", weights: { fox: 3, dog: 1 }, combine: "mixture", lambda: 1, defaultWeight: 0.5 },
      { vocabulary },
    );
    const p = sampler.probabilities();
    const total = 3 + 1 + 10 * 0.5;
    expect(p[id("fox")]).toBeCloseTo(3 / total, 14);
    expect(p[id("the")]).toBeCloseTo(0.5 / total, 14);
  });

  it("the mixture's α is its own: α = 0 mixes with uniform", async () => {
    const sampler = await createSampler(
      { type: "domain", weights: { fox: 1 }, combine: "mixture", lambda: 0.5, alpha: 0 },
      { vocabulary },
    );
    const p = sampler.probabilities();
    expect(p[id("the")]).toBeCloseTo(0.5 / 12, 14);
    expect(p[id("fox")]).toBeCloseTo(0.5 / 12 + 0.5, 14);
  });
});
