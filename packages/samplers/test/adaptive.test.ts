import { describe, expect, it } from "vitest";
import { chiSquareTest, compareToExpected, drawCounts, totalVariation } from "../src/diagnostics.js";
import { createSampler, type ModelView, type SamplerSpec } from "../src/index.js";
import { buffers, rng, WORKED_EXAMPLE } from "./helpers.js";

const V = 12;
/** The stated total-variation bound: within 1.25× what sampling noise alone gives (as in goodness-of-fit.test.ts). */
const TV_FACTOR = 1.25;
const M = 3;
/** A planted model: score(c) = h · v'_c = distinct values (5c mod 12) / 4, with h = (1, 0). */
const SCORES = Array.from({ length: V }, (_, c) => ((5 * c) % V) / 4);
const model: ModelView = {
  dim: 2,
  input: new Float32Array(2 * V),
  output: Float32Array.from({ length: 2 * V }, (_, i) => (i % 2 === 0 ? SCORES[i / 2] : 0)),
  hidden: Float32Array.from([1, 0]),
};

/**
 * The exact distribution of chosen negatives, by enumerating all V^M candidate tuples drawn from the base
 * distribution q: `choose` maps one tuple to the chosen words with their weights (summing to the number chosen).
 */
function exactDistribution(q: Float64Array, choose: (candidates: number[]) => Map<number, number>): Float64Array {
  const mass = new Float64Array(V);
  for (let t = 0; t < V ** M; t++) {
    const candidates = [Math.floor(t / V ** 2), Math.floor(t / V) % V, t % V];
    const probability = q[candidates[0]] * q[candidates[1]] * q[candidates[2]];
    for (const [word, times] of choose(candidates)) mass[word] += probability * times;
  }
  const total = mass.reduce((a, b) => a + b, 0);
  return mass.map((m) => m / total);
}

/** The k highest-scoring candidates. */
function topK(k: number) {
  return (candidates: number[]) => {
    const chosen = new Map<number, number>();
    for (const c of [...candidates].sort((a, b) => SCORES[b] - SCORES[a]).slice(0, k))
      chosen.set(c, (chosen.get(c) ?? 0) + 1);
    return chosen;
  };
}

/** One draw ∝ exp(score / T) among the candidates (with replacement, so each of the k draws is alike). */
function softmax(temperature: number) {
  return (candidates: number[]) => {
    const weights = candidates.map((c) => Math.exp(SCORES[c] / temperature));
    const total = weights.reduce((a, b) => a + b, 0);
    const chosen = new Map<number, number>();
    candidates.forEach((c, j) => chosen.set(c, (chosen.get(c) ?? 0) + weights[j] / total));
    return chosen;
  };
}

async function adaptive(options: Partial<SamplerSpec>) {
  const sampler = await createSampler({ type: "adaptive", candidates: M, ...options }, { vocabulary: WORKED_EXAMPLE });
  sampler.attachModel!(model);
  return sampler;
}

describe("adaptive: draws follow the exact hard-negative distribution of a planted model", () => {
  const cases: [string, Partial<SamplerSpec>, number, (c: number[]) => Map<number, number>][] = [
    ["top-1 of 3", { select: "top" }, 1, topK(1)],
    ["top-2 of 3", { select: "top" }, 2, topK(2)],
    ["softmax T=1", { select: "softmax", temperature: 1 }, 2, softmax(1)],
    [
      "softmax T=0.3, cumulative base",
      { select: "softmax", temperature: 0.3, base: { type: "unigram", method: "cumulative" } },
      3,
      softmax(0.3),
    ],
  ];
  it.each(cases)("%s", async (_, options, k, choose) => {
    const sampler = await adaptive(options);
    const expected = exactDistribution(sampler.probabilities(), choose);
    const draw = (perCall: number) =>
      drawCounts(sampler, V, 1_000_000, { rng: rng(`adaptive ${JSON.stringify(options)} k=${perCall}`), k: perCall });
    const counts = draw(k);
    const fit = compareToExpected(counts, expected);
    // The k softmax draws of one call share its M candidates, so they are positively correlated: a count's
    // variance is up to k times that of independent draws (Cauchy–Schwarz), its noise up to √k times. The
    // chi-square test and the stated TV bound (1.25× the noise of independent draws, as in
    // goodness-of-fit.test.ts) then apply to k = 1 calls, whose draws are independent.
    const softmaxSelect = options.select === "softmax";
    expect(fit.totalVariation).toBeLessThan(
      TV_FACTOR * (softmaxSelect ? Math.sqrt(k) : 1) * fit.expectedTotalVariation,
    );
    const independent = softmaxSelect ? compareToExpected(draw(1), expected) : fit;
    expect(independent.chiSquare.pValue).toBeGreaterThan(0.001);
    expect(independent.totalVariation).toBeLessThan(TV_FACTOR * independent.expectedTotalVariation);
    // Hard negatives move mass towards high scores: far from the base distribution.
    const empirical = counts.map((c) => c / fit.draws);
    expect(totalVariation(empirical, sampler.probabilities())).toBeGreaterThan(0.05);
  });

  it("removes the positive from the candidates before choosing (skip) or replaces it (redraw)", async () => {
    const best = SCORES.indexOf(Math.max(...SCORES));
    for (const collision of ["skip", "redraw"] as const) {
      const sampler = await adaptive({ select: "top", collision });
      const counts = drawCounts(sampler, V, 100_000, { rng: rng(`adaptive ${collision}`), k: 1, positive: best });
      expect(counts[best]).toBe(0);
    }
    const keep = await adaptive({ select: "top", collision: "keep" });
    expect(drawCounts(keep, V, 100_000, { rng: rng("adaptive keep"), k: 1, positive: best })[best]).toBeGreaterThan(0);
  });
});

describe("adaptive: weights, probabilities and the model view", () => {
  it("self-adversarial weights are k · softmax(score / T) over the chosen negatives (Sun et al. 2019)", async () => {
    const sampler = await adaptive({ select: "top", candidates: 8, selfAdversarial: true, temperature: 0.5 });
    expect(sampler.weighted).toBe(true);
    const out = buffers(4, true, true);
    const n = sampler.draw(out, 4, -1, 3, rng("weights"));
    expect(n).toBe(4);
    const exp = Array.from(out.ids, (id) => Math.exp(SCORES[id] / 0.5));
    const total = exp.reduce((a, b) => a + b, 0);
    out.weights!.forEach((w, i) => expect(w).toBeCloseTo((4 * exp[i]) / total, 5));
    // Top selection returns the chosen best first, and probs holds each word's base probability.
    for (let i = 1; i < n; i++) expect(SCORES[out.ids[i - 1]]).toBeGreaterThanOrEqual(SCORES[out.ids[i]]);
    out.probs!.forEach((p, i) => expect(p).toBeCloseTo(sampler.probabilities()[out.ids[i]], 7));
  });

  it("equal scores (word2vec's all-zero initial output vectors) give weight 1 and the base distribution", async () => {
    const sampler = await createSampler({ type: "adaptive", selfAdversarial: true }, { vocabulary: WORKED_EXAMPLE });
    sampler.attachModel!({
      dim: 2,
      input: new Float32Array(2 * V),
      output: new Float32Array(2 * V),
      hidden: Float32Array.from([1, 1]),
    });
    const out = buffers(5, false, true);
    sampler.draw(out, 5, -1, 0, rng("zero model"));
    expect(Array.from(out.weights!)).toEqual([1, 1, 1, 1, 1]);
    const fit = chiSquareTest(drawCounts(sampler, V, 200_000, { rng: rng("zero model fit") }), sampler.probabilities());
    expect(fit.pValue).toBeGreaterThan(0.001);
  });

  it("draws at least k candidates when k > M, and describes its cost", async () => {
    const sampler = await adaptive({ select: "top", candidates: 2 });
    const out = buffers(6);
    expect(sampler.draw(out, 6, -1, 0, rng("k > M"))).toBe(6);
    expect(sampler.describe!()).toMatch(/O\(M·dim\) = O\(2·2\) per draw/);
  });

  it("rejects a model view that does not fit the vocabulary", async () => {
    const sampler = await createSampler({ type: "adaptive" }, { vocabulary: WORKED_EXAMPLE });
    expect(() => sampler.attachModel!({ ...model, output: new Float32Array(10) })).toThrow(
      /output has 10 floats, needs 12 × 2/,
    );
    expect(() => sampler.attachModel!({ ...model, dim: 0 })).toThrow(/dim must be a positive integer/);
    expect(() => sampler.attachModel!({ ...model, hidden: new Float32Array(1) })).toThrow(/hidden has 1 floats/);
  });

  it("passes training progress to an annealed base and follows its distribution", async () => {
    const sampler = await createSampler(
      { type: "adaptive", base: { type: "annealed", alphaStart: 1, alphaEnd: 0, steps: 10 } },
      { vocabulary: WORKED_EXAMPLE },
    );
    expect(sampler.probabilities()[0]).toBeCloseTo(20 / 54, 12);
    sampler.setProgress!(1);
    expect(sampler.probabilities()[0]).toBeCloseTo(1 / 12, 12);
  });
});
