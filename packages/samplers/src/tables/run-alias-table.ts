import { aliasDraw, buildAliasTable, type AliasTable } from "./alias-table.js";

const TWO_POW_MINUS_32 = 1 / 4294967296;

/**
 * An alias table over runs of equal probability: a run is a maximal range of
 * consecutive word ids whose probabilities are equal (bit for bit). A
 * vocabulary sorted by count, as word2vec.c and gensim sort it, has one run per
 * distinct count, and a corpus's long tail shares a few counts among many words
 * (every word seen exactly 5 times is one run): a vocabulary of 10^6 words has
 * some 10^3–10^5 runs.
 *
 * A draw picks run r with probability len(r) · p(r) by Walker's alias method
 * over the runs, then a word of the run uniformly:
 *   P(w) = len(r) · p(r) · 1 / len(r) = p(w),
 * so the distribution is the word-level alias table's, to the same 2^-32
 * resolution (the offset in the run is Lemire's multiply-shift ⌊u · len / 2^32⌋,
 * relative bias at most len / 2^32). The table is 16 bytes a run instead of
 * 8 bytes a word, so it stays in the per-core cache when the word table would
 * not; the price is a second random word per draw.
 */
export interface RunAliasTable {
  /** The alias table over runs (see {@link buildAliasTable}). */
  readonly cells: AliasTable;
  /** `[start_0, length_0, start_1, length_1, …]`, one pair per run. */
  readonly runs: Int32Array;
  /** The number of runs. */
  readonly count: number;
}

/** The first word id of each run of equal probability, in id order. */
export function runStarts(probabilities: ArrayLike<number>): number[] {
  const starts: number[] = [];
  for (let i = 0; i < probabilities.length; i++) {
    if (i === 0 || probabilities[i] !== probabilities[i - 1]) starts.push(i);
  }
  return starts;
}

/**
 * Builds the run table of `probabilities` (a distribution over word ids) in O(V);
 * `starts` are its {@link runStarts}, when the caller has them already.
 */
export function buildRunAliasTable(probabilities: ArrayLike<number>, starts = runStarts(probabilities)): RunAliasTable {
  const count = starts.length;
  const runs = new Int32Array(2 * count);
  const runMass = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    const end = r + 1 < count ? starts[r + 1] : probabilities.length;
    runs[2 * r] = starts[r];
    runs[2 * r + 1] = end - starts[r];
    runMass[r] = probabilities[starts[r]] * (end - starts[r]);
  }
  return { cells: buildAliasTable(runMass), runs, count };
}

/**
 * One draw from a run table with two 32-bit random words: `u` picks the run
 * (as {@link aliasDraw} picks a column and its coin), `v` the word inside it.
 */
export function runAliasDraw(table: RunAliasTable, u: number, v: number): number {
  const run = aliasDraw(table.cells, table.count, u);
  const runs = table.runs;
  return runs[2 * run] + ((v * TWO_POW_MINUS_32 * runs[2 * run + 1]) | 0);
}
