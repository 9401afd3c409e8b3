import * as z from "zod/mini";
import { MODULE_PREFIX } from "./custom-module.js";
import { adaptive } from "./strategies/adaptive.js";
import { annealed } from "./strategies/annealed.js";
import { domain } from "./strategies/domain.js";
import type { Strategy } from "./strategies/strategy.js";
import { uniform } from "./strategies/uniform.js";
import { fasttext, unigram } from "./strategies/unigram.js";
import type { SamplerSpec } from "./types.js";

/** Every built-in strategy, in the order `listSamplers()` shows them. */
export const STRATEGIES: readonly Strategy[] = [uniform, unigram, fasttext, domain, annealed, adaptive] as unknown as readonly Strategy[];

let schema: z.ZodMiniType<SamplerSpec> | undefined;

/**
 * The schema of a sampler spec: one strict object per built-in strategy
 * (`type` its name, its options with their descriptions and defaults, no other
 * key; adaptive's `base` is again a spec) or a custom sampler
 * `{ "type": "module:<path or package>", … }` whose other options its module
 * checks. The strategies' option schemas are the ones `validateSamplerSpec`
 * checks with; this union is what an enclosing schema embeds (the experiment
 * definition of the neglab CLI) and what `z.toJSONSchema` publishes.
 * Checks that relate options (e.g. `lambda` only with `combine: "mixture"`) are
 * made by `validateSamplerSpec`, not by the schema.
 */
export function samplerSpecSchema(): z.ZodMiniType<SamplerSpec> {
  schema ??= z
    .union([
      ...STRATEGIES.map((s) => s.schema),
      z
        .looseObject({ type: z.string().check(z.regex(new RegExp(`^${MODULE_PREFIX}\\s*\\S`)), z.describe("module:<path or package> of a custom sampler")) })
        .check(z.meta({ title: "custom module", description: "a custom sampler: a user module exporting a factory (createSampler or default export)" })),
    ])
    .check(z.meta({ id: "SamplerSpec", title: "sampler spec", description: "A negative sampler: a built-in strategy and its options, or a custom module." })) as unknown as z.ZodMiniType<SamplerSpec>;
  return schema;
}
