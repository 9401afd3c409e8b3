// The word2vec inner loop in AssemblyScript with 128-bit SIMD, compiled to
// dist/kernel.wasm by `pnpm build`. It trains in place in the shared memory
// laid out by src/layout.ts, one batch of records per call (record formats in
// src/kernel/types.ts). src/kernel/js-kernel.ts is the plain TypeScript twin:
// it performs the same float32 operations in the same order, so both kernels
// give bit-identical vectors; both read their configuration from the block that
// src/kernel/config.ts describes. Update rules: word2vec.c `TrainModelThread`,
// gensim `fast_sentence_sg_neg` / `fast_sentence_cbow_neg` / `*_hs`.
// With several workers, the rows of the `hot` most frequent words are read and
// written in this worker's replicas (`inputRow` / `outputRow`), and `merge`
// adds their change into the shared rows (src/worker.ts decides when).

import { ConfigField, FLAG_CBOW_MEAN, FLAG_CLIP, FLAG_HS, FLAG_NS, FLAG_WEIGHTED } from "../src/kernel/config";

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
let rowBytes: usize = 0;
let simdBytes: usize = 0;
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
  const dim = field(at, ConfigField.dim);
  rowBytes = dim << 2;
  simdBytes = (dim & ~3) << 2;
  flags = <i32>field(at, ConfigField.flags);
  hot = <i32>field(at, ConfigField.hotRows);
  hot0 = field(at, ConfigField.hot0);
  hot1 = field(at, ConfigField.hot1);
  snap0 = field(at, ConfigField.snap0);
  snap1 = field(at, ConfigField.snap1);
  dirty0 = field(at, ConfigField.dirty0);
  dirty1 = field(at, ConfigField.dirty1);
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

// shared += replica − snapshot, then replica = snapshot = shared, for each dirty row of words 0..rows−1.
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

/** Adds the change of every dirty replica row of words 0..rows−1 (at most the hot ones) since it was last merged or pulled into the shared vectors. */
export function merge(rows: i32): void {
  const upTo = min(rows, hot);
  if (upTo <= 0) return;
  mergeMatrix(syn0, hot0, snap0, dirty0, upTo);
  if (flags & FLAG_NS) mergeMatrix(syn1neg, hot1, snap1, dirty1, upTo);
}

/** Copies the shared hot rows into this worker's replicas and snapshots. */
export function pull(): void {
  if (hot == 0) return;
  const bytes = <usize>hot * rowBytes;
  memory.copy(hot0, syn0, bytes);
  memory.copy(snap0, syn0, bytes);
  memory.fill(dirty0, 0, <usize>hot);
  if (flags & FLAG_NS) {
    memory.copy(hot1, syn1neg, bytes);
    memory.copy(snap1, syn1neg, bytes);
    memory.fill(dirty1, 0, <usize>hot);
  }
}

// a · b. Block b (floats 4b..4b+3) goes to accumulator b mod 4, so four
// independent add chains overlap; then (acc0 + acc1) + (acc2 + acc3), its lanes
// added 0 to 3, then the tail element by element.
// @ts-ignore: decorator
@inline function dot(a: usize, b: usize): f32 {
  let acc0 = f32x4.splat(0);
  let acc1 = f32x4.splat(0);
  let acc2 = f32x4.splat(0);
  let acc3 = f32x4.splat(0);
  let i: usize = 0;
  for (; i + 64 <= simdBytes; i += 64) {
    acc0 = f32x4.add(acc0, f32x4.mul(v128.load(a + i), v128.load(b + i)));
    acc1 = f32x4.add(acc1, f32x4.mul(v128.load(a + i, 16), v128.load(b + i, 16)));
    acc2 = f32x4.add(acc2, f32x4.mul(v128.load(a + i, 32), v128.load(b + i, 32)));
    acc3 = f32x4.add(acc3, f32x4.mul(v128.load(a + i, 48), v128.load(b + i, 48)));
  }
  if (i < simdBytes) { acc0 = f32x4.add(acc0, f32x4.mul(v128.load(a + i), v128.load(b + i))); i += 16; }
  if (i < simdBytes) { acc1 = f32x4.add(acc1, f32x4.mul(v128.load(a + i), v128.load(b + i))); i += 16; }
  if (i < simdBytes) { acc2 = f32x4.add(acc2, f32x4.mul(v128.load(a + i), v128.load(b + i))); i += 16; }
  const acc = f32x4.add(f32x4.add(acc0, acc1), f32x4.add(acc2, acc3));
  let sum = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
  for (; i < rowBytes; i += 4) sum += load<f32>(a + i) * load<f32>(b + i);
  return sum;
}

// e += g · row; row += g · l1 — one pass over the three rows (they never overlap).
// @ts-ignore: decorator
@inline function update(g: f32, l1: usize, row: usize, e: usize): void {
  const gv = f32x4.splat(g);
  let i: usize = 0;
  for (; i < simdBytes; i += 16) {
    const r = v128.load(row + i);
    v128.store(e + i, f32x4.add(v128.load(e + i), f32x4.mul(gv, r)));
    v128.store(row + i, f32x4.add(r, f32x4.mul(gv, v128.load(l1 + i))));
  }
  for (; i < rowBytes; i += 4) {
    const r = load<f32>(row + i);
    store<f32>(e + i, load<f32>(e + i) + g * r);
    store<f32>(row + i, r + g * load<f32>(l1 + i));
  }
}

// y += g · x
// @ts-ignore: decorator
@inline function axpy(g: f32, x: usize, y: usize): void {
  const gv = f32x4.splat(g);
  let i: usize = 0;
  for (; i < simdBytes; i += 16) v128.store(y + i, f32x4.add(v128.load(y + i), f32x4.mul(gv, v128.load(x + i))));
  for (; i < rowBytes; i += 4) store<f32>(y + i, load<f32>(y + i) + g * load<f32>(x + i));
}

// y += g0 · x0 + g1 · x1 + g2 · x2 + g3 · x3, added in that order: four axpy
// calls' values, with y loaded and stored once instead of four times.
// @ts-ignore: decorator
@inline function axpy4(g0: f32, x0: usize, g1: f32, x1: usize, g2: f32, x2: usize, g3: f32, x3: usize, y: usize): void {
  const v0 = f32x4.splat(g0);
  const v1 = f32x4.splat(g1);
  const v2 = f32x4.splat(g2);
  const v3 = f32x4.splat(g3);
  let i: usize = 0;
  for (; i < simdBytes; i += 16) {
    let acc = v128.load(y + i);
    acc = f32x4.add(acc, f32x4.mul(v0, v128.load(x0 + i)));
    acc = f32x4.add(acc, f32x4.mul(v1, v128.load(x1 + i)));
    acc = f32x4.add(acc, f32x4.mul(v2, v128.load(x2 + i)));
    acc = f32x4.add(acc, f32x4.mul(v3, v128.load(x3 + i)));
    v128.store(y + i, acc);
  }
  for (; i < rowBytes; i += 4) {
    let acc = load<f32>(y + i);
    acc += g0 * load<f32>(x0 + i);
    acc += g1 * load<f32>(x1 + i);
    acc += g2 * load<f32>(x2 + i);
    acc += g3 * load<f32>(x3 + i);
    store<f32>(y + i, acc);
  }
}

// y += x
// @ts-ignore: decorator
@inline function add(x: usize, y: usize): void {
  let i: usize = 0;
  for (; i < simdBytes; i += 16) v128.store(y + i, f32x4.add(v128.load(y + i), v128.load(x + i)));
  for (; i < rowBytes; i += 4) store<f32>(y + i, load<f32>(y + i) + load<f32>(x + i));
}

// y = 0
// @ts-ignore: decorator
@inline function zero(y: usize): void {
  memory.fill(y, 0, rowBytes);
}

// y = y / d, or y = y · d when multiply is set
// @ts-ignore: decorator
@inline function scale(y: usize, d: f32, multiply: bool): void {
  const dv = f32x4.splat(d);
  let i: usize = 0;
  for (; i < simdBytes; i += 16) {
    const v = v128.load(y + i);
    v128.store(y + i, multiply ? f32x4.mul(v, dv) : f32x4.div(v, dv));
  }
  for (; i < rowBytes; i += 4) store<f32>(y + i, multiply ? load<f32>(y + i) * d : load<f32>(y + i) / d);
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

// Hierarchical softmax along the Huffman path of `word`; out-of-table scores skip.
// @ts-ignore: decorator
@inline function softmaxPath(l1: usize, word: i32, alpha: f32): f64 {
  let loss: f64 = 0;
  const start = <usize>load<i32>(codeStart + (<usize>word << 2)) << 2;
  const length = <usize>load<i32>(codeLength + (<usize>word << 2)) << 2;
  for (let d: usize = 0; d < length; d += 4) {
    const node = <usize>load<i32>(points + start + d);
    const label: f32 = load<i32>(codes + start + d) == 0 ? 1 : 0;
    loss += target(l1, syn1 + node * rowBytes, label, 1, alpha, false);
  }
  return loss;
}

// Negative sampling: the positive, then the record's negatives at `at`.
// @ts-ignore: decorator
@inline function negativeSampling(l1: usize, positive: i32, count: i32, at: usize, alpha: f32): f64 {
  const clip = (flags & FLAG_CLIP) != 0;
  const weighted = (flags & FLAG_WEIGHTED) != 0;
  let loss = target(l1, outputRow(positive), 1, 1, alpha, clip);
  for (let j = 0; j < count; j++) {
    const offset = at + (<usize>j << 2);
    const negative = load<i32>(batch + offset);
    const weight: f32 = weighted ? load<f32>(weights + offset) : 1;
    loss += target(l1, outputRow(negative), 0, weight, alpha, clip);
  }
  return loss;
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
    // h: the sum (or mean) of the context vectors
    zero(neu1);
    for (let c = 0; c < contexts; c++) add(inputRow(load<i32>(batch + first + (<usize>c << 2))), neu1);
    if (flags & FLAG_CBOW_MEAN) scale(neu1, <f32>contexts, false);
    zero(neu1e);
    if (flags & FLAG_HS) loss += softmaxPath(neu1, positive, alpha);
    if (flags & FLAG_NS) loss += negativeSampling(neu1, positive, count, first + (<usize>contexts << 2) + 8, alpha);
    // gensim divides the error among summed contexts; with the mean each gets all of it
    if (!(flags & FLAG_CBOW_MEAN)) scale(neu1e, <f32>1 / <f32>contexts, true);
    for (let c = 0; c < contexts; c++) add(neu1e, inputRow(load<i32>(batch + first + (<usize>c << 2))));
    at += <usize>(contexts + 3 + count) << 2;
  }
  return loss;
}

// The window kernel's dot product: one f32x4 accumulator over the SIMD part
// (chunk by chunk), its lanes added 0 to 3, then the tail element by element.
// One accumulator per product, so that a block of products runs side by side.
// @ts-ignore: decorator
@inline function sumLanes(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

// @ts-ignore: decorator
@inline function dotTail(a: usize, b: usize, sum: f32): f32 {
  for (let i = simdBytes; i < rowBytes; i += 4) sum += load<f32>(a + i) * load<f32>(b + i);
  return sum;
}

// @ts-ignore: decorator
@inline function windowDot(a: usize, b: usize): f32 {
  let acc = f32x4.splat(0);
  for (let i: usize = 0; i < simdBytes; i += 16) acc = f32x4.add(acc, f32x4.mul(v128.load(a + i), v128.load(b + i)));
  return dotTail(a, b, sumLanes(acc));
}

// The window dots of inputs a0, a1 with outputs b0..b3 (each as windowDot),
// stored at out0[0..3] and out1[0..3]: each chunk of a row is loaded once for
// the two or four products that use it.
function windowDots2x4(a0: usize, a1: usize, b0: usize, b1: usize, b2: usize, b3: usize, out0: usize, out1: usize): void {
  let s00 = f32x4.splat(0);
  let s01 = f32x4.splat(0);
  let s02 = f32x4.splat(0);
  let s03 = f32x4.splat(0);
  let s10 = f32x4.splat(0);
  let s11 = f32x4.splat(0);
  let s12 = f32x4.splat(0);
  let s13 = f32x4.splat(0);
  for (let i: usize = 0; i < simdBytes; i += 16) {
    const x0 = v128.load(a0 + i);
    const x1 = v128.load(a1 + i);
    let y = v128.load(b0 + i);
    s00 = f32x4.add(s00, f32x4.mul(x0, y));
    s10 = f32x4.add(s10, f32x4.mul(x1, y));
    y = v128.load(b1 + i);
    s01 = f32x4.add(s01, f32x4.mul(x0, y));
    s11 = f32x4.add(s11, f32x4.mul(x1, y));
    y = v128.load(b2 + i);
    s02 = f32x4.add(s02, f32x4.mul(x0, y));
    s12 = f32x4.add(s12, f32x4.mul(x1, y));
    y = v128.load(b3 + i);
    s03 = f32x4.add(s03, f32x4.mul(x0, y));
    s13 = f32x4.add(s13, f32x4.mul(x1, y));
  }
  store<f32>(out0, dotTail(a0, b0, sumLanes(s00)));
  store<f32>(out0, dotTail(a0, b1, sumLanes(s01)), 4);
  store<f32>(out0, dotTail(a0, b2, sumLanes(s02)), 8);
  store<f32>(out0, dotTail(a0, b3, sumLanes(s03)), 12);
  store<f32>(out1, dotTail(a1, b0, sumLanes(s10)));
  store<f32>(out1, dotTail(a1, b1, sumLanes(s11)), 4);
  store<f32>(out1, dotTail(a1, b2, sumLanes(s12)), 8);
  store<f32>(out1, dotTail(a1, b3, sumLanes(s13)), 12);
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
