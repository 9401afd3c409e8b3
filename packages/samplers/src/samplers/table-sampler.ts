import { uniformBelow } from "@neglab/random";
import { tableProbabilities } from "../tables/table-probabilities.js";
import type { CollisionPolicy, SamplerSpec } from "../types.js";
import { IndependentSampler } from "./independent-sampler.js";

/**
 * Draws `table[uniform index]` from a precomputed table of word ids, as
 * word2vec.c and fastText do. Its distribution is the table's exact one
 * (entries of each word / table length), rounding and quirks included.
 */
export class TableSampler extends IndependentSampler {
  private readonly table: Int32Array;
  private readonly length: number;

  constructor(
    spec: SamplerSpec,
    collision: CollisionPolicy,
    table: Int32Array,
    vocabularySize: number,
    private readonly label: string,
  ) {
    super(spec, collision, tableProbabilities(table, vocabularySize));
    this.table = table;
    this.length = table.length;
  }

  protected fromWords(words: Uint32Array, at: number): number {
    return this.table[uniformBelow(words[at], this.length)];
  }

  protected summary(): string {
    return `${this.label} (${this.length} entries, ${((this.length * 4) / 2 ** 20).toFixed(0)} MiB)`;
  }
}
