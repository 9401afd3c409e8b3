/** 2^32: thresholds are stored on the scale of one 32-bit random word. */
const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 1 / TWO_POW_32;

/**
 * Walker's alias table (Walker 1977): column i is chosen uniformly; it keeps i
 * when a uniform coin on [0, 2^32) falls below `thresholds[i]` (its kept
 * probability × 2^32) and otherwise yields `aliases[i]`.
 */
export interface AliasTable {
  readonly thresholds: Float64Array;
  readonly aliases: Int32Array;
}

/**
 * Builds an alias table in O(V) by Vose's numerically stable method (Vose 1991,
 * "A linear algorithm for generating random numbers with a given distribution").
 *
 * Steps: scale each probability by V so the mean is 1; pair a column below 1
 * ("small") with one at or above 1 ("large"), let the large one fill the small
 * one's remainder and charge that to the large one; repeat. Leftover columns
 * (exactly 1 up to rounding) keep themselves.
 */
export function buildAliasTable(probabilities: ArrayLike<number>): AliasTable {
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
  const thresholds = new Float64Array(size);
  const aliases = new Int32Array(size);
  while (smallCount > 0 && largeCount > 0) {
    const lesser = small[--smallCount];
    const greater = large[--largeCount];
    thresholds[lesser] = scaled[lesser] * TWO_POW_32;
    aliases[lesser] = greater;
    // The greater column gives away (1 − scaled[lesser]) of its mass.
    scaled[greater] = scaled[greater] + scaled[lesser] - 1;
    if (scaled[greater] < 1) small[smallCount++] = greater;
    else large[largeCount++] = greater;
  }
  // Whatever is left is 1 up to rounding: the column always keeps itself.
  for (const [stack, count] of [[large, largeCount], [small, smallCount]] as const) {
    for (let j = 0; j < count; j++) {
      thresholds[stack[j]] = TWO_POW_32;
      aliases[stack[j]] = stack[j];
    }
  }
  return { thresholds, aliases };
}

/**
 * One alias draw from one 32-bit random word u: x = u · V is exact in a double;
 * its high part ⌊x / 2^32⌋ is a uniform column (Lemire's multiply-shift), and its
 * low part x mod 2^32 is an independent uniform coin on the 2^32 scale. Each
 * word's probability is thus resolved to a multiple of 2^-32, like gensim's
 * 2^31 − 1 cumulative domain.
 *
 * The coin selects without a branch (mask = [coin < threshold] − 1, then column ^ ((column ^ alias) & mask)):
 * the coin is unpredictable, and a mispredicted branch per draw halved throughput.
 * Small and monomorphic, so V8 inlines it into the sampler's draw loop.
 */
export function aliasDraw(thresholds: Float64Array, aliases: Int32Array, size: number, u: number): number {
  const x = u * size;
  const column = (x * TWO_POW_MINUS_32) | 0;
  // A comparison used as a number is 0 or 1 (`| 0` keeps V8 on integers, without a branch).
  const keep = (x - column * TWO_POW_32 < thresholds[column]) as unknown as number;
  const mask = (keep | 0) - 1;
  return column ^ ((column ^ aliases[column]) & mask);
}
