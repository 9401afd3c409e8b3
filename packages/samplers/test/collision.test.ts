import { describe, expect, it } from "vitest";
import { chiSquareTest } from "../src/diagnostics.js";
import { createSampler, type SamplerSpec } from "../src/index.js";
import { buffers, rng, WORKED_EXAMPLE } from "./helpers.js";

const THE = 0; // p = 0.2793: collides often
const K = 5;
const CALLS = 100_000;

const METHODS: SamplerSpec[] = [
  { type: "uniform" },
  { type: "unigram" },
  { type: "unigram", method: "word2vec-table", tableSize: 1_000_000 },
  { type: "unigram", method: "cumulative" },
  { type: "unigram", method: "fasttext-table" },
  { type: "annealed" },
  { type: "domain", weights: { fox: 4 } },
  { type: "adaptive", candidates: 8 },
];

/** Runs CALLS draws of K against positive "the"; returns how many each call returned and the drawn counts. */
async function run(spec: SamplerSpec) {
  const sampler = await createSampler(spec, { vocabulary: WORKED_EXAMPLE });
  const out = buffers(K);
  const returned = new Array(K + 1).fill(0);
  const counts = new Float64Array(12);
  const random = rng(`collision ${JSON.stringify(spec)}`);
  for (let call = 0; call < CALLS; call++) {
    const n = sampler.draw(out, K, THE, 3, random);
    returned[n]++;
    for (let i = 0; i < n; i++) counts[out.ids[i]]++;
  }
  return { sampler, returned, counts, p: sampler.probabilities() };
}

describe.each(METHODS.map((spec) => [JSON.stringify(spec), spec] as const))("collision policies of %s", (_, spec) => {
  it("skip: drops draws equal to the positive, so some calls return fewer than k", async () => {
    const { returned, counts, p } = await run({ ...spec, collision: "skip" });
    expect(counts[THE]).toBe(0);
    expect(returned[K]).toBeLessThan(CALLS);
    // Each of the M raw draws (M = k, or adaptive's candidates) survives with probability q = 1 − p(the), and
    // at most k are kept: the mean is E[min(k, Binomial(M, q))] (K(1 − p) for independent samplers).
    const m = Math.max(K, Number(spec.candidates ?? K));
    const q = 1 - p[THE];
    let expected = 0;
    for (let j = 0, binomial = 1; j <= m; binomial = (binomial * (m - j)) / (j + 1), j++) {
      expected += binomial * q ** j * (1 - q) ** (m - j) * Math.min(K, j);
    }
    const mean = returned.reduce((sum, calls, n) => sum + calls * n, 0) / CALLS;
    expect(mean).toBeCloseTo(expected, 1);
  });

  it("redraw: always exactly k, never the positive, others in proportion p / (1 − p(positive))", async () => {
    const { returned, counts, p } = await run({ ...spec, collision: "redraw" });
    expect(returned[K]).toBe(CALLS);
    expect(counts[THE]).toBe(0);
    const conditional = p.map((q, id) => (id === THE ? 0 : q / (1 - p[THE])));
    expect(chiSquareTest(counts, conditional).pValue).toBeGreaterThan(0.001);
  });

  it("keep: always exactly k, the positive drawn at its own rate", async () => {
    const { returned, counts, p } = await run({ ...spec, collision: "keep" });
    expect(returned[K]).toBe(CALLS);
    expect(counts[THE] / (K * CALLS)).toBeCloseTo(p[THE], 2);
  });
});

describe("draw buffers and reproducibility", () => {
  it("fills probs with the probability of each drawn word", async () => {
    const sampler = await createSampler({ type: "unigram", method: "cumulative" }, { vocabulary: WORKED_EXAMPLE });
    const out = buffers(K, true);
    const n = sampler.draw(out, K, -1, -1, rng("probs"));
    const p = sampler.probabilities();
    for (let i = 0; i < n; i++) expect(out.probs![i]).toBeCloseTo(p[out.ids[i]], 7);
  });

  it("the same seed gives the same negatives; a negative positive never collides", async () => {
    const draw = async () => {
      const sampler = await createSampler({ type: "unigram", collision: "skip" }, { vocabulary: WORKED_EXAMPLE });
      const out = buffers(20);
      const random = rng("repro");
      return Array.from({ length: 50 }, () => Array.from(out.ids.subarray(0, sampler.draw(out, 20, -1, -1, random))));
    };
    const first = await draw();
    expect(first.every((ids) => ids.length === 20)).toBe(true);
    expect(await draw()).toEqual(first);
  });

  it("rejects redraw when only one word can be drawn (it would never end)", async () => {
    const one = { words: ["solo"], counts: [3] };
    await expect(createSampler({ type: "unigram", collision: "redraw" }, { vocabulary: one })).rejects.toThrow(
      /redraw.*at least two words/,
    );
    await expect(
      createSampler(
        { type: "domain", weights: { fox: 1 }, defaultWeight: 0, collision: "redraw" },
        { vocabulary: WORKED_EXAMPLE },
      ),
    ).rejects.toThrow(/at least two words/);
    await expect(createSampler({ type: "unigram", collision: "skip" }, { vocabulary: one })).resolves.toBeDefined();
  });

  it("describe() shows the collision policy and its effect on k", async () => {
    const skip = await createSampler({ type: "unigram" }, { vocabulary: WORKED_EXAMPLE });
    const redraw = await createSampler({ type: "fasttext" }, { vocabulary: WORKED_EXAMPLE });
    expect(skip.describe!()).toMatch(/collision=skip: .*fewer than k/);
    expect(redraw.describe!()).toMatch(/collision=redraw: .*exactly k \(fastText\)/);
  });
});
