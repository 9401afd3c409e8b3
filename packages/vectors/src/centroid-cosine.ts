/**
 * Mean cosine of each vector to the centroid of all unit-normalised vectors:
 * Mimno & Thompson (2017)'s measure of how concentrated ("narrow cone") an
 * embedding is. With the n rows vᵢ of the row-major `n × dim` matrix,
 * uᵢ = vᵢ/‖vᵢ‖ and c = Σᵢ uᵢ:
 *
 *     meanCosineToCentroid = (1/n) · Σᵢ uᵢ·c / ‖c‖
 *
 * 0 for vectors spread evenly in all directions (c = 0); 1 when every vector
 * points the same way. Computed in float64. A zero row counts as a unit row of
 * cosine 0 (its norm is taken as 1), and an empty matrix gives 0.
 */
export function meanCosineToCentroid(vectors: Float32Array, dim: number): number {
  const rows = vectors.length / dim;
  if (rows === 0) return 0;
  // 1. Normalise each row and sum the unit rows into the centroid.
  const centroid = new Float64Array(dim);
  const norms = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let sq = 0;
    for (let d = 0; d < dim; d++) sq += vectors[r * dim + d] ** 2;
    norms[r] = Math.sqrt(sq) || 1;
    for (let d = 0; d < dim; d++) centroid[d] += vectors[r * dim + d] / norms[r];
  }
  const centroidNorm = Math.sqrt(centroid.reduce((s, v) => s + v * v, 0)) || 1;
  // 2. Average the cosines of the unit rows with the centroid direction.
  let total = 0;
  for (let r = 0; r < rows; r++) {
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += (vectors[r * dim + d] / norms[r]) * centroid[d];
    total += dot / centroidNorm;
  }
  return total / rows;
}
