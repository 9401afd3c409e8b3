import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { validateExperiment } from "../dist/experiment/definition.js";
import { experimentJsonSchemaText } from "../dist/experiment/json-schema.js";

const schemaFile = join(import.meta.dirname, "..", "experiment.schema.json");
const experimentsDir = join(import.meta.dirname, "..", "..", "..", "experiments");
const committed = readFileSync(schemaFile, "utf8");

/** The published schema compiled by Ajv, a validator independent of zod (strict mode: unknown keywords refused). */
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(committed));

/** Every committed experiment definition: [directory name, parsed JSON]. */
const experiments = readdirSync(experimentsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(
    (entry) =>
      [entry.name, JSON.parse(readFileSync(join(experimentsDir, entry.name, "experiment.json"), "utf8"))] as const,
  );

/** The first committed definition with `change` applied to a copy of it. */
function planted(change: (definition: Record<string, unknown>) => void): Record<string, unknown> {
  const copy = structuredClone(experiments[0][1]) as Record<string, unknown>;
  change(copy);
  return copy;
}

describe("experiment.schema.json", () => {
  it("is what `pnpm --filter neglab schema` writes from the zod schema (regenerate it after changing a schema)", () => {
    expect(committed).toBe(experimentJsonSchemaText());
  });

  it("names itself in every committed experiment, which neglab accepts", () => {
    expect(experiments.length).toBeGreaterThan(0);
    for (const [name, json] of experiments) {
      expect(json.$schema, name).toBe("../../apps/neglab/experiment.schema.json");
      expect(validateExperiment(json, join(experimentsDir, name, "experiment.json")).name).toBe(json.name);
    }
  });

  it("accepts every committed experiment (Ajv)", () => {
    for (const [name, json] of experiments) {
      expect(validate(json) ? [] : validate.errors, name).toEqual([]);
    }
  });

  const typos: [string, (d: Record<string, unknown>) => void, string][] = [
    ["an unknown top-level key", (d) => (d.seed = [1]), ""],
    ["an unknown corpus key", (d) => ((d.corpus as Record<string, unknown>).lowercse = true), "/corpus"],
    ["an unknown trainer setting", (d) => (d.train = { epoch: 3 }), "/train"],
    [
      "a vocabulary setting in a strategy",
      (d) => ((d.strategies as Record<string, unknown>[])[0].train = { minCount: 2 }),
      "/strategies/0/train",
    ],
    ["a seed of the wrong type", (d) => (d.seeds = [1, "2"]), "/seeds/1"],
    ["a setting out of range", (d) => (d.train = { vectorSize: 0 }), "/train/vectorSize"],
    [
      "an unknown sampler option",
      (d) => ((d.strategies as Record<string, unknown>[])[0].sampler = { type: "unigram", alpah: 0.5 }),
      "/strategies/0/sampler",
    ],
    [
      "a sampler option of the wrong type",
      (d) => ((d.strategies as Record<string, unknown>[])[0].sampler = { type: "unigram", alpha: "0.5" }),
      "/strategies/0/sampler",
    ],
    [
      "an unknown sampler type",
      (d) => ((d.strategies as Record<string, unknown>[])[0].sampler = { type: "unigarm" }),
      "/strategies/0/sampler",
    ],
    [
      "an unknown benchmark option",
      (d) => (d.benchmarks = [{ name: "b", type: "similarity", path: "p.tsv", options: { restrictVocb: 10 } }]),
      "/benchmarks/0",
    ],
  ];
  for (const [what, change, where] of typos) {
    it(`rejects ${what}, as neglab does (Ajv at ${where || "the root"})`, () => {
      const definition = planted(change);
      expect(validate(definition)).toBe(false);
      expect(validate.errors!.some((e) => e.instancePath.startsWith(where))).toBe(true);
      expect(() => validateExperiment(definition, "/x/experiment.json")).toThrow(/^\/x\/experiment\.json: /);
    });
  }

  it("accepts a custom sampler module with options of its own, as neglab does", () => {
    const definition = planted(
      (d) => ((d.strategies as Record<string, unknown>[])[0].sampler = { type: "module:./my-sampler.js", strength: 2 }),
    );
    expect(validate(definition) ? [] : validate.errors).toEqual([]);
  });
});
