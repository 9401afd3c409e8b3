import * as z from "zod/mini";
import { MODULE_PREFIX } from "./custom-module.js";
import { adaptive } from "./sampler-types/adaptive.js";
import { annealed } from "./sampler-types/annealed.js";
import { domain } from "./sampler-types/domain.js";
import type { SamplerType } from "./sampler-types/sampler-type.js";
import { uniform } from "./sampler-types/uniform.js";
import { fasttext, unigram } from "./sampler-types/unigram.js";
import type { SamplerSpec } from "./types.js";

/** Every built-in sampler type, in the order `listSamplers()` shows them. */
export const SAMPLER_TYPES: readonly SamplerType[] = [
  uniform,
  unigram,
  fasttext,
  domain,
  annealed,
  adaptive,
] as unknown as readonly SamplerType[];

let schema: z.ZodMiniType<SamplerSpec> | undefined;

/**
 * The schema of a sampler spec: one strict object per built-in sampler type
 * (`type` its name, its options with their descriptions and defaults, no other
 * key; adaptive's `base` is again a spec) or a custom sampler
 * `{ "type": "module:<path or package>", … }` whose other options its module
 * checks. The sampler types' option schemas are the ones `validateSamplerSpec`
 * checks with; this union is what an enclosing schema embeds (the experiment
 * definition of the neglab CLI) and what `z.toJSONSchema` publishes.
 * Checks that relate options (e.g. `lambda` only with `combine: "mixture"`) are
 * made by `validateSamplerSpec`, not by the schema.
 */
export function samplerSpecSchema(): z.ZodMiniType<SamplerSpec> {
  schema ??= z
    .union([
      ...SAMPLER_TYPES.map((s) => s.schema),
      z
        .looseObject({
          type: z
            .string()
            .check(
              z.regex(new RegExp(`^${MODULE_PREFIX}\\s*\\S`)),
              z.describe("module:<path or package> of a custom sampler"),
            ),
        })
        .check(
          z.meta({
            title: "custom module",
            description: "a custom sampler: a user module exporting a factory (createSampler or default export)",
          }),
        ),
    ])
    .check(
      z.meta({
        id: "SamplerSpec",
        title: "sampler spec",
        description: "A negative sampler: a built-in sampler type and its options, or a custom module.",
      }),
    ) as unknown as z.ZodMiniType<SamplerSpec>;
  return schema;
}
