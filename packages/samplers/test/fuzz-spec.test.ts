// Property-based fuzzing of sampler spec validation and building (issue #19): arbitrary JSON values and mutated
// valid specs end in a normalised spec (which validates to itself again) or a SamplerError, never any other error;
// a spec that validates builds into a sampler whose draws are vocabulary ids, or fails with a SamplerError; each case
// finishes within a time bound. Fixed seeds keep CI reproducible.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSampler, listSamplers, SamplerError, validateSamplerSpec, type SamplerSpec } from "../src/index.js";
import { buffers, fixture, rng, WORKED_EXAMPLE } from "./helpers.js";

/** A case that takes longer than this has hung (the vocabulary has 12 words, tables at most 10^5 entries). */
const CASE_MS = 5_000;
const baseDir = fixture("weights");
const vocabulary = WORKED_EXAMPLE;

/** Validates, returning the normalised spec or undefined after a SamplerError; any other error fails the property. */
function validate(spec: unknown): SamplerSpec | undefined {
  const started = performance.now();
  try {
    const normalised = validateSamplerSpec(spec, vocabulary, baseDir);
    expect(validateSamplerSpec(normalised, vocabulary, baseDir)).toEqual(normalised);
    return normalised;
  } catch (error) {
    if (!(error instanceof SamplerError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    return undefined;
  } finally {
    expect(performance.now() - started).toBeLessThan(CASE_MS);
  }
}

/** Values an option may be given: the right kinds, edge numbers and wrong kinds. */
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    0,
    -0,
    1,
    0.75,
    -1,
    50,
    1e-300,
    1e308,
    -1e308,
    2 ** 31,
    1e5,
    100,
    0.5,
    true,
    false,
    "",
    "skip",
    "redraw",
    "keep",
  ),
  fc.constantFrom(
    "alias",
    "word2vec-table",
    "cumulative",
    "fasttext-table",
    "product",
    "mixture",
    "linear",
    "cosine",
    "top",
    "softmax",
  ),
  fc.constantFrom("animals.tsv", "malformed.tsv", "no-such.tsv", { fox: 2, dog: 1 }, { fox: -1 }, {}),
);

/** Values each option takes in real specs, edge cases included. */
const GOOD: Record<string, readonly unknown[]> = {
  alpha: [0, 0.75, 1, -0.5, 5, 50, -50],
  alphaStart: [1, 0, 50],
  alphaEnd: [0.5, -1, 50],
  method: ["alias", "word2vec-table", "cumulative", "fasttext-table"],
  tableSize: [1, 7, 1000, 50_000],
  integerSum: [true, false],
  collision: ["skip", "redraw", "keep"],
  weights: [
    "animals.tsv",
    "zipf-domain.tsv",
    { fox: 2, dog: 1 },
    { the: 1 },
    { fox: 1e-300 },
    { fox: 1e308, dog: 1e308 },
  ],
  combine: ["product", "mixture"],
  lambda: [0, 0.5, 1],
  defaultWeight: [0, 1, 1e-300],
  schedule: ["linear", "cosine"],
  steps: [1, 10],
  candidates: [1, 8, 40],
  select: ["top", "softmax"],
  temperature: [0.1, 1, 1e-300],
  selfAdversarial: [true, false],
  base: [{ type: "uniform" }, { type: "unigram", alpha: 1 }, { type: "domain", weights: { fox: 1 } }],
};

/** A spec of a registered sampler type with a random subset of options: mostly values real specs use, some wrong ones. */
const optionNames = [...new Set(listSamplers().flatMap((s) => s.options.map((o) => o.name)))];
const types = fc.constantFrom(
  ...listSamplers()
    .map((s) => s.name)
    .filter((n) => !n.startsWith("module:")),
  "unigarm",
  "module:",
  "module:./nothing-here.mjs",
  "",
);
const optionOf = (names: readonly string[]) =>
  fc
    .constantFrom(...names)
    .chain((name) =>
      fc.tuple(
        fc.constant(name),
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(GOOD[name] ?? [1])) }, { weight: 1, arbitrary: value }),
      ),
    );
/** Mostly the sampler type's own options (so many specs build), at times any sampler type's or a misspelt one. */
const mutatedSpec = types.chain((type) => {
  const own =
    listSamplers()
      .find((s) => s.name === type)
      ?.options.map((o) => o.name) ?? optionNames;
  return fc
    .tuple(
      fc.array(fc.oneof({ weight: 5, arbitrary: optionOf(own) }, { weight: 1, arbitrary: optionOf(optionNames) }), {
        maxLength: 4,
      }),
      fc.option(fc.tuple(fc.constantFrom("colision", "__proto__", "type"), value), { freq: 5 }),
    )
    .map(([options, stray]) => ({
      type,
      ...Object.fromEntries(options),
      ...Object.fromEntries(stray === null ? [] : [stray]),
    }));
});

/** Tables this large or larger are not built in the fuzz (word2vec.c's default is 400 MB); their validation still runs. */
const BUILD_LIMIT = 100_000;
function cheapToBuild(spec: SamplerSpec): boolean {
  const size = spec.tableSize ?? (spec.base as SamplerSpec | undefined)?.tableSize;
  const method = spec.method ?? (spec.base as SamplerSpec | undefined)?.method;
  return (
    spec.type !== "fasttext" &&
    (method === undefined || method === "alias" || (typeof size === "number" && size <= BUILD_LIMIT))
  );
}

describe("fuzz: sampler specs", () => {
  it("arbitrary JSON values validate to a normalised spec or a SamplerError", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        validate(json);
      }),
      { seed: 1, numRuns: 500 },
    );
  });

  it("objects with arbitrary keys and values validate to a normalised spec or a SamplerError", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
        types,
        (object, type) => {
          validate({ ...object, type });
        },
      ),
      { seed: 2, numRuns: 400 },
    );
  });

  it("mutated valid specs validate, then build into a sampler drawing vocabulary ids, or fail with a SamplerError", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedSpec, async (spec) => {
        const normalised = validate(spec);
        if (normalised === undefined || !cheapToBuild(normalised)) return;
        const started = performance.now();
        try {
          const sampler = await createSampler(normalised, { vocabulary, baseDir });
          const out = buffers(8, true);
          for (const positive of [-1, 0, 11]) {
            const n = sampler.draw(out, 8, positive, -1, rng("fuzz"));
            expect(n).toBeLessThanOrEqual(8);
            for (const id of out.ids.subarray(0, n)) expect(id >= 0 && id < vocabulary.words.length).toBe(true);
          }
          const p = sampler.probabilities();
          expect(p.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
        } catch (error) {
          if (!(error instanceof SamplerError)) throw error;
        }
        expect(performance.now() - started).toBeLessThan(CASE_MS);
      }),
      { seed: 3, numRuns: 400 },
    );
  });
});
