import { suggestion } from "@neglab/suggest";
import { loadCustomSampler, MODULE_PREFIX, resolveModulePath } from "./custom-module.js";
import { SamplerError } from "./errors.js";
import { show, SpecReader } from "./options.js";
import { SAMPLER_TYPES } from "./spec-schema.js";
import type { ParseContext, ParsedOptions, SamplerType, SamplerTypeInfo } from "./sampler-types/sampler-type.js";
import { NEGATIVE_SHARING, type NegativeSampler, type SamplerSpec, type SamplerVocabulary } from "./types.js";
import { checkVocabulary } from "./weights.js";

/** How `listSamplers()` shows custom modules. */
const CUSTOM_MODULE_INFO: SamplerTypeInfo = {
  name: `${MODULE_PREFIX}<path | package>`,
  description: "a custom sampler: a user module exporting a factory (createSampler or default export)",
  reference: "see the README, “Writing a custom sampler”",
  options: [],
};

/** What {@link createSampler} needs besides the spec. */
export interface SamplerContext {
  readonly vocabulary: SamplerVocabulary;
  /** Directory that relative paths in the spec (weights files, custom modules) resolve against; default `process.cwd()`. */
  readonly baseDir?: string;
}

/**
 * Every sampler type with a one-line description, the paper or tool it follows and
 * its options with defaults (for `neglab samplers list`); the last entry
 * describes custom `module:` samplers.
 */
export function listSamplers(): SamplerTypeInfo[] {
  const listed = SAMPLER_TYPES.map(({ name, description, reference, options }) => ({
    name,
    description,
    reference,
    options: options.map(({ schema: _schema, ...info }) => info),
  }));
  return [...listed, CUSTOM_MODULE_INFO];
}

/**
 * Checks a spec against the vocabulary without building anything, and returns
 * it normalised: every option present with its default, relative paths made
 * absolute (against `baseDir`), so a worker thread given the result rebuilds the
 * same sampler without needing `baseDir`. It reads no weights file and imports no
 * module; the one file it may read is, for `module:<package name>`, the package's
 * package.json in node_modules (from `baseDir` upwards), to resolve the module's
 * entry file. Throws a SamplerError naming the sampler type and option: an unknown
 * type (suggesting the closest name), an unknown option, a value of the wrong
 * type or out of range.
 * Custom module specs are checked for form only here; {@link createSampler}
 * loads and checks the module.
 */
export function validateSamplerSpec(
  spec: unknown,
  vocabulary: SamplerVocabulary,
  baseDir: string = process.cwd(),
): SamplerSpec {
  checkVocabulary(vocabulary);
  return parseTopSpec(spec, vocabulary, baseDir).spec;
}

/** A checked spec: its sampler type and parsed options, or a custom module (sampler type undefined). */
interface ParsedSpec {
  readonly spec: SamplerSpec;
  readonly samplerType: SamplerType | undefined;
  readonly options: ParsedOptions | undefined;
}

/**
 * Checks a top-level spec: its `share` (every sampler's option, read by the
 * trainer, so not passed to the strategy), then the rest. The normalised spec
 * keeps `share` only when it is `"window"`, so specs written before the option
 * existed normalise (and key cached results) as they did.
 */
function parseTopSpec(spec: unknown, vocabulary: SamplerVocabulary, baseDir: string): ParsedSpec {
  if (typeof spec !== "object" || spec === null || !("share" in spec)) return parseSpec(spec, vocabulary, baseDir, "");
  const { share, ...rest } = spec as SamplerSpec;
  if (!NEGATIVE_SHARING.includes(share as never)) {
    throw new SamplerError(
      `sampler spec: "share" must be one of ${NEGATIVE_SHARING.map((s) => `"${s}"`).join(", ")}, got ${show(share)}`,
      {
        field: "share",
      },
    );
  }
  const parsed = parseSpec(rest, vocabulary, baseDir, "");
  return share === "window" ? { ...parsed, spec: { ...parsed.spec, share } } : parsed;
}

/** Checks one spec; `path` prefixes option names in errors for nested specs (e.g. `base.`). */
function parseSpec(spec: unknown, vocabulary: SamplerVocabulary, baseDir: string, path: string): ParsedSpec {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new SamplerError(`a sampler spec must be an object like { "type": "unigram" }, got ${show(spec)}`, {
      field: path === "" ? undefined : path.slice(0, -1),
    });
  }
  const { type } = spec as { type?: unknown };
  if (typeof type !== "string" || type === "") {
    throw new SamplerError(
      `sampler spec: "${path}type" must be a sampler type (one of ${names().join(", ")}), got ${show(type)}`,
      {
        field: `${path}type`,
      },
    );
  }
  if (type.startsWith(MODULE_PREFIX)) {
    const specifier = type.slice(MODULE_PREFIX.length).trim();
    if (specifier === "")
      throw new SamplerError(`sampler spec: "${path}type" "${type}" names no module`, { field: `${path}type` });
    const resolved = { ...(spec as SamplerSpec), type: `${MODULE_PREFIX}${resolveModulePath(specifier, baseDir)}` };
    return { spec: resolved, samplerType: undefined, options: undefined };
  }
  const samplerType = SAMPLER_TYPES.find((s) => s.name === type);
  if (samplerType === undefined) {
    throw new SamplerError(`unknown sampler "${type}"${suggestion(type, names())}`, { field: `${path}type` });
  }
  const context: ParseContext = {
    vocabulary,
    baseDir,
    validateNested: (nested, nestedPath) => parseSpec(nested, vocabulary, baseDir, nestedPath).spec,
  };
  const options = samplerType.parse(
    new SpecReader(spec as SamplerSpec, samplerType.options, samplerType.schema, path),
    context,
  );
  return { spec: samplerType.toSpec?.(options) ?? { type, ...options }, samplerType, options };
}

function names(): string[] {
  return SAMPLER_TYPES.map((s) => s.name);
}

/**
 * Builds a sampler from a JSON-serialisable spec, e.g.
 * `await createSampler({ type: "unigram", alpha: 0.75 }, { vocabulary })`.
 * Validates first (as {@link validateSamplerSpec}), then builds; every problem,
 * including unreadable weights files and custom modules that fail to load, lack
 * a factory or throw, is a SamplerError raised here, before training starts.
 * The sampler's `spec` is the normalised spec: hand it to worker threads to
 * rebuild the same sampler there.
 */
export async function createSampler(spec: SamplerSpec, context: SamplerContext): Promise<NegativeSampler> {
  const baseDir = context.baseDir ?? process.cwd();
  const { vocabulary } = context;
  checkVocabulary(vocabulary);
  const parsed = parseTopSpec(spec, vocabulary, baseDir);
  const nested = (inner: SamplerSpec): Promise<NegativeSampler> => createSampler(inner, { vocabulary, baseDir });
  if (parsed.samplerType === undefined || parsed.options === undefined) {
    return loadCustomSampler(parsed.spec, vocabulary, baseDir, nested);
  }
  return parsed.samplerType.build(parsed.options, parsed.spec, { vocabulary, baseDir, createSampler: nested });
}
