import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import type { Corpus, EncodedCorpus, Vocabulary } from "@neglab/corpus";
import { evaluateAnalogies, evaluateWordPairs } from "@neglab/eval";
import { train, type TrainProgress } from "@neglab/trainer";
import { Embeddings } from "@neglab/vectors";
import type { BenchmarkSpec, Experiment } from "../experiment/definition.js";
import type { Cell } from "./cells.js";
import type { CellResult, Metric } from "./cell-result.js";
import { meanCosineToCentroid } from "./geometry.js";

/** The corpus prepared once for the whole grid. */
export interface PreparedCorpus {
  corpus: Corpus;
  vocabulary: Vocabulary;
  encoded: EncodedCorpus;
}

/** Where a benchmark file lives: an absolute path, or relative to the data directory. */
export function benchmarkPath(benchmark: BenchmarkSpec, dataDir: string | undefined): string | null {
  const path = isAbsolute(benchmark.path) ? benchmark.path : dataDir ? join(dataDir, benchmark.path) : null;
  return path !== null && existsSync(path) ? path : null;
}

/** Trains one cell on the prepared corpus and scores it on every available benchmark. */
export async function runCell(
  experiment: Experiment,
  cell: Cell,
  data: PreparedCorpus,
  dataDir: string | undefined,
  onProgress: (p: TrainProgress) => void,
): Promise<CellResult> {
  const model = await train({
    ...cell.settings,
    vocabulary: data.vocabulary,
    encoded: data.encoded,
    samplerBaseDir: experiment.baseDir,
    onProgress,
  });
  const embeddings = new Embeddings(model.vocabulary.words, model.vectors, model.dim, { counts: model.vocabulary.counts });
  const metrics: Metric[] = [];
  const sections: CellResult["sections"] = [];
  const skipped: string[] = [];
  for (const benchmark of experiment.benchmarks) {
    const path = benchmarkPath(benchmark, dataDir);
    if (path === null) {
      skipped.push(`${benchmark.name}: ${benchmark.path} not found under NEGLAB_DATA (${dataDir ?? "unset"})`);
      continue;
    }
    if (benchmark.type === "analogy") {
      const result = await evaluateAnalogies(embeddings, path, benchmark.options);
      metrics.push(
        { benchmark: benchmark.name, metric: "accuracy", value: result.total.accuracy },
        { benchmark: benchmark.name, metric: "semantic", value: result.semantic.accuracy },
        { benchmark: benchmark.name, metric: "syntactic", value: result.syntactic.accuracy },
        { benchmark: benchmark.name, metric: "oov_percent", value: result.oovPercent },
      );
      for (const s of result.sections) sections.push([benchmark.name, s.name, s.correct, s.total]);
    } else {
      const result = await evaluateWordPairs(embeddings, path, benchmark.options);
      metrics.push(
        { benchmark: benchmark.name, metric: "spearman", value: result.spearman.r },
        { benchmark: benchmark.name, metric: "pearson", value: result.pearson.r },
        { benchmark: benchmark.name, metric: "oov_percent", value: result.oovPercent },
      );
    }
  }
  return {
    key: cell.key,
    strategy: cell.strategy.name,
    seed: cell.seed,
    settings: { ...model.settings, sampler: model.sampler },
    metrics,
    sections,
    lossPerEpoch: model.epochs.map((e) => e.lossPerWord),
    wordsPerSecond: model.stats.wordsPerSecond,
    trainSeconds: model.stats.trainSeconds,
    meanCosineToCentroid: meanCosineToCentroid(model.vectors, model.dim),
    skipped,
  };
}
