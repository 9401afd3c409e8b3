import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import { listSamplers, samplerSpecSchema, validateSamplerSpec, type SamplerSpec } from "../src/index.js";
import { WORKED_EXAMPLE } from "./helpers.js";

const schema = samplerSpecSchema();
const strategies = listSamplers().filter((s) => !s.name.startsWith("module:"));

/** A spec of each strategy with every option given: its normalised spec, which validateSamplerSpec accepts. */
const normalised: SamplerSpec[] = strategies.map((s) =>
  validateSamplerSpec(
    s.name === "domain" ? { type: "domain", weights: { the: 2 }, combine: "mixture" } : { type: s.name },
    WORKED_EXAMPLE,
    "/base",
  ),
);

describe("samplerSpecSchema", () => {
  it("publishes every sampler type with every option listSamplers shows, and nothing else", () => {
    const json = z.toJSONSchema(schema, { io: "input" }) as {
      $defs?: Record<string, { anyOf: { properties: Record<string, unknown>; additionalProperties: unknown }[] }>;
    } & Record<string, unknown>;
    const variants = (json.anyOf ?? json.$defs?.SamplerSpec?.anyOf) as {
      properties: Record<string, { const?: string; pattern?: string }>;
      additionalProperties: unknown;
    }[];
    expect(variants.map((v) => v.properties.type.const ?? v.properties.type.pattern)).toEqual([
      ...strategies.map((s) => s.name),
      "^module:\\s*\\S",
    ]);
    for (const [i, strategy] of strategies.entries()) {
      expect(Object.keys(variants[i].properties).sort()).toEqual(
        ["type", ...strategy.options.map((o) => o.name)].sort(),
      );
      expect(variants[i].additionalProperties).toBe(false);
    }
  });

  it("accepts every normalised spec (the specs validateSamplerSpec returns)", () => {
    for (const spec of normalised) expect(schema.safeParse(spec).error?.issues ?? [], spec.type).toEqual([]);
    expect(
      schema.safeParse({ type: "adaptive", base: { type: "domain", weights: "w.tsv" }, candidates: 8 }).success,
    ).toBe(true);
    expect(schema.safeParse({ type: "module:./mine.js", anything: [1, 2] }).success).toBe(true);
  });

  const rejected: [string, unknown, RegExp][] = [
    ["an unknown option", { type: "unigram", alpah: 0.5 }, /option "alpah": unknown option; did you mean "alpha"\?/],
    [
      "a value of the wrong type",
      { type: "unigram", alpha: "0.5" },
      /option "alpha": must be a finite number, got "0.5"/,
    ],
    [
      "a value out of range",
      { type: "adaptive", candidates: 0 },
      /option "candidates": must be an integer in \[1, 100000\], got 0/,
    ],
    [
      "an unknown word",
      { type: "annealed", schedule: "cosin" },
      /option "schedule": unknown value "cosin"; did you mean "cosine"\?/,
    ],
    [
      "a missing required option",
      { type: "domain" },
      /option "weights": must be a file path or a \{ word: weight \} map, got undefined/,
    ],
    [
      "a bad nested spec",
      { type: "adaptive", base: { type: "unigram", alpha: true } },
      /option "base\.alpha": must be a finite number, got true/,
    ],
    ["an unknown type", { type: "unigarm" }, /unknown sampler "unigarm"; did you mean "unigram"\?/],
  ];
  for (const [what, spec, message] of rejected) {
    it(`rejects ${what}, as validateSamplerSpec does with its message`, () => {
      expect(schema.safeParse(spec).success).toBe(false);
      expect(() => validateSamplerSpec(spec, WORKED_EXAMPLE)).toThrow(message);
    });
  }
});
