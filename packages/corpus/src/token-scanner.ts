import { isUtf8 } from "node:buffer";
import { CorpusError } from "./errors.js";
import { createByteNormalizer, type ByteNormalizer, type NormalizeOptions } from "./normalize.js";
import { MAX_SENTENCE_LENGTH } from "./tokenize.js";

/**
 * Receives a corpus's tokens as UTF-8 bytes, sentence by sentence. The bytes
 * are only valid during the call (they are the reader's buffer): a sink that
 * keeps a token copies it.
 */
export interface TokenSink {
  /** One token: `bytes[start, end)`, never empty, valid UTF-8, no whitespace. */
  token(bytes: Buffer, start: number, end: number): void;
  /** The sentence of the tokens since the previous call ends (never called for an empty sentence). */
  endSentence(): void;
}

/** How a byte stream is cut into sentences. */
export interface ScanOptions {
  /** Name used in error messages (usually the file path). */
  readonly file: string;
  /** Longest sentence; longer lines are cut into consecutive pieces (gensim's `max_sentence_length`). */
  readonly maxSentenceLength?: number;
  /** Token normalisation applied to each token before sentences are cut (default: none). */
  readonly normalize?: NormalizeOptions;
}

/**
 * A run longer than this many bytes without whitespace is rejected: no word is
 * that long, a binary file can be, and the reader would have to hold it whole.
 */
const LONG_TOKEN_BYTES = 1 << 20;

// Byte classes: a token byte, ASCII whitespace, the line end, or the lead byte
// of a multi-byte character that may be Python whitespace (C2, E1, E2, E3).
const TOKEN = 0;
const SPACE = 1;
const NEWLINE = 2;
const MAYBE_SPACE = 3;
const BYTE_CLASS = new Uint8Array(256);
for (const b of [0x09, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20]) BYTE_CLASS[b] = SPACE;
BYTE_CLASS[0x0a] = NEWLINE;
for (const b of [0xc2, 0xe1, 0xe2, 0xe3]) BYTE_CLASS[b] = MAYBE_SPACE;

/** The UTF-8 encoding of U+FEFF, the byte-order mark. */
const BOM = [0xef, 0xbb, 0xbf];
const EMPTY = Buffer.alloc(0);

/**
 * Cuts a stream of UTF-8 bytes into tokens and sentences exactly as gensim's
 * `LineSentence` reads a file, without making a string per token: lines end at
 * `\n` only, each line is split on runs of Python whitespace
 * (`utils.to_unicode(line).split()`; the characters of `PYTHON_WHITESPACE`),
 * empty lines give nothing, and a line of more than `maxSentenceLength` tokens
 * (after normalisation) becomes several sentences of that many tokens, the last
 * one shorter.
 *
 * Feed it chunks with {@link push} and finish with {@link end}. Memory is one
 * chunk plus the unfinished token carried over to the next: a token may span
 * chunks, a run of more than {@link LONG_TOKEN_BYTES} bytes without whitespace
 * (a binary file) is a {@link CorpusError}, and so is invalid UTF-8, naming the
 * file and line — gensim's `LineSentence` would hold a whole 100 MB line (text8)
 * and raise a `UnicodeDecodeError`.
 *
 * A UTF-8 byte-order mark at the start of the stream is dropped: editors on
 * Windows write one, and kept it would glue U+FEFF to the first word (gensim
 * keeps it, since Python's `utf-8` codec does; a BOM later in the text is a
 * character, a zero-width no-break space, and part of its token).
 */
export class TokenScanner {
  private carry: Buffer = EMPTY;
  /** 1-based line of the first byte not yet scanned. */
  private line = 1;
  /** Tokens of the current line since the last sentence cut. */
  private sentenceTokens = 0;
  private atStart = true;
  private readonly maxLength: number;
  private readonly normalizer: ByteNormalizer | null;
  private readonly emit: (bytes: Buffer, start: number, end: number) => void;

  constructor(
    private readonly sink: TokenSink,
    private readonly options: ScanOptions,
  ) {
    this.maxLength = options.maxSentenceLength ?? MAX_SENTENCE_LENGTH;
    if (!Number.isInteger(this.maxLength) || this.maxLength < 1) {
      throw new RangeError(`maxSentenceLength must be a positive integer, got ${this.maxLength}`);
    }
    this.normalizer = createByteNormalizer(options.normalize);
    this.emit = (bytes, start, end) => this.counted(bytes, start, end);
  }

  /** Scans the next chunk of the stream. */
  push(chunk: Uint8Array): void {
    let bytes = toBuffer(chunk);
    if (this.atStart) {
      bytes = this.carry.length === 0 ? bytes : Buffer.concat([this.carry, bytes]);
      this.carry = EMPTY;
      if (bytes.length < BOM.length && isBomPrefix(bytes)) {
        this.carry = bytes; // too few bytes yet to tell
        return;
      }
      if (isBomPrefix(bytes)) bytes = bytes.subarray(BOM.length);
      this.atStart = false;
    } else if (this.carry.length > 0) {
      // Finish the carried token with the chunk's bytes up to its first ASCII whitespace
      // (a whole character), so that the rest of the chunk is scanned in place, not copied.
      const first = firstAsciiWhitespace(bytes);
      if (first < 0) {
        bytes = Buffer.concat([this.carry, bytes]);
        this.carry = EMPTY;
      } else {
        const head = Buffer.concat([this.carry, bytes.subarray(0, first + 1)]);
        this.carry = EMPTY;
        if (head.length - 1 > LONG_TOKEN_BYTES) this.tooLong();
        this.consume(head);
        bytes = bytes.subarray(first + 1);
      }
    }
    this.consume(bytes);
  }

  /** Scans what is left; the last line may have no final newline. */
  end(): void {
    if (this.carry.length > 0) this.scan(this.carry, this.carry.length);
    this.carry = EMPTY;
    this.endLine();
  }

  /** Scans `bytes` through its last whitespace and carries the rest, an unfinished token, to the next chunk. */
  private consume(bytes: Buffer): void {
    const cut = lastWhitespaceEnd(bytes);
    if (cut > 0) this.scan(bytes, cut);
    if (bytes.length - cut > LONG_TOKEN_BYTES) this.tooLong();
    // a copy: a view would keep the whole chunk alive
    this.carry = cut === 0 ? bytes : cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : EMPTY;
  }

  private tooLong(): never {
    throw new CorpusError(
      `more than ${LONG_TOKEN_BYTES} bytes without whitespace: not a text corpus (a binary file?)`,
      {
        file: this.options.file,
        line: this.line,
      },
    );
  }

  /** Tokenises `bytes[0, end)`, which ends on a character boundary, after checking it is valid UTF-8. */
  private scan(bytes: Buffer, end: number): void {
    const piece = bytes.subarray(0, end);
    if (!isUtf8(piece))
      throw new CorpusError("invalid UTF-8", { file: this.options.file, line: this.line + badLineOffset(piece) });
    let tokenStart = -1;
    let high = 0; // OR of the token's bytes: ≥ 0x80 when it has a non-ASCII character
    let i = 0;
    while (i < end) {
      const b = bytes[i];
      const kind = BYTE_CLASS[b];
      if (kind === TOKEN || (kind === MAYBE_SPACE && !isMultiByteWhitespace(bytes, i))) {
        if (tokenStart < 0) tokenStart = i;
        high |= b;
        i += 1;
        continue;
      }
      if (tokenStart >= 0) {
        this.token(bytes, tokenStart, i, high >= 0x80);
        tokenStart = -1;
        high = 0;
      }
      if (kind === NEWLINE) {
        this.endLine();
        this.line += 1;
      }
      i += kind === MAYBE_SPACE ? (b === 0xc2 ? 2 : 3) : 1;
    }
    if (tokenStart >= 0) this.token(bytes, tokenStart, end, high >= 0x80);
  }

  private token(bytes: Buffer, start: number, end: number, nonAscii: boolean): void {
    if (this.normalizer === null) this.counted(bytes, start, end);
    else this.normalizer(bytes, start, end, nonAscii, this.emit);
  }

  /** Passes a (normalised) token on, cutting the sentence every `maxSentenceLength` tokens. */
  private counted(bytes: Buffer, start: number, end: number): void {
    this.sink.token(bytes, start, end);
    if (++this.sentenceTokens === this.maxLength) {
      this.sink.endSentence();
      this.sentenceTokens = 0;
    }
  }

  private endLine(): void {
    if (this.sentenceTokens > 0) this.sink.endSentence();
    this.sentenceTokens = 0;
  }
}

/**
 * Scans a whole byte stream into `sink` (see {@link TokenScanner}).
 */
export async function scanTokens(
  chunks: AsyncIterable<Uint8Array>,
  options: ScanOptions,
  sink: TokenSink,
): Promise<void> {
  const scanner = new TokenScanner(sink, options);
  for await (const chunk of chunks) scanner.push(chunk);
  scanner.end();
}

function toBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Whether `bytes` starts with the byte-order mark, or (when shorter) with its first bytes. */
function isBomPrefix(bytes: Uint8Array): boolean {
  for (let i = 0; i < Math.min(bytes.length, BOM.length); i++) if (bytes[i] !== BOM[i]) return false;
  return true;
}

/**
 * The index just past the last whole Python whitespace character in UTF-8
 * `bytes` (the characters of `PYTHON_WHITESPACE` in tokenize.ts), or 0: every
 * token before it is complete, and it ends on a character boundary.
 */
function lastWhitespaceEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const kind = BYTE_CLASS[bytes[i]];
    if (kind === SPACE || kind === NEWLINE) return i + 1;
    if (kind === MAYBE_SPACE) {
      const end = i + (bytes[i] === 0xc2 ? 2 : 3);
      // a multi-byte space whose last bytes have not arrived yet is not one yet
      if (end <= bytes.length && isMultiByteWhitespace(bytes, i)) return end;
    }
  }
  return 0;
}

/** The index of the first ASCII whitespace byte (a line end included) in `bytes`, or −1. */
function firstAsciiWhitespace(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const kind = BYTE_CLASS[bytes[i]];
    if (kind === SPACE || kind === NEWLINE) return i;
  }
  return -1;
}

/** Whether the UTF-8 sequence at `i` is U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F or U+3000. */
function isMultiByteWhitespace(bytes: Uint8Array, i: number): boolean {
  const b0 = bytes[i];
  const b1 = bytes[i + 1];
  if (b0 === 0xc2) return b1 === 0x85 || b1 === 0xa0;
  const b2 = bytes[i + 2];
  if (b0 === 0xe1) return b1 === 0x9a && b2 === 0x80;
  if (b0 === 0xe2) {
    if (b1 === 0x81) return b2 === 0x9f;
    return b1 === 0x80 && ((b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf);
  }
  return b0 === 0xe3 && b1 === 0x80 && b2 === 0x80;
}

/** Which line of `bytes` (0-based) holds the first invalid UTF-8 sequence. */
function badLineOffset(bytes: Buffer): number {
  let line = 0;
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    if (!isUtf8(bytes.subarray(start, end < 0 ? bytes.length : end)) || end < 0) return line;
    line += 1;
    start = end + 1;
  }
}
