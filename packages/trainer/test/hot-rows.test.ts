import { describe, expect, test } from "vitest";
import { createJsKernel } from "../src/kernel/js-kernel.js";
import { FLAG_HS, FLAG_NS } from "../src/kernel/config.js";
import { kernelConfig, writeKernelConfig } from "../src/kernel/configure.js";
import type { Kernel, KernelSetup } from "../src/kernel/types.js";
import { compileWasmKernel, createWasmKernel } from "../src/kernel/wasm-kernel.js";
import { huffmanPaths } from "../src/huffman.js";
import { AUTO_REPLICA_BYTES, hotRowCount, planLayout, type MemoryLayout } from "../src/layout.js";
import { checkModelFits } from "../src/model-size.js";
import { MERGE_FIRST_TIER, MERGE_TIER_GROWTH, mergeRows } from "../src/merge-schedule.js";
import { resolveSettings } from "../src/options.js";
import { lossTable, sigmoidTable, TABLE_SIZE } from "../src/sigmoid-table.js";
import { topicRecovery, trainPlanted } from "./helpers.js";

// Hot-row replicas: a worker (any but worker 0) trains the most frequent words'
// rows in private copies and merges their change into the shared rows. These
// tests drive the kernels directly on a tiny model whose every number is known.

const DIM = 6; // not a multiple of 4: the SIMD loops' scalar tails run too
const WORDS = 5;
const HOT = 3;

interface Rig {
  kernel: Kernel;
  layout: MemoryLayout;
  f32: Float32Array;
  i32: Int32Array;
}

// With hierarchical softmax: the Huffman tree of these counts has inner nodes 0..3 (root 3); word 3's path is
// 3, 2, 1, 0, so with HOT = 3 it visits the three hot nodes nearest the root (1..3) and the cold node 0.
const COUNTS = [50, 30, 10, 5, 5];

/** Worker 1's kernel on a tiny model, with negative sampling (k = 1) or hierarchical softmax only. */
async function rig(kind: "wasm" | "js", objective: "ns" | "hs" = "ns"): Promise<Rig> {
  const hs = objective === "hs";
  const settings = resolveSettings({
    architecture: "skipgram",
    vectorSize: DIM,
    negative: hs ? 0 : 1,
    hs,
    workers: 2,
    hotRows: HOT,
  });
  const paths = huffmanPaths(COUNTS);
  const layout = planLayout(settings, WORDS, hs ? paths.points.length : 0, TABLE_SIZE);
  const memory = new WebAssembly.Memory({ initial: layout.pages, maximum: layout.pages, shared: true });
  const f32 = new Float32Array(memory.buffer);
  const i32 = new Int32Array(memory.buffer);
  f32.set(sigmoidTable(), layout.sigmoid >> 2);
  new Float64Array(memory.buffer).set(lossTable(), layout.loss >> 3);
  const output = hs ? layout.syn1 : layout.syn1neg;
  for (let i = 0; i < WORDS * DIM; i++) {
    f32[(layout.syn0 >> 2) + i] = (i % 7) / 10 - 0.3;
    f32[(output >> 2) + i] = (i % 5) / 20 - 0.1;
  }
  if (hs) {
    i32.set(paths.codeStart, layout.codeStart >> 2);
    i32.set(paths.codeLength, layout.codeLength >> 2);
    i32.set(paths.points, layout.points >> 2);
    i32.set(paths.codes, layout.codes >> 2);
  }
  const setup: KernelSetup = { memory, config: layout.scratch[1].config };
  writeKernelConfig(memory, setup.config, kernelConfig(layout, 1, { flags: hs ? FLAG_HS : FLAG_NS, hotRows: HOT }));
  const kernel = kind === "js" ? createJsKernel(setup) : await createWasmKernel(await compileWasmKernel(), setup);
  return { kernel, layout, f32, i32 };
}

const rows = (f32: Float32Array, at: number, count: number): number[] =>
  Array.from(f32.subarray(at >> 2, (at >> 2) + count * DIM));

/** Trains one skip-gram record: input word 0 predicts word 1 against negative 4 (cold). */
function trainRecord({ kernel, layout, i32 }: Rig): void {
  const at = layout.scratch[1].batch >> 2;
  i32.set([0, 1, 1, 4], at);
  kernel.skipGram(1, 0.5);
}

describe.each(["wasm", "js"] as const)("%s kernel with hot-row replicas", (kind) => {
  test("training writes hot rows to the replica only, cold rows in place, and merge adds the replica's change to the shared row", async () => {
    const r = await rig(kind);
    const { layout, f32 } = r;
    const s = layout.scratch[1];
    const shared0 = rows(f32, layout.syn0, WORDS);
    const shared1 = rows(f32, layout.syn1neg, WORDS);
    r.kernel.pull();
    expect(rows(f32, s.hot0, HOT)).toEqual(shared0.slice(0, HOT * DIM));
    expect(rows(f32, s.snap1, HOT)).toEqual(shared1.slice(0, HOT * DIM));

    trainRecord(r);
    // hot rows 0 (input) and 1 (positive) changed in the replicas, not in the shared vectors
    expect(rows(f32, layout.syn0, HOT)).toEqual(shared0.slice(0, HOT * DIM));
    expect(rows(f32, layout.syn1neg, HOT)).toEqual(shared1.slice(0, HOT * DIM));
    const replica0 = rows(f32, s.hot0, 1);
    const replica1 = rows(f32, s.hot1 + DIM * 4, 1);
    expect(replica0).not.toEqual(shared0.slice(0, DIM));
    expect(replica1).not.toEqual(shared1.slice(DIM, 2 * DIM));
    // the cold negative (word 4) was trained in place
    expect(rows(f32, layout.syn1neg + 4 * DIM * 4, 1)).not.toEqual(shared1.slice(4 * DIM));
    // dirty marks: input word 0 in syn0, positive word 1 in syn1neg, nothing else
    const u8 = new Uint8Array(f32.buffer);
    expect(Array.from(u8.subarray(s.dirty0, s.dirty0 + HOT))).toEqual([1, 0, 0]);
    expect(Array.from(u8.subarray(s.dirty1, s.dirty1 + HOT))).toEqual([0, 1, 0]);

    // meanwhile another worker moves shared row 0 of syn0 by +1 in every element
    for (let i = 0; i < DIM; i++) f32[(layout.syn0 >> 2) + i] += 1;
    r.kernel.merge(HOT);
    // shared = (other worker's value) + (replica − snapshot), in float32
    const expected = replica0.map((v, i) => Math.fround(Math.fround(shared0[i] + 1) + Math.fround(v - shared0[i])));
    expect(rows(f32, layout.syn0, 1)).toEqual(expected);
    expect(rows(f32, s.hot0, 1)).toEqual(expected);
    expect(rows(f32, s.snap0, 1)).toEqual(expected);
    expect(rows(f32, layout.syn1neg + DIM * 4, 1)).toEqual(
      replica1.map((v, i) => Math.fround(shared1[DIM + i] + Math.fround(v - shared1[DIM + i]))),
    );
    // untouched hot row 2 was not dirty: shared, replica and snapshot keep their values
    expect(rows(f32, layout.syn0 + 2 * DIM * 4, 1)).toEqual(shared0.slice(2 * DIM, 3 * DIM));
    // a second merge without training changes nothing (the dirty marks were cleared)
    const before = rows(f32, layout.syn0, WORDS);
    for (let i = 0; i < DIM; i++) f32[(s.hot0 >> 2) + i] += 5; // not marked dirty by the kernel
    r.kernel.merge(HOT);
    expect(rows(f32, layout.syn0, WORDS)).toEqual(before);
  });

  test("hierarchical softmax: the hot nodes nearest the root train in replicas, merged nearest-first", async () => {
    const r = await rig(kind, "hs");
    const { layout, f32, i32, kernel } = r;
    const s = layout.scratch[1];
    const shared = rows(f32, layout.syn1, WORDS - 1);
    const node = (n: number) => shared.slice(n * DIM, (n + 1) * DIM);
    kernel.pull();
    expect(rows(f32, s.hot2, HOT)).toEqual(shared.slice(DIM)); // nodes 1..3
    // input word 0 predicts word 3, whose path visits nodes 3, 2, 1 (hot) and 0 (cold)
    i32.set([0, 3, 0], s.batch >> 2);
    kernel.skipGram(1, 0.5);
    expect(rows(f32, layout.syn1 + DIM * 4, HOT)).toEqual(shared.slice(DIM)); // shared hot nodes untouched
    expect(rows(f32, layout.syn1, 1)).not.toEqual(node(0)); // the cold node trained in place
    const replica = rows(f32, s.hot2, HOT);
    for (let n = 1; n <= 3; n++) expect(replica.slice((n - 1) * DIM, n * DIM)).not.toEqual(node(n));
    const marks = () => Array.from(new Uint8Array(f32.buffer, s.dirty2 + 1, HOT));
    expect(marks()).toEqual([1, 1, 1]);
    // merge(1) merges the root only; the others keep their change and their marks
    kernel.merge(1);
    expect(rows(f32, layout.syn1 + 3 * DIM * 4, 1)).toEqual(replica.slice(2 * DIM));
    expect(rows(f32, layout.syn1 + DIM * 4, 2)).toEqual(shared.slice(DIM, 3 * DIM));
    expect(marks()).toEqual([1, 1, 0]);
    kernel.merge(HOT);
    expect(rows(f32, layout.syn1 + DIM * 4, HOT)).toEqual(replica);
    expect(rows(f32, s.snap2, HOT)).toEqual(replica);
    expect(marks()).toEqual([0, 0, 0]);
  });

  test("both kernels merge bit-identically", async () => {
    const [a, b] = [await rig("wasm"), await rig("js")];
    for (const r of [a, b]) {
      r.kernel.pull();
      trainRecord(r);
      trainRecord(r);
      r.kernel.merge(HOT);
    }
    expect(rows(a.f32, a.layout.syn0, WORDS)).toEqual(rows(b.f32, b.layout.syn0, WORDS));
    expect(rows(a.f32, a.layout.syn1neg, WORDS)).toEqual(rows(b.f32, b.layout.syn1neg, WORDS));
  });

  test("both kernels merge the hot nodes bit-identically", async () => {
    const [a, b] = [await rig("wasm", "hs"), await rig("js", "hs")];
    for (const r of [a, b]) {
      r.kernel.pull();
      for (const word of [3, 1, 3]) {
        r.i32.set([word === 1 ? 2 : 0, word, 0], r.layout.scratch[1].batch >> 2);
        r.kernel.skipGram(1, 0.5);
      }
      r.kernel.merge(HOT);
    }
    expect(rows(a.f32, a.layout.syn0, WORDS)).toEqual(rows(b.f32, b.layout.syn0, WORDS));
    expect(rows(a.f32, a.layout.syn1, WORDS - 1)).toEqual(rows(b.f32, b.layout.syn1, WORDS - 1));
  });
});

describe("hot-row count", () => {
  test('"auto" replicates every word in workers 1.. within the replica budget; one worker replicates nothing', () => {
    expect(hotRowCount(resolveSettings({ workers: 2, hotRows: "auto" }), 50_000)).toBe(50_000);
    expect(hotRowCount(resolveSettings({ workers: 1, hotRows: "auto" }), 50_000)).toBe(0);
    // the default is pure Hogwild, as gensim and word2vec.c
    expect(hotRowCount(resolveSettings({ workers: 2 }), 50_000)).toBe(0);
    // 1 GiB ÷ (2 replicating workers × replica and snapshot × syn0 and syn1neg × 300 floats × 4 bytes)
    expect(AUTO_REPLICA_BYTES).toBe(2 ** 30);
    expect(hotRowCount(resolveSettings({ workers: 3, vectorSize: 300, hotRows: "auto" }), 3_000_000)).toBe(
      Math.floor(2 ** 30 / (2 * 2 * 2 * 300 * 4)),
    );
    // hierarchical softmax without negative sampling: syn0 and the Huffman nodes' syn1; with both, all three
    expect(
      hotRowCount(resolveSettings({ workers: 2, vectorSize: 300, negative: 0, hs: true, hotRows: "auto" }), 3_000_000),
    ).toBe(Math.floor(2 ** 30 / (2 * 2 * 300 * 4)));
    expect(hotRowCount(resolveSettings({ workers: 2, vectorSize: 300, hs: true, hotRows: "auto" }), 3_000_000)).toBe(
      Math.floor(2 ** 30 / (3 * 2 * 300 * 4)),
    );
    expect(hotRowCount(resolveSettings({ workers: 1, hotRows: 2048 }), 50_000)).toBe(0);
    expect(hotRowCount(resolveSettings({ workers: 2, hotRows: 2048 }), 50_000)).toBe(2048);
    expect(hotRowCount(resolveSettings({ workers: 2, hotRows: 0 }), 10_000)).toBe(0);
    expect(hotRowCount(resolveSettings({ workers: 2, hotRows: 20_000 }), 10_000)).toBe(10_000);
  });

  test('"auto" replicates only as many rows as fit beside the model under WebAssembly\'s 4 GiB', () => {
    // 1.6M words × 300 floats: syn0 + syn1neg take 3.84 GB of the 4.29 GB, leaving room for ~94,000 replicated rows
    const settings = resolveSettings({ workers: 2, vectorSize: 300, hotRows: "auto" });
    const layout = planLayout(settings, 1_600_000, 0, TABLE_SIZE);
    expect(layout.bytes).toBeLessThanOrEqual(2 ** 32);
    expect(layout.hotRows).toBeGreaterThan(90_000);
    expect(layout.hotRows).toBeLessThan(hotRowCount(settings, 1_600_000));
    // the same count given explicitly fits; a few hundred rows more do not, and the error says what to lower
    expect(
      planLayout(resolveSettings({ workers: 2, vectorSize: 300, hotRows: layout.hotRows }), 1_600_000, 0, TABLE_SIZE)
        .pages,
    ).toBe(layout.pages);
    const over = (hotRows: number | "auto", size: number) => () =>
      checkModelFits(resolveSettings({ workers: 2, vectorSize: 300, hotRows }), { source: "maxFinalVocab", size });
    expect(over(layout.hotRows + 500, 1_600_000)).toThrow(
      /over WebAssembly's 4 GiB limit: .* It fits with .*hotRows: 0/,
    );
    // a model that does not fit alone gets no replicas, and "auto" cannot help
    expect(
      planLayout(resolveSettings({ workers: 2, vectorSize: 300, hotRows: "auto" }), 2_000_000, 0, TABLE_SIZE).hotRows,
    ).toBe(0);
    expect(over("auto", 2_000_000)).toThrow(/over WebAssembly's 4 GiB limit/);
  });

  test("worker 0 trains in place: only workers 1.. get replicas in the layout", () => {
    const layout = planLayout(resolveSettings({ workers: 3, vectorSize: 8, hotRows: 10 }), 100, 0, TABLE_SIZE);
    expect(layout.scratch[0].snap1 - layout.scratch[0].hot0).toBe(0);
    expect(layout.scratch[0].replicatedRows).toBe(0);
    for (const w of [1, 2]) {
      expect(layout.scratch[w].snap1 - layout.scratch[w].hot0).toBe(3 * 10 * 8 * 4);
      expect(layout.scratch[w].replicatedRows).toBe(10);
    }
  });
});

describe("merge tiers", () => {
  test("the first tier's rows at every merge, 8× more at every 8th, 64× more at every 64th, never more than all", () => {
    expect([MERGE_FIRST_TIER.cbow, MERGE_FIRST_TIER.skipgram, MERGE_TIER_GROWTH]).toEqual([256, 4096, 8]);
    const all = 100_000;
    expect([1, 2, 7, 8, 9, 16, 63, 64, 128, 511, 512, 1024].map((m) => mergeRows(m, all, 256))).toEqual([
      256,
      256,
      256,
      2048,
      256,
      2048,
      256,
      16_384,
      16_384,
      256,
      all,
      all,
    ]);
    expect([1, 8, 16, 64].map((m) => mergeRows(m, all, 4096))).toEqual([4096, 32_768, 32_768, all]);
    expect(mergeRows(8, 1_000, 256)).toBe(1_000);
    expect(mergeRows(1, 100, 256)).toBe(100);
  });

  test.each(["wasm", "js"] as const)(
    "%s kernel: merge(rows) merges the dirty rows of words 0..rows−1 only and keeps the others dirty",
    async (kind) => {
      const r = await rig(kind);
      const { f32, layout } = r;
      const s = layout.scratch[1];
      const shared = rows(f32, layout.syn1neg, HOT);
      r.kernel.pull();
      trainRecord(r); // positive word 1 changes in syn1neg's replica (negative word 4 is cold: trained in place)
      r.kernel.merge(1);
      expect(rows(f32, layout.syn1neg, HOT)).toEqual(shared);
      expect(new Uint8Array(f32.buffer)[s.dirty1 + 1]).toBe(1);
      r.kernel.merge(2);
      expect(rows(f32, layout.syn1neg + DIM * 4, 1)).toEqual(rows(f32, s.hot1 + DIM * 4, 1));
      expect(rows(f32, layout.syn1neg + DIM * 4, 1)).not.toEqual(shared.slice(DIM, 2 * DIM));
    },
  );
});

describe.each(["wasm", "js"] as const)("%s kernel: two workers", (kernel) => {
  test.each([0, 256, "auto"] as const)("hotRows %s: skip-gram recovers the planted topics", async (hotRows) => {
    const model = await trainPlanted({ kernel, architecture: "skipgram", workers: 2, hotRows, syncWords: 500 });
    // train() passes both settings through (it once dropped them, silently training with the defaults)
    expect(model.settings).toMatchObject({ hotRows, syncWords: 500 });
    const recovery = topicRecovery(model);
    expect(recovery.nearestSameTopic).toBe(1);
    expect(recovery.within - recovery.across).toBeGreaterThan(0.3);
  });

  test("hierarchical softmax alone (replicated nodes by default): skip-gram recovers the planted topics", async () => {
    const model = await trainPlanted({ kernel, architecture: "skipgram", workers: 2, hs: true, negative: 0 });
    expect(model.settings).toMatchObject({ hotRows: 256, syncWords: 64 });
    const recovery = topicRecovery(model);
    expect(recovery.nearestSameTopic).toBe(1);
    expect(recovery.within - recovery.across).toBeGreaterThan(0.3);
  });
});
