import * as z from "zod/mini";
import { booleanSchema, choiceSchema, collisionOption, integerSchema, numberSchema, show } from "../options.js";
import { samplerSpecSchema } from "../spec-schema.js";
import { AdaptiveSampler, SELECTIONS, type AdaptivePlan } from "../samplers/adaptive-sampler.js";
import { checkRedrawCanEnd, IndependentSampler } from "../samplers/independent-sampler.js";
import type { CollisionPolicy, SamplerSpec } from "../types.js";
import { defineSamplerType } from "./sampler-type.js";

/** Parsed options of an adaptive sampler. */
export interface AdaptiveOptions extends AdaptivePlan {
  /** The normalised spec of the proposal sampler (without `collision`: the adaptive sampler applies its own). */
  readonly base: SamplerSpec;
  readonly collision: CollisionPolicy;
}

/** `adaptive`: model-aware hard negatives chosen among M candidates of a base sampler. */
export const adaptive = defineSamplerType<AdaptiveOptions>({
  name: "adaptive",
  description:
    "model-aware hard negatives: M candidates from a base sampler, keep the top k by h·v' or sample ∝ exp(score/T)",
  reference: "hard negatives (Zhang & Stratos 2021); self-adversarial negative sampling (Sun et al. 2019)",
  options: [
    {
      name: "base",
      type: "sampler spec",
      default: { type: "unigram", alpha: 0.75 },
      description:
        "The proposal the candidates are drawn from (any spec but its collision, which this sampler applies).",
      // Checked in full through the registry by `parse` (validateNested); the schema gives editors the recursive shape.
      schema: z.lazy(() => samplerSpecSchema()),
    },
    {
      name: "candidates",
      type: "integer in [1, 100000]",
      default: 32,
      description:
        "M, candidates per draw (at least k are drawn). Cost O(M·dim) per draw; larger M gives harder negatives.",
      schema: integerSchema(1, 100_000),
    },
    {
      name: "select",
      type: SELECTIONS.map((s) => `"${s}"`).join(" | "),
      default: "top",
      description: "top: the k highest-scoring candidates; softmax: k draws with replacement ∝ exp(score/T).",
      schema: choiceSchema(SELECTIONS),
    },
    {
      name: "temperature",
      type: "number > 0",
      default: 1,
      description:
        "T of exp(score/T) for softmax selection and self-adversarial weights; lower T concentrates on harder candidates.",
      schema: numberSchema({ min: 0, exclusiveMin: true }),
    },
    {
      name: "selfAdversarial",
      type: "boolean",
      default: false,
      description:
        "Fill per-negative weights k·softmax(score/T) over the chosen negatives (Sun et al. 2019); the trainer scales each gradient.",
      schema: booleanSchema(),
    },
    collisionOption(),
  ],
  parse: (reader, context) => {
    const raw = reader.value("base");
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw reader.error("base", `must be a sampler spec like { "type": "unigram" }, got ${show(raw)}`);
    }
    if ((raw as SamplerSpec).collision !== undefined) {
      throw reader.error(
        "base.collision",
        `has no effect: the adaptive sampler applies its own "collision" to the candidates`,
      );
    }
    const { collision: _ignored, ...base } = context.validateNested(raw, `${reader.path}base.`);
    return {
      base: base as SamplerSpec,
      candidates: reader.value("candidates"),
      select: reader.value("select"),
      temperature: reader.value("temperature"),
      selfAdversarial: reader.value("selfAdversarial"),
      collision: reader.collision(),
    };
  },
  build: async (options, spec, context) => {
    const base = await context.createSampler({ ...options.base, collision: "keep" });
    // Redraws come from the base: what it can really draw decides whether they end (a custom base states its probabilities()).
    checkRedrawCanEnd(
      spec,
      options.collision,
      base instanceof IndependentSampler ? base.drawableMass() : base.probabilities(),
    );
    return new AdaptiveSampler(spec, options.collision, base, options, context.vocabulary.words.length);
  },
});
