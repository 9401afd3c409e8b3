import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSampler, preflightSamplerSpec, SamplerError, type SamplerSpec } from "../src/index.js";
import { fixture, WORKED_EXAMPLE } from "./helpers.js";

/**
 * Issue #19, defects 18 and 8: a sampler spec is fully built before the corpus is read — weights files parsed,
 * custom modules imported and their factory run under a time limit, draws checked — and every problem is one
 * SamplerError naming the file, line or module.
 */

const modules = fixture("modules");
const weights = fixture("weights");

async function preflightError(
  spec: unknown,
  options: Parameters<typeof preflightSamplerSpec>[1] = { baseDir: modules },
): Promise<SamplerError> {
  const error = await preflightSamplerSpec(spec, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SamplerError);
  return error as SamplerError;
}

describe("preflightSamplerSpec", () => {
  it("returns the normalised spec, description and warnings of a good spec, on the stand-in vocabulary", async () => {
    const result = await preflightSamplerSpec({ type: "domain", weights: "animals.tsv" }, { baseDir: weights });
    expect(result.spec).toMatchObject({ type: "domain", weights: join(weights, "animals.tsv"), combine: "product" });
    expect(result.description).toMatch(/^domain product with unigram α=0\.75/);
    expect(result.warnings).toEqual([]);
  });

  it("names the weights file and line of a malformed weights file (nested in adaptive too), before any corpus", async () => {
    const flat = await preflightError({ type: "domain", weights: "malformed.tsv" }, { baseDir: weights });
    expect(flat.message).toBe(`${join(weights, "malformed.tsv")}:4: expected "word<TAB>weight", got "cat 2 extra"`);
    expect([flat.file, flat.line]).toEqual([join(weights, "malformed.tsv"), 4]);
    const nested = await preflightError(
      { type: "adaptive", base: { type: "domain", weights: "negative.tsv" } },
      { baseDir: weights },
    );
    expect(nested.message).toBe(
      `${join(weights, "negative.tsv")}:3: weight of "dog" must be a finite number ≥ 0, got "-1"`,
    );
  });

  it("names a missing weights file in plain words", async () => {
    const error = await preflightError({ type: "domain", weights: "no-such.tsv" }, { baseDir: weights });
    expect(error.message).toBe(`${join(weights, "no-such.tsv")}: cannot read the weights file: no such file`);
  });

  it("names a custom module whose factory throws, with its message and no stack frames", async () => {
    const error = await preflightError({ type: "module:./throws.mjs" });
    expect(error.message).toBe(
      `${join(modules, "throws.mjs")}: the custom sampler factory threw: weights service unavailable`,
    );
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it.each([
    ["a factory promise", "never-settles.mjs"],
    ["a top-level await", "top-level-await.mjs"],
  ])("names the module when %s can never settle (no exit 13 without a message)", async (_what, file) => {
    const error = await preflightError({ type: `module:./${file}` }, { baseDir: modules, timeoutMs: 60_000 });
    expect(error.file).toBe(join(modules, file));
    expect(error.message).toBe(
      `${join(modules, file)}: the custom sampler never finished loading or building: a top-level await or factory promise waits on nothing that can settle it`,
    );
  });

  it.each([
    ["a synchronous loop in the factory", "busy-factory.mjs"],
    ["a factory promise waiting on an hour-long timer", "slow-promise.mjs"],
  ])("ends %s after the time limit, naming the module", async (_what, file) => {
    const started = Date.now();
    const error = await preflightError({ type: `module:./${file}` }, { baseDir: modules, timeoutMs: 1500 });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(error.message).toBe(
      `${join(modules, file)}: the custom sampler was not loaded, built and drawn from within 1500 ms: ` +
        "a top-level await or factory promise that never settles, or a loop that never ends?",
    );
  });

  it("names a custom module nested as adaptive's base when it never finishes", async () => {
    const error = await preflightError(
      { type: "adaptive", base: { type: "module:./never-settles.mjs" } },
      { baseDir: modules, timeoutMs: 1500 },
    );
    expect(error.file).toBe(join(modules, "never-settles.mjs"));
  });

  it.each([
    [{ id: -1 }, "draw(out, k = 1, positive = -1) drew id -1, outside the vocabulary [0, 16)"],
    [{ id: "V" }, "draw(out, k = 1, positive = -1) drew id 16, outside the vocabulary [0, 16)"],
    [{ count: 99 }, "draw(out, k = 1, positive = -1) returned 99, not a count in [0, 1]"],
    [
      { collision: "redraw" },
      'draw(out, k = 1, positive = 0) drew the positive word although its collision policy is "redraw"',
    ],
  ])("refuses a custom sampler whose draws break the contract (%j)", async (options, problem) => {
    const error = await preflightError({ type: "module:./bad-ids.mjs", id: 0, ...options });
    expect(error.message).toBe(`${join(modules, "bad-ids.mjs")}: the custom sampler: ${problem}`);
  });

  it("refuses fromWeights with a weight count other than the vocabulary size (ids past the vocabulary)", async () => {
    const error = await preflightError({ type: "module:./wrong-length-weights.mjs" });
    expect(error.message).toBe(
      `${join(modules, "wrong-length-weights.mjs")}: the custom sampler factory threw: fromWeights: got 17 weights for a vocabulary of 16 words (one per word id)`,
    );
    // createSampler refuses it the same way.
    await expect(
      createSampler({ type: "module:./wrong-length-weights.mjs" }, { vocabulary: WORKED_EXAMPLE, baseDir: modules }),
    ).rejects.toThrow(/fromWeights: got 13 weights for a vocabulary of 12 words/);
  });

  it("checks adaptive's base ids where it draws them (a custom base with ids outside the vocabulary)", async () => {
    const error = await preflightError({ type: "adaptive", base: { type: "module:./bad-ids.mjs", id: -3 } });
    expect(error.message).toBe(
      'sampler "adaptive": its base "module:' +
        join(modules, "bad-ids.mjs") +
        '" drew id -3, outside the vocabulary [0, 16)',
    );
  });

  it("builds custom modules that keep the contract, in a worker, and passes the real vocabulary when given", async () => {
    const result = await preflightSamplerSpec(
      { type: "module:./even-words.mjs", collision: "redraw" },
      { baseDir: modules, vocabulary: WORKED_EXAMPLE },
    );
    expect(result.description).toBe("even word ids, uniform; collision=redraw");
    const wrapped = await preflightSamplerSpec({ type: "module:./wraps-builtin.mjs", alpha: 1 }, { baseDir: modules });
    expect(wrapped.description).toBe("wrapped unigram");
  });

  it("leaves refusals that depend on the corpus's counts to the real vocabulary, and says when the stand-in refused", async () => {
    // α = 60 with redraw: fine on equally frequent stand-in words, refused on a real, Zipf-shaped vocabulary.
    const spec: SamplerSpec = { type: "unigram", alpha: 60, collision: "redraw" };
    await expect(preflightSamplerSpec(spec)).resolves.toMatchObject({ spec: { alpha: 60, collision: "redraw" } });
    const real = await preflightError(spec, { vocabulary: WORKED_EXAMPLE });
    expect(real.message).toMatch(
      /^sampler "unigram": collision "redraw" needs at least two words the sampler can draw/,
    );
    // Redraw over one weighted word is refused whatever the counts; the message says which vocabulary showed it.
    const error = await preflightError({
      type: "domain",
      weights: { w3: 1 },
      combine: "mixture",
      lambda: 1,
      collision: "redraw",
    });
    expect(error.message).toMatch(
      /needs at least two words the sampler can draw.*\(on a stand-in vocabulary of 16 equally frequent words, before the corpus is read\)$/,
    );
    expect(error.field).toBe("collision");
  });

  it("refuses a time limit that is not a positive number", async () => {
    const error = await preflightError({ type: "uniform" }, { timeoutMs: Number.NaN });
    expect(error.field).toBe("timeoutMs");
  });
});
