/** Powers of ten 10^0 … 10^22, all exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * The shortest decimal string that reads back as exactly the same float32
 * (like numpy's `repr(np.float32(x))`, which gensim's `save_word2vec_format`
 * writes): the fewest significant digits, 1 to 9, whose float32 rounding is `x`.
 * Nine digits always suffice for float32 (IEEE 754 §5.12.2).
 *
 * Fast path for 1e-10 ≤ |x| < 1e10: p digits are m = round(|x| · 10^k) with
 * k = p − 1 − ⌊log10 |x|⌋, accepted when float32(m / 10^k) = x. With
 * 10^k exact, m / 10^k is the correctly rounded double of the decimal m·10^−k,
 * which is what parsing the printed string gives, so the check is exact.
 */
export function formatFloat32(x: number): string {
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  if (!Number.isFinite(x)) return String(x);
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-10 && magnitude < 1e10) {
    const exponent = Math.floor(Math.log10(magnitude));
    // Round-tripping is monotonic in the digit count; most float32 values need 7 to 9 digits,
    // so start at 6 and walk up, or down while fewer digits still read back.
    let digits = 6;
    if (roundTrips(magnitude, exponent, digits)) {
      while (digits > 1 && roundTrips(magnitude, exponent, digits - 1)) digits--;
    } else {
      while (digits < 9 && !roundTrips(magnitude, exponent, digits)) digits++;
    }
    const k = digits - 1 - exponent;
    if (roundTrips(magnitude, exponent, digits)) return (x < 0 ? "-" : "") + render(scaled(magnitude, k), k);
  }
  return viaToPrecision(x);
}

/** round(|x| · 10^k): the significant digits of |x| with k digits after the decimal point. */
function scaled(magnitude: number, k: number): number {
  return k >= 0 ? Math.round(magnitude * POW10[k]) : Math.round(magnitude / POW10[-k]);
}

/** Whether `digits` significant digits of |x| (whose decimal exponent is `exponent`) read back as the same float32. */
function roundTrips(magnitude: number, exponent: number, digits: number): boolean {
  const k = digits - 1 - exponent;
  const m = scaled(magnitude, k);
  return Math.fround(k >= 0 ? m / POW10[k] : m * POW10[-k]) === magnitude;
}

/**
 * The decimal m · 10^−k without trailing zeros after the point: plain digits,
 * or scientific notation below 1e-4 (as numpy and JavaScript print them).
 */
function render(m: number, k: number): string {
  while (k > 0 && m % 10 === 0) {
    m /= 10;
    k--;
  }
  const digits = String(m);
  const exponent = digits.length - 1 - k;
  if (exponent < -4) return `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ""}e${exponent}`;
  if (k <= 0) return digits + "0".repeat(-k);
  const padded = k >= digits.length ? "0".repeat(k + 1 - digits.length) + digits : digits;
  return `${padded.slice(0, padded.length - k)}.${padded.slice(padded.length - k)}`;
}

/** The general path: the fewest `toPrecision` digits that read back as `x`. */
function viaToPrecision(x: number): string {
  let digits = 1;
  while (Math.fround(Number(x.toPrecision(digits))) !== x) digits++;
  const [mantissa, exponent] = x.toPrecision(digits).split("e");
  const trimmed = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}
