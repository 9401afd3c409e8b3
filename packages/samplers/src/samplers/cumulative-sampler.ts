import { uniformBelow } from "@neglab/random";
import { bisectLeft, cumulativeTableProbabilities } from "../tables/gensim-cum-table.js";
import type { CollisionPolicy, SamplerSpec } from "../types.js";
import { IndependentSampler } from "./independent-sampler.js";

/**
 * gensim's draw: a uniform integer r in [0, domain), then the binary-search
 * insertion point `bisect_left(cum, r)`, O(log V) per negative.
 */
export class CumulativeSampler extends IndependentSampler {
  private readonly table: Uint32Array;
  private readonly domain: number;

  constructor(
    spec: SamplerSpec,
    collision: CollisionPolicy,
    table: Uint32Array,
    private readonly label: string,
  ) {
    super(spec, collision, cumulativeTableProbabilities(table));
    this.table = table;
    this.domain = table[table.length - 1];
  }

  protected fromWords(words: Uint32Array, at: number): number {
    return bisectLeft(this.table, uniformBelow(words[at], this.domain));
  }

  protected summary(): string {
    return this.label;
  }
}
