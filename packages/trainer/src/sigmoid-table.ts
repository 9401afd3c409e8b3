/**
 * The sigmoid lookup of word2vec.c and gensim: σ tabulated at 1000 points over
 * [−6, 6) (`EXP_TABLE_SIZE`, `MAX_EXP`), looked up at index ⌊(f + 6) · 83⌋. The
 * scale 83 is the C integer division 1000 / 6 / 2 both references compute, kept
 * so training follows them exactly.
 */
export const TABLE_SIZE = 1000;
/** Scores at or beyond ±MAX_EXP are outside the table. */
export const MAX_EXP = 6;
/** Index scale: `TABLE_SIZE / MAX_EXP / 2` in integer arithmetic. */
export const TABLE_SCALE = Math.floor(Math.floor(TABLE_SIZE / MAX_EXP) / 2);

/** σ(x_i) as float32, x_i = (2i / 1000 − 1) · 6. */
export function sigmoidTable(): Float32Array {
  const table = new Float32Array(TABLE_SIZE);
  for (let i = 0; i < TABLE_SIZE; i++) {
    const e = Math.exp(((2 * i) / TABLE_SIZE - 1) * MAX_EXP);
    table[i] = e / (e + 1);
  }
  return table;
}

/**
 * −log σ(x_i) = log(1 + e^−x_i) in float64 at the same points: the loss of a
 * target with score x_i (a negative's loss is the entry for −score). Outside
 * the table the kernels use the asymptotes 0 (x ≥ 6) and −x (x ≤ −6), off by
 * at most log(1 + e^−6) ≈ 0.0025.
 */
export function lossTable(): Float64Array {
  const table = new Float64Array(TABLE_SIZE);
  for (let i = 0; i < TABLE_SIZE; i++) {
    const x = ((2 * i) / TABLE_SIZE - 1) * MAX_EXP;
    table[i] = Math.log1p(Math.exp(-x));
  }
  return table;
}

/**
 * The largest loss of one prediction inside the sigmoid table: −log σ(−6) =
 * log(1 + e⁶) ≈ 6.0025, a target scored at the table's edge on the wrong side.
 * Training starts at ln 2 ≈ 0.693 per prediction (output vectors zero) and a
 * working run only goes down from there. A mean loss per prediction above this
 * bound means the typical prediction is wrong beyond the table, where no update
 * can correct it: under `saturation: "skip"` (gensim) such targets get no
 * gradient at all, under `"clip"` (word2vec.c) and hierarchical softmax the
 * updates that put them there were already overshooting. Either way the
 * learning rate was too high, whichever rule is in force, so the trainer
 * reports such an epoch as diverged even while its loss is still finite.
 */
export const EXPLODED_LOSS = Math.log1p(Math.exp(MAX_EXP));
