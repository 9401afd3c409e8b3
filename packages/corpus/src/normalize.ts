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
  readonly punctuation?: PunctuationMode;
}

/** The values of {@link NormalizeOptions.punctuation}: one list for the normaliser, the CLI's choices and validators of user input. */
export const PUNCTUATION_MODES = ["keep", "drop", "strip"] as const;

/** One of {@link PUNCTUATION_MODES}. */
export type PunctuationMode = (typeof PUNCTUATION_MODES)[number];

const ONLY_PUNCTUATION = /^[\p{P}\p{S}]+$/u;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** A function that rewrites a line's tokens, or `null` when the options ask for no change. */
export type Normalizer = (tokens: string[]) => string[];

/** Builds the normaliser for `options`; `null` means tokens pass through untouched. */
export function createNormalizer(options: NormalizeOptions = {}): Normalizer | null {
  const lowercase = options.lowercase ?? false;
  const punctuation = options.punctuation ?? "keep";
  if (!PUNCTUATION_MODES.includes(punctuation)) {
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

/**
 * The byte form of {@link createNormalizer} for the token scanner: takes one
 * token's UTF-8 bytes and passes on what the string normaliser would give for
 * it (nothing, or one token) without a string per token. ASCII tokens are
 * rewritten on the bytes (lowercasing A–Z; punctuation from a table read off
 * the same Unicode-category rule at load time); a token with any non-ASCII
 * character goes through the string normaliser itself, so both forms agree.
 */
export type ByteNormalizer = (
  bytes: Buffer,
  start: number,
  end: number,
  nonAscii: boolean,
  emit: (bytes: Buffer, start: number, end: number) => void,
) => void;

/** ASCII code → 1 when the character is punctuation or a symbol (Unicode P or S), read off ONLY_PUNCTUATION. */
const ASCII_PUNCTUATION = Uint8Array.from({ length: 128 }, (_, code) =>
  ONLY_PUNCTUATION.test(String.fromCharCode(code)) ? 1 : 0,
);

/** Builds the byte normaliser for `options`; `null` means tokens pass through untouched. */
export function createByteNormalizer(options: NormalizeOptions = {}): ByteNormalizer | null {
  const normalizer = createNormalizer(options);
  if (normalizer === null) return null;
  const lowercase = options.lowercase ?? false;
  const punctuation = options.punctuation ?? "keep";
  let scratch = Buffer.alloc(64);
  return (bytes, start, end, nonAscii, emit) => {
    if (nonAscii) {
      for (const token of normalizer([bytes.toString("utf8", start, end)])) {
        const encoded = Buffer.from(token, "utf8");
        if (encoded.length > 0) emit(encoded, 0, encoded.length);
      }
      return;
    }
    if (punctuation !== "keep") {
      let first = start;
      while (first < end && ASCII_PUNCTUATION[bytes[first]] === 1) first++;
      if (first === end) return; // only punctuation: dropped
      if (punctuation === "strip") {
        let last = end;
        while (ASCII_PUNCTUATION[bytes[last - 1]] === 1) last--;
        start = first;
        end = last;
      }
    }
    if (!lowercase || !hasUpperAscii(bytes, start, end)) return emit(bytes, start, end);
    if (scratch.length < end - start) scratch = Buffer.alloc(2 * (end - start));
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      scratch[i - start] = b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
    }
    emit(scratch, 0, end - start);
  };
}

function hasUpperAscii(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] >= 0x41 && bytes[i] <= 0x5a) return true;
  return false;
}
