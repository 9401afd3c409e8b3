/** Rows of the vocabulary matrix scored together (with a few hundred question words, the cosines of one block stay in cache). */
export const ROW_BLOCK = 256;

/**
 * Dot products of query vectors with a block of matrix rows, the core of the
 * batched evaluation: `out[q * rowCount + r] = queries[q] · matrix[rowStart + r]`
 * for queries [qStart, qEnd). Computed four rows at a time so each query
 * element is loaded once for four products (a register-blocked float32
 * matrix–matrix product, accumulated in double precision).
 */
export function blockDots(
  matrix: Float32Array,
  dim: number,
  rowStart: number,
  rowCount: number,
  queries: Float32Array,
  qStart: number,
  qEnd: number,
  out: Float64Array,
): void {
  const rowEnd4 = rowStart + rowCount - (rowCount % 4);
  for (let q = qStart; q < qEnd; q++) {
    const qBase = q * dim;
    const outBase = (q - qStart) * rowCount - rowStart;
    let r = rowStart;
    for (; r < rowEnd4; r += 4) {
      const b0 = r * dim;
      const b1 = b0 + dim;
      const b2 = b1 + dim;
      const b3 = b2 + dim;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < dim; i++) {
        const x = queries[qBase + i];
        s0 += x * matrix[b0 + i];
        s1 += x * matrix[b1 + i];
        s2 += x * matrix[b2 + i];
        s3 += x * matrix[b3 + i];
      }
      out[outBase + r] = s0;
      out[outBase + r + 1] = s1;
      out[outBase + r + 2] = s2;
      out[outBase + r + 3] = s3;
    }
    for (; r < rowStart + rowCount; r++) {
      const b = r * dim;
      let s = 0;
      for (let i = 0; i < dim; i++) s += queries[qBase + i] * matrix[b + i];
      out[outBase + r] = s;
    }
  }
}
