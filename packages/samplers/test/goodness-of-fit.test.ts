import { describe, expect, it } from "vitest";
import { compareToExpected, createSampler, drawCounts, type SamplerSpec } from "../src/index.js";
import { fixture, rng, ZIPF_1000 } from "./helpers.js";

const DRAWS = 1_000_000;
/** Stated bound: the empirical total variation stays within 1.25× what sampling noise alone gives. */
const TV_FACTOR = 1.25;
/** Significance level: a correct sampler fails at a fixed seed with probability 0.001. */
const ALPHA_LEVEL = 0.001;

const SPECS: SamplerSpec[] = [
  { type: "uniform" },
  { type: "unigram", alpha: 0.75 },
  { type: "unigram", alpha: 1 },
  { type: "unigram", alpha: 0 },
  { type: "unigram", alpha: -0.5 },
  { type: "unigram", alpha: 0.75, method: "word2vec-table", tableSize: 10_000_000 },
  { type: "unigram", alpha: 0.75, method: "word2vec-table", tableSize: 10_000_000, integerSum: false },
  { type: "unigram", alpha: 0.75, method: "cumulative" },
  { type: "unigram", alpha: -0.5, method: "cumulative" },
  { type: "unigram", alpha: 0.75, method: "fasttext-table" },
  { type: "fasttext" },
  { type: "domain", weights: fixture("weights", "zipf-domain.tsv"), combine: "product" },
  { type: "domain", weights: fixture("weights", "zipf-domain.tsv"), combine: "mixture", lambda: 0.3 },
  { type: "domain", weights: { w5: 40, w500: 100, w999: 10 }, combine: "mixture", lambda: 0.5, defaultWeight: 0.01 },
  { type: "annealed", alphaStart: 1, alphaEnd: 0 },
  { type: "adaptive", select: "top" },
  { type: "adaptive", select: "softmax", base: { type: "unigram", method: "cumulative" } },
];

describe(`goodness of fit: ${DRAWS} draws of every strategy and method against probabilities()`, () => {
  it.each(SPECS.map((spec) => [JSON.stringify(spec).replace(/"[^"]*fixtures\//, '"'), spec] as const))("%s", async (_, spec) => {
    const sampler = await createSampler(spec, { vocabulary: ZIPF_1000 });
    const counts = drawCounts(sampler, 1000, DRAWS, { rng: rng(JSON.stringify(spec)), k: 5 });
    const fit = compareToExpected(counts, sampler.probabilities());
    expect(fit.draws).toBeGreaterThanOrEqual(DRAWS);
    expect(fit.chiSquare.pValue).toBeGreaterThan(ALPHA_LEVEL);
    expect(fit.totalVariation).toBeLessThan(TV_FACTOR * fit.expectedTotalVariation);
  });

  it("annealed draws match probabilities() mid-training and at the end", async () => {
    const sampler = await createSampler({ type: "annealed", alphaStart: 1, alphaEnd: -0.5, schedule: "cosine" }, { vocabulary: ZIPF_1000 });
    for (const progress of [0.37, 1]) {
      sampler.setProgress!(progress);
      const fit = compareToExpected(drawCounts(sampler, 1000, DRAWS, { rng: rng(`annealed ${progress}`) }), sampler.probabilities());
      expect(fit.chiSquare.pValue).toBeGreaterThan(ALPHA_LEVEL);
      expect(fit.totalVariation).toBeLessThan(TV_FACTOR * fit.expectedTotalVariation);
    }
  });

  it("the test has power: α = 0.75 draws are rejected against α = 0.7 probabilities", async () => {
    const drawn = await createSampler({ type: "unigram", alpha: 0.75 }, { vocabulary: ZIPF_1000 });
    const claimed = await createSampler({ type: "unigram", alpha: 0.7 }, { vocabulary: ZIPF_1000 });
    const fit = compareToExpected(drawCounts(drawn, 1000, DRAWS, { rng: rng("power") }), claimed.probabilities());
    expect(fit.chiSquare.pValue).toBeLessThan(1e-12);
    expect(fit.totalVariation).toBeGreaterThan(TV_FACTOR * fit.expectedTotalVariation);
  });
});
