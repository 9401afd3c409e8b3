import { CorpusError } from "./errors.js";
import type { Normalizer } from "./normalize.js";
import { MAX_SENTENCE_LENGTH, splitWhitespace } from "./tokenize.js";

/** How a byte stream is cut into sentences. */
export interface SentenceStreamOptions {
  /** Name used in error messages (usually the file path). */
  readonly file: string;
  /** Longest sentence; longer lines are cut into consecutive pieces (gensim's `max_sentence_length`). */
  readonly maxSentenceLength?: number;
  /** Token normaliser applied to each line before cutting. */
  readonly normalizer?: Normalizer | null;
}

const NEWLINE = 0x0a;
/**
 * A line longer than this many bytes is decoded in pieces cut at whitespace;
 * a run this long without whitespace inside such a line is rejected.
 */
const LONG_LINE_BYTES = 1 << 20;

/**
 * Turns a stream of UTF-8 bytes into batches of sentences, the way gensim's
 * `LineSentence` reads a file: lines end at `\n` only, each line is split on
 * Python whitespace, empty lines yield nothing, and a line of more than
 * `maxSentenceLength` tokens becomes several sentences of that many tokens
 * (the last one shorter).
 *
 * Memory stays bounded by the chunk size: the text is decoded one chunk at a
 * time, and a line longer than 1 MiB (text8 is a single 100 MB line) is decoded
 * in pieces cut at Python whitespace, which never falls inside a token or a
 * multi-byte character. In such a line, a run of more than 1 MiB without
 * whitespace (no word is that long; a binary file can be) raises a
 * {@link CorpusError} instead of being buffered without limit — gensim's
 * `LineSentence` would hold the whole line. Invalid UTF-8 raises a
 * {@link CorpusError} naming the file and line.
 *
 * A UTF-8 byte-order mark (EF BB BF) at the start of the stream is dropped:
 * editors on Windows write one, and kept it would glue U+FEFF to the first
 * word (gensim keeps it, since Python's `utf-8` codec does; a BOM later in the
 * text is kept as a character, as there it is a zero-width no-break space).
 */
export async function* sentenceBatches(
  chunks: AsyncIterable<Uint8Array>,
  options: SentenceStreamOptions,
): AsyncGenerator<string[][]> {
  const maxLength = options.maxSentenceLength ?? MAX_SENTENCE_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxSentenceLength must be a positive integer, got ${maxLength}`);
  }
  const normalizer = options.normalizer ?? null;
  // `ignoreBOM`: the decoder never drops a U+FEFF itself, since each decode() call would drop one at the start of
  // its piece (any line); the stream's own leading mark is dropped below, once.
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let carry: Uint8Array = new Uint8Array(0);
  let lineNumber = 1; // 1-based number of the line the next decoded text starts on
  let open: string[] = []; // tokens of a long line still being read, not yet emitted
  let atStart = true; // the stream's first bytes may still be a byte-order mark

  // Decodes `bytes` (whole lines, or a piece of a long line when `lineEnds` is false)
  // and returns the sentences it completes.
  const decode = (bytes: Uint8Array, lineEnds: boolean): string[][] => {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new CorpusError("invalid UTF-8", { file: options.file, line: lineNumber + badLineOffset(bytes) });
    }
    const batch: string[][] = [];
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const lastPiece = i === lines.length - 1;
      let tokens = splitWhitespace(lines[i]);
      if (normalizer !== null) tokens = normalizer(tokens);
      if (open.length > 0) {
        tokens = open.concat(tokens);
        open = [];
      }
      // Cut full sentences off the front: the same pieces as LineSentence's
      // line[0:max], line[max:2max], … since every piece before the last is full.
      let start = 0;
      while (tokens.length - start >= maxLength) {
        batch.push(tokens.slice(start, start + maxLength));
        start += maxLength;
      }
      const rest = start === 0 ? tokens : tokens.slice(start);
      if (lastPiece && !lineEnds) {
        open = rest; // the line continues in the next piece
      } else if (rest.length > 0) {
        batch.push(rest);
      }
      if (!lastPiece) lineNumber += 1;
    }
    return batch;
  };

  for await (const chunk of chunks) {
    let bytes = carry.length === 0 ? chunk : concat(carry, chunk);
    if (atStart) {
      if (bytes.length < BOM.length && isBomPrefix(bytes)) {
        carry = bytes; // too few bytes yet to tell
        continue;
      }
      if (isBomPrefix(bytes)) bytes = bytes.subarray(BOM.length);
      atStart = false;
    }
    const lastNewline = bytes.lastIndexOf(NEWLINE);
    if (lastNewline >= 0) {
      // Everything up to the last newline is whole lines ("a\nb\n" → lines a, b, and an empty tail).
      const batch = decode(bytes.subarray(0, lastNewline), true);
      lineNumber += 1;
      carry = bytes.slice(lastNewline + 1);
      if (batch.length > 0) yield batch;
    } else if (bytes.length > LONG_LINE_BYTES) {
      // A long line: decode up to its last whitespace and carry the unfinished token,
      // unless that token alone is already longer than the bound.
      const cut = lastWhitespace(bytes);
      if (cut < 0 || bytes.length - cut > LONG_LINE_BYTES) {
        throw new CorpusError(
          `more than ${LONG_LINE_BYTES} bytes without whitespace: not a text corpus (a binary file?)`,
          { file: options.file, line: lineNumber },
        );
      }
      const batch = decode(bytes.subarray(0, cut), false);
      carry = bytes.slice(cut);
      if (batch.length > 0) yield batch;
    } else {
      carry = bytes;
    }
  }
  // The last line may have no final newline.
  const tail = carry.length > 0 || open.length > 0 ? decode(carry, true) : [];
  if (tail.length > 0) yield tail;
}

/** The UTF-8 encoding of U+FEFF, the byte-order mark. */
const BOM = [0xef, 0xbb, 0xbf];

/** Whether `bytes` starts with the byte-order mark, or (when shorter) with its first bytes. */
function isBomPrefix(bytes: Uint8Array): boolean {
  for (let i = 0; i < Math.min(bytes.length, BOM.length); i++) if (bytes[i] !== BOM[i]) return false;
  return true;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Index of the first byte of the last Python whitespace character in UTF-8
 * `bytes` (the characters of `PYTHON_WHITESPACE` in tokenize.ts), or −1.
 */
function lastWhitespace(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i];
    // ASCII: \t \n \v \f \r, \x1c–\x1f and space.
    if (b === 0x20 || (b >= 0x09 && b <= 0x0d) || (b >= 0x1c && b <= 0x1f)) return i;
    if (b >= 0xc2 && b <= 0xe3 && isMultiByteWhitespace(bytes, i)) return i;
  }
  return -1;
}

/** Whether the UTF-8 sequence at `i` is U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F or U+3000. */
function isMultiByteWhitespace(bytes: Uint8Array, i: number): boolean {
  const [b0, b1, b2] = [bytes[i], bytes[i + 1], bytes[i + 2]];
  if (b0 === 0xc2) return b1 === 0x85 || b1 === 0xa0;
  if (b0 === 0xe1) return b1 === 0x9a && b2 === 0x80;
  if (b0 === 0xe2) {
    if (b1 === 0x81) return b2 === 0x9f;
    return b1 === 0x80 && ((b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf);
  }
  return b0 === 0xe3 && b1 === 0x80 && b2 === 0x80;
}

/** Which line of `bytes` (0-based) holds the first invalid UTF-8 sequence. */
function badLineOffset(bytes: Uint8Array): number {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let line = 0;
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(NEWLINE, start);
    const piece = bytes.subarray(start, end < 0 ? bytes.length : end);
    try {
      strict.decode(piece);
    } catch {
      return line;
    }
    if (end < 0) return line;
    line += 1;
    start = end + 1;
  }
}
