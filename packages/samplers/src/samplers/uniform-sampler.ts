import { uniformBelow } from "@neglab/random";
import type { CollisionPolicy, SamplerSpec } from "../types.js";
import { IndependentSampler } from "./independent-sampler.js";

/** Every word equally likely: one multiply-shift draw per negative. */
export class UniformSampler extends IndependentSampler {
  private readonly size: number;

  constructor(spec: SamplerSpec, collision: CollisionPolicy, size: number) {
    super(spec, collision, new Float64Array(size).fill(1 / size));
    this.size = size;
  }

  protected fromWords(words: Uint32Array, at: number): number {
    return uniformBelow(words[at], this.size);
  }

  protected summary(): string {
    return `uniform over ${this.size} words`;
  }
}
