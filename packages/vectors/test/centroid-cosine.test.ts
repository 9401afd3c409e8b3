import { describe, expect, it } from "vitest";
import { meanCosineToCentroid } from "../src/index.js";

/** Rows given as arrays, flattened row-major. */
const matrix = (...rows: number[][]) => new Float32Array(rows.flat());

describe("meanCosineToCentroid", () => {
  it("is 1 when every vector points the same way, whatever its length", () => {
    expect(meanCosineToCentroid(matrix([1, 2, 0], [3, 6, 0], [0.5, 1, 0]), 3)).toBeCloseTo(1, 12);
  });
  it("is 0 when the unit vectors cancel (±e₁, ±e₂)", () => {
    expect(meanCosineToCentroid(matrix([2, 0], [-1, 0], [0, 5], [0, -3]), 2)).toBe(0);
  });
  it("is 1/√2 for two orthogonal vectors (centroid at 45°)", () => {
    expect(meanCosineToCentroid(matrix([4, 0], [0, 0.5]), 2)).toBeCloseTo(Math.SQRT1_2, 12);
  });
  it("is √5/3 for e₁, e₁, e₂: c = (2, 1), cosines 2/√5, 2/√5, 1/√5", () => {
    expect(meanCosineToCentroid(matrix([1, 0], [3, 0], [0, 2]), 2)).toBeCloseTo(Math.sqrt(5) / 3, 12);
  });
  it("counts a zero row as cosine 0, and an empty matrix as 0", () => {
    expect(meanCosineToCentroid(matrix([1, 0], [0, 0]), 2)).toBeCloseTo(0.5, 12);
    expect(meanCosineToCentroid(new Float32Array(0), 4)).toBe(0);
  });
});
