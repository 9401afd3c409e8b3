import { describe, expect, it } from "vitest";
import { compareToExpected, drawCounts } from "../src/diagnostics.js";
import { createSampler, type SamplerSpec } from "../src/index.js";
import { drawsByRuns } from "../src/samplers/alias-sampler.js";
import { buffers, fixture, rng, ZIPF_1000, zipfVocabulary } from "./helpers.js";

const DRAWS = 1_000_000;
/** Stated bound: the empirical total variation stays within 1.25× what sampling noise alone gives. */
const TV_FACTOR = 1.25;
/** Significance level: a correct sampler fails at a fixed seed with probability 0.001. */
const ALPHA_LEVEL = 0.001;

/** count^α / Σ count^α over ZIPF_1000, computed directly. */
function unigramProbabilities(alpha: number): Float64Array {
  const weights = Float64Array.from(ZIPF_1000.counts, (c) => c ** alpha);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** p conditioned on "not the positive": p_i / (1 − p_positive) for i ≠ positive, 0 at the positive. */
function withoutPositive(p: Float64Array, positive: number): Float64Array {
  return p.map((q, id) => (id === positive ? 0 : q / (1 - p[positive])));
}

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

describe(`goodness of fit: ${DRAWS} draws of every sampler type and method against probabilities()`, () => {
  it.each(SPECS.map((spec) => [JSON.stringify(spec).replace(/"[^"]*fixtures\//, '"'), spec] as const))(
    "%s",
    async (_, spec) => {
      const sampler = await createSampler(spec, { vocabulary: ZIPF_1000 });
      const counts = drawCounts(sampler, 1000, DRAWS, { rng: rng(JSON.stringify(spec)), k: 5 });
      const fit = compareToExpected(counts, sampler.probabilities());
      expect(fit.draws).toBeGreaterThanOrEqual(DRAWS);
      expect(fit.chiSquare.pValue).toBeGreaterThan(ALPHA_LEVEL);
      expect(fit.totalVariation).toBeLessThan(TV_FACTOR * fit.expectedTotalVariation);
    },
  );

  it("annealed draws match probabilities() mid-training and at the end", async () => {
    const sampler = await createSampler(
      { type: "annealed", alphaStart: 1, alphaEnd: -0.5, schedule: "cosine" },
      { vocabulary: ZIPF_1000 },
    );
    for (const progress of [0.37, 1]) {
      sampler.setProgress!(progress);
      const fit = compareToExpected(
        drawCounts(sampler, 1000, DRAWS, { rng: rng(`annealed ${progress}`) }),
        sampler.probabilities(),
      );
      expect(fit.chiSquare.pValue).toBeGreaterThan(ALPHA_LEVEL);
      expect(fit.totalVariation).toBeLessThan(TV_FACTOR * fit.expectedTotalVariation);
    }
  });

  it("annealed linear at t = 0.5 draws unigram^α with α halfway (1 → 0 gives α = 0.5)", async () => {
    const sampler = await createSampler(
      { type: "annealed", alphaStart: 1, alphaEnd: 0, schedule: "linear" },
      { vocabulary: ZIPF_1000 },
    );
    sampler.setProgress!(0.5);
    // count^0.5 / Σ count^0.5, computed here from the counts, not by the sampler
    const halfway = unigramProbabilities(0.5);
    sampler.probabilities().forEach((p, id) => expect(p).toBeCloseTo(halfway[id], 12));
    const counts = drawCounts(sampler, 1000, DRAWS, { rng: rng("annealed linear 0.5") });
    const fit = compareToExpected(counts, halfway);
    expect(fit.chiSquare.pValue).toBeGreaterThan(ALPHA_LEVEL);
    expect(fit.totalVariation).toBeLessThan(TV_FACTOR * fit.expectedTotalVariation);
    // the same draws are far from either end of the schedule
    for (const alpha of [1, 0])
      expect(compareToExpected(counts, unigramProbabilities(alpha)).chiSquare.pValue).toBeLessThan(1e-12);
  });

  it("the test has power: α = 0.75 draws are rejected against α = 0.7 probabilities", async () => {
    const drawn = await createSampler({ type: "unigram", alpha: 0.75 }, { vocabulary: ZIPF_1000 });
    const claimed = await createSampler({ type: "unigram", alpha: 0.7 }, { vocabulary: ZIPF_1000 });
    const fit = compareToExpected(drawCounts(drawn, 1000, DRAWS, { rng: rng("power") }), claimed.probabilities());
    expect(fit.chiSquare.pValue).toBeLessThan(1e-12);
    expect(fit.totalVariation).toBeGreaterThan(TV_FACTOR * fit.expectedTotalVariation);
  });
});

/**
 * With a real positive (w0, the most frequent word: 1.6% of the mass at α = 0.5,
 * 5.3% at 0.75, 13% at 1, so 16,000 to 130,000 of the 10^6 draws collide), `redraw` and `skip` must draw from the
 * distribution conditioned on ≠ positive, and `redraw` must still return
 * exactly k per call.
 */
const COLLIDING: SamplerSpec[] = [
  { type: "fasttext" },
  { type: "unigram", alpha: 0.75, collision: "redraw" },
  { type: "unigram", alpha: 0.75, method: "cumulative", collision: "redraw" },
  { type: "unigram", alpha: 0.75, method: "word2vec-table", tableSize: 10_000_000, collision: "redraw" },
  { type: "unigram", alpha: 1, collision: "skip" },
  {
    type: "domain",
    weights: fixture("weights", "zipf-domain.tsv"),
    combine: "mixture",
    lambda: 0.3,
    collision: "redraw",
  },
  { type: "annealed", alphaStart: 1, alphaEnd: 0, collision: "redraw" },
];

describe(`goodness of fit with collisions: ${DRAWS} draws against probabilities() conditioned on ≠ positive`, () => {
  const positive = 0;
  it.each(COLLIDING.map((spec) => [JSON.stringify(spec).replace(/"[^"]*fixtures\//, '"'), spec] as const))(
    "%s",
    async (_, spec) => {
      const sampler = await createSampler(spec, { vocabulary: ZIPF_1000 });
      const p = sampler.probabilities();
      expect(p[positive]).toBeGreaterThan(0.015);
      const k = 5;
      let calls = 0;
      const counting = {
        ...sampler,
        draw: (...args: Parameters<typeof sampler.draw>) => (calls++, sampler.draw(...args)),
      };
      const counts = drawCounts(counting, 1000, DRAWS, { rng: rng(`collide ${JSON.stringify(spec)}`), k, positive });
      expect(counts[positive]).toBe(0);
      const fit = compareToExpected(counts, withoutPositive(p, positive));
      if (sampler.collision === "redraw") expect(fit.draws).toBe(calls * k);
      // skip drops about p[positive] of the draws
      else expect(fit.draws / (calls * k)).toBeCloseTo(1 - p[positive], 2);
      expect(fit.chiSquare.pValue).toBeGreaterThan(ALPHA_LEVEL);
      expect(fit.totalVariation).toBeLessThan(TV_FACTOR * fit.expectedTotalVariation);
    },
  );

  it("the fasttext preset is count^0.5 from a 10^7-entry table, and rejects draws that ignore the positive", async () => {
    const sampler = await createSampler({ type: "fasttext" }, { vocabulary: ZIPF_1000 });
    expect(sampler.spec).toMatchObject({ alpha: 0.5, tableSize: 10_000_000, collision: "redraw" });
    // ⌈c · 10^7 / z⌉ entries per word: off by under one entry (10^-7) plus the ≤ V extra entries' dilution (V / 10^7 relative)
    const exact = unigramProbabilities(0.5);
    sampler.probabilities().forEach((p, id) => expect(Math.abs(p - exact[id])).toBeLessThan(1e-7 + exact[id] * 1e-4));
    const counts = drawCounts(sampler, 1000, DRAWS, { rng: rng("fasttext power"), positive: 0 });
    // power: against the unconditioned distribution, the missing w0 mass is glaring
    expect(compareToExpected(counts, sampler.probabilities()).chiSquare.pValue).toBe(0);
  });
});

describe.each([
  // 5190 runs of equal probability: drawn from the run table
  ["run table", 1e7],
  // 950,607 distinct counts: the word table
  ["word table", 1e12],
])("goodness of fit of the alias draw at V = 2^20 from the %s", (path, top) => {
  const V = 2 ** 20;
  const vocabulary = zipfVocabulary(V, 1.05, top);
  it("takes that path", async () => {
    const sampler = await createSampler({ type: "unigram", alpha: 0.75 }, { vocabulary });
    expect(drawsByRuns(sampler.probabilities())).toBe(path === "run table");
  });
  it.each(["skip", "redraw", "keep"] as const)(
    `V = 2^20, collision %s, positive = the most frequent word`,
    async (collision) => {
      const sampler = await createSampler({ type: "unigram", alpha: 0.75, collision }, { vocabulary });
      const p = sampler.probabilities();
      const positive = 0;
      const counts = drawCounts(sampler, V, DRAWS, { rng: rng(`${path} ${collision}`), k: 5, positive });
      const expected = collision === "keep" ? p : withoutPositive(p, positive);
      const fit = compareToExpected(counts, expected);
      expect(fit.chiSquare.pValue).toBeGreaterThan(ALPHA_LEVEL);
      expect(fit.totalVariation).toBeLessThan(TV_FACTOR * fit.expectedTotalVariation);
      if (collision === "keep") expect(counts[positive]).toBeGreaterThan(0);
      else expect(counts[positive]).toBe(0);
    },
  );

  // k = 100 needs more random words than the sampler's first buffer holds (64)
  it.each(["skip", "redraw"] as const)(
    "collision %s: k draws or fewer, never the positive, each with its probability",
    async (collision) => {
      const sampler = await createSampler({ type: "unigram", alpha: 1, collision }, { vocabulary });
      const out = buffers(100, true);
      const p = sampler.probabilities();
      let total = 0;
      for (let call = 0; call < 1000; call++) {
        const n = sampler.draw(out, 100, 0, -1, rng(`${path} ${collision} ${call}`));
        total += n;
        for (let i = 0; i < n; i++) expect(out.probs![i]).toBe(Math.fround(p[out.ids[i]]));
        expect(Array.from(out.ids.subarray(0, n))).not.toContain(0);
      }
      // skip drops about p(w0) of the 100,000 draws; redraw replaces them
      expect(total / 100_000).toBeCloseTo(collision === "skip" ? 1 - p[0] : 1, 2);
      if (collision === "redraw") expect(total).toBe(100_000);
    },
  );
});
