import { endianness } from "node:os";
import { ByteReader, openChunks } from "./byte-reader.js";
import { Embeddings } from "./embeddings.js";
import { VectorsError } from "./errors.js";
import { regularInputFile } from "./regular-file.js";

/** Options of {@link readWord2Vec}. */
export interface ReadWord2VecOptions {
  /**
   * `true` for the binary format (word, space, dim little-endian float32s),
   * `false` for text (word and values separated by single spaces, one vector a
   * line). Default: detected from the first record: text when it is printable
   * UTF-8 (so a text file disagreeing with its header is reported as text), else binary.
   */
  binary?: boolean;
  /** Read at most this many vectors (gensim's `limit`); the rest of the file is not read. Default: all. */
  limit?: number;
  /**
   * A word2vec.c vocabulary file (`-save-vocab`: `word count` lines) giving each
   * word's count (gensim's `fvocab`). Every loaded word must appear in it. Default: no counts.
   */
  vocabFile?: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
/** Whether this machine stores floats little-endian, as the binary format does (then bytes are copied as they are). */
const LITTLE_ENDIAN = endianness() === "LE";

/**
 * Reads word vectors in the word2vec.c format, as gensim's
 * `KeyedVectors.load_word2vec_format` does (`_load_word2vec_format`): a header
 * line `count dim`, then `count` records. Text records are a line split on
 * single spaces after trailing whitespace is stripped; binary records are the
 * word up to a space (leading newlines dropped, as word2vec.c writes one after
 * each vector) followed by `dim` float32s. A path ending in `.gz` is gunzipped.
 * The file is streamed, never held whole.
 *
 * Stricter than gensim, every defect is a {@link VectorsError} naming the file
 * and line (text) or vector number (binary): a bad header, a number of values
 * other than the header's dimension, a value that is not a number or is
 * NaN/Infinity, a duplicate word (gensim keeps the first with a warning),
 * invalid UTF-8, a damaged gzip stream, a file that ends early, and records
 * beyond the header's count (gensim ignores them; they mean the count is wrong).
 * Values must be decimal (as word2vec.c's `strtof` and Python's `float()` read
 * the format's numbers): a hexadecimal, binary or octal literal is refused.
 * Only a regular file is opened (a FIFO would block forever; `-` is refused).
 */
export async function readWord2Vec(path: string, options: ReadWord2VecOptions = {}): Promise<Embeddings> {
  const { size } = await regularInputFile(path);
  if (options.vocabFile !== undefined) await regularInputFile(options.vocabFile);
  const reader = new ByteReader(openChunks(path), path);
  try {
    const headerBytes = await reader.readLine();
    if (headerBytes === null)
      throw new VectorsError("empty file, expected a header line `count dim`", { file: path, line: 1 });
    const header = decode(headerBytes, path, 1).trim().split(/\s+/);
    // Plain decimal digits only, as word2vec.c's fscanf("%lld") and gensim's int() read them (no "1e3", no "0x10").
    const [count, dim] = header.map((field) => (/^\d+$/.test(field) ? Number(field) : Number.NaN));
    if (header.length !== 2 || !Number.isSafeInteger(count) || !Number.isSafeInteger(dim) || dim < 1) {
      throw new VectorsError(
        `bad header ${JSON.stringify(decode(headerBytes, path, 1))}, expected \`count dim\` (two non-negative integers)`,
        { file: path, line: 1 },
      );
    }
    const wanted = options.limit ? Math.min(count, options.limit) : count;
    const binary = options.binary ?? (await looksBinary(reader, dim));
    checkPlausibleSize(path, size, wanted, dim, binary);
    const sink = new RowSink(path, wanted, dim);
    if (binary) await readBinaryRecords(reader, sink);
    else await readTextRecords(reader, sink);
    // All `count` records were read (no `limit` stopped early): whatever follows means the header's count is wrong.
    if (wanted === count) {
      if (binary) await expectBinaryEnd(reader, sink);
      else await expectTextEnd(reader, sink);
    }
    const counts =
      options.vocabFile === undefined
        ? null
        : countsFor(sink.words, await readVocabCounts(options.vocabFile), options.vocabFile);
    return sink.finish(counts);
  } finally {
    await reader.close();
  }
}

/**
 * Collects the rows, growing the matrix only as rows arrive (never sized from
 * the header alone), so a lying header cannot force an allocation beyond what
 * the file's bytes hold, even gzipped where the size cannot be checked up front.
 */
class RowSink {
  readonly words: string[] = [];
  private readonly seen = new Map<string, number>();
  private matrix: Float32Array;

  constructor(
    readonly path: string,
    readonly wanted: number,
    readonly dim: number,
  ) {
    this.matrix = new Float32Array(0);
  }

  get rows(): number {
    return this.words.length;
  }

  /** The float32 slot of the next row; the caller fills it, then calls {@link add}. */
  nextRow(): Float32Array {
    const start = this.rows * this.dim;
    if (start + this.dim > this.matrix.length) {
      const grown = new Float32Array(Math.min(this.wanted, Math.max(1, this.rows * 2)) * this.dim);
      grown.set(this.matrix);
      this.matrix = grown;
    }
    return this.matrix.subarray(start, start + this.dim);
  }

  /** Accepts the row just filled for `word`, checking the word and the values. */
  add(word: string, where: string, line?: number): void {
    const loc = { file: this.path, line };
    if (word === "") throw new VectorsError(`${where}: empty word`, loc);
    const first = this.seen.get(word);
    if (first !== undefined)
      throw new VectorsError(
        `${where}: duplicate word ${JSON.stringify(word)} (first seen as vector #${first + 1})`,
        loc,
      );
    const row = this.matrix.subarray(this.rows * this.dim, (this.rows + 1) * this.dim);
    for (let i = 0; i < this.dim; i++) {
      if (!Number.isFinite(row[i]))
        throw new VectorsError(`${where}: value ${i + 1} of ${JSON.stringify(word)} is ${row[i]}`, loc);
    }
    this.seen.set(word, this.rows);
    this.words.push(word);
  }

  finish(counts: Float64Array | null): Embeddings {
    const vectors =
      this.matrix.length === this.rows * this.dim ? this.matrix : this.matrix.slice(0, this.rows * this.dim);
    return new Embeddings(this.words, vectors, this.dim, { source: this.path, counts });
  }
}

async function readTextRecords(reader: ByteReader, sink: RowSink): Promise<void> {
  for (let record = 0; record < sink.wanted; record++) {
    const line = record + 2;
    const bytes = await reader.readLine();
    if (bytes === null) {
      throw new VectorsError(
        `unexpected end of file after ${record} of ${sink.wanted} vectors; is the count in the header wrong or the file truncated?`,
        { file: sink.path, line },
      );
    }
    // gensim: line.rstrip().split(" ") — the word, then the values.
    const parts = decode(bytes, sink.path, line).trimEnd().split(" ");
    if (parts.length - 1 !== sink.dim) {
      throw new VectorsError(
        `expected ${sink.dim} values after the word (the header's dimension), found ${parts.length - 1}`,
        { file: sink.path, line },
      );
    }
    const row = sink.nextRow();
    for (let i = 0; i < sink.dim; i++) {
      const token = parts[i + 1];
      const value = parseValue(token);
      if (value === undefined) {
        throw new VectorsError(`value ${i + 1} ${JSON.stringify(token)} is not a number`, { file: sink.path, line });
      }
      row[i] = value;
    }
    sink.add(parts[0], `vector #${record + 1}`, line);
  }
}

async function readBinaryRecords(reader: ByteReader, sink: RowSink): Promise<void> {
  const bytesPerVector = 4 * sink.dim;
  for (let record = 0; record < sink.wanted; record++) {
    const where = `vector #${record + 1}`;
    await reader.skip(0x0a);
    const wordBytes = await reader.readUntil(0x20, false);
    if (wordBytes === null) {
      throw new VectorsError(
        `truncated binary file: ${where} of ${sink.wanted} is missing (file ends before its word)`,
        { file: sink.path },
      );
    }
    const word = decode(wordBytes, sink.path, undefined, where);
    const data = await reader.readBytes(bytesPerVector);
    if (data.length < bytesPerVector) {
      throw new VectorsError(
        `truncated binary file: ${where} (${JSON.stringify(word)}) has ${data.length} of ${bytesPerVector} bytes`,
        { file: sink.path },
      );
    }
    const row = sink.nextRow();
    if (LITTLE_ENDIAN) new Uint8Array(row.buffer, row.byteOffset, bytesPerVector).set(data);
    else {
      const view = new DataView(data.buffer, data.byteOffset, data.length);
      for (let i = 0; i < sink.dim; i++) row[i] = view.getFloat32(4 * i, true);
    }
    sink.add(word, where);
  }
}

/** After the header's `count` text records only blank lines may follow; another record means the count is wrong. */
async function expectTextEnd(reader: ByteReader, sink: RowSink): Promise<void> {
  for (let line = sink.wanted + 2; ; line++) {
    const bytes = await reader.readLine();
    if (bytes === null) return;
    if (decode(bytes, sink.path, line).trim() !== "") {
      throw new VectorsError(
        `more lines than the ${vectors(sink.wanted)} the header announces; is the count in the header wrong?`,
        { file: sink.path, line },
      );
    }
  }
}

/** After the header's `count` binary records only newlines may follow (word2vec.c ends each record with one). */
async function expectBinaryEnd(reader: ByteReader, sink: RowSink): Promise<void> {
  await reader.skip(0x0a);
  if (!(await reader.atEnd())) {
    throw new VectorsError(
      `bytes left after the ${vectors(sink.wanted)} the header announces; is the count in the header wrong?`,
      { file: sink.path },
    );
  }
}

function vectors(n: number): string {
  return n === 1 ? "1 vector" : `${n} vectors`;
}

/** Reads a word2vec.c vocabulary file: one `word count` line per word (as gensim reads `fvocab`). */
async function readVocabCounts(path: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const reader = new ByteReader(openChunks(path), path);
  try {
    for (let line = 1; ; line++) {
      const bytes = await reader.readLine();
      if (bytes === null) return counts;
      const fields = decode(bytes, path, line).trim().split(/\s+/);
      const count = Number(fields[1]);
      if (fields.length !== 2 || !Number.isSafeInteger(count) || count < 0) {
        throw new VectorsError("expected `word count` (a non-negative integer count)", { file: path, line });
      }
      counts.set(fields[0], count);
    }
  } finally {
    await reader.close();
  }
}

/** Each word's count from a vocabulary file, in row order. */
function countsFor(words: readonly string[], counts: Map<string, number>, path: string): Float64Array {
  return Float64Array.from(words, (word) => {
    const count = counts.get(word);
    if (count === undefined)
      throw new VectorsError(`vocabulary file is incomplete: ${JSON.stringify(word)} is missing`, { file: path });
    return count;
  });
}

/** A decimal number: digits with an optional fraction and exponent, as word2vec.c writes values with `%lf`. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A value as Python's `float()` reads it (decimal, or `nan`/`inf` spelled
 * out); `undefined` if not a number. `Number()` alone would also take
 * `0x10`, `0b1`, `0o7` (and the empty string as 0), which neither gensim nor
 * word2vec.c reads as those numbers.
 */
function parseValue(token: string): number | undefined {
  if (DECIMAL.test(token)) return Number(token);
  const special = /^([+-]?)(nan|inf|infinity)$/i.exec(token);
  if (special === null) return undefined;
  if (special[2].toLowerCase() === "nan") return Number.NaN;
  return special[1] === "-" ? -Infinity : Infinity;
}

function decode(bytes: Uint8Array, file: string, line?: number, where?: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new VectorsError(`${where ? `${where}: ` : ""}invalid UTF-8`, { file, line });
  }
}

/**
 * Guesses the format from the first record. A word2vec.c binary record is the
 * word, a space and `dim` raw float32s; a text file is printable UTF-8
 * throughout. Text when the first line is a word and exactly `dim` numbers, or
 * when the bytes where the first vector's floats would sit are printable UTF-8
 * anyway: then a text file whose lines disagree with the header is read as text
 * and the mismatch reported at its line, never re-read as binary garbage.
 * Float32 data practically always holds control, zero or invalid UTF-8 bytes;
 * a binary file that does not (tiny dimensions) needs `binary: true`.
 */
async function looksBinary(reader: ByteReader, dim: number): Promise<boolean> {
  const head = await reader.peek(1 << 16);
  const newline = head.indexOf(0x0a);
  const line = head
    .subarray(0, newline < 0 ? head.length : newline)
    .toString("latin1")
    .trimEnd()
    .split(" ");
  if (line.length === dim + 1 && line.slice(1).every((token) => parseValue(token) !== undefined)) return false;
  let start = 0;
  while (start < head.length && head[start] === 0x0a) start++;
  const space = head.indexOf(0x20, start);
  if (space < 0) return !isPrintableText(head.subarray(start));
  return !isPrintableText(head.subarray(space + 1, space + 1 + 4 * dim));
}

/** Whether the bytes are UTF-8 without control characters other than tab, CR and LF (a sequence cut at the end is fine). */
function isPrintableText(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) return false;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Rejects a header that claims more vectors than an uncompressed file could hold. */
function checkPlausibleSize(path: string, size: number, wanted: number, dim: number, binary: boolean): void {
  if (path.endsWith(".gz")) return;
  // The smallest possible record: a 1-byte word, a space and the values (binary: 4 bytes each; text: "0 " each).
  const minimum = wanted * (binary ? 2 + 4 * dim : 2 + 2 * dim - 1);
  if (minimum > size) {
    throw new VectorsError(
      `header claims ${wanted} vectors of ${dim} dimensions, but the file has only ${size} bytes; is it truncated?`,
      { file: path, line: 1 },
    );
  }
}
