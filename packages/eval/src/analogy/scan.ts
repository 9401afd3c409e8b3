import { COSMUL_EPSILON } from "@neglab/vectors/arithmetic";
import { blockDots, ROW_BLOCK } from "./block-dots.js";
import { TopKTable } from "./top-k-table.js";

/**
 * Scores every row in [rowStart, rowEnd) for every analogy question a : b :: c : ?
 * and keeps each question's k best rows.
 *
 * The work is one blocked matrix product: the unit vectors of the distinct
 * question words (`wordVectors`, a few hundred rows) times a block of the
 * unit-normalised vocabulary (`unit`) gives cos(row, w) for every word w; each
 * question then combines three of those rows (its word slots a, b, c =
 * `slots[3i..3i+2]`):
 *
 * - 3CosAdd ranks by cos(row, b) + cos(row, c) − cos(row, a). This is gensim's
 *   `most_similar(positive=[b, c], negative=[a])` score cos(row, unit(b̂ + ĉ − â))
 *   times the positive constant 3·|mean| of the question, so the ranking is the
 *   same, and it costs one product per distinct word instead of one per question.
 * - 3CosMul ranks by (1 + cos b)/2 · (1 + cos c)/2 / ((1 + cos a)/2 + 1e-6)
 *   (Levy & Goldberg 2014, eq. 4, as gensim's `most_similar_cosmul`).
 *
 * `onBlock` is told the number of rows done after each block.
 */
export function scanAnalogies(
  method: "3CosAdd" | "3CosMul",
  unit: Float32Array,
  dim: number,
  rowStart: number,
  rowEnd: number,
  wordVectors: Float32Array,
  slots: Int32Array,
  k: number,
  onBlock?: (rowsDone: number) => void,
): TopKTable {
  const nWords = wordVectors.length / dim;
  const nQuestions = slots.length / 3;
  const table = new TopKTable(nQuestions, k);
  const thresholds = table.thresholds;
  const blockRows = Math.min(ROW_BLOCK, Math.max(1, rowEnd - rowStart));
  const cos = new Float64Array(nWords * blockRows);
  for (let r0 = rowStart; r0 < rowEnd; r0 += blockRows) {
    const rows = Math.min(blockRows, rowEnd - r0);
    // cos[w * rows + r] = wordVectors[w] · unit[r0 + r]
    blockDots(unit, dim, r0, rows, wordVectors, 0, nWords, cos);
    if (method === "3CosMul") for (let j = 0; j < nWords * rows; j++) cos[j] = (1 + cos[j]) / 2;
    for (let q = 0; q < nQuestions; q++) {
      const a = slots[3 * q] * rows;
      const b = slots[3 * q + 1] * rows;
      const c = slots[3 * q + 2] * rows;
      let threshold = thresholds[q];
      if (method === "3CosAdd") {
        for (let r = 0; r < rows; r++) {
          const s = cos[b + r] + cos[c + r] - cos[a + r];
          if (s > threshold) threshold = offer(table, q, r0 + r, s);
        }
      } else {
        for (let r = 0; r < rows; r++) {
          const s = (cos[b + r] * cos[c + r]) / (cos[a + r] + COSMUL_EPSILON);
          if (s > threshold) threshold = offer(table, q, r0 + r, s);
        }
      }
    }
    onBlock?.(r0 + rows - rowStart);
  }
  return table;
}

/** Offers a row to a question's top-k and returns the question's new threshold. */
function offer(table: TopKTable, q: number, row: number, score: number): number {
  table.offer(q, row, score);
  return table.thresholds[q];
}
