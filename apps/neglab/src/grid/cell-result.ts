import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomically } from "@neglab/vectors";

/** One metric of one benchmark for one cell: a tidy row of results.csv. */
export interface Metric {
  benchmark: string;
  metric: string;
  value: number;
}

/**
 * Per-question analogy outcomes of one benchmark, one character per question
 * in file order: `1` correct, `0` wrong, `-` skipped (a word outside the
 * restricted vocabulary). The input of McNemar's test at report time.
 */
export interface AnalogyOutcomes {
  benchmark: string;
  outcomes: string;
}

/** The word pairs one similarity benchmark used: human scores and model cosines, for paired bootstrap tests. */
export interface PairSimilarities {
  benchmark: string;
  /** Index of each used pair in the pairs file (pairs with an unknown word are left out). */
  pairIndex: number[];
  gold: number[];
  model: number[];
}

/**
 * What the cell's negative sampler looked like: the distribution it draws from
 * and what `diagnoseSampler` (@neglab/samplers) measured on it.
 */
export interface SamplerReport {
  /** The sampler's own one-line description (strategy, parameters, collision policy). */
  description: string;
  collision: string;
  /** Entropy of the sampling distribution in bits, and its perplexity 2^H (effective number of equally likely words). */
  entropyBits: number;
  perplexity: number;
  /** Share of the measured draws that were among the 10, 100 and 1000 most frequent words (cumulative). */
  drawShares: { top10: number; top100: number; top1000: number };
  /** Number of draws measured. */
  draws: number;
  /**
   * Negatives per positive to expect under the collision policy, computed from
   * the probabilities: E[min(k, Binomial(m, 1 − p(w)))] averaged over positives w
   * in proportion to their corpus counts (`expectedNegatives`); k under `redraw` and `keep`.
   */
  effectiveNegatives: number;
  /** [frequency rank (1 = most frequent), probability] at about 200 log-spaced ranks, the last rank included. */
  distribution: [number, number][];
}

/** The nearest neighbours of one probe word: [word, cosine similarity], most similar first. */
export interface ProbeNeighbours {
  probe: string;
  neighbours: [string, number][];
}

/** Everything a finished cell produced; stored as `cells/<key>.json`. */
export interface CellResult {
  key: string;
  strategy: string;
  seed: number;
  settings: Record<string, unknown>;
  metrics: Metric[];
  /** Analogy accuracy per section: [benchmark, section, correct, questions answered, questions in the section]. */
  sections: [string, string, number, number, number][];
  analogyOutcomes: AnalogyOutcomes[];
  pairSimilarities: PairSimilarities[];
  /** Null without negative sampling (`negative: 0`). */
  sampler: SamplerReport | null;
  /** Probe words not in the vocabulary are left out. */
  neighbours: ProbeNeighbours[];
  lossPerEpoch: number[];
  wordsPerSecond: number;
  trainSeconds: number;
  /** Mean cosine of the vectors to their centroid (Mimno & Thompson 2017). */
  meanCosineToCentroid: number;
  /** Benchmarks skipped with the reason (e.g. a missing data file). */
  skipped: string[];
}

/** Path of a cell's result file inside a results directory. */
export function cellPath(resultsDir: string, key: string): string {
  return join(resultsDir, "cells", `${key}.json`);
}

/** Writes a finished cell atomically (temp file + rename): a kill leaves either nothing or the whole file. */
export async function saveCellResult(resultsDir: string, result: CellResult): Promise<void> {
  await writeFileAtomically(cellPath(resultsDir, result.key), [new TextEncoder().encode(`${JSON.stringify(result, null, 1)}\n`)]);
}

/** Every finished cell in `resultsDir`, by key. */
export async function loadCellResults(resultsDir: string): Promise<Map<string, CellResult>> {
  const dir = join(resultsDir, "cells");
  const names = await readdir(dir).catch(() => [] as string[]);
  const results = new Map<string, CellResult>();
  for (const name of names.filter((n) => n.endsWith(".json"))) {
    const result = withDefaults(JSON.parse(await readFile(join(dir, name), "utf8")) as Partial<CellResult>);
    results.set(result.key, result);
  }
  return results;
}

/**
 * A cell written by an earlier neglab without per-item data, diagnostics or
 * neighbours: those become empty (their tables and tests are then left out) and
 * a section's question count unknown (NaN).
 */
function withDefaults(cell: Partial<CellResult>): CellResult {
  return {
    ...(cell as CellResult),
    sections: (cell.sections ?? []).map(([b, s, correct, seen, questions]) => [b, s, correct, seen, questions ?? NaN]),
    analogyOutcomes: cell.analogyOutcomes ?? [],
    pairSimilarities: cell.pairSimilarities ?? [],
    sampler: cell.sampler ?? null,
    neighbours: cell.neighbours ?? [],
  };
}
