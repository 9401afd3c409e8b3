import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { PUNCTUATION_MODES } from "@neglab/corpus";
import { listSamplers, samplerSpecSchema } from "@neglab/samplers";
import { closestName } from "@neglab/suggest";
import { TRAIN_SETTINGS_SCHEMA } from "@neglab/trainer";
import { z } from "zod";
import { PUNCTUATION_CHOICES } from "../commands/corpus-flags.js";
import { describeValue, expected, expecting, firstProblem, unknownKeyError } from "../schema-issues.js";
import { ANALOGY_OPTIONS_SCHEMA, SIMILARITY_OPTIONS_SCHEMA } from "./benchmark-options.js";
import { settingsProblem, VOCABULARY_SETTINGS } from "./trainer-settings.js";

const nonEmptyString = (description: string) =>
  z
    .string({ error: expecting("a non-empty string") })
    .min(1, { error: expecting("a non-empty string") })
    .meta({ description });
const flag = (description: string, fallback: boolean) =>
  z
    .boolean({ error: expecting("true or false") })
    .meta({ description })
    .default(fallback);

/** The trainer's seed range (`TRAIN_SETTINGS_SCHEMA` of @neglab/trainer): a seed seeds a 32-bit stream. */
const MAX_SEED = 2 ** 32 - 1;

/**
 * A seed of `seeds`: an integer in the trainer's range [0, 2^32 − 1], checked here so that a bad seed is named
 * with its field path before the corpus is read instead of by the trainer after it.
 */
const outOfSeedRange = (issue: { input: unknown }) =>
  `expected an integer in [0, ${MAX_SEED}], got ${String(issue.input)}`;
const SEED = z
  .int({ error: expecting("an integer") })
  .min(0, { error: outOfSeedRange })
  .max(MAX_SEED, { error: outOfSeedRange });

/** Trainer settings an experiment may set: the trainer's schema less `seed` (from `seeds`) and `sampler` (each strategy's). */
const SETTINGS: Record<string, z.ZodType> = Object.fromEntries(
  Object.entries(TRAIN_SETTINGS_SCHEMA.shape)
    .filter(([key]) => key !== "seed" && key !== "sampler")
    .map(([key, schema]) => [key, z.optional(schema)]),
);
const SETTING_KEYS = Object.keys(SETTINGS);

/** The message of a setting that belongs elsewhere, instead of "unknown trainer setting". */
function misplacedSetting(key: string): string | undefined {
  if (key === "seed") return "unknown trainer setting; seeds come from the experiment's `seeds`";
  if (key === "sampler") return "unknown trainer setting; each strategy sets its `sampler`";
  return undefined;
}

/**
 * The base `train` settings, with the trainer's messages (`must be an integer
 * in [1, 65536], got 0`); relations between settings are checked on each
 * strategy's merged settings by `settingsProblem`.
 */
const TRAIN = z
  .strictObject(SETTINGS, { error: unknownKeyError("trainer setting", SETTING_KEYS, misplacedSetting) })
  .meta({ description: "Trainer settings of every strategy (@neglab/trainer, gensim names); not seed or sampler." });

/** A strategy's overrides: the settings less those that shape the vocabulary, which is counted once for every strategy. */
const OVERRIDE_KEYS = SETTING_KEYS.filter((key) => !VOCABULARY_SETTINGS.includes(key));
const OVERRIDES = z
  .strictObject(Object.fromEntries(OVERRIDE_KEYS.map((key) => [key, SETTINGS[key]])), {
    error: unknownKeyError("trainer setting", OVERRIDE_KEYS, (key) =>
      VOCABULARY_SETTINGS.includes(key)
        ? "the vocabulary is counted once for every strategy, from the base settings: set it in `train`"
        : misplacedSetting(key),
    ),
  })
  .meta({
    description: "This strategy's trainer overrides (e.g. negative); not minCount, maxVocabSize or maxFinalVocab.",
  });

const CORPUS_SHAPE = {
  source: nonEmptyString("brown (embedded), a text file, .gz or a directory, relative to this file or $NEGLAB_DATA/…"),
  lowercase: flag("Lowercase every token before counting.", false),
  punctuation: z
    .enum(PUNCTUATION_MODES, {
      error: (issue) => `expected ${PUNCTUATION_CHOICES}, got ${describeValue(issue.input)}`,
    })
    .meta({ description: "keep tokens as they are, drop punctuation-only tokens, or strip edge punctuation too." })
    .default("keep"),
};

const STRATEGY_SHAPE = {
  name: nonEmptyString("The strategy's name in the report."),
  sampler: samplerSpecSchema(),
  train: OVERRIDES.default({}),
};

/** What every benchmark has besides its type and options. */
const BENCHMARK_BASE = {
  name: nonEmptyString("The benchmark's name in the report."),
  path: nonEmptyString("The data file, relative to the data directory (NEGLAB_DATA)."),
  optional: flag("A missing data file skips the benchmark (noted in the report) instead of failing validation.", false),
};
const BENCHMARK_KEYS = ["name", "type", "path", "options", "optional"];

/** A benchmark of `type` whose `options` are its evaluator's (every option optional, so the default is `{}`). */
function benchmark<T extends string, O extends z.ZodObject>(type: T, options: O, description: string) {
  return z
    .strictObject(
      { ...BENCHMARK_BASE, type: z.literal(type), options: options.default({} as never) },
      { error: unknownKeyError("field", BENCHMARK_KEYS) },
    )
    .meta({ description });
}

/** A benchmark's `type` that names no evaluator (the discriminated union matched no variant). */
function benchmarkError(issue: { code?: string; input: unknown }): string {
  if (issue.code !== "invalid_union") return expected("an object", issue.input);
  const type =
    typeof issue.input === "object" && issue.input !== null ? (issue.input as { type?: unknown }).type : undefined;
  return `expected "analogy" or "similarity", got ${describeValue(type)}`;
}

const REPORT_SHAPE = {
  probes: z
    .array(nonEmptyString("A probe word."), { error: expecting("an array of words") })
    .meta({
      description: "Words whose nearest neighbours the report lists per strategy; default: chosen from the vocabulary.",
    })
    .optional(),
};

const TOP_LEVEL_SHAPE = {
  $schema: z
    .string({ error: expecting("a string") })
    .meta({ description: "The JSON Schema of this file, for editors." })
    .optional(),
  name: nonEmptyString("The experiment's name: one directory name (the default --out is runs/<name>)."),
  description: z
    .string({ error: expecting("a string") })
    .meta({ description: "Free text." })
    .optional(),
  corpus: z
    .strictObject(CORPUS_SHAPE, { error: unknownKeyError("field", Object.keys(CORPUS_SHAPE)) })
    .meta({ description: "The corpus and how it is normalised." }),
  train: TRAIN.default({}),
  strategies: z
    .array(z.strictObject(STRATEGY_SHAPE, { error: unknownKeyError("field", Object.keys(STRATEGY_SHAPE)) }), {
      error: expecting("a non-empty array"),
    })
    .min(1, { error: expecting("a non-empty array") })
    .meta({ description: "The strategies compared: a sampler spec and trainer overrides each." }),
  seeds: z
    .array(SEED, { error: expecting("a non-empty array of integers") })
    .min(1, { error: expecting("a non-empty array of integers") })
    .meta({ description: "One cell per strategy × seed; integers in [0, 2^32 − 1], all different." }),
  benchmarks: z
    .array(
      z.discriminatedUnion(
        "type",
        [
          benchmark("analogy", ANALOGY_OPTIONS_SCHEMA, "An analogy questions file (gensim evaluate_word_analogies)."),
          benchmark(
            "similarity",
            SIMILARITY_OPTIONS_SCHEMA,
            "A word-pair similarity file (gensim evaluate_word_pairs).",
          ),
        ],
        { error: benchmarkError },
      ),
      { error: expecting("an array") },
    )
    .meta({ description: "The benchmarks every cell is evaluated on." })
    .default([]),
  baseline: nonEmptyString("The strategy the Δ and p columns compare with; default the first.").optional(),
  report: z
    .strictObject(REPORT_SHAPE, { error: unknownKeyError("field", Object.keys(REPORT_SHAPE)) })
    .meta({ description: "What the report shows beyond the benchmark tables." })
    .default({}),
};

/**
 * The schema of an experiment definition (`experiment.json`), written once:
 * the validation of {@link validateExperiment}, the types below and the
 * published JSON Schema `experiment.schema.json` (`experimentJsonSchema`) all
 * come from it. It embeds the sampler spec schema of @neglab/samplers and the
 * trainer settings schema of @neglab/trainer. What a schema cannot say —
 * names unique, the baseline a strategy, sampler options checked against their
 * strategy, merged settings consistent — {@link validateExperiment} checks after it.
 */
export const EXPERIMENT_SCHEMA = z
  .strictObject(TOP_LEVEL_SHAPE, { error: unknownKeyError("field", Object.keys(TOP_LEVEL_SHAPE)) })
  .meta({
    title: "NegLab experiment definition",
    description: "An experiment of `neglab run`: a corpus, strategies, seeds and benchmarks.",
  });

type Parsed = z.output<typeof EXPERIMENT_SCHEMA>;

/** One strategy of the comparison: a sampler spec and optional trainer overrides. */
export type StrategySpec = Parsed["strategies"][number];

/** One benchmark: an analogy questions file or a word-pair similarity file (path relative to NEGLAB_DATA). */
export type BenchmarkSpec = Parsed["benchmarks"][number];

/** What the report shows beyond the benchmark tables. */
interface ReportSpec {
  /** Probe words whose nearest neighbours the report lists per strategy; default (null): chosen from the vocabulary (see `defaultProbes`). */
  probes: string[] | null;
}

/** A validated experiment definition (see apps/neglab/README.md for the file format): the schema's output, with defaults filled. */
export interface Experiment extends Pick<Parsed, "name" | "corpus" | "train" | "strategies" | "seeds" | "benchmarks"> {
  /** The definition file. */
  file: string;
  /** Directory of the definition file: relative paths resolve against it. */
  baseDir: string;
  baseline: string;
  report: ReportSpec;
}

/** An invalid experiment definition: names the file and the path of the bad field. */
export class ExperimentError extends Error {
  override name = "ExperimentError";
  constructor(file: string, field: string, message: string) {
    super(`${file}: ${field}: ${message}`);
  }
}

/** Reads `<path>` (a JSON file, or a directory holding `experiment.json`) and validates it. */
export async function loadExperiment(path: string): Promise<Experiment> {
  let file = resolve(path);
  const info = await stat(file).catch(() => {
    throw new ExperimentError(path, "(file)", "no such experiment file or directory");
  });
  if (info.isDirectory()) file = join(file, "experiment.json");
  // a FIFO or device would block the read forever; a missing experiment.json is reported below
  const fileInfo = info.isDirectory() ? await stat(file).catch(() => null) : info;
  if (fileInfo !== null && !fileInfo.isFile())
    throw new ExperimentError(
      file,
      "(file)",
      "not a regular file (a FIFO, device or directory); name the definition file itself",
    );
  const text = await readFile(file, "utf8").catch(() => {
    throw new ExperimentError(file, "(file)", "no experiment.json in this directory");
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ExperimentError(file, "(file)", `not valid JSON: ${(error as Error).message}`);
  }
  return validateExperiment(json, file);
}

/**
 * Checks an experiment definition before any work: first against
 * {@link EXPERIMENT_SCHEMA} (every field's type, unknown keys with the closest
 * known name, trainer settings, benchmark options, seeds in the trainer's
 * range), then what the schema cannot say: sampler types (with the closest
 * registered strategy) and options (`validateSamplerSpec`), each strategy's
 * merged trainer settings (`resolveSettings`), seeds without duplicates,
 * unique strategy and benchmark names, a baseline that exists. Data files are
 * checked separately ({@link checkBenchmarkData}).
 */
export function validateExperiment(json: unknown, file: string): Experiment {
  const fail = (field: string, message: string): never => {
    throw new ExperimentError(file, field, message);
  };
  const parsed = EXPERIMENT_SCHEMA.safeParse(json);
  if (!parsed.success) {
    // A sampler spec is explained by the checks below (the closest strategy name, then validateSamplerSpec).
    const problem = firstProblem(parsed.error.issues, (path) => path[0] === "strategies" && path[2] === "sampler");
    if (problem !== null) fail(problem.field, problem.message);
  }
  // Everything but the sampler specs has the schema's shape here.
  const root = json as {
    name: string;
    train?: Record<string, unknown>;
    strategies: { sampler: unknown; train?: Record<string, unknown> }[];
  };
  const name = pathSegment(root.name, fail);
  const samplerTypes = listSamplers().map((s) => s.name);
  root.strategies.forEach((strategy, i) => {
    const field = `strategies[${i}].sampler`;
    const sampler = strategy.sampler;
    if (typeof sampler !== "object" || sampler === null || Array.isArray(sampler))
      return fail(field, expected("an object", sampler));
    const type = (sampler as { type?: unknown }).type;
    if (typeof type !== "string" || type === "") return fail(`${field}.type`, expected("a non-empty string", type));
    if (!samplerTypes.includes(type) && !type.startsWith("module:")) {
      const near = closestName(type, samplerTypes);
      fail(
        `${field}.type`,
        `unknown strategy "${type}"${near ? ` (did you mean "${near}"?)` : ""}; known: ${samplerTypes.join(", ")}`,
      );
    }
    const problem = settingsProblem(
      root.train ?? {},
      `strategies[${i}]`,
      strategy.train ?? {},
      sampler as Record<string, unknown>,
      dirname(file),
    );
    if (problem) fail(problem.field, problem.message);
  });
  // validateSamplerSpec accepts what the schema's sampler specs accept and more (module: specs of any shape): an issue
  // it did not explain would be a schema that disagrees with it.
  if (!parsed.success)
    throw new Error(
      `${file}: the experiment schema refused a sampler spec that validateSamplerSpec accepts: ${parsed.error.message}`,
    );
  const { strategies, seeds, benchmarks, corpus, train } = parsed.data;

  const names = new Set<string>();
  strategies.forEach((s, i) => {
    if (names.has(s.name)) fail(`strategies[${i}].name`, `duplicate strategy name "${s.name}"`);
    names.add(s.name);
  });
  const firstIndex = new Map<number, number>();
  seeds.forEach((seed, i) => {
    const first = firstIndex.get(seed);
    // A repeated seed would be a cell paired with itself: n counts it twice, the std and CI shrink to nothing.
    if (first !== undefined)
      fail(
        `seeds[${i}]`,
        `duplicate seed ${seed} (also seeds[${first}]); every seed must differ, or the statistics count one run twice`,
      );
    firstIndex.set(seed, i);
  });
  const benchmarkNames = new Set<string>();
  benchmarks.forEach((b, i) => {
    if (benchmarkNames.has(b.name)) fail(`benchmarks[${i}].name`, `duplicate benchmark name "${b.name}"`);
    benchmarkNames.add(b.name);
  });
  const baseline = parsed.data.baseline ?? strategies[0].name;
  if (!names.has(baseline)) {
    const near = closestName(baseline, [...names]);
    fail("baseline", `no strategy named "${baseline}"${near ? ` (did you mean "${near}"?)` : ""}`);
  }
  return {
    name,
    file,
    baseDir: dirname(file),
    corpus,
    train,
    strategies,
    seeds,
    benchmarks,
    baseline,
    report: { probes: parsed.data.report.probes ?? null },
  };
}

/**
 * The experiment name: it becomes a directory name (the default `--out` is
 * `runs/<name>`), so it must be one safe path segment — no `/` or `\`, not
 * `.` or `..`, no control characters — or the report set could land in, and
 * replace files of, another directory.
 */
function pathSegment(name: string, fail: (field: string, message: string) => never): string {
  if (name === "." || name === "..")
    return fail("name", `${JSON.stringify(name)} is not a usable directory name; the name becomes runs/<name>`);
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001f\u007f]/.test(name))
    return fail(
      "name",
      `${JSON.stringify(name)} must be a single directory name: no "/", "\\" or control characters (the name becomes runs/<name>)`,
    );
  return name;
}
