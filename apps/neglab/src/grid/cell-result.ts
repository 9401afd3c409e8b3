import { readdir, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomically } from "@neglab/files";
import { array, integer, nullable, number, object, optional, string, tuple, type Shape } from "./json-shape.js";

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
function cellPath(resultsDir: string, key: string): string {
  return join(resultsDir, "cells", `${key}.json`);
}

/** Writes a finished cell atomically (temp file + rename): a kill leaves either nothing or the whole file. */
export async function writeCellResult(resultsDir: string, result: CellResult): Promise<void> {
  await writeFileAtomically(cellPath(resultsDir, result.key), [new TextEncoder().encode(`${JSON.stringify(result, null, 1)}\n`)]);
}

/**
 * Every finished cell in `resultsDir`, by key. A cell file that is not valid
 * JSON, does not have a cell's shape, or whose key is not its file name (a
 * damaged or hand-edited file) is moved aside to `<file>.damaged` and named
 * through `warn`; its cell is then missing, so a rerun retrains just that cell.
 */
export async function readCellResults(resultsDir: string, warn: (message: string) => void): Promise<Map<string, CellResult>> {
  const dir = join(resultsDir, "cells");
  const names = await readdir(dir).catch(() => [] as string[]);
  const results = new Map<string, CellResult>();
  for (const name of names.filter((n) => n.endsWith(".json"))) {
    const path = join(dir, name);
    const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      // Another shard moved it aside first, or it is not a readable file: no cell from it either way.
      if (error.code !== "ENOENT") warn(`${path}: cannot read this cell file (${error.code ?? error.message}); its cell will be retrained`);
      return null;
    });
    if (text === null) continue;
    const parsed = parseCellResult(text, name.slice(0, -".json".length));
    if (typeof parsed === "string") {
      const aside = `${path}.damaged`;
      const moved = await rename(path, aside).then(
        () => `moved aside to ${aside}`,
        (error: Error) => `could not move it aside (${error.message})`,
      );
      warn(`${path}: damaged cell file (${parsed}); ${moved}; its cell will be retrained`);
      continue;
    }
    results.set(parsed.key, parsed);
  }
  return results;
}

/** A cell from the text of `cells/<key>.json`, or what is wrong with it (invalid JSON, a field of the wrong type, another key). */
function parseCellResult(text: string, key: string): CellResult | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  const problem = CELL(json, "");
  if (problem !== null) return problem;
  const cell = json as Partial<CellResult>;
  if (cell.key !== key) return `key: ${JSON.stringify(cell.key)} is not the file name's key ${key}`;
  return withDefaults(cell);
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

/** A finite or NaN number (JSON writes NaN as null). */
const measured = nullable(number);

/** The shape of a cell file; fields that earlier versions did not write are optional (see `withDefaults`). */
const CELL: Shape = object({
  key: string,
  strategy: string,
  seed: integer,
  settings: object({}),
  metrics: array(object({ benchmark: string, metric: string, value: measured })),
  sections: optional(array(tuple([string, string, measured, measured], optional(measured)))),
  analogyOutcomes: optional(array(object({ benchmark: string, outcomes: string }))),
  pairSimilarities: optional(array(object({ benchmark: string, pairIndex: array(number), gold: array(measured), model: array(measured) }))),
  sampler: optional(
    nullable(
      object({
        description: string,
        collision: string,
        entropyBits: measured,
        perplexity: measured,
        drawShares: object({ top10: measured, top100: measured, top1000: measured }),
        draws: number,
        effectiveNegatives: measured,
        distribution: array(tuple([number, measured])),
      }),
    ),
  ),
  neighbours: optional(array(object({ probe: string, neighbours: array(tuple([string, measured])) }))),
  lossPerEpoch: array(measured),
  wordsPerSecond: measured,
  trainSeconds: measured,
  meanCosineToCentroid: measured,
  skipped: array(string),
});
