import { choiceSchema, collisionOption, integerSchema, numberSchema } from "../options.js";
import { AnnealedSampler, type AnnealingPlan } from "../samplers/annealed-sampler.js";
import { SCHEDULES } from "../schedule.js";
import type { CollisionPolicy } from "../types.js";
import { defineSamplerType } from "./sampler-type.js";

/** Parsed options of an annealed sampler. */
export interface AnnealedOptions extends AnnealingPlan {
  readonly collision: CollisionPolicy;
}

/** `annealed`: unigram^α(t) with α moving over training progress t. */
export const annealed = defineSamplerType<AnnealedOptions>({
  name: "annealed",
  description: "unigram^α with α moving from alphaStart to alphaEnd over training (linear or cosine schedule)",
  reference:
    "curriculum over the noise distribution (Bengio et al. 2009 curriculum learning); unigram^α of Mikolov et al. 2013",
  options: [
    {
      name: "alphaStart",
      type: "number (any real)",
      default: 1,
      description: "α at the start of training (1: raw unigram, frequent and easy negatives).",
      schema: numberSchema(),
    },
    {
      name: "alphaEnd",
      type: "number (any real)",
      default: 0.5,
      description: "α at the end of training (lower: flatter, more rare words).",
      schema: numberSchema(),
    },
    {
      name: "schedule",
      type: SCHEDULES.map((s) => `"${s}"`).join(" | "),
      default: "linear",
      description: "linear: α moves at a constant rate; cosine: (1 − cos πt)/2, slow at both ends.",
      schema: choiceSchema(SCHEDULES),
    },
    {
      name: "steps",
      type: "integer in [1, 10000]",
      default: 100,
      description: "How many times α changes over training; each change rebuilds the O(V) alias table.",
      schema: integerSchema(1, 10_000),
    },
    collisionOption(),
  ],
  parse: (reader) => ({
    alphaStart: reader.value("alphaStart"),
    alphaEnd: reader.value("alphaEnd"),
    schedule: reader.value("schedule"),
    steps: reader.value("steps"),
    collision: reader.collision(),
  }),
  build: (options, spec, context) => new AnnealedSampler(spec, options.collision, context.vocabulary, options),
});
