/**
 * Float32 row norms and unit rows exactly as numpy computes them for gensim's
 * `KeyedVectors.fill_norms` (`np.linalg.norm(vectors, axis=1)`) and
 * `get_normed_vectors` (`vectors / norms[:, None]`), bit for bit.
 *
 * numpy squares each float32 element in float32, sums each row with its
 * pairwise summation (`pairwise_sum` in numpy's `loops_utils.h.src`: fewer than
 * 8 terms summed in order; up to 128 terms in 8 interleaved partial sums
 * combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the tail; longer rows
 * split in two halves at a multiple of 8), all in float32, then takes a float32
 * square root.
 */
const f32 = Math.fround;

/** numpy's float32 pairwise sum of `squares[start, start + n)`. */
function pairwiseSum(squares: Float32Array, start: number, n: number): number {
  if (n < 8) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum = f32(sum + squares[start + i]);
    return sum;
  }
  if (n <= 128) {
    const r = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let j = 0; j < 8; j++) r[j] = squares[start + j];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] = f32(r[j] + squares[start + i + j]);
    }
    let sum = f32(f32(f32(r[0] + r[1]) + f32(r[2] + r[3])) + f32(f32(r[4] + r[5]) + f32(r[6] + r[7])));
    for (; i < n; i++) sum = f32(sum + squares[start + i]);
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return f32(pairwiseSum(squares, start, half) + pairwiseSum(squares, start + half, n - half));
}

/** The float32 norm of every row of a row-major `rows × dim` matrix. */
export function rowNorms(matrix: Float32Array, dim: number): Float32Array {
  const rows = dim === 0 ? 0 : matrix.length / dim;
  const norms = new Float32Array(rows);
  const squares = new Float32Array(dim);
  for (let r = 0; r < rows; r++) {
    const base = r * dim;
    for (let i = 0; i < dim; i++) {
      const x = matrix[base + i];
      squares[i] = x * x;
    }
    norms[r] = Math.sqrt(pairwiseSum(squares, 0, dim));
  }
  return norms;
}

/**
 * Each row divided by its norm in float32 (`vectors / norms[..., None]`). A
 * zero row gives NaN or ±Inf entries exactly as numpy does (0/0); callers that
 * rank by similarity treat NaN as never best.
 */
export function unitRows(matrix: Float32Array, dim: number, norms: Float32Array): Float32Array {
  const unit = new Float32Array(matrix.length);
  for (let r = 0; r < norms.length; r++) {
    const base = r * dim;
    const norm = norms[r];
    for (let i = 0; i < dim; i++) unit[base + i] = matrix[base + i] / norm;
  }
  return unit;
}
