import { createStream } from "@neglab/random";
import { createSampler } from "@neglab/samplers";
import { describe, expect, test } from "vitest";
import { kernelConfig, kernelFlags, writeKernelConfig } from "../src/kernel/configure.js";
import { createJsKernel } from "../src/kernel/js-kernel.js";
import { compileWasmKernel, createWasmKernel } from "../src/kernel/wasm-kernel.js";
import { planLayout, type MemoryLayout } from "../src/layout.js";
import { resolveSettings } from "../src/options.js";
import { SentenceTrainer } from "../src/sentence-trainer.js";
import { TABLE_SIZE, lossTable, sigmoidTable } from "../src/sigmoid-table.js";

// A model of more than 2 GiB (e.g. a million words × 300 dimensions with
// negative sampling) puts the workers' scratch above byte 2³¹, where a signed
// shift turns an address into a negative index. Here the scratch of a tiny
// model is moved up by 2 GiB (the memory's untouched pages cost no RAM) and
// must train exactly as it does in place.

const WORDS = 5;
const DIM = 6;
const TWO_GIB = 2 ** 31;

/** The same layout with worker 0's scratch (its configuration, h, gradient, records, weights) `shift` bytes higher. */
function shiftScratch(layout: MemoryLayout, shift: number): MemoryLayout {
  const s = layout.scratch[0];
  const scratch = {
    ...s,
    config: s.config + shift,
    neu1: s.neu1 + shift,
    neu1e: s.neu1e + shift,
    batch: s.batch + shift,
    weights: s.weights + shift,
  };
  const bytes = layout.bytes + shift;
  return { ...layout, bytes, pages: Math.ceil(bytes / 65536), scratch: [scratch] };
}

/** Trains one sentence with the scratch moved up by `shift`; returns syn0 and syn1neg. */
async function trainSentence(kind: "wasm" | "js", shift: number): Promise<number[][]> {
  const settings = resolveSettings({
    architecture: "skipgram",
    vectorSize: DIM,
    negative: 2,
    window: 2,
    sample: 0,
    workers: 1,
    kernel: kind,
  });
  const layout = shiftScratch(planLayout(settings, WORDS, 0, TABLE_SIZE), shift);
  const memory = new WebAssembly.Memory({ initial: layout.pages, maximum: layout.pages, shared: true });
  const f32 = new Float32Array(memory.buffer);
  f32.set(sigmoidTable(), layout.sigmoid >>> 2);
  new Float64Array(memory.buffer).set(lossTable(), layout.loss >>> 3);
  for (let i = 0; i < WORDS * DIM; i++) f32[(layout.syn0 >>> 2) + i] = (i % 7) / 10 - 0.3;
  const words = ["a", "b", "c", "d", "e"];
  const sampler = await createSampler(
    { type: "uniform" },
    { vocabulary: { words, counts: Float64Array.from([5, 4, 3, 2, 1]) } },
  );
  const config = layout.scratch[0].config;
  writeKernelConfig(memory, config, kernelConfig(layout, 0, { flags: kernelFlags(settings, sampler), hotRows: 0 }));
  const kernel =
    kind === "js"
      ? createJsKernel({ memory, config })
      : await createWasmKernel(await compileWasmKernel(), { memory, config });
  const trainer = new SentenceTrainer({
    settings,
    layout,
    worker: 0,
    memory,
    kernel,
    sampler,
    keep: new Float64Array(WORDS).fill(1),
    rng: createStream(1, "large-memory"),
    maxSentence: 8,
    label: 'sampler "uniform"',
    heartbeat: new Int32Array(1),
  });
  const loss = trainer.train(Int32Array.from([0, 1, 2, 3, 4, 0, 2, 4]), 0, 8, 0.1);
  expect(loss).toBeGreaterThan(0);
  const matrix = (at: number): number[] => Array.from(f32.subarray(at >>> 2, (at >>> 2) + WORDS * DIM));
  return [matrix(layout.syn0), matrix(layout.syn1neg)];
}

describe.each(["wasm", "js"] as const)("%s kernel with its scratch above 2 GiB", (kind) => {
  test("trains a sentence exactly as with the scratch in place", async () => {
    const [syn0, syn1neg] = await trainSentence(kind, TWO_GIB);
    const [inPlace0, inPlace1] = await trainSentence(kind, 0);
    // the output vectors start at zero: they moved, and identically
    expect(inPlace1.some((v) => v !== 0)).toBe(true);
    expect(syn0).toEqual(inPlace0);
    expect(syn1neg).toEqual(inPlace1);
  });
});
