import { expect, test } from "vitest";
import { huffmanPaths } from "../src/huffman.js";

/** The optimal prefix-code cost Σ count × length, by the textbook two-smallest merge. */
function optimalCost(counts: number[]): number {
  const queue = [...counts];
  let cost = 0;
  while (queue.length > 1) {
    queue.sort((a, b) => a - b);
    const merged = queue.shift()! + queue.shift()!;
    cost += merged;
    queue.push(merged);
  }
  return cost;
}

test("Huffman paths form an optimal prefix code rooted at inner node V−2", () => {
  const counts = [120, 90, 40, 40, 33, 20, 9, 9, 5, 2, 1, 1];
  const { codeStart, codeLength, points, codes } = huffmanPaths(counts);
  const words = counts.length;
  const code = (w: number): string => Array.from(codes.subarray(codeStart[w], codeStart[w] + codeLength[w])).join("");
  let kraft = 0;
  let cost = 0;
  for (let w = 0; w < words; w++) {
    kraft += 2 ** -codeLength[w];
    cost += counts[w] * codeLength[w];
    expect(points[codeStart[w]]).toBe(words - 2);
    for (let d = 0; d < codeLength[w]; d++) {
      expect(points[codeStart[w] + d]).toBeGreaterThanOrEqual(0);
      expect(points[codeStart[w] + d]).toBeLessThan(words - 1);
    }
    for (let v = 0; v < words; v++) if (v !== w) expect(code(v).startsWith(code(w))).toBe(false);
  }
  expect(kraft).toBeCloseTo(1, 12);
  expect(cost).toBe(optimalCost(counts));
  // frequent words get codes no longer than rare ones
  for (let w = 1; w < words; w++) expect(codeLength[w]).toBeGreaterThanOrEqual(codeLength[w - 1]);
});

test("word2vec.c's tie-breaking: the two rarest words end in 0 and 1 under the same node", () => {
  const { codeStart, codeLength, points, codes } = huffmanPaths([3, 2, 1, 1]);
  const last = (w: number): [number, number] => [
    points[codeStart[w] + codeLength[w] - 1],
    codes[codeStart[w] + codeLength[w] - 1],
  ];
  // word2vec.c merges word 3 (first, branch 0) with word 2 (second, branch 1) into node 0
  expect(last(3)).toEqual([0, 0]);
  expect(last(2)).toEqual([0, 1]);
});

test("a one-word vocabulary has an empty path", () => {
  const paths = huffmanPaths([7]);
  expect(paths.codeLength[0]).toBe(0);
  expect(paths.points.length).toBe(0);
});
