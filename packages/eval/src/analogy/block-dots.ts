import { dot } from "@neglab/vectors/arithmetic";

/** Rows of the vocabulary matrix scored together (with a few hundred question words, the cosines of one block stay in cache). */
export const ROW_BLOCK = 256;

/**
 * Dot products of query vectors with a block of matrix rows, the core of the
 * batched evaluation: `out[(q − qStart) · rowCount + r] = queries[q] · matrix[rowStart + r]`
 * for queries [qStart, qEnd) and r in [0, rowCount). A register-blocked
 * float32 matrix–matrix product accumulated in double precision: two queries
 * against four rows at a time, so each loaded element feeds several products
 * and eight independent sums keep the CPU's adders busy.
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
  const rowEnd = rowStart + rowCount;
  const rowEnd4 = rowEnd - (rowCount % 4);
  let q = qStart;
  for (; q + 1 < qEnd; q += 2) {
    const x0 = q * dim;
    const x1 = x0 + dim;
    const o0 = (q - qStart) * rowCount - rowStart;
    const o1 = o0 + rowCount;
    let r = rowStart;
    for (; r < rowEnd4; r += 4) {
      const b0 = r * dim;
      const b1 = b0 + dim;
      const b2 = b1 + dim;
      const b3 = b2 + dim;
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0; // prettier-ignore
      let s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0; // prettier-ignore
      for (let i = 0; i < dim; i++) {
        const u = queries[x0 + i];
        const v = queries[x1 + i];
        const m0 = matrix[b0 + i];
        const m1 = matrix[b1 + i];
        const m2 = matrix[b2 + i];
        const m3 = matrix[b3 + i];
        s00 += u * m0;
        s01 += u * m1;
        s02 += u * m2;
        s03 += u * m3;
        s10 += v * m0;
        s11 += v * m1;
        s12 += v * m2;
        s13 += v * m3;
      }
      out[o0 + r] = s00;
      out[o0 + r + 1] = s01;
      out[o0 + r + 2] = s02;
      out[o0 + r + 3] = s03;
      out[o1 + r] = s10;
      out[o1 + r + 1] = s11;
      out[o1 + r + 2] = s12;
      out[o1 + r + 3] = s13;
    }
    for (; r < rowEnd; r++) {
      out[o0 + r] = dot(queries, x0, matrix, r * dim, dim);
      out[o1 + r] = dot(queries, x1, matrix, r * dim, dim);
    }
  }
  // An odd query left over: one row at a time.
  for (; q < qEnd; q++) {
    const o = (q - qStart) * rowCount - rowStart;
    for (let r = rowStart; r < rowEnd; r++) out[o + r] = dot(queries, q * dim, matrix, r * dim, dim);
  }
}
