import type { RandomStream } from "@neglab/random";
import { aliasDraw, buildAliasTable, type AliasTable } from "../tables/alias-table.js";
import type { CollisionPolicy, SamplerSpec } from "../types.js";
import { IndependentSampler } from "./independent-sampler.js";

/**
 * Draws from any fixed distribution in O(1) per negative with Walker's alias
 * method (Vose 1991 construction, one 32-bit random word per draw). Used by
 * `unigram` (method `alias`), `domain`, `annealed` and {@link createWeightedSampler}.
 */
export class AliasSampler extends IndependentSampler {
  private cells: AliasTable;
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
    this.cells = buildAliasTable(distribution);
  }

  next(rng: RandomStream): number {
    return aliasDraw(this.cells, this.size, rng.nextUint32());
  }

  /** Replaces the distribution (and its alias table), e.g. when an annealed α moves. */
  protected redistribute(distribution: Float64Array): void {
    this.distribution = distribution;
    this.cells = buildAliasTable(distribution);
  }

  protected summary(): string {
    return this.label;
  }
}
