import type { Corpus, EncodedCorpusFile, Vocabulary } from "@neglab/corpus";
import { train, type TrainProgress } from "@neglab/trainer";
import { Embeddings, meanCosineToCentroid } from "@neglab/vectors";
import { benchmarkPath } from "../experiment/benchmark-data.js";
import type { Experiment } from "../experiment/definition.js";
import { scoreBenchmark } from "./benchmark-scores.js";
import type { Cell } from "./cells.js";
import type { CellResult } from "./cell-result.js";
import { defaultProbes, probeNeighbours } from "./probes.js";
import { samplerReport } from "./sampler-report.js";

/** The corpus prepared once for the whole grid. */
export interface PreparedCorpus {
  corpus: Corpus;
  vocabulary: Vocabulary;
  /** The corpus encoded on disk, read by the training workers block by block. */
  encoded: EncodedCorpusFile;
}

/**
 * Trains one cell on the prepared corpus, scores it on every available
 * benchmark (optional ones whose file is missing are noted in `skipped`), and
 * records what the report needs: sampler diagnostics, probe-word neighbours
 * and the vectors' geometry. `samplerTimeout` (ms) bounds a custom sampler's
 * calls (the trainer's default when absent); it is not part of the cell's key.
 */
export async function runCell(
  experiment: Experiment,
  cell: Cell,
  data: PreparedCorpus,
  dataDir: string | undefined,
  onProgress: (p: TrainProgress) => void,
  samplerTimeout?: number,
): Promise<CellResult> {
  const model = await train({
    ...cell.settings,
    ...(samplerTimeout === undefined ? {} : { samplerTimeout }),
    vocabulary: data.vocabulary,
    encoded: data.encoded,
    samplerBaseDir: experiment.baseDir,
    onProgress,
  });
  const embeddings = new Embeddings(model.vocabulary.words, model.vectors, model.dim, {
    counts: model.vocabulary.counts,
  });
  const result: CellResult = {
    key: cell.key,
    strategy: cell.strategy.name,
    seed: cell.seed,
    settings: { ...model.settings, sampler: model.sampler },
    metrics: [],
    sections: [],
    analogyOutcomes: [],
    pairSimilarities: [],
    sampler:
      model.sampler === null
        ? null
        : await samplerReport(model.sampler, model.vocabulary, model.settings.negative, cell.seed, experiment.baseDir),
    neighbours: probeNeighbours(embeddings, experiment.report.probes ?? defaultProbes(model.vocabulary)),
    lossPerEpoch: model.epochs.map((e) => e.lossPerWord),
    wordsPerSecond: model.stats.wordsPerSecond,
    trainSeconds: model.stats.trainSeconds,
    meanCosineToCentroid: meanCosineToCentroid(model.vectors, model.dim),
    skipped: [],
  };
  for (const benchmark of experiment.benchmarks) {
    const path = benchmarkPath(benchmark, dataDir);
    if (path === null) {
      result.skipped.push(
        `${benchmark.name}: ${benchmark.path} not found in the data directory (${dataDir ?? "unset"}) or the fetch cache; optional, so skipped`,
      );
      continue;
    }
    const scores = await scoreBenchmark(embeddings, benchmark, path);
    result.metrics.push(...scores.metrics);
    result.sections.push(...scores.sections);
    result.analogyOutcomes.push(...scores.analogyOutcomes);
    result.pairSimilarities.push(...scores.pairSimilarities);
  }
  return result;
}
