import { createStream } from "@neglab/random";
import { SamplerError } from "./errors.js";
import type { NegativeSampler } from "./types.js";

/** The k of each contract check draw: one negative, word2vec's usual 5, and more than a custom buffer may expect. */
const CHECK_KS = [1, 5, 20];

/** The model dimension of the all-zero model a model-aware sampler is given while it is checked. */
const CHECK_DIM = 4;

/**
 * Exercises a built sampler the way the trainer will, and checks what it gives
 * back: `attachModel` of a model-aware sampler with an all-zero model,
 * `setProgress` at 0, ½ and 1, and at each a few draws with k = 1, 5, 20 against
 * no positive, the first and the last word, each of which must return an
 * integer count n ≤ k (exactly k unless the policy is `skip`), ids that are
 * vocabulary ids (and not the positive, unless the policy is `keep`), finite
 * probabilities in [0, 1], finite weights ≥ 0 when `weighted`, and after each
 * progress step a `probabilities()` over the vocabulary summing to 1. Any
 * failure, or a hook that throws, is a SamplerError naming `who` (the custom
 * module's path, or the sampler type), so a custom sampler that would corrupt the
 * model is refused before training rather than found in the middle of it.
 */
export function checkSamplerContract(
  sampler: NegativeSampler,
  vocabularySize: number,
  who: { file?: string; name: string },
): void {
  const fail = (problem: string, cause?: unknown): never => {
    throw new SamplerError(`${who.name}: ${problem}`, { file: who.file, field: "type", cause });
  };
  const call = <T>(hook: string, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof SamplerError) throw error;
      return fail(`${hook} threw: ${(error as Error | undefined)?.message ?? String(error)}`, error);
    }
  };
  if (sampler.modelAware && sampler.attachModel !== undefined) {
    const view = {
      dim: CHECK_DIM,
      input: new Float32Array(vocabularySize * CHECK_DIM),
      output: new Float32Array(vocabularySize * CHECK_DIM),
      hidden: new Float32Array(CHECK_DIM),
    };
    call("attachModel", () => sampler.attachModel!(view));
  }
  const rng = createStream(1, "sampler-contract");
  const last = vocabularySize - 1;
  for (const progress of [0, 0.5, 1]) {
    if (sampler.setProgress !== undefined) call("setProgress", () => sampler.setProgress!(progress));
    checkDistribution(
      call("probabilities", () => sampler.probabilities()),
      vocabularySize,
      fail,
    );
    for (const k of CHECK_KS) {
      const out = {
        ids: new Int32Array(k),
        weights: sampler.weighted ? new Float32Array(k) : null,
        probs: new Float32Array(k),
      };
      for (const positive of [-1, 0, last]) {
        const n = call("draw", () => sampler.draw(out, k, positive, positive < 0 ? -1 : 0, rng));
        const asked = `draw(out, k = ${k}, positive = ${positive})`;
        if (!Number.isInteger(n) || n < 0 || n > k) fail(`${asked} returned ${String(n)}, not a count in [0, ${k}]`);
        if (n !== k && (sampler.collision !== "skip" || positive < 0)) {
          fail(
            `${asked} returned ${n} negatives; only collision "skip" may return fewer than k, and only when a draw equals the positive`,
          );
        }
        for (let i = 0; i < n; i++) {
          const id = out.ids[i];
          if (id < 0 || id >= vocabularySize)
            fail(`${asked} drew id ${id}, outside the vocabulary [0, ${vocabularySize})`);
          if (id === positive && sampler.collision !== "keep")
            fail(`${asked} drew the positive word although its collision policy is "${sampler.collision}"`);
          const p = out.probs[i];
          if (!(p >= 0 && p <= 1)) fail(`${asked} wrote probability ${p} for id ${id}, not a number in [0, 1]`);
          const weight = out.weights?.[i];
          if (weight !== undefined && !(weight >= 0 && Number.isFinite(weight)))
            fail(`${asked} wrote weight ${weight}, not a finite number ≥ 0`);
        }
      }
    }
  }
}

/** `probabilities()` must be a Float64Array over the vocabulary of finite entries ≥ 0 summing to 1. */
export function checkDistribution(
  probabilities: unknown,
  vocabularySize: number,
  fail: (problem: string) => never,
): void {
  if (!(probabilities instanceof Float64Array) || probabilities.length !== vocabularySize) {
    fail(`probabilities() is not a Float64Array of ${vocabularySize} (the vocabulary size)`);
  }
  let total = 0;
  for (const p of probabilities as Float64Array) {
    if (!(p >= 0) || !Number.isFinite(p)) fail(`probabilities() has an entry ${p}, not a finite number ≥ 0`);
    total += p;
  }
  if (Math.abs(total - 1) > 1e-6) fail(`probabilities() sums to ${total}, not 1`);
}
