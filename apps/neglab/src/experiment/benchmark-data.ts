import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import {
  cacheDirectory,
  DATASETS,
  evaluateWordPairs,
  fetchDataset,
  readAnalogies,
  readPairs,
  skippedLines,
  type Dataset,
  type FetchOptions,
  type PairDelimiter,
} from "@neglab/eval";
import type { Vocabulary } from "@neglab/corpus";
import { Embeddings } from "@neglab/vectors";
import { ExperimentError, type BenchmarkSpec, type Experiment } from "./definition.js";

/**
 * Where a benchmark file lives: an absolute path as given; a relative one under
 * the data directory, or, for the file of a registered dataset, in the fetch
 * cache where `neglab data fetch` puts it. Null when it is in none of them.
 */
export function benchmarkPath(benchmark: BenchmarkSpec, dataDir: string | undefined): string | null {
  if (isAbsolute(benchmark.path)) return existsSync(benchmark.path) ? benchmark.path : null;
  return searchedPaths(benchmark, dataDir).find((path) => existsSync(path)) ?? null;
}

/** The dataset of @neglab/eval's registry whose file is the benchmark's path, if any. */
function registeredDataset(benchmark: BenchmarkSpec): Dataset | undefined {
  return DATASETS.find((d) => d.file === benchmark.path);
}

/** The places a relative benchmark path is looked for, in order. */
function searchedPaths(benchmark: BenchmarkSpec, dataDir: string | undefined): string[] {
  const inDataDir = dataDir === undefined ? [] : [join(dataDir, benchmark.path)];
  return registeredDataset(benchmark) === undefined
    ? inDataDir
    : [...inDataDir, join(cacheDirectory(), benchmark.path)];
}

/**
 * Fails before any work when a benchmark's data file is missing, naming the
 * field, the places searched and how to get it: `neglab data fetch <name>` when
 * the path is that of a dataset of @neglab/eval's registry (`DATASETS`), else
 * where to put the file; unless the benchmark is marked `"optional": true`:
 * optional benchmarks are skipped with a note in the report, and their absence
 * is part of every cell's cache key, so cells are recomputed once the file
 * appears. Every missing benchmark is listed, not only the first.
 */
export function checkBenchmarkData(experiment: Experiment, dataDir: string | undefined): void {
  const missing: { field: string; message: string }[] = [];
  experiment.benchmarks.forEach((benchmark, i) => {
    if (benchmark.optional || benchmarkPath(benchmark, dataDir) !== null) return;
    const searched = isAbsolute(benchmark.path) ? [benchmark.path] : searchedPaths(benchmark, dataDir);
    const where =
      searched.length === 0
        ? `${benchmark.path} (no data directory: set NEGLAB_DATA)`
        : `${benchmark.path} (searched ${searched.join(", ")})`;
    const dataset = registeredDataset(benchmark);
    const fetch = dataset
      ? `fetch it with \`neglab data fetch ${dataset.name}\``
      : "it is not a registered dataset (see `neglab data list`), so put the file there";
    missing.push({
      field: `benchmarks[${i}].path`,
      message: `${where} not found; ${fetch}, or mark the benchmark "optional": true to skip it`,
    });
  });
  if (missing.length === 0) return;
  const [first, ...others] = missing;
  const more = others.map((m) => `\n  ${m.field}: ${m.message}`).join("");
  throw new ExperimentError(experiment.file, first.field, `${first.message}${more}`);
}

/**
 * Downloads (with `fetchDataset` of @neglab/eval: verified against the
 * registry's SHA-256, never leaving a partial file) every required benchmark
 * that is missing and is a registered dataset, into the fetch cache where
 * {@link benchmarkPath} finds it: from the registry's source URL, or from
 * `<baseUrl>/<file>` when a mirror of the data directory is given. Each
 * download is bounded by `timeouts` (`fetchDataset`'s connect and idle
 * limits, 30 s each by default; `fetchTimeouts` of `commands/fetch-timeout.ts` turns a
 * `--timeout <seconds>` flag into them), so a stalled server cannot hang a
 * run, and an interrupted one leaves no `.part` file. A failed download is
 * reported through `log` and left to {@link checkBenchmarkData}, which then
 * fails naming the file.
 */
export async function fetchMissingBenchmarks(
  experiment: Experiment,
  dataDir: string | undefined,
  log: (message: string) => void,
  baseUrl?: string,
  timeouts: Pick<FetchOptions, "connectTimeout" | "idleTimeout"> = {},
): Promise<void> {
  for (const benchmark of experiment.benchmarks) {
    if (benchmark.optional || benchmarkPath(benchmark, dataDir) !== null) continue;
    const dataset = registeredDataset(benchmark);
    if (dataset === undefined) continue;
    log(
      `${benchmark.name}: ${benchmark.path} is missing; downloading dataset ${dataset.name} (disable with --no-fetch)`,
    );
    try {
      const { path, bytes } = await fetchDataset(dataset.name, {
        ...timeouts,
        ...(baseUrl === undefined ? {} : { baseUrl }),
      });
      log(`${benchmark.name}: ${bytes} bytes, checksum verified: ${path}`);
    } catch (error) {
      log(`${benchmark.name}: download failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Reads every benchmark file the run will score before any training and
 * reports the lines that cannot be parsed (an analogy line that is not four
 * words, a pair without a finite score), which gensim's readers — and so the
 * scores — skip: a warning naming the file, the count and the first line; an
 * error instead when the benchmark's `options.strict` is true. Missing optional
 * benchmarks are left to {@link checkBenchmarkData}.
 */
export async function reportUnparsableBenchmarkLines(
  experiment: Experiment,
  dataDir: string | undefined,
  warn: (message: string) => void,
): Promise<void> {
  for (const [i, benchmark] of experiment.benchmarks.entries()) {
    const path = benchmarkPath(benchmark, dataDir);
    if (path === null) continue;
    const options = benchmark.options as { strict?: boolean; delimiter?: PairDelimiter };
    const set = benchmark.type === "analogy" ? await readAnalogies(path) : await readPairs(path, options.delimiter);
    const { count, firstLine } = skippedLines(set, false, "");
    if (count === 0) continue;
    const what = `${count} unparsable line${count === 1 ? "" : "s"} (first: line ${firstLine})`;
    if (options.strict === true)
      throw new ExperimentError(
        experiment.file,
        `benchmarks[${i}]`,
        `${path}: ${what}; "strict": true refuses the file`,
      );
    warn(
      `warning: ${benchmark.name}: ${path}: ${what} skipped, as gensim skips them; "options": { "strict": true } refuses such a file`,
    );
  }
}

/**
 * Fails before the first cell trains when a similarity benchmark cannot be
 * scored with the corpus's vocabulary: `evaluateWordPairs` refuses a file
 * whose pairs all have a word outside the (restricted, case-folded)
 * vocabulary, and that refusal used to stop the grid after the first cell,
 * every rerun again. The benchmark is evaluated once on placeholder vectors
 * (one dimension, all ones) over the run's vocabulary, so eval's own rules —
 * `restrictVocab`, `caseInsensitive`, `dummy4unknown` — decide; the error is an
 * {@link ExperimentError} naming the benchmark's field and eval's reason.
 */
export async function checkSimilarityCoverage(
  experiment: Experiment,
  dataDir: string | undefined,
  vocabulary: Vocabulary,
): Promise<void> {
  const similarity = experiment.benchmarks.map((b, i) => [b, i] as const).filter(([b]) => b.type === "similarity");
  if (similarity.length === 0) return;
  const placeholder = new Embeddings(vocabulary.words, new Float32Array(vocabulary.words.length).fill(1), 1, {
    counts: vocabulary.counts,
  });
  for (const [benchmark, i] of similarity) {
    const path = benchmarkPath(benchmark, dataDir);
    if (path === null) continue;
    try {
      await evaluateWordPairs(placeholder, path, benchmark.options);
    } catch (error) {
      throw new ExperimentError(
        experiment.file,
        `benchmarks[${i}]`,
        `${benchmark.name} (${path}) cannot be scored with this corpus's vocabulary: ${(error as Error).message}; check the corpus, minCount or the benchmark's options`,
      );
    }
  }
}
