import { resolve } from "node:path";
import { readWeightsFile, resolveWeights, weightsFromMap, type WeightEntry } from "../domain-weights.js";
import { SamplerError } from "../errors.js";
import * as z from "zod/mini";
import { choiceSchema, collisionOption, numberSchema, show } from "../options.js";
import { AliasSampler } from "../samplers/alias-sampler.js";
import type { CollisionPolicy } from "../types.js";
import { normalise, unigramWeights } from "../weights.js";
import { defineSamplerType } from "./sampler-type.js";

/** How domain weights combine with the unigram^α base. */
type Combine = "product" | "mixture";

const COMBINES: readonly Combine[] = ["product", "mixture"];

/** Parsed options of a domain sampler. */
export interface DomainOptions {
  /** Absolute path of a weights file, or an in-code `{ word: weight }` map. */
  readonly weights: string | Readonly<Record<string, number>>;
  readonly combine: Combine;
  readonly lambda: number;
  readonly alpha: number;
  readonly defaultWeight: number;
  readonly collision: CollisionPolicy;
}

/** How many missing words a warning lists by name. */
const SHOWN_MISSING = 10;

/**
 * `domain`: unigram^α reweighted towards (or away from) a domain's words:
 * product P(w) ∝ count(w)^α · weight(w), or mixture
 * P(w) = (1 − λ) · count(w)^α / Σ count^α + λ · weight(w) / Σ weight.
 */
export const domain = defineSamplerType<DomainOptions>({
  name: "domain",
  description: "unigram^α combined with per-word domain weights (file or map), by product or by mixture with λ",
  reference: "domain-weighted negative sampling; base unigram^α of Mikolov et al. 2013",
  options: [
    {
      name: "weights",
      type: "string (file path) | { word: weight }",
      default: undefined,
      defaultLabel: "required",
      description:
        "Per-word weights: a file of `word<TAB>weight` lines (# starts a comment line; relative paths resolve against " +
        "the spec's base directory) or an in-code map. Weights must be finite and ≥ 0.",
      // Both forms are checked by `parse` (the map's weights by weightsFromMap, naming the word).
      schema: z.union([z.string().check(z.minLength(1)), z.record(z.string(), numberSchema({ min: 0 }))]),
    },
    {
      name: "combine",
      type: COMBINES.map((c) => `"${c}"`).join(" | "),
      default: "product",
      description:
        "product: P ∝ count^α · weight (weights rescale each word's unigram share); mixture: P = (1−λ)·unigram^α + " +
        "λ·weight/Σweight (a fixed share λ of negatives comes from the domain distribution).",
      schema: choiceSchema(COMBINES),
    },
    {
      name: "lambda",
      type: "number in [0, 1]",
      default: 0.5,
      description: "mixture only: the share of probability mass given to the domain distribution.",
      schema: numberSchema({ min: 0, max: 1 }),
    },
    {
      name: "alpha",
      type: "number (any real)",
      default: 0.75,
      description: "Exponent α of the unigram^α base.",
      schema: numberSchema(),
    },
    {
      name: "defaultWeight",
      type: "number ≥ 0",
      default: undefined,
      defaultLabel:
        "1 (product: unlisted words keep their unigram share), 0 (mixture: domain mass only on listed words)",
      description: "Weight of vocabulary words the weights source does not list.",
      schema: numberSchema({ min: 0 }),
    },
    collisionOption(),
  ],
  parse: (reader, context) => {
    const raw = reader.value("weights");
    let weights: DomainOptions["weights"];
    if (typeof raw === "string" && raw.trim() !== "") {
      weights = resolve(context.baseDir, raw);
    } else if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
      weights = Object.fromEntries(weightsFromMap(raw as Record<string, unknown>).map((e) => [e.word, e.weight]));
    } else {
      throw reader.error("weights", `must be a file path or a { word: weight } map, got ${show(raw)}`);
    }
    const combine = reader.value<Combine>("combine");
    if (combine === "product" && reader.spec.lambda !== undefined) {
      throw reader.error("lambda", `applies only to combine: "mixture"`);
    }
    const lambda = reader.value<number>("lambda");
    const defaultWeight =
      reader.spec.defaultWeight === undefined ? (combine === "product" ? 1 : 0) : reader.value<number>("defaultWeight");
    return { weights, combine, lambda, alpha: reader.value("alpha"), defaultWeight, collision: reader.collision() };
  },
  toSpec: ({ weights, combine, lambda, alpha, defaultWeight, collision }) =>
    combine === "product"
      ? { type: "domain", weights, combine, alpha, defaultWeight, collision }
      : { type: "domain", weights, combine, lambda, alpha, defaultWeight, collision },
  build: async (options, spec, context) => {
    const { vocabulary } = context;
    const source = typeof options.weights === "string" ? options.weights : "the weights map";
    const entries: WeightEntry[] =
      typeof options.weights === "string" ? await readWeightsFile(options.weights) : weightsFromMap(options.weights);
    const resolved = resolveWeights(entries, vocabulary, options.defaultWeight);
    if (resolved.listed === 0) {
      throw new SamplerError(
        `sampler "domain": none of the ${entries.length} words of ${source} is in the vocabulary`,
        {
          field: "weights",
        },
      );
    }
    const warnings: string[] = [];
    if (resolved.missing.length > 0) {
      const shown = resolved.missing.slice(0, SHOWN_MISSING).join(", ");
      const more =
        resolved.missing.length > SHOWN_MISSING ? `, … (${resolved.missing.length - SHOWN_MISSING} more)` : "";
      warnings.push(
        `${resolved.missing.length} of ${entries.length} words of ${source} are not in the vocabulary: ${shown}${more}`,
      );
    }
    const base = unigramWeights(vocabulary, options.alpha);
    let distribution: Float64Array;
    if (options.combine === "product") {
      for (let id = 0; id < base.length; id++) base[id] *= resolved.weights[id];
      distribution = normalise(base, `sampler "domain": count^α · weight`, "weights");
    } else {
      const unigramPart = normalise(base, `sampler "domain": count^α`);
      const domainPart = normalise(
        resolved.weights,
        `sampler "domain": the domain weights over the vocabulary`,
        "weights",
      );
      distribution = unigramPart.map((u, id) => (1 - options.lambda) * u + options.lambda * domainPart[id]);
    }
    const how = options.combine === "product" ? "product" : `mixture λ=${options.lambda}`;
    const label = `domain ${how} with unigram α=${options.alpha} (${resolved.listed} weighted words from ${source}; default weight ${options.defaultWeight}; alias)`;
    return new AliasSampler(spec, options.collision, distribution, label, warnings);
  },
});
