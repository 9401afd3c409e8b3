import { collisionOption } from "../options.js";
import { UniformSampler } from "../samplers/uniform-sampler.js";
import { defineSamplerType } from "./sampler-type.js";

/** `uniform`: P(w) = 1/V. */
export const uniform = defineSamplerType({
  name: "uniform",
  description: "every vocabulary word equally likely, P(w) = 1/V",
  reference: "the α = 0 baseline of Mikolov et al. 2013",
  options: [collisionOption()],
  parse: (reader) => ({ collision: reader.collision() }),
  build: (options, spec, context) => new UniformSampler(spec, options.collision, context.vocabulary.words.length),
});
