// Row arithmetic for the kernel (kernel.ts): dot products, updates and sums
// over vectors of `dim` float32s at byte addresses in the shared memory, with
// 128-bit SIMD over the first dim − dim mod 4 floats and one float at a time
// over the rest. Every block function (dots4, update4, axpy4, add4, addTo4,
// windowDots2x4) gives the values of its one-row twin called once per row in
// order, which src/kernel/js-kernel.ts, computing one row at a time, relies on
// for bit-identical vectors.

/** Bytes per row (dim · 4), and of its SIMD part ((dim − dim mod 4) · 4); set by the kernel's configure(). */
export let rowBytes: usize = 0;
export let simdBytes: usize = 0;

/** Sets the row size for the functions below. */
export function setRowSize(dim: usize): void {
  rowBytes = dim << 2;
  simdBytes = (dim & ~3) << 2;
}

// The lanes of v added 0 to 3.
// @ts-ignore: decorator
@inline export function sumLanes(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

// sum + a · b over the elements after the SIMD part, one at a time.
// @ts-ignore: decorator
@inline export function dotTail(a: usize, b: usize, sum: f32): f32 {
  for (let i = simdBytes; i < rowBytes; i += 4) sum += load<f32>(a + i) * load<f32>(b + i);
  return sum;
}

// a · b. Chunk b (floats 4b..4b+3) goes to accumulator b mod 2, so two add
// chains overlap; then acc0 + acc1, its lanes added 0 to 3, then the tail
// element by element. Two accumulators, not more, so that dots4 can run four
// of these side by side in the sixteen SIMD registers of x86-64.
// @ts-ignore: decorator
@inline export function dot(a: usize, b: usize): f32 {
  let acc0 = f32x4.splat(0);
  let acc1 = f32x4.splat(0);
  let i: usize = 0;
  for (; i + 32 <= simdBytes; i += 32) {
    acc0 = f32x4.add(acc0, f32x4.mul(v128.load(a + i), v128.load(b + i)));
    acc1 = f32x4.add(acc1, f32x4.mul(v128.load(a + i, 16), v128.load(b + i, 16)));
  }
  if (i < simdBytes) { acc0 = f32x4.add(acc0, f32x4.mul(v128.load(a + i), v128.load(b + i))); i += 16; }
  return dotTail(a, b, sumLanes(f32x4.add(acc0, acc1)));
}

// The scores of dots4: a · b0 .. a · b3.
export let score0: f32 = 0;
export let score1: f32 = 0;
export let score2: f32 = 0;
export let score3: f32 = 0;

// a · b0, …, a · b3, each exactly as dot computes it, into score0..score3:
// every chunk of a is loaded once for the four products.
// @ts-ignore: decorator
@inline export function dots4(a: usize, b0: usize, b1: usize, b2: usize, b3: usize): void {
  let s00 = f32x4.splat(0);
  let s01 = f32x4.splat(0);
  let s10 = f32x4.splat(0);
  let s11 = f32x4.splat(0);
  let s20 = f32x4.splat(0);
  let s21 = f32x4.splat(0);
  let s30 = f32x4.splat(0);
  let s31 = f32x4.splat(0);
  let i: usize = 0;
  for (; i + 32 <= simdBytes; i += 32) {
    const x0 = v128.load(a + i);
    const x1 = v128.load(a + i, 16);
    s00 = f32x4.add(s00, f32x4.mul(x0, v128.load(b0 + i)));
    s01 = f32x4.add(s01, f32x4.mul(x1, v128.load(b0 + i, 16)));
    s10 = f32x4.add(s10, f32x4.mul(x0, v128.load(b1 + i)));
    s11 = f32x4.add(s11, f32x4.mul(x1, v128.load(b1 + i, 16)));
    s20 = f32x4.add(s20, f32x4.mul(x0, v128.load(b2 + i)));
    s21 = f32x4.add(s21, f32x4.mul(x1, v128.load(b2 + i, 16)));
    s30 = f32x4.add(s30, f32x4.mul(x0, v128.load(b3 + i)));
    s31 = f32x4.add(s31, f32x4.mul(x1, v128.load(b3 + i, 16)));
  }
  if (i < simdBytes) {
    const x0 = v128.load(a + i);
    s00 = f32x4.add(s00, f32x4.mul(x0, v128.load(b0 + i)));
    s10 = f32x4.add(s10, f32x4.mul(x0, v128.load(b1 + i)));
    s20 = f32x4.add(s20, f32x4.mul(x0, v128.load(b2 + i)));
    s30 = f32x4.add(s30, f32x4.mul(x0, v128.load(b3 + i)));
  }
  score0 = dotTail(a, b0, sumLanes(f32x4.add(s00, s01)));
  score1 = dotTail(a, b1, sumLanes(f32x4.add(s10, s11)));
  score2 = dotTail(a, b2, sumLanes(f32x4.add(s20, s21)));
  score3 = dotTail(a, b3, sumLanes(f32x4.add(s30, s31)));
}

// e += g · row; row += g · l1 — one pass over the three rows (they never overlap).
// @ts-ignore: decorator
@inline export function update(g: f32, l1: usize, row: usize, e: usize): void {
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

// e += g0 · r0 + g1 · r1 + g2 · r2 + g3 · r3 (added in that order), then
// rᵢ += gᵢ · l1: four update calls' values for four distinct rows, with e and
// l1 loaded once instead of four times.
// @ts-ignore: decorator
@inline export function update4(g0: f32, g1: f32, g2: f32, g3: f32, l1: usize, r0: usize, r1: usize, r2: usize, r3: usize, e: usize): void {
  const v0 = f32x4.splat(g0);
  const v1 = f32x4.splat(g1);
  const v2 = f32x4.splat(g2);
  const v3 = f32x4.splat(g3);
  let i: usize = 0;
  for (; i < simdBytes; i += 16) {
    const x = v128.load(l1 + i);
    const y0 = v128.load(r0 + i);
    const y1 = v128.load(r1 + i);
    const y2 = v128.load(r2 + i);
    const y3 = v128.load(r3 + i);
    let acc = v128.load(e + i);
    acc = f32x4.add(acc, f32x4.mul(v0, y0));
    acc = f32x4.add(acc, f32x4.mul(v1, y1));
    acc = f32x4.add(acc, f32x4.mul(v2, y2));
    acc = f32x4.add(acc, f32x4.mul(v3, y3));
    v128.store(e + i, acc);
    v128.store(r0 + i, f32x4.add(y0, f32x4.mul(v0, x)));
    v128.store(r1 + i, f32x4.add(y1, f32x4.mul(v1, x)));
    v128.store(r2 + i, f32x4.add(y2, f32x4.mul(v2, x)));
    v128.store(r3 + i, f32x4.add(y3, f32x4.mul(v3, x)));
  }
  for (; i < rowBytes; i += 4) {
    const x = load<f32>(l1 + i);
    const y0 = load<f32>(r0 + i);
    const y1 = load<f32>(r1 + i);
    const y2 = load<f32>(r2 + i);
    const y3 = load<f32>(r3 + i);
    store<f32>(e + i, load<f32>(e + i) + g0 * y0 + g1 * y1 + g2 * y2 + g3 * y3);
    store<f32>(r0 + i, y0 + g0 * x);
    store<f32>(r1 + i, y1 + g1 * x);
    store<f32>(r2 + i, y2 + g2 * x);
    store<f32>(r3 + i, y3 + g3 * x);
  }
}

// y += g · x
// @ts-ignore: decorator
@inline export function axpy(g: f32, x: usize, y: usize): void {
  const gv = f32x4.splat(g);
  let i: usize = 0;
  for (; i < simdBytes; i += 16) v128.store(y + i, f32x4.add(v128.load(y + i), f32x4.mul(gv, v128.load(x + i))));
  for (; i < rowBytes; i += 4) store<f32>(y + i, load<f32>(y + i) + g * load<f32>(x + i));
}

// y += g0 · x0 + g1 · x1 + g2 · x2 + g3 · x3, added in that order: four axpy
// calls' values, with y loaded and stored once instead of four times.
// @ts-ignore: decorator
@inline export function axpy4(g0: f32, x0: usize, g1: f32, x1: usize, g2: f32, x2: usize, g3: f32, x3: usize, y: usize): void {
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
@inline export function add(x: usize, y: usize): void {
  let i: usize = 0;
  for (; i < simdBytes; i += 16) v128.store(y + i, f32x4.add(v128.load(y + i), v128.load(x + i)));
  for (; i < rowBytes; i += 4) store<f32>(y + i, load<f32>(y + i) + load<f32>(x + i));
}

// y += x0, then += x1, += x2, += x3: four add calls' values, with y loaded and stored once.
// @ts-ignore: decorator
@inline export function add4(x0: usize, x1: usize, x2: usize, x3: usize, y: usize): void {
  let i: usize = 0;
  for (; i < simdBytes; i += 16) {
    const v = f32x4.add(f32x4.add(f32x4.add(f32x4.add(v128.load(y + i), v128.load(x0 + i)), v128.load(x1 + i)), v128.load(x2 + i)), v128.load(x3 + i));
    v128.store(y + i, v);
  }
  for (; i < rowBytes; i += 4) store<f32>(y + i, load<f32>(y + i) + load<f32>(x0 + i) + load<f32>(x1 + i) + load<f32>(x2 + i) + load<f32>(x3 + i));
}

// y0 += x, …, y3 += x, with x loaded once. Each row is loaded after the
// previous row is stored, so a row given twice takes x twice, as two add calls.
// @ts-ignore: decorator
@inline export function addTo4(x: usize, y0: usize, y1: usize, y2: usize, y3: usize): void {
  let i: usize = 0;
  for (; i < simdBytes; i += 16) {
    const v = v128.load(x + i);
    v128.store(y0 + i, f32x4.add(v128.load(y0 + i), v));
    v128.store(y1 + i, f32x4.add(v128.load(y1 + i), v));
    v128.store(y2 + i, f32x4.add(v128.load(y2 + i), v));
    v128.store(y3 + i, f32x4.add(v128.load(y3 + i), v));
  }
  for (; i < rowBytes; i += 4) {
    const v = load<f32>(x + i);
    store<f32>(y0 + i, load<f32>(y0 + i) + v);
    store<f32>(y1 + i, load<f32>(y1 + i) + v);
    store<f32>(y2 + i, load<f32>(y2 + i) + v);
    store<f32>(y3 + i, load<f32>(y3 + i) + v);
  }
}

// y = 0
// @ts-ignore: decorator
@inline export function zero(y: usize): void {
  memory.fill(y, 0, rowBytes);
}

// y = y / d, or y = y · d when multiply is set
// @ts-ignore: decorator
@inline export function scale(y: usize, d: f32, multiply: bool): void {
  const dv = f32x4.splat(d);
  let i: usize = 0;
  for (; i < simdBytes; i += 16) {
    const v = v128.load(y + i);
    v128.store(y + i, multiply ? f32x4.mul(v, dv) : f32x4.div(v, dv));
  }
  for (; i < rowBytes; i += 4) store<f32>(y + i, multiply ? load<f32>(y + i) * d : load<f32>(y + i) / d);
}

// The window kernel's dot product: one f32x4 accumulator over the SIMD part
// (chunk by chunk), its lanes added 0 to 3, then the tail element by element.
// One accumulator per product, so that a block of products runs side by side.
// @ts-ignore: decorator
@inline export function windowDot(a: usize, b: usize): f32 {
  let acc = f32x4.splat(0);
  for (let i: usize = 0; i < simdBytes; i += 16) acc = f32x4.add(acc, f32x4.mul(v128.load(a + i), v128.load(b + i)));
  return dotTail(a, b, sumLanes(acc));
}

// The window dots of inputs a0, a1 with outputs b0..b3 (each as windowDot),
// stored at out0[0..3] and out1[0..3]: each chunk of a row is loaded once for
// the two or four products that use it.
export function windowDots2x4(a0: usize, a1: usize, b0: usize, b1: usize, b2: usize, b3: usize, out0: usize, out1: usize): void {
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
