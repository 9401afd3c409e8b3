import { Worker } from "node:worker_threads";
import { findBuiltFile } from "@neglab/files";
import { MODULE_PREFIX } from "./custom-module.js";
import { readWeightsFile } from "./domain-weights.js";
import { SamplerError } from "./errors.js";
import { buildAndCheck, samplerErrorFrom, type PreflightReport, type SamplerErrorData } from "./preflight-build.js";
import { validateSamplerSpec } from "./registry.js";
import type { SamplerSpec, SamplerVocabulary } from "./types.js";

export type { PreflightReport } from "./preflight-build.js";

/** How long a preflight may spend loading, building and drawing from a spec that names a custom module, by default. */
export const PREFLIGHT_TIMEOUT_MS = 10_000;

/** The count of every stand-in word. */
const STAND_IN_COUNT = 10;

/**
 * The vocabulary a preflight builds on when the corpus has not been read yet:
 * 16 words `w0`…`w15`, each seen 10 times; the words of every weights file the
 * spec names are added, also seen 10 times, so a `domain` spec builds with all
 * its listed words. Equal counts make unigram^α uniform for every α: whether a
 * distribution suits a policy (e.g. `redraw` with α = 50) depends on the real
 * counts, so it is decided when the sampler is built on them, never refused on
 * a made-up shape.
 */
export const PREFLIGHT_VOCABULARY: SamplerVocabulary = {
  words: Array.from({ length: 16 }, (_, id) => `w${id}`),
  counts: Array.from({ length: 16 }, () => STAND_IN_COUNT),
};
/** Where and how long a preflight builds. */
export interface PreflightOptions {
  /** Directory relative paths in the spec resolve against; default `process.cwd()`. */
  readonly baseDir?: string;
  /** Time limit (ms) for a spec naming a custom module; default {@link PREFLIGHT_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** The real vocabulary when it is known (its counts then decide, e.g., whether `redraw` can finish); default {@link PREFLIGHT_VOCABULARY}. */
  readonly vocabulary?: SamplerVocabulary;
}

/** A spec that passed the preflight: the normalised spec and what building it reported. */
export interface PreflightResult extends PreflightReport {
  /** The normalised spec (as {@link validateSamplerSpec} returns it). */
  readonly spec: SamplerSpec;
}

/**
 * Builds the sampler a spec describes, before any corpus is read, so that
 * every problem it can have surfaces first, as one SamplerError naming the
 * option, or the file and line, or the module: the spec's form
 * ({@link validateSamplerSpec}); every weights file read and parsed (nested
 * specs included); the sampler built (custom modules imported and their
 * factory run); a few draws checked against the contract the trainer relies
 * on (ids in [0, V), counts ≤ k, the collision policy, probabilities,
 * weights; `setProgress` and `attachModel` exercised). It builds on
 * `options.vocabulary`, or on a small stand-in vocabulary of equally frequent
 * words ({@link PREFLIGHT_VOCABULARY}); a problem only the real counts can show
 * (none of the weights file's words in the corpus, `redraw` on a distribution
 * too skewed to leave the positive) is left to the build on them.
 *
 * A spec that names a custom module is built in a worker thread, terminated
 * after `timeoutMs`: a top-level await or factory promise that never settles
 * would otherwise leave Node to exit with code 13 and no message, and a
 * synchronous loop in the module cannot be interrupted in the thread that runs
 * it. Built-in specs run no user code and are built in this thread.
 */
export async function preflightSamplerSpec(spec: unknown, options: PreflightOptions = {}): Promise<PreflightResult> {
  const baseDir = options.baseDir ?? process.cwd();
  const timeoutMs = options.timeoutMs ?? PREFLIGHT_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new SamplerError(`preflight: timeoutMs must be a finite number of milliseconds > 0, got ${timeoutMs}`, {
      field: "timeoutMs",
    });
  }
  const standIn = options.vocabulary === undefined;
  const normalised = validateSamplerSpec(spec, options.vocabulary ?? PREFLIGHT_VOCABULARY, baseDir);
  const listed = await Promise.all(
    nestedSpecs(normalised).flatMap((s) =>
      s.type === "domain" && typeof s.weights === "string" ? [readWeightsFile(s.weights)] : [],
    ),
  );
  const vocabulary =
    options.vocabulary ??
    withWords(
      PREFLIGHT_VOCABULARY,
      listed.flat().map((e) => e.word),
    );
  const modules = nestedSpecs(normalised).flatMap((s) =>
    s.type.startsWith(MODULE_PREFIX) ? [s.type.slice(MODULE_PREFIX.length)] : [],
  );
  const report =
    modules.length === 0
      ? await buildAndCheck(normalised, vocabulary, baseDir, standIn)
      : await buildInWorker({ spec: normalised, vocabulary, baseDir, standIn }, timeoutMs, modules);
  return { spec: normalised, ...report };
}

/** The spec and the specs nested in it (`adaptive`'s `base`), outermost first. */
function nestedSpecs(spec: SamplerSpec): SamplerSpec[] {
  const base = spec.type === "adaptive" ? (spec.base as SamplerSpec | undefined) : undefined;
  return base === undefined ? [spec] : [spec, ...nestedSpecs(base)];
}

/** `vocabulary` with each of `words` it lacks appended, with the stand-in count. */
function withWords(vocabulary: SamplerVocabulary, words: readonly string[]): SamplerVocabulary {
  const all = new Set(vocabulary.words);
  const added = words.filter((word) => !all.has(word) && all.add(word));
  return {
    words: [...vocabulary.words, ...added],
    counts: [...Array.from(vocabulary.counts), ...added.map(() => STAND_IN_COUNT)],
  };
}

/** What {@link buildAndCheck} is given. */
interface BuildJob {
  readonly spec: SamplerSpec;
  readonly vocabulary: SamplerVocabulary;
  readonly baseDir: string;
  readonly standIn: boolean;
}

/**
 * The exit code of a thread whose top-level await can never settle: nothing it
 * waits for is pending any more (Node's "unfinished top-level await").
 */
const UNSETTLED_TOP_LEVEL_AWAIT = 13;

/**
 * {@link buildAndCheck} in a worker thread, terminated after `timeoutMs`;
 * `modules` name the custom modules in errors. A thread that exits 13 waited
 * on a promise nothing can settle any more, which is reported at once.
 */
function buildInWorker(job: BuildJob, timeoutMs: number, modules: string[]): Promise<PreflightReport> {
  const where = { file: modules[0], field: "type" };
  const others = modules.length > 1 ? ` (with ${modules.slice(1).join(", ")})` : "";
  const { vocabulary } = job;
  const worker = new Worker(findBuiltFile(import.meta.url, "./preflight-worker.js", "@neglab/samplers"), {
    workerData: { ...job, vocabulary: { words: [...vocabulary.words], counts: Array.from(vocabulary.counts) } },
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      settle();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new SamplerError(
              `the custom sampler${others} was not loaded, built and drawn from within ${timeoutMs} ms: ` +
                `a top-level await or factory promise that never settles, or a loop that never ends?`,
              where,
            ),
          ),
        ),
      timeoutMs,
    );
    worker.once("message", (message: { report?: PreflightReport; error?: SamplerErrorData }) =>
      finish(() => (message.error === undefined ? resolve(message.report!) : reject(samplerErrorFrom(message.error)))),
    );
    worker.once("error", (error: Error) =>
      finish(() =>
        reject(
          new SamplerError(
            `the custom sampler${others} threw outside its factory: ${error?.message ?? String(error)}`,
            { ...where, cause: error },
          ),
        ),
      ),
    );
    worker.once("exit", (code) =>
      finish(() =>
        reject(
          new SamplerError(
            code === UNSETTLED_TOP_LEVEL_AWAIT
              ? `the custom sampler${others} never finished loading or building: a top-level await or factory promise waits on nothing that can settle it`
              : `the custom sampler${others} ended its thread (exit code ${code}) before it was built`,
            where,
          ),
        ),
      ),
    );
  });
}
