import { describe, expect, it } from "vitest";
import { createSampler, listSamplers, SamplerError, validateSamplerSpec, type SamplerSpec } from "../src/index.js";
import { fixture, WORKED_EXAMPLE } from "./helpers.js";

const vocabulary = WORKED_EXAMPLE;

/** The SamplerError thrown by building `spec`. */
async function buildError(spec: unknown): Promise<SamplerError> {
  try {
    await createSampler(spec as SamplerSpec, { vocabulary });
  } catch (error) {
    expect(error).toBeInstanceOf(SamplerError);
    return error as SamplerError;
  }
  throw new Error(`expected ${JSON.stringify(spec)} to fail`);
}

describe("listSamplers", () => {
  it("lists every sampler type with a one-line description and options with defaults", () => {
    const list = listSamplers();
    expect(list.map((s) => s.name)).toEqual([
      "uniform",
      "unigram",
      "fasttext",
      "domain",
      "annealed",
      "adaptive",
      "module:<path | package>",
    ]);
    for (const samplerType of list) {
      expect(samplerType.description).not.toMatch(/\n/);
      expect(samplerType.description.length).toBeGreaterThan(20);
      for (const option of samplerType.options) {
        expect(option.description.length).toBeGreaterThan(10);
        expect(option.default !== undefined || option.defaultLabel !== undefined).toBe(true);
      }
    }
    const unigram = list.find((s) => s.name === "unigram")!;
    expect(unigram.options.map((o) => [o.name, o.default])).toEqual([
      ["alpha", 0.75],
      ["method", "alias"],
      ["tableSize", undefined],
      ["integerSum", true],
      ["collision", "skip"],
      ["share", "pair"],
    ]);
    // `share` (read by the trainer) is listed with every sampler type, custom modules aside
    for (const type of list.filter((s) => !s.name.startsWith("module:")))
      expect(type.options.at(-1)!.name).toBe("share");
    expect(list.find((s) => s.name === "fasttext")!.options.find((o) => o.name === "collision")!.default).toBe(
      "redraw",
    );
  });
});

describe("validateSamplerSpec", () => {
  it("fills defaults, keeps only the options the method uses, and is idempotent", () => {
    const cases: [SamplerSpec, SamplerSpec][] = [
      [{ type: "unigram" }, { type: "unigram", alpha: 0.75, method: "alias", collision: "skip" }],
      [
        { type: "unigram", method: "word2vec-table" },
        { type: "unigram", alpha: 0.75, method: "word2vec-table", tableSize: 1e8, integerSum: true, collision: "skip" },
      ],
      [
        { type: "unigram", method: "cumulative", alpha: 1 },
        { type: "unigram", alpha: 1, method: "cumulative", tableSize: 2 ** 31 - 1, collision: "skip" },
      ],
      [{ type: "fasttext" }, { type: "fasttext", alpha: 0.5, tableSize: 1e7, collision: "redraw" }],
      [
        { type: "annealed", schedule: "cosine" },
        { type: "annealed", alphaStart: 1, alphaEnd: 0.5, schedule: "cosine", steps: 100, collision: "skip" },
      ],
      [
        { type: "adaptive", select: "softmax" },
        {
          type: "adaptive",
          base: { type: "unigram", alpha: 0.75, method: "alias" },
          candidates: 32,
          select: "softmax",
          temperature: 1,
          selfAdversarial: false,
          collision: "skip",
        },
      ],
      [
        { type: "domain", weights: { fox: 2 }, combine: "mixture" },
        {
          type: "domain",
          weights: { fox: 2 },
          combine: "mixture",
          lambda: 0.5,
          alpha: 0.75,
          defaultWeight: 0,
          collision: "skip",
        },
      ],
    ];
    for (const [spec, expected] of cases) {
      const normalised = validateSamplerSpec(spec, vocabulary);
      expect(normalised).toEqual(expected);
      expect(validateSamplerSpec(normalised, vocabulary)).toEqual(normalised);
    }
  });

  it("makes a relative weights path absolute against baseDir, so workers need no baseDir", () => {
    const spec = validateSamplerSpec({ type: "domain", weights: "weights/animals.tsv" }, vocabulary, fixture());
    expect(spec.weights).toBe(fixture("weights", "animals.tsv"));
  });
});

describe("bad input fails when the sampler is built, naming what is wrong", () => {
  it("unknown sampler type: suggests the closest name", async () => {
    expect((await buildError({ type: "unigam" })).message).toBe('unknown sampler "unigam"; did you mean "unigram"?');
    expect((await buildError({ type: "adaptiv" })).message).toContain('did you mean "adaptive"?');
    expect((await buildError({ type: "Uniform" })).message).toContain('did you mean "uniform"?');
    expect((await buildError({ type: "zzzzzzzzzzzz" })).message).toMatch(/expected one of: "uniform", "unigram"/);
    expect((await buildError({})).field).toBe("type");
    expect((await buildError("unigram")).message).toMatch(/must be an object/);
  });

  it("unknown option and unknown enum value: suggests the closest", async () => {
    expect((await buildError({ type: "unigram", alhpa: 0.5 })).message).toContain(
      'option "alhpa": unknown option; did you mean "alpha"?',
    );
    expect((await buildError({ type: "unigram", method: "alais" })).message).toContain('did you mean "alias"?');
    expect((await buildError({ type: "unigram", collision: "redarw" })).message).toContain('did you mean "redraw"?');
  });

  it("invalid α: not a finite number", async () => {
    for (const alpha of [Number.NaN, Infinity, "0.75", null]) {
      const error = await buildError({ type: "unigram", alpha });
      expect(error.field).toBe("alpha");
      expect(error.message).toMatch(/sampler "unigram": option "alpha": must be a finite number/);
    }
    expect((await buildError({ type: "annealed", alphaEnd: "low" })).field).toBe("alphaEnd");
  });

  it("α < 0 with a zero count, and word2vec.c's integer sum with α < 0", async () => {
    const withZero = { words: ["a", "b"], counts: [3, 0] };
    await expect(createSampler({ type: "unigram", alpha: -0.5 }, { vocabulary: withZero })).rejects.toThrow(
      /"b" \(count 0\) an infinite weight/,
    );
    const error = await buildError({ type: "unigram", alpha: -0.5, method: "word2vec-table", tableSize: 1000 });
    expect(error.field).toBe("integerSum");
    await expect(
      createSampler(
        { type: "unigram", alpha: -0.5, method: "word2vec-table", tableSize: 1000, integerSum: false },
        { vocabulary },
      ),
    ).resolves.toBeDefined();
  });

  it("α beyond what the reference tools' unscaled arithmetic can hold", async () => {
    for (const method of ["word2vec-table", "cumulative", "fasttext-table"]) {
      const error = await buildError({ type: "unigram", alpha: 400, method, tableSize: 1000 });
      expect(error.message).toMatch(
        new RegExp(`method "${method}": Σ count\\^α = Infinity at alpha = 400.*use method "alias"`),
      );
    }
    await expect(createSampler({ type: "unigram", alpha: 400 }, { vocabulary })).resolves.toBeDefined();
  });

  it("invalid λ and options that do not apply", async () => {
    for (const lambda of [-0.1, 1.5, Number.NaN]) {
      const error = await buildError({ type: "domain", weights: { fox: 1 }, combine: "mixture", lambda });
      expect(error.field).toBe("lambda");
    }
    expect((await buildError({ type: "domain", weights: { fox: 1 }, lambda: 0.3 })).message).toMatch(
      /lambda.*only to combine: "mixture"/,
    );
    expect((await buildError({ type: "unigram", tableSize: 1000 })).message).toMatch(
      /tableSize.*only to the table methods/,
    );
    expect((await buildError({ type: "unigram", method: "cumulative", integerSum: false })).field).toBe("integerSum");
    expect((await buildError({ type: "unigram", method: "fasttext-table", tableSize: 2 ** 25 })).field).toBe(
      "tableSize",
    );
    expect((await buildError({ type: "unigram", method: "word2vec-table", tableSize: 0.5 })).field).toBe("tableSize");
  });

  it("other sampler types' options out of range", async () => {
    expect((await buildError({ type: "annealed", steps: 0 })).field).toBe("steps");
    expect((await buildError({ type: "annealed", schedule: "cosin" })).message).toContain('did you mean "cosine"?');
    expect((await buildError({ type: "adaptive", temperature: 0 })).field).toBe("temperature");
    expect((await buildError({ type: "adaptive", candidates: 2.5 })).field).toBe("candidates");
    expect((await buildError({ type: "adaptive", selfAdversarial: "yes" })).field).toBe("selfAdversarial");
    expect((await buildError({ type: "adaptive", base: { type: "unigram", alpha: "x" } })).field).toBe("base.alpha");
    expect((await buildError({ type: "adaptive", base: { type: "unigrm" } })).message).toContain(
      'did you mean "unigram"?',
    );
    expect((await buildError({ type: "adaptive", base: { type: "unigram", collision: "redraw" } })).field).toBe(
      "base.collision",
    );
    expect((await buildError({ type: "adaptive", base: "unigram" })).field).toBe("base");
  });

  it("weights file with a malformed line: names the file and line", async () => {
    const file = fixture("weights", "malformed.tsv");
    const error = await buildError({ type: "domain", weights: file });
    expect(error.message).toBe(`${file}:4: expected "word<TAB>weight", got "cat 2 extra"`);
    expect([error.file, error.line]).toEqual([file, 4]);
    const nan = await buildError({ type: "domain", weights: fixture("weights", "not-a-number.tsv") });
    expect(nan.message).toMatch(/not-a-number\.tsv:1: weight of "fox" must be a finite number ≥ 0, got "many"/);
    const duplicate = await buildError({ type: "domain", weights: fixture("weights", "duplicate.tsv") });
    expect(duplicate.message).toMatch(/duplicate\.tsv:2: "fox" is listed twice \(first on line 1\)/);
    const missing = await buildError({ type: "domain", weights: fixture("weights", "no-such-file.tsv") });
    expect(missing.message).toMatch(/no-such-file\.tsv: cannot read the weights file/);
  });

  it("negative or all-zero weights", async () => {
    const negative = await buildError({ type: "domain", weights: fixture("weights", "negative.tsv") });
    expect(negative.message).toMatch(/negative\.tsv:3: weight of "dog" must be a finite number ≥ 0, got "-1"/);
    expect((await buildError({ type: "domain", weights: { fox: -2 } })).message).toMatch(
      /weight of "fox" must be a finite number ≥ 0, got -2/,
    );
    const zero = await buildError({ type: "domain", weights: fixture("weights", "all-zero.tsv"), defaultWeight: 0 });
    expect(zero.message).toMatch(/all weights are zero/);
    const zeroMixture = await buildError({ type: "domain", weights: { fox: 0 }, combine: "mixture" });
    expect(zeroMixture.message).toMatch(/domain weights over the vocabulary: all weights are zero/);
    expect((await buildError({ type: "domain", weights: { zebra: 2 } })).message).toMatch(
      /none of the 1 words of the weights map is in the vocabulary/,
    );
    expect((await buildError({ type: "domain", weights: { fox: 1 }, defaultWeight: -1 })).field).toBe("defaultWeight");
    expect((await buildError({ type: "domain" })).field).toBe("weights");
  });

  it("a vocabulary that cannot be sampled", async () => {
    await expect(createSampler({ type: "unigram" }, { vocabulary: { words: [], counts: [] } })).rejects.toThrow(
      /vocabulary is empty/,
    );
    await expect(
      createSampler({ type: "unigram" }, { vocabulary: { words: ["a", "b"], counts: [1] } }),
    ).rejects.toThrow(/2 words but 1 counts/);
    await expect(
      createSampler({ type: "unigram" }, { vocabulary: { words: ["a", "b"], counts: [1, -4] } }),
    ).rejects.toThrow(/count of "b" \(id 1\)/);
    await expect(createSampler({ type: "unigram" }, { vocabulary: { words: ["a"], counts: [0] } })).rejects.toThrow(
      /all weights are zero/,
    );
  });
});

describe("share", () => {
  const vocabulary = { words: ["a", "b", "c"], counts: [3, 2, 1] };
  it('keeps share: "window" in the normalised spec and drops the default "pair", so older specs keep their keys', () => {
    expect(validateSamplerSpec({ type: "unigram", share: "window" }, vocabulary).share).toBe("window");
    expect(validateSamplerSpec({ type: "unigram", share: "pair" }, vocabulary)).toEqual(
      validateSamplerSpec({ type: "unigram" }, vocabulary),
    );
  });
  it("refuses another value, naming the field", () => {
    expect(() => validateSamplerSpec({ type: "uniform", share: "sentence" }, vocabulary)).toThrow(
      /"share" must be one of "pair", "window", got "sentence"/,
    );
  });
});
