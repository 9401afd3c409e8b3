import type { NegativeSampler } from "@neglab/samplers";
import type { MemoryLayout } from "../layout.js";
import type { TrainSettings } from "../options.js";
import { ConfigField, FLAG_CBOW_MEAN, FLAG_CLIP, FLAG_HS, FLAG_NS, FLAG_WEIGHTED } from "./config.js";

/** One worker's kernel configuration: every {@link ConfigField}, by name. */
export type KernelConfig = { readonly [Name in keyof typeof ConfigField]: number };

/** The field names in slot order (a numeric enum maps each name to its slot and back). */
const FIELDS = Object.keys(ConfigField).filter((key) => Number.isNaN(Number(key))) as (keyof typeof ConfigField)[];

/** Bytes of one configuration block (a uint32 per field). */
export const KERNEL_CONFIG_BYTES = FIELDS.length * 4;

/** What a worker's kernel does beyond the memory layout. */
export interface KernelMode {
  /** The FLAG_* bits, see {@link kernelFlags}. */
  readonly flags: number;
  /**
   * Words 0..hotRows−1 trained in the worker's replicas, and with hierarchical
   * softmax as many of the inner nodes nearest the root: at most its scratch's
   * `replicatedRows`; 0 = every row in place.
   */
  readonly hotRows: number;
}

/** The FLAG_* bits for these settings and sampler. */
export function kernelFlags(settings: TrainSettings, sampler: NegativeSampler | null): number {
  return (
    (settings.hs ? FLAG_HS : 0) |
    (settings.negative > 0 ? FLAG_NS : 0) |
    (settings.saturation === "clip" ? FLAG_CLIP : 0) |
    (settings.cbowMean ? FLAG_CBOW_MEAN : 0) |
    (sampler?.weighted ? FLAG_WEIGHTED : 0)
  );
}

/** The configuration of worker `worker`'s kernel: the model's addresses, the worker's scratch, and `mode`. */
export function kernelConfig(layout: MemoryLayout, worker: number, { flags, hotRows }: KernelMode): KernelConfig {
  const s = layout.scratch[worker];
  // the hot words' count applies to the Huffman nodes nearest the root as well, up to what the layout reserved
  // (none without hierarchical softmax)
  const hotNodes = Math.min(hotRows, s.replicatedNodes);
  return {
    sigmoid: layout.sigmoid,
    loss: layout.loss,
    syn0: layout.syn0,
    syn1neg: layout.syn1neg,
    syn1: layout.syn1,
    codeStart: layout.codeStart,
    codeLength: layout.codeLength,
    points: layout.points,
    codes: layout.codes,
    neu1: s.neu1,
    neu1e: s.neu1e,
    gradients: s.gradients,
    batch: s.batch,
    weights: s.weights,
    dim: layout.dim,
    flags,
    hotRows,
    hot0: s.hot0,
    hot1: s.hot1,
    snap0: s.snap0,
    snap1: s.snap1,
    dirty0: s.dirty0,
    dirty1: s.dirty1,
    hotNodes,
    firstHotNode: layout.vocabularySize - 1 - hotNodes,
    hot2: s.hot2,
    snap2: s.snap2,
    dirty2: s.dirty2,
  };
}

/** Writes `config` as the uint32 block at byte offset `at` of `memory`, which a kernel created on `at` then reads. */
export function writeKernelConfig(memory: WebAssembly.Memory, at: number, config: KernelConfig): void {
  const slots = new Uint32Array(memory.buffer, at, FIELDS.length);
  for (const name of FIELDS) slots[ConfigField[name]] = config[name];
}

/** Reads the configuration block at byte offset `at` of `memory`. */
export function readKernelConfig(memory: WebAssembly.Memory, at: number): KernelConfig {
  const slots = new Uint32Array(memory.buffer, at, FIELDS.length);
  return Object.fromEntries(FIELDS.map((name) => [name, slots[ConfigField[name]]])) as KernelConfig;
}
