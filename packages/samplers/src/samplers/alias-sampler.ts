import { aliasDraw, aliasDrawCounts, buildAliasTable, type AliasTable } from "../tables/alias-table.js";
import { buildRunAliasTable, runAliasDraw, runStarts, type RunAliasTable } from "../tables/run-alias-table.js";
import type { CollisionPolicy, SamplerSpec } from "../types.js";
import { IndependentSampler } from "./independent-sampler.js";

/**
 * From this vocabulary size on (a 6 MiB word table, several times a per-core L2
 * cache) a distribution with at most {@link RUN_MAX_COUNT} runs of equal
 * probability is drawn from its {@link RunAliasTable}: a draw then costs a
 * second random word but reads a table that stays in the per-core cache, while
 * the word table misses it on most draws. Below this size the word table is the
 * faster of the two (`bench:paths`; figures in the package's BENCHMARKS.md).
 */
export const RUN_MIN_SIZE = 3 * 2 ** 18;
/** At most this many runs (a 1 MiB run table, the size of a typical per-core L2) for the run table; see {@link RUN_MIN_SIZE}. */
const RUN_MAX_COUNT = 2 ** 16;

/** Whether `distribution` is drawn from a run table (see {@link RUN_MIN_SIZE}). */
export function drawsByRuns(distribution: ArrayLike<number>): boolean {
  return runStartsWorthATable(distribution) !== null;
}

/** The run starts of `distribution` when it is drawn from a run table, else null (a small V is not scanned). */
function runStartsWorthATable(distribution: ArrayLike<number>): number[] | null {
  if (distribution.length < RUN_MIN_SIZE) return null;
  const starts = runStarts(distribution);
  return starts.length <= RUN_MAX_COUNT ? starts : null;
}

/**
 * Draws from any fixed distribution in O(1) per negative with Walker's alias
 * method (Vose 1991 construction, one 32-bit random word per draw). Used by
 * `unigram` (method `alias`), `domain`, `annealed` and {@link createWeightedSampler}.
 * A large vocabulary whose probabilities come in few runs of equal values (a
 * count-sorted vocabulary's tail) is drawn from the smaller {@link RunAliasTable}
 * instead, with two random words per draw; the distribution is the same.
 */
export class AliasSampler extends IndependentSampler {
  private cells: AliasTable;
  /** The run table, when {@link drawsByRuns}; then `cells` is empty. */
  private runs: RunAliasTable | null;
  private readonly size: number;

  constructor(
    spec: SamplerSpec,
    collision: CollisionPolicy,
    distribution: Float64Array,
    private readonly label: string,
    warnings: readonly string[] = [],
  ) {
    const tables = buildTables(distribution);
    super(spec, collision, distribution, warnings, drawableMass(tables, distribution.length));
    this.cells = tables.cells;
    this.runs = tables.runs;
    this.size = distribution.length;
    this.wordsPerDraw = tables.runs === null ? 1 : 2;
  }

  protected fromWords(words: Uint32Array, at: number): number {
    const runs = this.runs;
    if (runs !== null) return runAliasDraw(runs, words[at], words[at + 1]);
    return aliasDraw(this.cells, this.size, words[at]);
  }

  override drawableMass(): Float64Array {
    return drawableMass({ cells: this.cells, runs: this.runs }, this.size);
  }

  /** Replaces the distribution (and its alias table), e.g. when an annealed α moves. */
  protected redistribute(distribution: Float64Array): void {
    this.distribution = distribution;
    const tables = buildTables(distribution);
    this.cells = tables.cells;
    this.runs = tables.runs;
    this.wordsPerDraw = tables.runs === null ? 1 : 2;
  }

  protected summary(): string {
    return this.label;
  }
}

/** The word table, or the run table (then `cells` is empty) when {@link drawsByRuns}. */
interface AliasTables {
  readonly cells: AliasTable;
  readonly runs: RunAliasTable | null;
}

function buildTables(distribution: Float64Array): AliasTables {
  const starts = runStartsWorthATable(distribution);
  if (starts === null) return { cells: buildAliasTable(distribution), runs: null };
  return { cells: new Uint32Array(0), runs: buildRunAliasTable(distribution, starts) };
}

/**
 * The mass each word can really be drawn with ({@link aliasDrawCounts}, not
 * normalised): a run's count is shared by its words, every one of which the
 * second random word reaches.
 */
function drawableMass(tables: AliasTables, size: number): Float64Array {
  if (tables.runs === null) return aliasDrawCounts(tables.cells, size);
  const { cells, runs, count } = tables.runs;
  const perRun = aliasDrawCounts(cells, count);
  const mass = new Float64Array(size);
  for (let r = 0; r < count; r++) mass.fill(perRun[r] / runs[2 * r + 1], runs[2 * r], runs[2 * r] + runs[2 * r + 1]);
  return mass;
}

/** The mass an alias sampler over `distribution` could really draw each word with (see {@link aliasDrawCounts}). */
export function aliasDrawableMass(distribution: Float64Array): Float64Array {
  return drawableMass(buildTables(distribution), distribution.length);
}
