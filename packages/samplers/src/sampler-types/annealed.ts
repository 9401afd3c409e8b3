import { collisionOption } from "../options.js";
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
  reference: "curriculum over the noise distribution (Bengio et al. 2009 curriculum learning); unigram^α of Mikolov et al. 2013",
  options: [
    { name: "alphaStart", type: "number (any real)", default: 1, description: "α at the start of training (1: raw unigram, frequent and easy negatives)." },
    { name: "alphaEnd", type: "number (any real)", default: 0.5, description: "α at the end of training (lower: flatter, more rare words)." },
    {
      name: "schedule",
      type: SCHEDULES.map((s) => `"${s}"`).join(" | "),
      default: "linear",
      description: "linear: α moves at a constant rate; cosine: (1 − cos πt)/2, slow at both ends.",
    },
    {
      name: "steps",
      type: "integer in [1, 10000]",
      default: 100,
      description: "How many times α changes over training; each change rebuilds the O(V) alias table.",
    },
    collisionOption(),
  ],
  parse: (reader) => ({
    alphaStart: reader.number("alphaStart"),
    alphaEnd: reader.number("alphaEnd"),
    schedule: reader.choice("schedule", SCHEDULES),
    steps: reader.integer("steps", 1, 10_000),
    collision: reader.collision(),
  }),
  build: (options, spec, context) => new AnnealedSampler(spec, options.collision, context.vocabulary, options),
});
