import { MAX_EXP, TABLE_SCALE } from "../sigmoid-table.js";
import { FLAG_CBOW_MEAN, FLAG_CLIP, FLAG_HS, FLAG_NS, FLAG_WEIGHTED } from "./config.js";
import { readKernelConfig } from "./configure.js";
import type { Kernel, KernelSetup } from "./types.js";

const fround = Math.fround;

/**
 * The reference kernel in plain TypeScript: the updates of assembly/kernel.ts
 * (word2vec.c `TrainModelThread`, gensim `fast_sentence_*`) with every float32
 * operation rounded by `Math.fround` in the same order as the SIMD code — dot
 * products in two interleaved lane sums — so its vectors are bit-identical. It
 * trains one target at a time; the SIMD kernel runs blocks of four distinct
 * targets side by side, which gives the same values (see `targets4` there).
 */
export function createJsKernel({ memory, config: at }: KernelSetup): Kernel {
  const config = readKernelConfig(memory, at);
  const buffer = memory.buffer;
  const f32 = new Float32Array(buffer);
  const i32 = new Int32Array(buffer);
  const f64 = new Float64Array(buffer);
  const u8 = new Uint8Array(buffer);
  const { dim, flags, hotRows, dirty0, dirty1, hotNodes, firstHotNode, dirty2 } = config;
  const dim4 = dim & ~3;
  // Element offsets (byte offset / element size).
  const sigmoid = config.sigmoid >>> 2;
  const lossTable = config.loss >>> 3;
  const syn0 = config.syn0 >>> 2;
  const syn1neg = config.syn1neg >>> 2;
  const syn1 = config.syn1 >>> 2;
  const codeStart = config.codeStart >>> 2;
  const codeLength = config.codeLength >>> 2;
  const points = config.points >>> 2;
  const codes = config.codes >>> 2;
  const neu1 = config.neu1 >>> 2;
  const neu1e = config.neu1e >>> 2;
  const gradients = config.gradients >>> 2;
  const batch = config.batch >>> 2;
  const weights = config.weights >>> 2;
  const hot0 = config.hot0 >>> 2;
  const hot1 = config.hot1 >>> 2;
  const snap0 = config.snap0 >>> 2;
  const snap1 = config.snap1 >>> 2;
  const hot2 = config.hot2 >>> 2;
  const snap2 = config.snap2 >>> 2;
  const hs = (flags & FLAG_HS) !== 0;
  const ns = (flags & FLAG_NS) !== 0;
  const clip = (flags & FLAG_CLIP) !== 0;
  const cbowMean = (flags & FLAG_CBOW_MEAN) !== 0;
  const weighted = (flags & FLAG_WEIGHTED) !== 0;

  // A hot word's rows live in this worker's replicas; touching one marks it dirty.
  function inputRow(word: number): number {
    if (word >= hotRows) return syn0 + word * dim;
    u8[dirty0 + word] = 1;
    return hot0 + word * dim;
  }
  function outputRow(word: number): number {
    if (word >= hotRows) return syn1neg + word * dim;
    u8[dirty1 + word] = 1;
    return hot1 + word * dim;
  }
  // A hot inner node's syn1 row lives in the replica too (the nodes nearest the root: ids from firstHotNode up).
  function nodeRow(node: number): number {
    if (hotNodes === 0) return syn1 + node * dim;
    u8[dirty2 + node] = 1;
    return node < firstHotNode ? syn1 + node * dim : hot2 + (node - firstHotNode) * dim;
  }

  // shared += replica − snapshot; replica = snapshot = shared, for each of the `rows` rows from these offsets whose
  // dirty mark is set (words 0..rows−1 of a word matrix, or a run of hot nodes)
  function mergeMatrix(shared: number, replica: number, snapshot: number, dirty: number, rows: number): void {
    for (let word = 0; word < rows; word++) {
      if (u8[dirty + word] === 0) continue;
      u8[dirty + word] = 0;
      const offset = word * dim;
      for (let i = offset; i < offset + dim; i++) {
        const v = fround(f32[shared + i] + fround(f32[replica + i] - f32[snapshot + i]));
        f32[shared + i] = v;
        f32[replica + i] = v;
        f32[snapshot + i] = v;
      }
    }
  }

  function pullMatrix(shared: number, replica: number, snapshot: number, dirty: number, rows: number): void {
    const end = shared + rows * dim;
    f32.copyWithin(replica, shared, end);
    f32.copyWithin(snapshot, shared, end);
    u8.fill(0, dirty, dirty + rows);
  }

  // 8 float32 partial sums: element i of the SIMD part goes to lane i mod 4 of accumulator ⌊i / 4⌋ mod 2.
  const partial = new Float32Array(8);
  function dot(a: number, b: number): number {
    partial.fill(0);
    for (let i = 0; i < dim4; i++) partial[i & 7] += fround(f32[a + i] * f32[b + i]);
    // acc0 + acc1, lane by lane, then lanes 0..3 in order
    let sum = 0;
    for (let lane = 0; lane < 4; lane++) {
      const v = fround(partial[lane] + partial[4 + lane]);
      sum = lane === 0 ? v : fround(sum + v);
    }
    for (let i = dim4; i < dim; i++) sum = fround(sum + fround(f32[a + i] * f32[b + i]));
    return sum;
  }

  // Index of target t of a window record whose positive is at `positive`: the positive for t = 0, negative t − 1
  // after the count for t ≥ 1.
  function targetEntry(positive: number, t: number): number {
    return t === 0 ? positive : positive + 1 + t;
  }

  // The window kernel's dot product: one 4-lane accumulator over the SIMD part, lanes added 0..3, then the tail.
  const lanes = new Float32Array(4);
  function windowDot(a: number, b: number): number {
    lanes.fill(0);
    for (let i = 0; i < dim4; i++) lanes[i & 3] += fround(f32[a + i] * f32[b + i]);
    let sum = fround(fround(fround(lanes[0] + lanes[1]) + lanes[2]) + lanes[3]);
    for (let i = dim4; i < dim; i++) sum = fround(sum + fround(f32[a + i] * f32[b + i]));
    return sum;
  }

  // e += g · row; row += g · l1  (each Float32Array store rounds its sum)
  function update(g: number, l1: number, row: number, e: number): void {
    for (let i = 0; i < dim; i++) {
      const r = f32[row + i];
      f32[e + i] += fround(g * r);
      f32[row + i] = r + fround(g * f32[l1 + i]);
    }
  }

  // y += g · x
  function axpy(g: number, x: number, y: number): void {
    for (let i = 0; i < dim; i++) f32[y + i] += fround(g * f32[x + i]);
  }

  function add(x: number, y: number): void {
    for (let i = 0; i < dim; i++) f32[y + i] += f32[x + i];
  }

  function lossOf(z: number): number {
    if (Number.isNaN(z)) return NaN;
    if (z >= MAX_EXP) return 0;
    if (z <= -MAX_EXP) return -z;
    return f64[lossTable + (fround(fround(z + MAX_EXP) * TABLE_SCALE) | 0)];
  }

  // gensim skips a score outside the sigmoid table (so does hierarchical softmax); word2vec.c clips
  function skips(f: number, clipping: boolean): boolean {
    return !clipping && !(f > -MAX_EXP && f < MAX_EXP);
  }

  // (label − σ(f)) · α · weight for a target that is not skipped
  function gradient(f: number, label: number, weight: number, alpha: number): number {
    const s =
      f >= -MAX_EXP && f <= MAX_EXP ? f32[sigmoid + (fround(fround(f + MAX_EXP) * TABLE_SCALE) | 0)] : f > 0 ? 1 : 0;
    return fround(fround(fround(label - s) * alpha) * weight);
  }

  function target(l1: number, row: number, label: number, weight: number, alpha: number, clipping: boolean): number {
    const f = dot(l1, row);
    const loss = lossOf(label > 0 ? f : -f) * weight;
    if (skips(f, clipping)) return loss;
    update(gradient(f, label, weight, alpha), l1, row, neu1e);
    return loss;
  }

  function softmaxPath(l1: number, word: number, alpha: number): number {
    let loss = 0;
    const start = i32[codeStart + word];
    const end = start + i32[codeLength + word];
    for (let d = start; d < end; d++) {
      loss += target(l1, nodeRow(i32[points + d]), i32[codes + d] === 0 ? 1 : 0, 1, alpha, false);
    }
    return loss;
  }

  function negativeSampling(l1: number, positive: number, count: number, at: number, alpha: number): number {
    let loss = target(l1, outputRow(positive), 1, 1, alpha, clip);
    for (let j = 0; j < count; j++) {
      const weight = weighted ? f32[weights + at + j] : 1;
      loss += target(l1, outputRow(i32[batch + at + j]), 0, weight, alpha, clip);
    }
    return loss;
  }

  return {
    pull() {
      if (hotRows === 0) return;
      pullMatrix(syn0, hot0, snap0, dirty0, hotRows);
      if (ns) pullMatrix(syn1neg, hot1, snap1, dirty1, hotRows);
      if (hotNodes > 0) pullMatrix(syn1 + firstHotNode * dim, hot2, snap2, dirty2 + firstHotNode, hotNodes);
    },

    merge(rows) {
      const upTo = Math.min(rows, hotRows);
      if (upTo <= 0) return;
      mergeMatrix(syn0, hot0, snap0, dirty0, upTo);
      if (ns) mergeMatrix(syn1neg, hot1, snap1, dirty1, upTo);
      const nodes = Math.min(rows, hotNodes);
      if (nodes <= 0) return;
      // the `nodes` hot nodes nearest the root are the last of them (node ids grow toward the root)
      const skipped = hotNodes - nodes;
      const from = firstHotNode + skipped;
      mergeMatrix(syn1 + from * dim, hot2 + skipped * dim, snap2 + skipped * dim, dirty2 + from, nodes);
    },

    skipGram(records, alphaValue) {
      const alpha = fround(alphaValue);
      let loss = 0;
      let at = 0;
      for (let r = 0; r < records; r++) {
        const l1 = inputRow(i32[batch + at]);
        const positive = i32[batch + at + 1];
        const count = i32[batch + at + 2];
        f32.fill(0, neu1e, neu1e + dim);
        if (hs) loss += softmaxPath(l1, positive, alpha);
        if (ns) loss += negativeSampling(l1, positive, count, at + 3, alpha);
        add(neu1e, l1);
        at += 3 + count;
      }
      return loss;
    },

    cbow(records, alphaValue) {
      const alpha = fround(alphaValue);
      let loss = 0;
      let at = 0;
      for (let r = 0; r < records; r++) {
        const contexts = i32[batch + at];
        const first = at + 1;
        const positive = i32[first + contexts + batch];
        const count = i32[first + contexts + 1 + batch];
        f32.fill(0, neu1, neu1 + dim);
        for (let c = 0; c < contexts; c++) add(inputRow(i32[batch + first + c]), neu1);
        if (cbowMean) for (let i = 0; i < dim; i++) f32[neu1 + i] = f32[neu1 + i] / contexts;
        f32.fill(0, neu1e, neu1e + dim);
        if (hs) loss += softmaxPath(neu1, positive, alpha);
        if (ns) loss += negativeSampling(neu1, positive, count, first + contexts + 2, alpha);
        if (!cbowMean) {
          const inverse = fround(1 / contexts);
          for (let i = 0; i < dim; i++) f32[neu1e + i] = fround(f32[neu1e + i] * inverse);
        }
        for (let c = 0; c < contexts; c++) add(neu1e, inputRow(i32[batch + first + c]));
        at += contexts + 3 + count;
      }
      return loss;
    },

    skipGramWindow(records, alphaValue) {
      const alpha = fround(alphaValue);
      let loss = 0;
      let at = 0;
      for (let r = 0; r < records; r++) {
        const contexts = i32[batch + at];
        const first = batch + at + 1; // context c at first + c
        const positive = first + contexts; // target t at positive + 1 + t for t ≥ 1 (the count sits between)
        const targets = i32[positive + 1] + 1;
        // 1. every (context, target) gradient from the rows as they were before this window
        for (let c = 0; c < contexts; c++) {
          const l1 = inputRow(i32[first + c]);
          for (let t = 0; t < targets; t++) {
            const entry = targetEntry(positive, t);
            const weight = t > 0 && weighted ? f32[entry - batch + weights] : 1;
            const f = windowDot(l1, outputRow(i32[entry]));
            loss += lossOf(t === 0 ? f : -f) * weight;
            f32[gradients + c * targets + t] = skips(f, clip) ? 0 : gradient(f, t === 0 ? 1 : 0, weight, alpha);
          }
        }
        // 2. e_c = Σ_t g[c][t] · out_t
        for (let c = 0; c < contexts; c++) {
          const e = neu1e + c * dim;
          f32.fill(0, e, e + dim);
          for (let t = 0; t < targets; t++)
            axpy(f32[gradients + c * targets + t], outputRow(i32[targetEntry(positive, t)]), e);
        }
        // 3. out_t += Σ_c g[c][t] · in_c
        for (let t = 0; t < targets; t++) {
          const row = outputRow(i32[targetEntry(positive, t)]);
          for (let c = 0; c < contexts; c++) axpy(f32[gradients + c * targets + t], inputRow(i32[first + c]), row);
        }
        // 4. in_c += e_c
        for (let c = 0; c < contexts; c++) add(neu1e + c * dim, inputRow(i32[first + c]));
        at += contexts + targets + 2;
      }
      return loss;
    },
  };
}
