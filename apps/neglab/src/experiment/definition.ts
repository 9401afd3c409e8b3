import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { listSamplers } from "@neglab/samplers";
import { closestName } from "@neglab/suggest";
import { benchmarkOptionProblem } from "./benchmark-options.js";
import { settingsProblem } from "./trainer-settings.js";

/** How a corpus is read and normalised before counting. */
export interface CorpusSpec {
  /** `brown` (embedded), a text file, .gz or directory (relative to the experiment file, or `$NEGLAB_DATA/...`). */
  source: string;
  lowercase: boolean;
  punctuation: "keep" | "drop" | "strip";
}

/** One strategy of the comparison: a sampler spec and optional trainer overrides. */
export interface StrategySpec {
  name: string;
  sampler: Record<string, unknown>;
  train: Record<string, unknown>;
}

/** One benchmark: an analogy questions file or a word-pair similarity file. */
export interface BenchmarkSpec {
  name: string;
  type: "analogy" | "similarity";
  /** Path relative to the data directory (NEGLAB_DATA). */
  path: string;
  /** Evaluation options passed to @neglab/eval (e.g. restrictVocab, caseInsensitive). */
  options: Record<string, unknown>;
  /** When true a missing data file skips the benchmark (noted in the report) instead of failing validation. Default false. */
  optional: boolean;
}

/** What the report shows beyond the benchmark tables. */
export interface ReportSpec {
  /** Probe words whose nearest neighbours the report lists per strategy; default: chosen from the vocabulary (see `defaultProbes`). */
  probes: string[] | null;
}

/** A validated experiment definition (see apps/neglab/README.md for the file format). */
export interface Experiment {
  name: string;
  /** The definition file. */
  file: string;
  /** Directory of the definition file: relative paths resolve against it. */
  baseDir: string;
  corpus: CorpusSpec;
  train: Record<string, unknown>;
  strategies: StrategySpec[];
  seeds: number[];
  benchmarks: BenchmarkSpec[];
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

const TOP_LEVEL = ["name", "description", "corpus", "train", "strategies", "seeds", "benchmarks", "baseline", "report"];
const CORPUS_KEYS = ["source", "lowercase", "punctuation"];
const STRATEGY_KEYS = ["name", "sampler", "train"];
const BENCHMARK_KEYS = ["name", "type", "path", "options", "optional"];
const REPORT_KEYS = ["probes"];

/** Reads `<path>` (a JSON file, or a directory holding `experiment.json`) and validates it. */
export async function loadExperiment(path: string): Promise<Experiment> {
  let file = resolve(path);
  const info = await stat(file).catch(() => {
    throw new ExperimentError(path, "(file)", "no such experiment file or directory");
  });
  if (info.isDirectory()) file = join(file, "experiment.json");
  // a FIFO or device would block the read forever; a missing experiment.json is reported below
  const fileInfo = info.isDirectory() ? await stat(file).catch(() => null) : info;
  if (fileInfo !== null && !fileInfo.isFile()) throw new ExperimentError(file, "(file)", "not a regular file (a FIFO, device or directory); name the definition file itself");
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
 * Checks an experiment definition before any work: every field's type,
 * unknown keys (with the closest known name), sampler types (with the closest
 * registered strategy) and options (`validateSamplerSpec`), trainer settings
 * (`resolveSettings`, base merged with each strategy's overrides), benchmark
 * options, seeds (integers in the trainer's range, no duplicates), unique
 * strategy and benchmark names, a baseline that exists and the
 * report's probe words. Data files are checked separately ({@link checkBenchmarkData}).
 */
export function validateExperiment(json: unknown, file: string): Experiment {
  const fail = (field: string, message: string): never => {
    throw new ExperimentError(file, field, message);
  };
  const object = (value: unknown, field: string): Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(field, `expected an object, got ${describe(value)}`);
  const knownKeys = (value: Record<string, unknown>, keys: string[], field: string) => {
    for (const key of Object.keys(value)) {
      if (keys.includes(key)) continue;
      const near = closestName(key, keys);
      fail(`${field}${field ? "." : ""}${key}`, `unknown field${near ? ` (did you mean "${near}"?)` : ""}; expected one of ${keys.join(", ")}`);
    }
  };
  const string = (value: unknown, field: string): string =>
    typeof value === "string" && value.length > 0 ? value : fail(field, `expected a non-empty string, got ${describe(value)}`);

  const root = object(json, "(root)");
  knownKeys(root, TOP_LEVEL, "");
  const name = pathSegment(string(root.name, "name"), fail);

  const corpusJson = object(root.corpus, "corpus");
  knownKeys(corpusJson, CORPUS_KEYS, "corpus");
  const punctuation = corpusJson.punctuation ?? "keep";
  if (punctuation !== "keep" && punctuation !== "drop" && punctuation !== "strip") fail("corpus.punctuation", `expected "keep", "drop" or "strip", got ${describe(punctuation)}`);
  const lowercase = corpusJson.lowercase ?? false;
  if (typeof lowercase !== "boolean") fail("corpus.lowercase", `expected true or false, got ${describe(lowercase)}`);
  const corpus: CorpusSpec = { source: string(corpusJson.source, "corpus.source"), lowercase: lowercase as boolean, punctuation: punctuation as CorpusSpec["punctuation"] };

  const train = root.train === undefined ? {} : object(root.train, "train");

  if (!Array.isArray(root.strategies) || root.strategies.length === 0) fail("strategies", `expected a non-empty array, got ${describe(root.strategies)}`);
  const samplerTypes = listSamplers().map((s) => s.name);
  const strategies = (root.strategies as unknown[]).map((value, i): StrategySpec => {
    const field = `strategies[${i}]`;
    const s = object(value, field);
    knownKeys(s, STRATEGY_KEYS, field);
    const sampler = object(s.sampler, `${field}.sampler`);
    const type = string(sampler.type, `${field}.sampler.type`);
    if (!samplerTypes.includes(type) && !type.startsWith("module:")) {
      const near = closestName(type, samplerTypes);
      fail(`${field}.sampler.type`, `unknown strategy "${type}"${near ? ` (did you mean "${near}"?)` : ""}; known: ${samplerTypes.join(", ")}`);
    }
    const overrides = s.train === undefined ? {} : object(s.train, `${field}.train`);
    const problem = settingsProblem(train, field, overrides, sampler, dirname(file));
    if (problem) fail(problem.field, problem.message);
    return { name: string(s.name, `${field}.name`), sampler, train: overrides };
  });
  const names = new Set<string>();
  strategies.forEach((s, i) => {
    if (names.has(s.name)) fail(`strategies[${i}].name`, `duplicate strategy name "${s.name}"`);
    names.add(s.name);
  });

  if (!Array.isArray(root.seeds) || root.seeds.length === 0) fail("seeds", `expected a non-empty array of integers, got ${describe(root.seeds)}`);
  const seeds = (root.seeds as unknown[]).map((seed, i) => checkSeed(seed, `seeds[${i}]`, fail));
  const firstIndex = new Map<number, number>();
  seeds.forEach((seed, i) => {
    const first = firstIndex.get(seed);
    // A repeated seed would be a cell paired with itself: n counts it twice, the std and CI shrink to nothing.
    if (first !== undefined) fail(`seeds[${i}]`, `duplicate seed ${seed} (also seeds[${first}]); every seed must differ, or the statistics count one run twice`);
    firstIndex.set(seed, i);
  });

  const benchmarksJson = root.benchmarks ?? [];
  if (!Array.isArray(benchmarksJson)) fail("benchmarks", `expected an array, got ${describe(benchmarksJson)}`);
  const benchmarks = (benchmarksJson as unknown[]).map((value, i): BenchmarkSpec => {
    const field = `benchmarks[${i}]`;
    const b = object(value, field);
    knownKeys(b, BENCHMARK_KEYS, field);
    const type = b.type;
    if (type !== "analogy" && type !== "similarity") fail(`${field}.type`, `expected "analogy" or "similarity", got ${describe(type)}`);
    const options = b.options === undefined ? {} : object(b.options, `${field}.options`);
    const problem = benchmarkOptionProblem(type as BenchmarkSpec["type"], options);
    if (problem) fail(`${field}.options.${problem[0]}`, problem[1]);
    const optional = b.optional ?? false;
    if (typeof optional !== "boolean") fail(`${field}.optional`, `expected true or false, got ${describe(optional)}`);
    return { name: string(b.name, `${field}.name`), type: type as BenchmarkSpec["type"], path: string(b.path, `${field}.path`), options, optional: optional as boolean };
  });
  const benchmarkNames = new Set<string>();
  benchmarks.forEach((b, i) => {
    if (benchmarkNames.has(b.name)) fail(`benchmarks[${i}].name`, `duplicate benchmark name "${b.name}"`);
    benchmarkNames.add(b.name);
  });

  const baseline = root.baseline === undefined ? strategies[0].name : string(root.baseline, "baseline");
  if (!names.has(baseline)) {
    const near = closestName(baseline, [...names]);
    fail("baseline", `no strategy named "${baseline}"${near ? ` (did you mean "${near}"?)` : ""}`);
  }
  const reportJson = root.report === undefined ? {} : object(root.report, "report");
  knownKeys(reportJson, REPORT_KEYS, "report");
  let probes: string[] | null = null;
  if (reportJson.probes !== undefined) {
    if (!Array.isArray(reportJson.probes)) fail("report.probes", `expected an array of words, got ${describe(reportJson.probes)}`);
    probes = (reportJson.probes as unknown[]).map((p, i) => string(p, `report.probes[${i}]`));
  }
  return { name, file, baseDir: dirname(file), corpus, train, strategies, seeds, benchmarks, baseline, report: { probes } };
}

/**
 * The experiment name: it becomes a directory name (the default `--out` is
 * `runs/<name>`), so it must be one safe path segment — no `/` or `\`, not
 * `.` or `..`, no control characters — or the report set could land in, and
 * replace files of, another directory.
 */
function pathSegment(name: string, fail: (field: string, message: string) => never): string {
  if (name === "." || name === "..") return fail("name", `${JSON.stringify(name)} is not a usable directory name; the name becomes runs/<name>`);
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001f\u007f]/.test(name)) return fail("name", `${JSON.stringify(name)} must be a single directory name: no "/", "\\" or control characters (the name becomes runs/<name>)`);
  return name;
}

/** The trainer's seed range (`resolveSettings` of @neglab/trainer): a seed seeds a 32-bit stream. */
const MAX_SEED = 2 ** 32 - 1;

/**
 * A seed of `seeds`: an integer in the trainer's range [0, 2^32 − 1], checked here so that a bad seed is named
 * with its field path before the corpus is read instead of by the trainer after it.
 */
function checkSeed(seed: unknown, field: string, fail: (field: string, message: string) => never): number {
  if (!Number.isSafeInteger(seed)) return fail(field, `expected an integer, got ${describe(seed)}`);
  if ((seed as number) < 0 || (seed as number) > MAX_SEED) return fail(field, `expected an integer in [0, ${MAX_SEED}], got ${seed as number}`);
  return seed as number;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  return value === null ? "null" : `${typeof value} ${JSON.stringify(value)}`;
}
