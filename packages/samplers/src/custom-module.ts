import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SamplerError } from "./errors.js";
import { assertRegularFile } from "@neglab/files";
import { checkDistribution } from "./sampler-contract.js";
import { COLLISION_POLICIES } from "./options.js";
import { AliasSampler } from "./samplers/alias-sampler.js";
import type { CollisionPolicy, NegativeSampler, SamplerSpec, SamplerVocabulary } from "./types.js";
import { normalise } from "./weights.js";

/** The prefix of custom sampler types: `module:./my-sampler.js` or `module:my-sampler-package`. */
export const MODULE_PREFIX = "module:";

/** What a custom sampler factory receives besides its spec. */
export interface SamplerFactoryContext {
  readonly vocabulary: SamplerVocabulary;
  /** The directory relative paths in specs resolve against. */
  readonly baseDir: string;
  /** Builds any registered sampler (e.g. to wrap one). */
  createSampler(spec: SamplerSpec): Promise<NegativeSampler>;
  /** An O(1) alias sampler over your own non-negative weights (one per word id), with this spec and its collision policy. */
  fromWeights(weights: ArrayLike<number>, label?: string): NegativeSampler;
}

/**
 * What a custom sampler module exports, as `createSampler` or as its default
 * export: a function from the spec (options are the module's own) to a sampler.
 */
export type SamplerFactory = (
  spec: SamplerSpec,
  context: SamplerFactoryContext,
) => NegativeSampler | Promise<NegativeSampler>;

/**
 * An O(1) alias sampler over arbitrary non-negative weights, one per word id:
 * the building block for custom sampler types. Throws on negative, non-finite or
 * all-zero weights.
 */
export function createWeightedSampler(
  weights: ArrayLike<number>,
  options: { spec?: SamplerSpec; collision?: CollisionPolicy; label?: string } = {},
): NegativeSampler {
  const collision = options.collision ?? "skip";
  if (!COLLISION_POLICIES.includes(collision))
    throw new SamplerError(`unknown collision policy "${collision}"`, { field: "collision" });
  const spec = options.spec ?? { type: "weighted", collision };
  return new AliasSampler(
    spec,
    collision,
    normalise(weights, options.label ?? "weights"),
    options.label ?? "custom weights (alias)",
  );
}

/**
 * Resolves a custom module specifier to an absolute file path: a path
 * (`./x.js`, `../x.mjs`, `/abs/x.js`, `file:` URL) against `baseDir`, or a
 * package name by looking for `node_modules/<name>` from `baseDir` upwards and
 * taking its `exports` (import / node / default conditions), `module` or `main`.
 */
export function resolveModulePath(specifier: string, baseDir: string): string {
  if (specifier.startsWith("file:")) return fileURLToPath(specifier);
  if (
    isAbsolute(specifier) ||
    specifier.startsWith("./") ||
    specifier.startsWith("../") ||
    specifier === "." ||
    specifier === ".."
  ) {
    return resolve(baseDir, specifier);
  }
  for (let dir = resolve(baseDir); ; dir = dirname(dir)) {
    const packageDir = join(dir, "node_modules", specifier);
    if (existsSync(join(packageDir, "package.json"))) return join(packageDir, packageEntry(packageDir));
    if (dirname(dir) === dir) break;
  }
  throw new SamplerError(
    `custom sampler "${MODULE_PREFIX}${specifier}": no package "${specifier}" in node_modules from ${baseDir} upwards`,
    {
      field: "type",
    },
  );
}

/** The entry file of an installed package, relative to its directory. */
function packageEntry(packageDir: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    exports?: unknown;
    module?: string;
    main?: string;
  };
  return exportTarget(manifest.exports) ?? manifest.module ?? manifest.main ?? "index.js";
}

/** The `.` export of an `exports` field under the import / node / default conditions. */
function exportTarget(exports: unknown): string | undefined {
  if (typeof exports === "string") return exports;
  if (typeof exports !== "object" || exports === null) return undefined;
  const map = exports as Record<string, unknown>;
  if ("." in map) return exportTarget(map["."]);
  for (const condition of ["import", "node", "default"]) {
    const target = exportTarget(map[condition]);
    if (target !== undefined) return target;
  }
  return undefined;
}

/**
 * Loads a custom sampler: imports the module, finds its factory, calls it and
 * checks what it returns, so every failure (missing module, no factory, a
 * factory that throws, a malformed sampler) is a SamplerError naming the module
 * at build time. Only a regular file is imported (a FIFO would block the
 * process for good, see {@link assertRegularFile}). `spec.type` must already be `module:<absolute path>`.
 */
export async function loadCustomSampler(
  spec: SamplerSpec,
  vocabulary: SamplerVocabulary,
  baseDir: string,
  createSampler: (spec: SamplerSpec) => Promise<NegativeSampler>,
): Promise<NegativeSampler> {
  const file = spec.type.slice(MODULE_PREFIX.length);
  await assertRegularFile(file, (problem, cause) => {
    throw new SamplerError(`cannot load the custom sampler module: ${problem}`, { file, field: "type", cause });
  });
  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new SamplerError(`cannot load the custom sampler module: ${(error as Error).message}`, {
      file,
      field: "type",
      cause: error,
    });
  }
  const factory = typeof exports.createSampler === "function" ? exports.createSampler : exports.default;
  if (typeof factory !== "function") {
    const names = Object.keys(exports).sort();
    throw new SamplerError(
      `the custom sampler module exports no factory: expected a function exported as "createSampler" or as the default export ` +
        `(it exports ${names.length === 0 ? "nothing" : names.map((n) => `"${n}"`).join(", ")})`,
      { file, field: "type" },
    );
  }
  const collision = (spec.collision ?? "skip") as CollisionPolicy;
  const context: SamplerFactoryContext = {
    vocabulary,
    baseDir,
    createSampler,
    fromWeights: (weights, label) => {
      // One weight per word id: a longer array would draw ids past the vocabulary, a shorter one never draws its tail.
      if (weights?.length !== vocabulary.words.length) {
        throw new SamplerError(
          `fromWeights: got ${String(weights?.length)} weights for a vocabulary of ${vocabulary.words.length} words (one per word id)`,
          {
            field: "type",
          },
        );
      }
      return createWeightedSampler(weights, { spec, collision, label });
    },
  };
  let sampler: unknown;
  try {
    sampler = await (factory as SamplerFactory)(spec, context);
  } catch (error) {
    throw new SamplerError(`the custom sampler factory threw: ${(error as Error)?.message ?? String(error)}`, {
      file,
      field: "type",
      cause: error,
    });
  }
  checkSamplerShape(sampler, file, vocabulary.words.length);
  return sampler;
}

/** Checks that a factory returned a usable NegativeSampler whose probabilities() is a distribution over the vocabulary. */
function checkSamplerShape(sampler: unknown, file: string, vocabularySize: number): asserts sampler is NegativeSampler {
  const fail = (problem: string): never => {
    throw new SamplerError(`the custom sampler factory returned ${problem}`, { file, field: "type" });
  };
  if (typeof sampler !== "object" || sampler === null) return fail(`${String(sampler)}, not a sampler object`);
  const s = sampler as Partial<Record<keyof NegativeSampler, unknown>>;
  if (typeof s.draw !== "function") fail("an object without a draw(out, k, positive, anchor, rng) method");
  if (typeof s.probabilities !== "function") fail("an object without a probabilities() method");
  if (!COLLISION_POLICIES.includes(s.collision as CollisionPolicy))
    fail(`collision ${JSON.stringify(s.collision)}, not skip | redraw | keep`);
  if (typeof s.weighted !== "boolean" || typeof s.modelAware !== "boolean")
    fail("a sampler without boolean weighted and modelAware");
  if (typeof s.spec !== "object" || s.spec === null) fail("a sampler without its spec");
  for (const hook of ["setProgress", "attachModel", "describe"] as const) {
    if (s[hook] !== undefined && typeof s[hook] !== "function") fail(`a non-function ${hook}`);
  }
  if (s.modelAware === true && typeof s.attachModel !== "function")
    fail("a model-aware sampler without an attachModel(view) method");
  let probabilities: unknown;
  try {
    probabilities = (sampler as NegativeSampler).probabilities();
  } catch (error) {
    throw new SamplerError(`probabilities() threw: ${(error as Error | undefined)?.message ?? String(error)}`, {
      file,
      field: "type",
      cause: error,
    });
  }
  checkDistribution(probabilities, vocabularySize, (problem) => fail(`a sampler whose ${problem}`));
}
