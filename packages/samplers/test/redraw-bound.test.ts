import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import {
  createSampler,
  createWeightedSampler,
  SamplerError,
  type SamplerSpec,
  type SamplerVocabulary,
} from "../src/index.js";
import { MAX_REDRAWS } from "../src/collision.js";
import { buffers, fixture, rng, zipfVocabulary } from "./helpers.js";

/** Issue #19, defect 5: `redraw` on a distribution it cannot leave must be refused or bounded, never hang. */

/** A lowercase corpus's top counts ("the", "of", "and", …): with α = 50 every word but the first is far below 2^-32. */
const CORPUS_LIKE = zipfVocabulary(2000, 1, 70_000);

interface Outcome {
  drawn?: number;
  error?: { name: string; message: string; field?: string };
}

const workers: Worker[] = [];
afterAll(() => Promise.all(workers.map((w) => w.terminate())));

/** Builds `spec` and draws `calls` × k negatives against `positive` in a worker (the built dist), failing after `ms`. */
function buildAndDraw(
  spec: SamplerSpec,
  vocabulary: SamplerVocabulary,
  positive = 0,
  calls = 100,
  k = 5,
  ms = 20_000,
): Promise<Outcome> {
  const worker = new Worker(fixture("worker-redraw.mjs"), {
    workerData: {
      spec,
      vocabulary: { words: vocabulary.words, counts: Array.from(vocabulary.counts) },
      baseDir: fixture("modules"),
      positive,
      calls,
      k,
    },
  });
  workers.push(worker);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${JSON.stringify(spec)} did not finish within ${ms} ms (redraw hangs)`));
    }, ms);
    worker.once("message", (m: Outcome) => {
      clearTimeout(timer);
      resolve(m);
    });
    worker.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe("collision redraw cannot hang", () => {
  it('refuses unigram α = 50 with "redraw": only one word is drawable from the alias table', async () => {
    const outcome = await buildAndDraw({ type: "unigram", alpha: 50, collision: "redraw" }, CORPUS_LIKE);
    expect(outcome.error?.name).toBe("SamplerError");
    expect(outcome.error?.field).toBe("collision");
    expect(outcome.error?.message).toContain(
      'sampler "unigram": collision "redraw" needs at least two words the sampler can draw',
    );
    expect(outcome.error?.message).toContain("has 1");
  });

  it('refuses a domain spec whose other words weigh 1e-300 with "redraw"', async () => {
    const spec: SamplerSpec = { type: "domain", weights: { w0: 1 }, defaultWeight: 1e-300, collision: "redraw" };
    const outcome = await buildAndDraw(spec, CORPUS_LIKE);
    expect(outcome.error?.message).toContain(
      'sampler "domain": collision "redraw" needs at least two words the sampler can draw',
    );
  });

  it("bounds redraws from a custom base whose probabilities() promise words its draws never produce", async () => {
    const spec: SamplerSpec = { type: "adaptive", base: { type: "module:./bad-ids.mjs", id: 0 }, collision: "redraw" };
    const outcome = await buildAndDraw(spec, zipfVocabulary(50));
    expect(outcome.error?.name).toBe("SamplerError");
    expect(outcome.error?.message).toBe(
      `sampler "adaptive": collision "redraw": ${MAX_REDRAWS} draws in a row returned the positive word (id 0), so the distribution leaves nothing else to draw; use "skip" or "keep"`,
    );
  });

  it("refuses a word holding more than 99.9% of the drawable mass, where each collision takes > 1000 draws", async () => {
    const error = await createSampler(
      { type: "unigram", alpha: 12, collision: "redraw" },
      { vocabulary: CORPUS_LIKE },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SamplerError);
    expect((error as SamplerError).message).toMatch(
      /collision "redraw" cannot finish in practice: word id 0 holds 99\.9\d+% of the drawable mass/,
    );
    // The same skew with "skip" is fine: collisions are dropped, nothing is redrawn.
    await expect(
      createSampler({ type: "unigram", alpha: 12, collision: "skip" }, { vocabulary: CORPUS_LIKE }),
    ).resolves.toBeDefined();
  });

  it("uses what the table can draw, not the double-precision distribution (table methods are exact already)", async () => {
    // 2 words, the second at 2^-40 of the mass: > 0 in double precision, never drawn by the alias table.
    const lopsided = [1, 2 ** -40];
    expect(() => createWeightedSampler(lopsided, { collision: "redraw" })).toThrow(
      /needs at least two words the sampler can draw/,
    );
    // At 2^-20 it is drawable, but a collision with the first word would take ~10^6 draws.
    expect(() => createWeightedSampler([1, 2 ** -20], { collision: "redraw" })).toThrow(/cannot finish in practice/);
    // A fair share redraws at once and always returns k.
    const fair = createWeightedSampler([3, 1], { collision: "redraw" });
    const out = buffers(64);
    expect(fair.draw(out, 64, 0, -1, rng("fair"))).toBe(64);
    expect(Array.from(out.ids).every((id) => id === 1)).toBe(true);
  });

  it("still redraws to exactly k on ordinary distributions (fastText preset, unigram 0.75)", async () => {
    for (const spec of [
      { type: "fasttext", tableSize: 100_000 },
      { type: "unigram", alpha: 0.75, collision: "redraw" },
    ] as SamplerSpec[]) {
      const outcome = await buildAndDraw(spec, CORPUS_LIKE, 0, 1000, 5);
      expect(outcome).toEqual({ drawn: 5000 });
    }
  });
});
