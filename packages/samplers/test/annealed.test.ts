import { describe, expect, it } from "vitest";
import { createSampler } from "../src/index.js";
import { scheduleFraction } from "../src/schedule.js";
import { WORKED_EXAMPLE } from "./helpers.js";

/** count^α / Σ count^α over the worked example. */
function unigram(alpha: number): number[] {
  const weights = Array.from(WORKED_EXAMPLE.counts, (c) => c ** alpha);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

describe("annealed", () => {
  it("schedules: linear is t, cosine is (1 − cos πt)/2", () => {
    expect(scheduleFraction("linear", 0.3)).toBe(0.3);
    expect(scheduleFraction("cosine", 0)).toBe(0);
    expect(scheduleFraction("cosine", 0.5)).toBeCloseTo(0.5, 15);
    expect(scheduleFraction("cosine", 1)).toBe(1);
    expect(scheduleFraction("cosine", 0.25)).toBeCloseTo((1 - Math.SQRT1_2) / 2, 15);
  });

  it("moves α from alphaStart to alphaEnd with training progress, probabilities() following", async () => {
    const sampler = await createSampler(
      { type: "annealed", alphaStart: 1, alphaEnd: 0, steps: 4 },
      { vocabulary: WORKED_EXAMPLE },
    );
    const expectAlpha = (alpha: number) =>
      unigram(alpha).forEach((p, i) => expect(sampler.probabilities()[i]).toBeCloseTo(p, 14));
    expectAlpha(1);
    sampler.setProgress!(0.2); // still in step 0 of 4
    expectAlpha(1);
    sampler.setProgress!(0.5);
    expectAlpha(0.5);
    expect(sampler.describe!()).toMatch(/annealed unigram α 1→0 \(linear, 4 steps; now α=0.5, alias\)/);
    sampler.setProgress!(1);
    expectAlpha(0);
    sampler.setProgress!(7); // clamped to 1
    expectAlpha(0);
    sampler.setProgress!(Number.NaN); // ignored
    expectAlpha(0);
  });

  it("a cosine schedule is at (1 − cos πt)/2 of the way", async () => {
    const sampler = await createSampler(
      { type: "annealed", alphaStart: 0.75, alphaEnd: -0.25, schedule: "cosine", steps: 100 },
      { vocabulary: WORKED_EXAMPLE },
    );
    sampler.setProgress!(0.25);
    const alpha = 0.75 - 1 * scheduleFraction("cosine", 0.25);
    unigram(alpha).forEach((p, i) => expect(sampler.probabilities()[i]).toBeCloseTo(p, 12));
  });
});
