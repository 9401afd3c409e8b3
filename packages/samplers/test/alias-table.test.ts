import { describe, expect, it } from "vitest";
import { aliasDraw, buildAliasTable } from "../src/tables/alias-table.js";
import { rng, zipfVocabulary } from "./helpers.js";

const TWO_POW_32 = 2 ** 32;

/** The distribution an alias table encodes: P(i) = (keep_i + Σ_{j: alias_j = i} (1 − keep_j)) / V. */
function impliedProbabilities(cells: Uint32Array): Float64Array {
  const size = cells.length / 2;
  const p = new Float64Array(size);
  for (let j = 0; j < size; j++) {
    const keep = cells[2 * j + 1] === j ? 1 : cells[2 * j] / TWO_POW_32;
    p[j] += keep / size;
    p[cells[2 * j + 1]] += (1 - keep) / size;
  }
  return p;
}

describe("alias table (Vose)", () => {
  it("encodes the distribution it was built from (relative error below 1e-9)", () => {
    const counts = Array.from(zipfVocabulary(50_000).counts);
    const total = counts.reduce((a, b) => a + b ** 0.75, 0);
    const p = counts.map((c) => c ** 0.75 / total);
    const implied = impliedProbabilities(buildAliasTable(p));
    let worst = 0;
    // Rounding accumulates in the large columns Vose's method charges many times; thresholds add ≤ 2^-32 / V.
    p.forEach((q, i) => (worst = Math.max(worst, Math.abs(implied[i] - q) / q)));
    expect(worst).toBeLessThan(1e-9);
  });

  it("handles zeros and a single word", () => {
    expect(Array.from(impliedProbabilities(buildAliasTable([0, 1, 0, 0])))).toEqual([0, 1, 0, 0]);
    expect(Array.from(buildAliasTable([1]))).toEqual([TWO_POW_32 - 1, 0]);
  });

  it.each([12, 1_000_000, 2 ** 21, 3_000_017])(
    "draws column ⌊u·V/2^32⌋ and coin u·V mod 2^32 exactly (V = %d)",
    (size) => {
      // A table whose thresholds are arbitrary: compare the draw with the exact 64-bit arithmetic of BigInt.
      const random = rng(`alias exact ${size}`);
      const cells = new Uint32Array(2 * size);
      for (let i = 0; i < size; i++) {
        cells[2 * i] = random.nextUint32();
        cells[2 * i + 1] = random.nextInt(size);
      }
      const probes = [0, 1, TWO_POW_32 - 1, 2 ** 31, ...Array.from({ length: 20_000 }, () => random.nextUint32())];
      for (const u of probes) {
        const product = BigInt(u) * BigInt(size);
        const column = Number(product >> 32n);
        const coin = Number(product & 0xffffffffn);
        expect(aliasDraw(cells, size, u)).toBe(coin < cells[2 * column] ? column : cells[2 * column + 1]);
      }
    },
  );
});
