// The word2vec inner loop in AssemblyScript with 128-bit SIMD, compiled to
// dist/kernel.wasm by `pnpm build`. It trains in place in the shared memory
// laid out by src/layout.ts, one batch of records per call (record formats in
// src/kernel/types.ts). src/kernel/js-kernel.ts is the plain TypeScript twin:
// it performs the same float32 operations in the same order, so both kernels
// give bit-identical vectors; both read their configuration from the block that
// src/kernel/config.ts describes. The row arithmetic (dot products, updates,
// sums, in register blocks) is in rows.ts. Update rules: word2vec.c
// `TrainModelThread`, gensim `fast_sentence_sg_neg` / `fast_sentence_cbow_neg` /
// `*_hs`.
// With several workers, the rows of the `hot` most frequent words (and the
// Huffman nodes nearest the root) are read and written in this worker's
// replicas (`inputRow` / `outputRow` / `nodeRow`), and `merge`
// adds their change into the shared rows (src/worker.ts decides when).

import { ConfigField, FLAG_CBOW_MEAN, FLAG_CLIP, FLAG_HS, FLAG_NS, FLAG_WEIGHTED } from "../src/kernel/config";
import {
  add, add4, addTo4, axpy, axpy4, dot, dots4, rowBytes, scale, score0, score1, score2, score3, setRowSize, simdBytes,
  update, update4, windowDot, windowDots2x4, zero,
} from "./rows";

const MAX_EXP: f32 = 6.0;
// word2vec.c and gensim index the sigmoid table with the C integer 1000 / 6 / 2.
const TABLE_SCALE: f32 = 83.0;

// Configuration of this instance (one per worker), copied from its block by
// configure(); all addresses are byte offsets. Globals, not loads from the
// block, so the hot loop reads them from the instance.
let sigmoid: usize = 0;
let lossTable: usize = 0;
let syn0: usize = 0;
let syn1neg: usize = 0;
let syn1: usize = 0;
let codeStart: usize = 0;
let codeLength: usize = 0;
let points: usize = 0;
let codes: usize = 0;
let neu1: usize = 0;
let neu1e: usize = 0;
let gradients: usize = 0;
let batch: usize = 0;
let weights: usize = 0;
let flags: i32 = 0;
// This worker's replicas of the `hot` most frequent words' rows (src/layout.ts):
// training reads and writes them instead of the shared rows, marking each row it
// touches dirty; merge() adds the replica's change into the shared row.
let hot: i32 = 0;
let hot0: usize = 0;
let hot1: usize = 0;
let snap0: usize = 0;
let snap1: usize = 0;
let dirty0: usize = 0;
let dirty1: usize = 0;
// With hierarchical softmax, likewise the syn1 rows of the `hotNodes` inner
// nodes nearest the root (ids firstHotNode..V−2): every path starts at the root.
let hotNodes: i32 = 0;
let firstHotNode: i32 = 0;
let hot2: usize = 0;
let snap2: usize = 0;
let dirty2: usize = 0;

/** Where this module's static data ends; the host keeps its arrays above it. */
export function heapBase(): usize {
  return __heap_base;
}

// Slot `slot` of the configuration block at `at` (uint32 slots).
// @ts-ignore: decorator
@inline function field(at: usize, slot: ConfigField): usize {
  return <usize>load<u32>(at + (<usize>slot << 2));
}

/** Reads this worker's configuration block at byte offset `at` (src/kernel/config.ts). */
export function configure(at: usize): void {
  sigmoid = field(at, ConfigField.sigmoid);
  lossTable = field(at, ConfigField.loss);
  syn0 = field(at, ConfigField.syn0);
  syn1neg = field(at, ConfigField.syn1neg);
  syn1 = field(at, ConfigField.syn1);
  codeStart = field(at, ConfigField.codeStart);
  codeLength = field(at, ConfigField.codeLength);
  points = field(at, ConfigField.points);
  codes = field(at, ConfigField.codes);
  neu1 = field(at, ConfigField.neu1);
  neu1e = field(at, ConfigField.neu1e);
  gradients = field(at, ConfigField.gradients);
  batch = field(at, ConfigField.batch);
  weights = field(at, ConfigField.weights);
  setRowSize(field(at, ConfigField.dim));
  flags = <i32>field(at, ConfigField.flags);
  hot = <i32>field(at, ConfigField.hotRows);
  hot0 = field(at, ConfigField.hot0);
  hot1 = field(at, ConfigField.hot1);
  snap0 = field(at, ConfigField.snap0);
  snap1 = field(at, ConfigField.snap1);
  dirty0 = field(at, ConfigField.dirty0);
  dirty1 = field(at, ConfigField.dirty1);
  hotNodes = <i32>field(at, ConfigField.hotNodes);
  firstHotNode = <i32>field(at, ConfigField.firstHotNode);
  hot2 = field(at, ConfigField.hot2);
  snap2 = field(at, ConfigField.snap2);
  dirty2 = field(at, ConfigField.dirty2);
}

// The input row (syn0) of `word`: this worker's replica when the word is hot.
// Hot and cold words alternate at random, so the choice is a select, not a
// branch; the dirty mark is stored for every word (the marks span the whole
// vocabulary, and merge reads only the hot ones).
// @ts-ignore: decorator
@inline function inputRow(word: i32): usize {
  if (hot == 0) return syn0 + <usize>word * rowBytes;
  store<u8>(dirty0 + <usize>word, 1);
  return select<usize>(hot0, syn0, word < hot) + <usize>word * rowBytes;
}

// The negative-sampling output row (syn1neg) of `word`, likewise.
// @ts-ignore: decorator
@inline function outputRow(word: i32): usize {
  if (hot == 0) return syn1neg + <usize>word * rowBytes;
  store<u8>(dirty1 + <usize>word, 1);
  return select<usize>(hot1, syn1neg, word < hot) + <usize>word * rowBytes;
}

// The hierarchical-softmax row (syn1) of inner node `node`: this worker's
// replica when the node is hot (the marks span every node, as for the words).
// @ts-ignore: decorator
@inline function nodeRow(node: i32): usize {
  const shared = syn1 + <usize>node * rowBytes;
  if (hotNodes == 0) return shared;
  store<u8>(dirty2 + <usize>node, 1);
  // a cold node's replica address wraps around and is never used
  return select<usize>(hot2 + <usize>(node - firstHotNode) * rowBytes, shared, node >= firstHotNode);
}

// shared += replica − snapshot, then replica = snapshot = shared, for each of the `rows` rows from these addresses
// whose dirty mark is set (words 0..rows−1 of a word matrix, or a run of hot nodes).
function mergeMatrix(shared: usize, replica: usize, snapshot: usize, dirty: usize, rows: i32): void {
  for (let word = 0; word < rows; word++) {
    if (load<u8>(dirty + <usize>word) == 0) continue;
    store<u8>(dirty + <usize>word, 0);
    const offset = <usize>word * rowBytes;
    const s = shared + offset;
    const r = replica + offset;
    const p = snapshot + offset;
    let i: usize = 0;
    for (; i < simdBytes; i += 16) {
      const v = f32x4.add(v128.load(s + i), f32x4.sub(v128.load(r + i), v128.load(p + i)));
      v128.store(s + i, v);
      v128.store(r + i, v);
      v128.store(p + i, v);
    }
    for (; i < rowBytes; i += 4) {
      const v = load<f32>(s + i) + (load<f32>(r + i) - load<f32>(p + i));
      store<f32>(s + i, v);
      store<f32>(r + i, v);
      store<f32>(p + i, v);
    }
  }
}

/**
 * Adds the change of every dirty replica row of words 0..rows−1 (at most the
 * hot ones), and of the `rows` hot inner nodes nearest the root, since it was
 * last merged or pulled into the shared vectors.
 */
export function merge(rows: i32): void {
  const upTo = min(rows, hot);
  if (upTo <= 0) return;
  mergeMatrix(syn0, hot0, snap0, dirty0, upTo);
  if (flags & FLAG_NS) mergeMatrix(syn1neg, hot1, snap1, dirty1, upTo);
  const nodes = min(rows, hotNodes);
  if (nodes <= 0) return;
  // inner node ids grow toward the root: the `nodes` nearest it are the last of the hot ones
  const skipped = <usize>(hotNodes - nodes);
  const from = <usize>firstHotNode + skipped;
  mergeMatrix(syn1 + from * rowBytes, hot2 + skipped * rowBytes, snap2 + skipped * rowBytes, dirty2 + from, nodes);
}

// replica = snapshot = the shared rows at `shared`, `rows` of them; their dirty marks cleared.
function pullMatrix(shared: usize, replica: usize, snapshot: usize, dirty: usize, rows: i32): void {
  const bytes = <usize>rows * rowBytes;
  memory.copy(replica, shared, bytes);
  memory.copy(snapshot, shared, bytes);
  memory.fill(dirty, 0, <usize>rows);
}

/** Copies the shared hot rows (and hot nodes) into this worker's replicas and snapshots. */
export function pull(): void {
  if (hot == 0) return;
  pullMatrix(syn0, hot0, snap0, dirty0, hot);
  if (flags & FLAG_NS) pullMatrix(syn1neg, hot1, snap1, dirty1, hot);
  if (hotNodes > 0) pullMatrix(syn1 + <usize>firstHotNode * rowBytes, hot2, snap2, dirty2 + <usize>firstHotNode, hotNodes);
}

// −log σ(z) from the table; asymptotes outside it.
// @ts-ignore: decorator
@inline function lossOf(z: f32): f64 {
  if (isNaN<f32>(z)) return NaN;
  if (z >= MAX_EXP) return 0;
  if (z <= -MAX_EXP) return -<f64>z;
  return load<f64>(lossTable + (<usize>(<i32>((z + MAX_EXP) * TABLE_SCALE)) << 3));
}

// Whether a score outside the sigmoid table is skipped: gensim skips |f| ≥ 6
// (and hierarchical softmax in both tools); word2vec.c's negative sampling
// looks up [−6, 6] and clips beyond.
// @ts-ignore: decorator
@inline function skips(f: f32, clip: bool): bool {
  return !clip && !(f > -MAX_EXP && f < MAX_EXP);
}

// The gradient (label − σ(f)) · α · weight of a logistic target that is not skipped.
// @ts-ignore: decorator
@inline function gradient(f: f32, label: f32, weight: f32, alpha: f32): f32 {
  let s: f32;
  if (f >= -MAX_EXP && f <= MAX_EXP) s = load<f32>(sigmoid + (<usize>(<i32>((f + MAX_EXP) * TABLE_SCALE)) << 2));
  else s = f > 0 ? 1 : 0;
  const g: f32 = (label - s) * alpha;
  return g * weight;
}

// One logistic target: label 1 (positive / HS code 0) or 0, gradient scaled by
// weight. Accumulates into neu1e and updates the output row; returns the loss.
// @ts-ignore: decorator
@inline function target(l1: usize, row: usize, label: f32, weight: f32, alpha: f32, clip: bool): f64 {
  const f = dot(l1, row);
  const loss = lossOf(label > 0 ? f : -f) * <f64>weight;
  if (skips(f, clip)) return loss;
  update(gradient(f, label, weight, alpha), l1, row, neu1e);
  return loss;
}

// Four logistic targets on four distinct rows r0..r3 (labels y, weights w), with
// the values of four target calls in order: no update in the block changes
// another's score (the rows differ, and l1 and neu1e are none of them), so all
// four scores come first, in one pass over l1 (dots4), then the updates, all
// four in one pass (update4) unless a score is skipped. Returns `loss` plus
// the four targets' losses, added one by one as four target calls would be.
function targets4(
  loss: f64, l1: usize, r0: usize, r1: usize, r2: usize, r3: usize,
  y0: f32, y1: f32, y2: f32, y3: f32, w0: f32, w1: f32, w2: f32, w3: f32, alpha: f32, clip: bool,
): f64 {
  dots4(l1, r0, r1, r2, r3);
  const f0 = score0;
  const f1 = score1;
  const f2 = score2;
  const f3 = score3;
  loss += lossOf(y0 > 0 ? f0 : -f0) * <f64>w0;
  loss += lossOf(y1 > 0 ? f1 : -f1) * <f64>w1;
  loss += lossOf(y2 > 0 ? f2 : -f2) * <f64>w2;
  loss += lossOf(y3 > 0 ? f3 : -f3) * <f64>w3;
  const k0 = !skips(f0, clip);
  const k1 = !skips(f1, clip);
  const k2 = !skips(f2, clip);
  const k3 = !skips(f3, clip);
  if (k0 && k1 && k2 && k3) {
    update4(gradient(f0, y0, w0, alpha), gradient(f1, y1, w1, alpha), gradient(f2, y2, w2, alpha), gradient(f3, y3, w3, alpha), l1, r0, r1, r2, r3, neu1e);
    return loss;
  }
  if (k0) update(gradient(f0, y0, w0, alpha), l1, r0, neu1e);
  if (k1) update(gradient(f1, y1, w1, alpha), l1, r1, neu1e);
  if (k2) update(gradient(f2, y2, w2, alpha), l1, r2, neu1e);
  if (k3) update(gradient(f3, y3, w3, alpha), l1, r3, neu1e);
  return loss;
}

// Hierarchical softmax along the Huffman path of `word`, four nodes at a time
// (a path's nodes are distinct); out-of-table scores skip.
// @ts-ignore: decorator
@inline function softmaxPath(l1: usize, word: i32, alpha: f32): f64 {
  let loss: f64 = 0;
  const path = points + (<usize>load<i32>(codeStart + (<usize>word << 2)) << 2);
  const bits = codes + (path - points);
  const length = <usize>load<i32>(codeLength + (<usize>word << 2)) << 2;
  let d: usize = 0;
  for (; d + 16 <= length; d += 16) {
    loss = targets4(
      loss, l1,
      nodeRow(load<i32>(path + d)), nodeRow(load<i32>(path + d, 4)),
      nodeRow(load<i32>(path + d, 8)), nodeRow(load<i32>(path + d, 12)),
      codeLabel(bits + d), codeLabel(bits + d + 4), codeLabel(bits + d + 8), codeLabel(bits + d + 12),
      1, 1, 1, 1, alpha, false,
    );
  }
  for (; d < length; d += 4) loss += target(l1, nodeRow(load<i32>(path + d)), codeLabel(bits + d), 1, alpha, false);
  return loss;
}

// A Huffman code bit's label: 1 for code 0, 0 for code 1 (word2vec.c's 1 − code).
// @ts-ignore: decorator
@inline function codeLabel(at: usize): f32 {
  return load<i32>(at) == 0 ? 1 : 0;
}

// Target t of a negative-sampling record: the positive for t = 0, negative t − 1 at `at` for t ≥ 1.
// @ts-ignore: decorator
@inline function targetWord(positive: i32, at: usize, t: i32): i32 {
  return t == 0 ? positive : load<i32>(batch + at + (<usize>(t - 1) << 2));
}

// Its weight: 1 for the positive and for unweighted samplers.
// @ts-ignore: decorator
@inline function targetWeight(at: usize, t: i32, weighted: bool): f32 {
  return t == 0 || !weighted ? 1 : load<f32>(weights + at + (<usize>(t - 1) << 2));
}

// Negative sampling: the positive, then the record's negatives at `at`, four
// targets at a time when their words differ (a word drawn twice in a block is
// trained one target at a time, so its second score sees the first update).
// @ts-ignore: decorator
@inline function negativeSampling(l1: usize, positive: i32, count: i32, at: usize, alpha: f32): f64 {
  const clip = (flags & FLAG_CLIP) != 0;
  const weighted = (flags & FLAG_WEIGHTED) != 0;
  const targets = count + 1;
  let loss: f64 = 0;
  let t = 0;
  for (; t + 4 <= targets; t += 4) {
    const u0 = targetWord(positive, at, t);
    const u1 = targetWord(positive, at, t + 1);
    const u2 = targetWord(positive, at, t + 2);
    const u3 = targetWord(positive, at, t + 3);
    if (u0 != u1 && u0 != u2 && u0 != u3 && u1 != u2 && u1 != u3 && u2 != u3) {
      loss = targets4(
        loss, l1, outputRow(u0), outputRow(u1), outputRow(u2), outputRow(u3),
        t == 0 ? 1 : 0, 0, 0, 0,
        targetWeight(at, t, weighted), targetWeight(at, t + 1, weighted),
        targetWeight(at, t + 2, weighted), targetWeight(at, t + 3, weighted),
        alpha, clip,
      );
      continue;
    }
    for (let j = t; j < t + 4; j++) loss += negativeSamplingTarget(l1, positive, at, j, weighted, alpha, clip);
  }
  for (; t < targets; t++) loss += negativeSamplingTarget(l1, positive, at, t, weighted, alpha, clip);
  return loss;
}

// Target t of a negative-sampling record on its own (a target call); returns its loss.
// @ts-ignore: decorator
@inline function negativeSamplingTarget(l1: usize, positive: i32, at: usize, t: i32, weighted: bool, alpha: f32, clip: bool): f64 {
  return target(l1, outputRow(targetWord(positive, at, t)), t == 0 ? 1 : 0, targetWeight(at, t, weighted), alpha, clip);
}

/** Skip-gram records [input, positive, n, negatives…]; returns the summed loss. */
export function skipGram(records: i32, alpha: f32): f64 {
  let loss: f64 = 0;
  let at: usize = 0;
  for (let r = 0; r < records; r++) {
    const input = load<i32>(batch + at);
    const positive = load<i32>(batch + at + 4);
    const count = load<i32>(batch + at + 8);
    const l1 = inputRow(input);
    zero(neu1e);
    if (flags & FLAG_HS) loss += softmaxPath(l1, positive, alpha);
    if (flags & FLAG_NS) loss += negativeSampling(l1, positive, count, at + 12, alpha);
    add(neu1e, l1);
    at += <usize>(3 + count) << 2;
  }
  return loss;
}

/** CBOW records [c, context×c, positive, n, negatives…]; returns the summed loss. */
export function cbow(records: i32, alpha: f32): f64 {
  let loss: f64 = 0;
  let at: usize = 0;
  for (let r = 0; r < records; r++) {
    const contexts = load<i32>(batch + at);
    const first = at + 4;
    const positive = load<i32>(batch + first + (<usize>contexts << 2));
    const count = load<i32>(batch + first + (<usize>contexts << 2) + 4);
    // h: the sum (or mean) of the context vectors, added in context order (four rows at a time)
    zero(neu1);
    let c = 0;
    for (; c + 4 <= contexts; c += 4) {
      const words = batch + first + (<usize>c << 2);
      add4(inputRow(load<i32>(words)), inputRow(load<i32>(words, 4)), inputRow(load<i32>(words, 8)), inputRow(load<i32>(words, 12)), neu1);
    }
    for (; c < contexts; c++) add(inputRow(load<i32>(batch + first + (<usize>c << 2))), neu1);
    if (flags & FLAG_CBOW_MEAN) scale(neu1, <f32>contexts, false);
    zero(neu1e);
    if (flags & FLAG_HS) loss += softmaxPath(neu1, positive, alpha);
    if (flags & FLAG_NS) loss += negativeSampling(neu1, positive, count, first + (<usize>contexts << 2) + 8, alpha);
    // gensim divides the error among summed contexts; with the mean each gets all of it
    if (!(flags & FLAG_CBOW_MEAN)) scale(neu1e, <f32>1 / <f32>contexts, true);
    // every context row += e, four rows at a time
    c = 0;
    for (; c + 4 <= contexts; c += 4) {
      const words = batch + first + (<usize>c << 2);
      addTo4(neu1e, inputRow(load<i32>(words)), inputRow(load<i32>(words, 4)), inputRow(load<i32>(words, 8)), inputRow(load<i32>(words, 12)));
    }
    for (; c < contexts; c++) add(neu1e, inputRow(load<i32>(batch + first + (<usize>c << 2))));
    at += <usize>(contexts + 3 + count) << 2;
  }
  return loss;
}

// Address of target t of a window record whose positive is at `positive`: the
// positive itself for t = 0, negative t − 1 after the count for t ≥ 1.
// @ts-ignore: decorator
@inline function targetEntry(positive: usize, t: usize): usize {
  return t == 0 ? positive : positive + 4 + (t << 2);
}

/**
 * Skip-gram window records [c, context×c, positive, n, negatives…] whose n
 * negatives all c context words share (Ji et al. 2016); returns the summed loss.
 * As a minibatch: every (context, target) gradient comes from the vectors as
 * they were before the window, then the targets' output rows and the contexts'
 * input rows take their summed changes, so each row is read from memory once
 * per window instead of once per pair, and the products run in register blocks
 * (the scores two contexts × four targets at a time, the sums four rows at a
 * time) that give the same values as one product at a time.
 */
export function skipGramWindow(records: i32, alpha: f32): f64 {
  const clip = (flags & FLAG_CLIP) != 0;
  const weighted = (flags & FLAG_WEIGHTED) != 0;
  let loss: f64 = 0;
  let at: usize = 0;
  for (let r = 0; r < records; r++) {
    const contexts = <usize>load<i32>(batch + at);
    const first = batch + at + 4; // context c at first + 4c
    const positive = first + (contexts << 2); // target t at positive + 4 + 4t for t ≥ 1 (the count sits between)
    const targets = <usize>load<i32>(positive + 4) + 1;
    // 1. the scores f[c][t] = in_c · out_t from the rows before this window, two contexts × four targets at a time
    const stride = targets << 2;
    let c: usize = 0;
    for (; c + 2 <= contexts; c += 2) {
      const a0 = inputRow(load<i32>(first + (c << 2)));
      const a1 = inputRow(load<i32>(first + (c << 2), 4));
      const out = gradients + c * stride;
      let t: usize = 0;
      for (; t + 4 <= targets; t += 4) {
        windowDots2x4(
          a0, a1,
          outputRow(load<i32>(targetEntry(positive, t))), outputRow(load<i32>(targetEntry(positive, t + 1))),
          outputRow(load<i32>(targetEntry(positive, t + 2))), outputRow(load<i32>(targetEntry(positive, t + 3))),
          out + (t << 2), out + stride + (t << 2),
        );
      }
      for (; t < targets; t++) {
        const b = outputRow(load<i32>(targetEntry(positive, t)));
        store<f32>(out + (t << 2), windowDot(a0, b));
        store<f32>(out + stride + (t << 2), windowDot(a1, b));
      }
    }
    for (; c < contexts; c++) {
      const a = inputRow(load<i32>(first + (c << 2)));
      for (let t: usize = 0; t < targets; t++) store<f32>(gradients + c * stride + (t << 2), windowDot(a, outputRow(load<i32>(targetEntry(positive, t)))));
    }
    // then each score's loss and gradient g[c][t] = (label − σ(f)) · α · weight, in its place
    for (let c: usize = 0; c < contexts; c++) {
      for (let t: usize = 0; t < targets; t++) {
        const at = gradients + c * stride + (t << 2);
        const f = load<f32>(at);
        const weight: f32 = t > 0 && weighted ? load<f32>(targetEntry(positive, t) - batch + weights) : 1;
        loss += lossOf(t == 0 ? f : -f) * <f64>weight;
        store<f32>(at, skips(f, clip) ? 0 : gradient(f, t == 0 ? 1 : 0, weight, alpha));
      }
    }
    // 2. e_c = Σ_t g[c][t] · out_t, in t order (four rows at a time)
    for (let c: usize = 0; c < contexts; c++) {
      const e = neu1e + c * rowBytes;
      const g = gradients + ((c * targets) << 2);
      zero(e);
      let t: usize = 0;
      for (; t + 4 <= targets; t += 4) {
        axpy4(
          load<f32>(g + (t << 2)), outputRow(load<i32>(targetEntry(positive, t))),
          load<f32>(g + (t << 2), 4), outputRow(load<i32>(targetEntry(positive, t + 1))),
          load<f32>(g + (t << 2), 8), outputRow(load<i32>(targetEntry(positive, t + 2))),
          load<f32>(g + (t << 2), 12), outputRow(load<i32>(targetEntry(positive, t + 3))),
          e,
        );
      }
      for (; t < targets; t++) axpy(load<f32>(g + (t << 2)), outputRow(load<i32>(targetEntry(positive, t))), e);
    }
    // 3. out_t += Σ_c g[c][t] · in_c, in c order (four rows at a time; the input rows still as before the window)
    for (let t: usize = 0; t < targets; t++) {
      const row = outputRow(load<i32>(targetEntry(positive, t)));
      const g = gradients + (t << 2);
      let c: usize = 0;
      for (; c + 4 <= contexts; c += 4) {
        axpy4(
          load<f32>(g + c * stride), inputRow(load<i32>(first + (c << 2))),
          load<f32>(g + (c + 1) * stride), inputRow(load<i32>(first + (c << 2), 4)),
          load<f32>(g + (c + 2) * stride), inputRow(load<i32>(first + (c << 2), 8)),
          load<f32>(g + (c + 3) * stride), inputRow(load<i32>(first + (c << 2), 12)),
          row,
        );
      }
      for (; c < contexts; c++) axpy(load<f32>(g + c * stride), inputRow(load<i32>(first + (c << 2))), row);
    }
    // 4. in_c += e_c
    for (let c: usize = 0; c < contexts; c++) add(neu1e + c * rowBytes, inputRow(load<i32>(first + (c << 2))));
    at += (contexts + targets + 2) << 2;
  }
  return loss;
}
