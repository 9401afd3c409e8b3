import { MODULE_PREFIX } from "./custom-module.js";
import { SamplerError } from "./errors.js";
import { createSampler } from "./registry.js";
import { checkSamplerContract } from "./sampler-contract.js";
import type { SamplerSpec, SamplerVocabulary } from "./types.js";

/** What a successful preflight build reports. */
export interface PreflightReport {
  /** The sampler's one-line description (`describe()`), or its spec as JSON. */
  readonly description: string;
  /** Notes raised while building (e.g. weights-file words missing from the vocabulary). */
  readonly warnings: readonly string[];
}

/** A SamplerError as plain data, to cross a worker thread boundary. */
export interface SamplerErrorData {
  readonly message: string;
  readonly field?: string;
  readonly file?: string;
  readonly line?: number;
}

/**
 * Builds `spec` on `vocabulary` through the registry and checks the sampler's
 * contract ({@link checkSamplerContract}): the part of the preflight that runs
 * user code, hence in a worker thread when the spec names a custom module.
 * With `standIn`, a build error that names no file (an option combination the
 * registry refuses, e.g. `redraw` over one weighted word) says it was found on
 * the stand-in vocabulary.
 */
export async function buildAndCheck(
  spec: SamplerSpec,
  vocabulary: SamplerVocabulary,
  baseDir: string,
  standIn: boolean,
): Promise<PreflightReport> {
  const sampler = await createSampler(spec, { vocabulary, baseDir }).catch((error: unknown) => {
    if (!standIn || !(error instanceof SamplerError) || error.file !== undefined) throw error;
    throw new SamplerError(
      `${error.message} (on a stand-in vocabulary of ${vocabulary.words.length} equally frequent words, before the corpus is read)`,
      {
        field: error.field,
        cause: error,
      },
    );
  });
  const file = spec.type.startsWith(MODULE_PREFIX) ? spec.type.slice(MODULE_PREFIX.length) : undefined;
  checkSamplerContract(sampler, vocabulary.words.length, {
    file,
    name: file === undefined ? `sampler "${spec.type}"` : "the custom sampler",
  });
  let description: string;
  try {
    description = sampler.describe?.() ?? JSON.stringify(sampler.spec);
  } catch (error) {
    throw new SamplerError(`describe() threw: ${(error as Error | undefined)?.message ?? String(error)}`, {
      file,
      field: "type",
      cause: error,
    });
  }
  return { description: String(description), warnings: [...(sampler.warnings ?? [])].map(String) };
}

/** The parts of a SamplerError, its message without the `file:line: ` prefix the constructor adds. */
export function samplerErrorData(error: SamplerError): SamplerErrorData {
  const place =
    error.file === undefined ? "" : error.line === undefined ? `${error.file}: ` : `${error.file}:${error.line}: `;
  const message = error.message.startsWith(place) ? error.message.slice(place.length) : error.message;
  return { message, field: error.field, file: error.file, line: error.line };
}

/** The SamplerError {@link samplerErrorData} describes. */
export function samplerErrorFrom(data: SamplerErrorData): SamplerError {
  return new SamplerError(data.message, { field: data.field, file: data.file, line: data.line });
}
