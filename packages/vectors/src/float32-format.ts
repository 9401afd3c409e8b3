/**
 * The shortest decimal string that reads back as exactly the same float32
 * (like numpy's `repr(np.float32(x))`, which gensim's `save_word2vec_format`
 * writes): the fewest significant digits, 1 to 9, whose float32 rounding is `x`.
 * Nine digits always suffice for float32 (IEEE 754 §5.12.2).
 */
export function formatFloat32(x: number): string {
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  if (!Number.isFinite(x)) return String(x);
  // Most float32 values need 8 digits, some 9, a few fewer: try 8 first, then shorten while it still reads back.
  const roundTrips = (text: string): boolean => Math.fround(Number(text)) === x;
  let text = x.toPrecision(8);
  if (!roundTrips(text)) return tidy(x.toPrecision(9));
  for (let digits = 7; digits >= 1; digits--) {
    const shorter = x.toPrecision(digits);
    if (!roundTrips(shorter)) break;
    text = shorter;
  }
  return tidy(text);
}

/** Drops trailing zeros of the fraction ("0.5000" → "0.5", "1.500e-7" → "1.5e-7"). */
function tidy(text: string): string {
  const [mantissa, exponent] = text.split("e");
  const trimmed = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, ".0") : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}
