import { readdir, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomically } from "@neglab/files";
import { z } from "zod";
import { arrayOf, expecting, firstProblem, TEXT } from "../schema-issues.js";

const number = z.number({ error: expecting("a number") });
const integer = z.int({ error: expecting("an integer") });
/**
 * A measurement: a number, or null where it was NaN (JSON writes NaN as null,
 * and the report treats the null it reads back as that missing value).
 */
const measured = z.number({ error: expecting("a number") }).nullable() as unknown as z.ZodNumber;
/** An object whose listed fields have their schemas; other fields (a later version may add some) are left out. */
const object = <T extends z.core.$ZodLooseShape>(shape: T) => z.object(shape, { error: expecting("an object") });

/** One metric of one benchmark for one cell: a tidy row of results.csv. */
const METRIC = object({ benchmark: TEXT, metric: TEXT, value: measured });

/**
 * Per-question analogy outcomes of one benchmark, one character per question
 * in file order: `1` correct, `0` wrong, `-` skipped (a word outside the
 * restricted vocabulary). The input of McNemar's test at report time.
 */
const ANALOGY_OUTCOMES = object({ benchmark: TEXT, outcomes: TEXT });

/** The word pairs one similarity benchmark used: human scores and model cosines, for paired bootstrap tests. */
const PAIR_SIMILARITIES = object({
  benchmark: TEXT,
  /** Index of each used pair in the pairs file (pairs with an unknown word are left out). */
  pairIndex: arrayOf(number),
  gold: arrayOf(measured),
  model: arrayOf(measured),
});

/**
 * What the cell's negative sampler looked like: the distribution it draws from
 * and what `diagnoseSampler` (@neglab/samplers) measured on it.
 */
const SAMPLER_REPORT = object({
  /** The sampler's own one-line description (strategy, parameters, collision policy). */
  description: TEXT,
  collision: TEXT,
  /** `"window"` when skip-gram shared each window's negatives among its context words (the spec's `share`); absent: per pair. */
  share: z.optional(z.literal("window")),
  /** Entropy of the sampling distribution in bits, and its perplexity 2^H (effective number of equally likely words). */
  entropyBits: measured,
  perplexity: measured,
  /** Share of the measured draws that were among the 10, 100 and 1000 most frequent words (cumulative). */
  drawShares: object({ top10: measured, top100: measured, top1000: measured }),
  /** Number of draws measured. */
  draws: number,
  /**
   * Negatives per positive to expect under the collision policy, computed from
   * the probabilities: E[min(k, Binomial(m, 1 − p(w)))] averaged over positives w
   * in proportion to their corpus counts (`expectedNegatives`); k under `redraw` and `keep`.
   */
  effectiveNegatives: measured,
  /** [frequency rank (1 = most frequent), probability] at about 200 log-spaced ranks, the last rank included. */
  distribution: arrayOf(z.tuple([number, measured], { error: expecting("an array of 2 items") })),
});

/** The nearest neighbours of one probe word: [word, cosine similarity], most similar first. */
const PROBE_NEIGHBOURS = object({
  probe: TEXT,
  neighbours: arrayOf(z.tuple([TEXT, measured], { error: expecting("an array of 2 items") })),
});

/** Analogy accuracy of one section: [benchmark, section, correct, questions answered, questions in the section]. */
const SECTION = z.tuple([TEXT, TEXT, measured, measured, measured], { error: expecting("an array of 4 or 5 items") });

/** Everything a finished cell produced; stored as `cells/<key>.json`. */
const CELL = object({
  key: TEXT,
  strategy: TEXT,
  seed: integer,
  settings: z.record(z.string(), z.unknown(), { error: expecting("an object") }),
  metrics: arrayOf(METRIC),
  /** Analogy accuracy per section (see {@link SECTION}). */
  sections: arrayOf(SECTION),
  analogyOutcomes: arrayOf(ANALOGY_OUTCOMES),
  pairSimilarities: arrayOf(PAIR_SIMILARITIES),
  /** Null without negative sampling (`negative: 0`). */
  sampler: SAMPLER_REPORT.nullable(),
  /** Probe words not in the vocabulary are left out. */
  neighbours: arrayOf(PROBE_NEIGHBOURS),
  lossPerEpoch: arrayOf(measured),
  wordsPerSecond: measured,
  trainSeconds: measured,
  /** Mean cosine of the vectors to their centroid (Mimno & Thompson 2017). */
  meanCosineToCentroid: measured,
  /** Benchmarks skipped with the reason (e.g. a missing data file). */
  skipped: arrayOf(TEXT),
});

/**
 * A cell file as earlier versions of neglab wrote it too: without per-item
 * data, diagnostics or neighbours, and with sections of 4 items (no question
 * count); `withDefaults` completes it.
 */
const STORED_CELL = CELL.extend({
  sections: arrayOf(
    z.tuple([TEXT, TEXT, measured, measured, measured.optional()], { error: expecting("an array of 4 or 5 items") }),
  ).optional(),
  analogyOutcomes: CELL.shape.analogyOutcomes.optional(),
  pairSimilarities: CELL.shape.pairSimilarities.optional(),
  sampler: CELL.shape.sampler.optional(),
  neighbours: CELL.shape.neighbours.optional(),
});

export type Metric = z.output<typeof METRIC>;
export type AnalogyOutcomes = z.output<typeof ANALOGY_OUTCOMES>;
export type PairSimilarities = z.output<typeof PAIR_SIMILARITIES>;
export type SamplerReport = z.output<typeof SAMPLER_REPORT>;
export type ProbeNeighbours = z.output<typeof PROBE_NEIGHBOURS>;
export type CellResult = z.output<typeof CELL>;

/** Path of a cell's result file inside a results directory. */
function cellPath(resultsDir: string, key: string): string {
  return join(resultsDir, "cells", `${key}.json`);
}

/** Writes a finished cell atomically (temp file + rename): a kill leaves either nothing or the whole file. */
export async function writeCellResult(resultsDir: string, result: CellResult): Promise<void> {
  await writeFileAtomically(cellPath(resultsDir, result.key), [
    new TextEncoder().encode(`${JSON.stringify(result, null, 1)}\n`),
  ]);
}

/**
 * Every finished cell in `resultsDir`, by key. A cell file that is not valid
 * JSON, does not have a cell's shape, or whose key is not its file name (a
 * damaged or hand-edited file) is moved aside to `<file>.damaged` and named
 * through `warn`; its cell is then missing, so a rerun retrains just that cell.
 */
export async function readCellResults(
  resultsDir: string,
  warn: (message: string) => void,
): Promise<Map<string, CellResult>> {
  const dir = join(resultsDir, "cells");
  const names = await readdir(dir).catch(() => [] as string[]);
  const results = new Map<string, CellResult>();
  for (const name of names.filter((n) => n.endsWith(".json"))) {
    const path = join(dir, name);
    const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      // Another shard moved it aside first, or it is not a readable file: no cell from it either way.
      if (error.code !== "ENOENT")
        warn(`${path}: cannot read this cell file (${error.code ?? error.message}); its cell will be retrained`);
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
  const parsed = STORED_CELL.safeParse(json);
  if (!parsed.success) {
    const problem = firstProblem(parsed.error.issues)!;
    return `${problem.field}: ${problem.message}`;
  }
  if (parsed.data.key !== key) return `key: ${JSON.stringify(parsed.data.key)} is not the file name's key ${key}`;
  return withDefaults(parsed.data);
}

/**
 * A cell written by an earlier neglab without per-item data, diagnostics or
 * neighbours: those become empty (their tables and tests are then left out) and
 * a section's question count unknown (NaN).
 */
function withDefaults(cell: z.output<typeof STORED_CELL>): CellResult {
  return {
    ...cell,
    sections: (cell.sections ?? []).map(([b, s, correct, seen, questions]) => [b, s, correct, seen, questions ?? NaN]),
    analogyOutcomes: cell.analogyOutcomes ?? [],
    pairSimilarities: cell.pairSimilarities ?? [],
    sampler: cell.sampler ?? null,
    neighbours: cell.neighbours ?? [],
  };
}
