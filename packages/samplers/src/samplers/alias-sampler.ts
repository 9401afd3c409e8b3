import type { RandomStream } from "@neglab/random";
import { settleCollisions } from "../collision.js";
import { aliasDraw, buildAliasTable, type AliasTable } from "../tables/alias-table.js";
import { buildRunAliasTable, runAliasDraw, runStarts, type RunAliasTable } from "../tables/run-alias-table.js";
import type { CollisionPolicy, DrawBuffers, SamplerSpec } from "../types.js";
import { IndependentSampler } from "./independent-sampler.js";

/**
 * From this vocabulary size on (a 4 MiB table, beyond the per-core caches) a draw
 * of k negatives gathers: it first draws all k random words, then looks up all k
 * columns. Measured on the development machine (AMD EPYC, 1 MiB L2 per core):
 * 1.17–1.45× faster at V = 10^6, 10–20% slower below V ≈ 3·10^5, where the table
 * is in cache and the second pass only costs.
 */
const GATHER_MIN_SIZE = 2 ** 19;

/**
 * From this vocabulary size on (a 2 MiB word table, twice the per-core L2 cache)
 * a distribution with at most {@link RUN_MAX_COUNT} runs of equal probability is
 * drawn from its {@link RunAliasTable}. Measured on the development machine
 * (AMD EPYC, 1 MiB L2; `bench:paths`, V = 10^6, counts cut at 5: 5183 runs,
 * 83 KB): the run table draws 47.6–48.6 M/s whatever else runs, while the word
 * table draws 15–41 M/s depending on what else holds the shared L3 (1.3–3.0×).
 * With 48,606 runs (780 KB) it was 0.7–0.8× the gathered word table, and below
 * 2^18 words the word table is as fast or faster (0.67–1.09×).
 */
export const RUN_MIN_SIZE = 2 ** 18;
/** At most this many runs (a 256 KiB run table) for the run table; see {@link RUN_MIN_SIZE}. */
export const RUN_MAX_COUNT = 2 ** 14;

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
    super(spec, collision, distribution, warnings);
    this.size = distribution.length;
    [this.cells, this.runs] = tablesOf(distribution);
  }

  next(rng: RandomStream): number {
    const runs = this.runs;
    if (runs !== null) return runAliasDraw(runs, rng.nextUint32(), rng.nextUint32());
    return aliasDraw(this.cells, this.size, rng.nextUint32());
  }

  /**
   * Small tables: the fused loop of {@link IndependentSampler.draw}. Large ones
   * miss the cache on most lookups, so the draw runs in passes that expose
   * memory-level parallelism: (1) k random words into `ids` (no table access),
   * (2) the k lookups, which no longer wait on the random-number chain or on one
   * another, so the CPU overlaps their misses, (3) the collision policy
   * (redraws, if any, come after the k first draws; the distribution is the same).
   */
  override draw(out: DrawBuffers, k: number, positive: number, anchor: number, rng: RandomStream): number {
    // A run table is in cache: the fused loop.
    if (this.size < GATHER_MIN_SIZE || this.runs !== null) return super.draw(out, k, positive, anchor, rng);
    const { ids } = out;
    const { cells, size } = this;
    for (let i = 0; i < k; i++) ids[i] = rng.nextUint32();
    // ids holds the words as int32 bits; >>> 0 reads them back as unsigned.
    for (let i = 0; i < k; i++) ids[i] = aliasDraw(cells, size, ids[i] >>> 0);
    const n = settleCollisions(ids, k, positive, this.collision, this, rng);
    this.writeProbabilities(out, n);
    return n;
  }

  /** Replaces the distribution (and its alias table), e.g. when an annealed α moves. */
  protected redistribute(distribution: Float64Array): void {
    this.distribution = distribution;
    [this.cells, this.runs] = tablesOf(distribution);
  }

  protected summary(): string {
    return this.label;
  }
}

/** The word table, or an empty one and the run table when {@link drawsByRuns}. */
function tablesOf(distribution: Float64Array): [AliasTable, RunAliasTable | null] {
  const starts = runStartsWorthATable(distribution);
  if (starts !== null) return [new Uint32Array(0), buildRunAliasTable(distribution, starts)];
  return [buildAliasTable(distribution), null];
}
