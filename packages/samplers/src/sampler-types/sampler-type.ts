import type * as z from "zod/mini";
import {
  SHARE_OPTION,
  samplerTypeSchema,
  type OptionDefinition,
  type OptionInfo,
  type SpecReader,
} from "../options.js";
import type { CollisionPolicy, NegativeSampler, SamplerSpec, SamplerVocabulary } from "../types.js";

/** What a sampler type's `parse` may use: checks only, no file access. */
export interface ParseContext {
  readonly vocabulary: SamplerVocabulary;
  /** Directory that relative paths in the spec are resolved against. */
  readonly baseDir: string;
  /** Validates a nested spec (e.g. adaptive's `base`), prefixing option names with `path` in errors. */
  validateNested(spec: unknown, path: string): SamplerSpec;
}

/** What a sampler type's `build` may use. */
interface BuildContext {
  readonly vocabulary: SamplerVocabulary;
  readonly baseDir: string;
  /** Builds a nested spec through the registry. */
  createSampler(spec: SamplerSpec): Promise<NegativeSampler>;
}

/** A sampler type as `listSamplers()` shows it. */
export interface SamplerTypeInfo {
  /** The `type` of its specs. */
  readonly name: string;
  /** One line: what it draws. */
  readonly description: string;
  /** The paper or tool it follows. */
  readonly reference: string;
  /** Every option with its default (including `collision`). */
  readonly options: readonly OptionInfo[];
}

/** Options of a sampler type after parsing: every option present, defaults filled in. */
export interface ParsedOptions {
  readonly collision: CollisionPolicy;
}

/** A sampler type as its file declares it: its listing with each option's schema, a checker that fills defaults, and a builder. */
export interface SamplerTypeDefinition<O extends ParsedOptions = ParsedOptions> extends SamplerTypeInfo {
  /** Every option with its default and the schema of its value. */
  readonly options: readonly OptionDefinition[];
  /** Checks a spec's options against `options` and returns them complete (no file access). */
  parse(reader: SpecReader, context: ParseContext): O;
  /** The normalised spec of parsed options; default `{ type: name, ...options }`. Validating it again gives the same. */
  toSpec?(options: O): SamplerSpec;
  /** Builds the sampler from parsed options; `spec` is the normalised spec. */
  build(options: O, spec: SamplerSpec, context: BuildContext): NegativeSampler | Promise<NegativeSampler>;
}

/** A registered sampler type: its definition and the schema of its specs, made from the options' schemas. */
export interface SamplerType<O extends ParsedOptions = ParsedOptions> extends SamplerTypeDefinition<O> {
  /** `{ type: name, ...options }` with no other key (see `samplerTypeSchema`). */
  readonly schema: z.ZodMiniObject;
}

/** Declares a sampler type with its options type inferred from `parse`; its spec schema comes from its options. */
export function defineSamplerType<O extends ParsedOptions>(samplerType: SamplerTypeDefinition<O>): SamplerType<O> {
  // every spec may also carry `share` (listed and published with the type's own options), which the registry
  // takes off before the sampler type's `parse` reads the rest
  const options = [...samplerType.options, SHARE_OPTION];
  return { ...samplerType, options, schema: samplerTypeSchema(samplerType.name, samplerType.description, options) };
}
