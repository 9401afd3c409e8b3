/**
 * Optional token normalisation, applied to each line's tokens after
 * whitespace splitting and before sentences are cut to length. The default
 * (no options) leaves tokens exactly as gensim's `LineSentence` yields them.
 */
export interface NormalizeOptions {
  /**
   * Lowercase every token with JavaScript's `toLowerCase()` (Unicode default
   * case mapping, as Python's `str.lower()` for all but a handful of
   * context-sensitive letters). Default `false`.
   */
  readonly lowercase?: boolean;
  /**
   * What to do with punctuation, meaning Unicode categories P (punctuation) and
   * S (symbols):
   * - `keep` (default): nothing.
   * - `drop`: remove tokens made only of punctuation (`,`  `--`  `''`), keep `don't` and `U.S.`.
   * - `strip`: also trim punctuation from both ends of the remaining tokens (`"hello,` → `hello`).
   */
  readonly punctuation?: "keep" | "drop" | "strip";
}

const ONLY_PUNCTUATION = /^[\p{P}\p{S}]+$/u;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** A function that rewrites a line's tokens, or `null` when the options ask for no change. */
export type Normalizer = (tokens: string[]) => string[];

/** Builds the normaliser for `options`; `null` means tokens pass through untouched. */
export function createNormalizer(options: NormalizeOptions = {}): Normalizer | null {
  const lowercase = options.lowercase ?? false;
  const punctuation = options.punctuation ?? "keep";
  if (!["keep", "drop", "strip"].includes(punctuation)) {
    throw new RangeError(`normalize.punctuation must be "keep", "drop" or "strip", got ${JSON.stringify(punctuation)}`);
  }
  if (!lowercase && punctuation === "keep") return null;
  return (tokens) => {
    const out: string[] = [];
    for (const raw of tokens) {
      let token = lowercase ? raw.toLowerCase() : raw;
      if (punctuation !== "keep") {
        if (ONLY_PUNCTUATION.test(token)) continue;
        if (punctuation === "strip") token = token.replace(EDGE_PUNCTUATION, "");
      }
      out.push(token);
    }
    return out;
  };
}
