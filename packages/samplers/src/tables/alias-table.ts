/** 2^32: thresholds are stored on the scale of one 32-bit random word. */
const TWO_POW_32 = 4294967296;

/**
 * Walker's alias table (Walker 1977), built in O(V) by Vose's numerically
 * stable method (Vose 1991, "A linear algorithm for generating random numbers
 * with a given distribution"). Column i is chosen uniformly; it keeps i with
 * probability threshold_i and otherwise yields alias_i.
 *
 * Layout: one Float64Array of 2V cells, `[threshold_0 · 2^32, alias_0, threshold_1 · 2^32, alias_1, …]`,
 * so a draw touches a single cache line. See {@link aliasDraw} for the draw.
 *
 * Steps: scale each probability by V so the mean is 1; pair a column below 1
 * ("small") with one above 1 ("large"), let the large one fill the small one's
 * remainder and charge that to the large one; repeat. Leftover columns (exactly 1
 * up to rounding) keep themselves.
 */
export function buildAliasTable(probabilities: ArrayLike<number>): Float64Array {
  const size = probabilities.length;
  const scaled = new Float64Array(size);
  const small = new Int32Array(size);
  const large = new Int32Array(size);
  let smallCount = 0;
  let largeCount = 0;
  for (let i = 0; i < size; i++) {
    scaled[i] = probabilities[i] * size;
    if (scaled[i] < 1) small[smallCount++] = i;
    else large[largeCount++] = i;
  }
  const cells = new Float64Array(2 * size);
  while (smallCount > 0 && largeCount > 0) {
    const lesser = small[--smallCount];
    const greater = large[--largeCount];
    cells[2 * lesser] = scaled[lesser] * TWO_POW_32;
    cells[2 * lesser + 1] = greater;
    // The greater column gives away (1 − scaled[lesser]) of its mass.
    scaled[greater] = scaled[greater] + scaled[lesser] - 1;
    if (scaled[greater] < 1) small[smallCount++] = greater;
    else large[largeCount++] = greater;
  }
  // Whatever is left is 1 up to rounding: the column always keeps itself.
  while (largeCount > 0) keepSelf(cells, large[--largeCount]);
  while (smallCount > 0) keepSelf(cells, small[--smallCount]);
  return cells;
}

function keepSelf(cells: Float64Array, column: number): void {
  cells[2 * column] = TWO_POW_32;
  cells[2 * column + 1] = column;
}

/**
 * One alias draw from one 32-bit random word u: x = u · V is exact in a double;
 * its high part ⌊x / 2^32⌋ is a uniform column (Lemire's multiply-shift), and its
 * low part x mod 2^32 is an independent uniform coin on the 2^32 scale. Each
 * word's probability is thus resolved to a multiple of 2^-32, like gensim's
 * 2^31 − 1 cumulative domain. Small and monomorphic, so V8 inlines it into
 * the sampler's draw loop.
 */
export function aliasDraw(cells: Float64Array, size: number, u: number): number {
  const x = u * size;
  const column = Math.floor(x / TWO_POW_32);
  return x - column * TWO_POW_32 < cells[2 * column] ? column : cells[2 * column + 1];
}
