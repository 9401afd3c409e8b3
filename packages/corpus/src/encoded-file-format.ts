import { closeSync, constants, fstatSync, openSync } from "node:fs";
import { open } from "node:fs/promises";
import { createAtomicFile, FileWriteError, type AtomicFile } from "@neglab/files";
import { assertReadableFile } from "./byte-sources.js";
import { BlockTableBuilder, type SentenceBlocks } from "./encoded-blocks.js";
import { CorpusError, fileSystemProblem } from "./errors.js";
import { grown } from "./grow-int32.js";
import { readFully, writeFully } from "./positional-io.js";

/**
 * The encoded corpus file, format version 1. Every number is little-endian.
 *
 * | bytes | field |
 * | --- | --- |
 * | 0–7 | magic, ASCII `NEGLABEC` |
 * | 8–11 | format version, uint32 (1) |
 * | 12–15 | vocabulary size V, uint32: every id is in [0, V) |
 * | 16–23 | in-vocabulary tokens, float64 |
 * | 24–31 | sentences (non-empty after removing out-of-vocabulary words), float64 |
 * | 32–39 | raw tokens read, float64 (gensim's `corpus_total_words`) |
 * | 40–47 | raw sentences read, float64 (gensim's `corpus_count`) |
 * | 48–51 | words in the longest sentence, uint32 |
 * | 52–55 | block count B, uint32 |
 * | 56–63 | byte offset of the block table, float64 |
 * | 64… | the blocks, one after the other: the block's sentence lengths (int32 each), then its ids (int32 each) |
 * | table | B entries of 16 bytes: the block's byte offset (float64), sentence count (int32), word count (int32) |
 *
 * The table ends the file. Totals and offsets are float64 (exact up to 2^53), so corpora of 2^31 tokens and more
 * need no special case; a block is cut by {@link BlockTableBuilder}'s rule, so its counts fit an int32.
 */
export const ENCODED_FILE_VERSION = 1;
const MAGIC = "NEGLABEC";
const HEADER_BYTES = 64;
const TABLE_ENTRY_BYTES = 16;
/** Bytes gathered before one write(2): few system calls, bounded memory. */
const STAGE_BYTES = 1 << 20;
const HOST_LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** The block table of an encoded file: {@link SentenceBlocks} plus where each block starts in the file. */
export interface EncodedFileBlocks extends SentenceBlocks {
  /** Byte offset of each block in the file. */
  readonly offset: Float64Array;
}

/**
 * An encoded corpus on disk: its totals and block table, read by
 * {@link openEncodedCorpus} (or returned by the writer's `finish`). The ids stay
 * in the file; {@link readEncodedBlock} reads one block at a time, so memory does
 * not grow with the corpus.
 */
export interface EncodedCorpusFile {
  readonly path: string;
  /** In-vocabulary tokens (the ids in the file). */
  readonly tokens: number;
  /** Non-empty sentences. */
  readonly sentences: number;
  /** Tokens read, including out-of-vocabulary ones (gensim's `corpus_total_words`). */
  readonly rawTokens: number;
  /** Sentences read, including those left empty (gensim's `corpus_count`). */
  readonly rawSentences: number;
  /** Words in the longest sentence. */
  readonly longestSentence: number;
  /** Size of the vocabulary the ids index. */
  readonly vocabularySize: number;
  readonly blocks: EncodedFileBlocks;
}

/** Streams an encoded corpus to a file; see {@link createEncodedFileWriter}. */
export interface EncodedFileWriter {
  /**
   * Appends a sentence: the first `length` entries of `ids`, each in [0, vocabularySize).
   * A sentence of length 0 (every word out of the vocabulary) is skipped, as `encodeCorpus` drops it.
   */
  addSentence(ids: Int32Array, length: number): void;
  /**
   * Writes the last block, the table and the header, and renames the file onto
   * its path. A {@link CorpusError} naming the path if no sentence was added.
   */
  finish(totals: { readonly rawTokens: number; readonly rawSentences: number }): Promise<EncodedCorpusFile>;
  /** Removes the temporary file; the path is left as it was. Safe to call twice or after `finish`. */
  abort(): Promise<void>;
}

/**
 * Starts writing an encoded corpus to `path` (format: {@link ENCODED_FILE_VERSION}).
 * The blocks stream to a hidden temporary file beside `path` in large writes
 * (`createAtomicFile` of @neglab/files), holding in memory one block and the
 * block table only; `finish` flushes it to the disk and renames it onto `path`
 * (a symbolic link's target), so a crash never leaves a partial file under the
 * final name. A `path` that exists and is not a regular file is refused.
 */
export async function createEncodedFileWriter(
  path: string,
  options: { readonly vocabularySize: number },
): Promise<EncodedFileWriter> {
  const { vocabularySize } = options;
  if (!Number.isInteger(vocabularySize) || vocabularySize < 1 || vocabularySize > 0x7fffffff) {
    throw new RangeError(`vocabularySize must be an integer in [1, 2^31), got ${vocabularySize}`);
  }
  let file: AtomicFile;
  try {
    file = await createAtomicFile(path);
  } catch (error) {
    throw asCorpusError(error, path);
  }
  return new FileWriter(path, file, vocabularySize);
}

/** A failed write of the encoded corpus as a {@link CorpusError} naming `path`. */
function asCorpusError(error: unknown, path: string): unknown {
  if (error instanceof FileWriteError)
    return new CorpusError(`cannot write the encoded corpus: ${error.reason}`, { file: path });
  return error instanceof CorpusError || (error as NodeJS.ErrnoException).code === undefined
    ? error
    : new CorpusError(fileSystemProblem(error), { file: path });
}

class FileWriter implements EncodedFileWriter {
  private readonly table = new BlockTableBuilder();
  private readonly stage = new Uint8Array(STAGE_BYTES);
  private readonly stageView = new DataView(this.stage.buffer);
  private staged = 0;
  /** Where the next flush writes. */
  private position = HEADER_BYTES;
  private lengths = new Int32Array(1 << 10);
  private ids = new Int32Array(1 << 15);
  private blockSentences = 0;
  private blockWords = 0;
  private tokens = 0;
  private sentences = 0;
  private longest = 0;
  private writing = true;

  constructor(
    private readonly path: string,
    private readonly file: AtomicFile,
    private readonly vocabularySize: number,
  ) {}

  addSentence(ids: Int32Array, length: number): void {
    if (!this.writing) throw new Error(`${this.path}: the encoded corpus writer is closed`);
    if (!Number.isInteger(length) || length < 0 || length > ids.length)
      throw new RangeError(`sentence length ${length} is not in [0, ${ids.length}]`);
    if (length === 0) return;
    for (let i = 0; i < length; i++) {
      const id = ids[i];
      if (!(id >= 0 && id < this.vocabularySize))
        throw new RangeError(`id ${id} is not in [0, ${this.vocabularySize})`);
    }
    if (this.table.add(length) && this.blockSentences > 0) this.writeBlock();
    if (this.blockSentences === this.lengths.length) this.lengths = grown(this.lengths, this.blockSentences + 1);
    if (this.blockWords + length > this.ids.length) this.ids = grown(this.ids, this.blockWords + length);
    this.lengths[this.blockSentences++] = length;
    this.ids.set(ids.subarray(0, length), this.blockWords);
    this.blockWords += length;
    this.tokens += length;
    this.sentences += 1;
    this.longest = Math.max(this.longest, length);
  }

  async finish({
    rawTokens,
    rawSentences,
  }: {
    readonly rawTokens: number;
    readonly rawSentences: number;
  }): Promise<EncodedCorpusFile> {
    if (!this.writing) throw new Error(`${this.path}: the encoded corpus writer is closed`);
    if (this.sentences === 0) {
      await this.abort();
      throw new CorpusError("no sentence has a word in the vocabulary: nothing to encode", { file: this.path });
    }
    if (
      !(
        Number.isSafeInteger(rawTokens) &&
        rawTokens >= this.tokens &&
        Number.isSafeInteger(rawSentences) &&
        rawSentences >= this.sentences
      )
    ) {
      await this.abort();
      throw new RangeError(
        `rawTokens ${rawTokens} / rawSentences ${rawSentences} below the ${this.tokens} tokens / ${this.sentences} sentences written`,
      );
    }
    let file: EncodedCorpusFile;
    try {
      this.writeBlock();
      const table = this.table.finish();
      const offset = blockOffsets(table);
      const tableOffset = this.position + this.staged;
      for (let b = 0; b < offset.length; b++) {
        this.ensureStaged(TABLE_ENTRY_BYTES);
        this.stageView.setFloat64(this.staged, offset[b], true);
        this.stageView.setInt32(this.staged + 8, table.sentences[b], true);
        this.stageView.setInt32(this.staged + 12, table.words[b], true);
        this.staged += TABLE_ENTRY_BYTES;
      }
      this.flush();
      file = {
        path: this.path,
        tokens: this.tokens,
        sentences: this.sentences,
        rawTokens,
        rawSentences,
        longestSentence: this.longest,
        vocabularySize: this.vocabularySize,
        blocks: { ...table, offset },
      };
      writeFully(this.file.fd, encodeHeader(file, tableOffset), 0);
      this.writing = false;
      await this.file.commit();
    } catch (error) {
      await this.abort();
      throw asCorpusError(error, this.path);
    }
    return file;
  }

  async abort(): Promise<void> {
    this.writing = false;
    // after `finish` the temporary name is already gone (renamed onto the path): abort does nothing then
    await this.file.abort();
  }

  /** Stages the current block (its lengths, then its ids) and starts an empty one. */
  private writeBlock(): void {
    for (let i = 0; i < this.blockSentences; i++) this.stageInt32(this.lengths[i]);
    for (let i = 0; i < this.blockWords; i++) this.stageInt32(this.ids[i]);
    this.blockSentences = 0;
    this.blockWords = 0;
  }

  private stageInt32(value: number): void {
    this.ensureStaged(4);
    this.stageView.setInt32(this.staged, value, true);
    this.staged += 4;
  }

  /** Flushes the stage unless `bytes` more fit. */
  private ensureStaged(bytes: number): void {
    if (this.staged + bytes > this.stage.length) this.flush();
  }

  private flush(): void {
    try {
      writeFully(this.file.fd, this.stage.subarray(0, this.staged), this.position);
    } catch (error) {
      throw new CorpusError(fileSystemProblem(error), { file: this.path });
    }
    this.position += this.staged;
    this.staged = 0;
  }
}

/**
 * Where each block starts: right after the header, each block
 * 4 · (sentences + words) bytes after the previous one.
 */
function blockOffsets(table: SentenceBlocks): Float64Array {
  const offset = new Float64Array(table.words.length);
  let at = HEADER_BYTES;
  for (let b = 0; b < offset.length; b++) {
    offset[b] = at;
    at += 4 * (table.sentences[b] + table.words[b]);
  }
  return offset;
}

function encodeHeader(file: EncodedCorpusFile, tableOffset: number): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(Buffer.from(MAGIC, "ascii"), 0);
  view.setUint32(8, ENCODED_FILE_VERSION, true);
  view.setUint32(12, file.vocabularySize, true);
  view.setFloat64(16, file.tokens, true);
  view.setFloat64(24, file.sentences, true);
  view.setFloat64(32, file.rawTokens, true);
  view.setFloat64(40, file.rawSentences, true);
  view.setUint32(48, file.longestSentence, true);
  view.setUint32(52, file.blocks.words.length, true);
  view.setFloat64(56, tableOffset, true);
  return header;
}

/**
 * Opens an encoded corpus file written by {@link createEncodedFileWriter} and
 * reads its header and block table (not the blocks). Only a regular file is
 * opened (a FIFO would block open(2) for good). Checked: the magic and version;
 * the totals (whole numbers, consistent with each other); the file size against
 * the table; each block's offset, counts and their sums against the totals; and
 * `vocabularySize`, when given, against the file's. Every problem is a
 * {@link CorpusError} naming the file (and the block).
 */
export async function openEncodedCorpus(
  path: string,
  options: { readonly vocabularySize?: number } = {},
): Promise<EncodedCorpusFile> {
  await assertReadableFile(path);
  const fail = (message: string): CorpusError => new CorpusError(message, { file: path });
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw fail(fileSystemProblem(error));
  }
  try {
    const size = (await handle.stat()).size;
    if (size < HEADER_BYTES)
      throw fail(`${size} bytes: too short for an encoded corpus (its header alone is ${HEADER_BYTES} bytes)`);
    const header = new Uint8Array(HEADER_BYTES);
    await handle.read(header, 0, HEADER_BYTES, 0);
    const view = new DataView(header.buffer);
    if (Buffer.from(header.subarray(0, 8)).toString("latin1") !== MAGIC)
      throw fail(`not a NegLab encoded corpus (no "${MAGIC}" at its start)`);
    const version = view.getUint32(8, true);
    if (version !== ENCODED_FILE_VERSION)
      throw fail(`encoded corpus format version ${version}; this reader knows version ${ENCODED_FILE_VERSION}`);
    const file = {
      vocabularySize: view.getUint32(12, true),
      tokens: view.getFloat64(16, true),
      sentences: view.getFloat64(24, true),
      rawTokens: view.getFloat64(32, true),
      rawSentences: view.getFloat64(40, true),
      longestSentence: view.getUint32(48, true),
    };
    const blockCount = view.getUint32(52, true);
    const tableOffset = view.getFloat64(56, true);
    checkTotals(file, fail);
    if (options.vocabularySize !== undefined && options.vocabularySize !== file.vocabularySize) {
      throw fail(
        `encoded against a vocabulary of ${file.vocabularySize} words, not the ${options.vocabularySize} given`,
      );
    }
    const tableEnd = tableOffset + blockCount * TABLE_ENTRY_BYTES;
    if (!Number.isSafeInteger(tableOffset) || tableOffset < HEADER_BYTES || tableEnd !== size) {
      throw fail(
        `${size} bytes, but its header puts the block table of ${blockCount} blocks at byte ${tableOffset} (truncated or damaged)`,
      );
    }
    const table = new Uint8Array(blockCount * TABLE_ENTRY_BYTES);
    await handle.read(table, 0, table.length, tableOffset);
    const blocks = decodeTable(table, blockCount);
    checkTable(blocks, file, tableOffset, fail);
    return { path, ...file, blocks };
  } finally {
    await handle.close();
  }
}

type Totals = Omit<EncodedCorpusFile, "path" | "blocks">;

function checkTotals(file: Totals, fail: (message: string) => CorpusError): void {
  for (const [field, value] of Object.entries(file)) {
    if (!Number.isSafeInteger(value) || value < 0) throw fail(`damaged header: ${field} is ${value}`);
  }
  if (file.vocabularySize < 1 || file.sentences < 1 || file.tokens < file.sentences || file.longestSentence < 1) {
    throw fail(
      `damaged header: ${file.tokens} tokens in ${file.sentences} sentences, the longest of ${file.longestSentence} words, ${file.vocabularySize} words in the vocabulary`,
    );
  }
  if (file.rawTokens < file.tokens || file.rawSentences < file.sentences) {
    throw fail(
      `damaged header: ${file.rawTokens} raw tokens in ${file.rawSentences} raw sentences, fewer than the ${file.tokens} tokens in ${file.sentences} sentences encoded`,
    );
  }
}

function decodeTable(table: Uint8Array, blockCount: number): EncodedFileBlocks {
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const offset = new Float64Array(blockCount);
  const sentences = new Int32Array(blockCount);
  const words = new Int32Array(blockCount);
  const firstSentence = new Float64Array(blockCount);
  let first = 0;
  for (let b = 0; b < blockCount; b++) {
    offset[b] = view.getFloat64(b * TABLE_ENTRY_BYTES, true);
    sentences[b] = view.getInt32(b * TABLE_ENTRY_BYTES + 8, true);
    words[b] = view.getInt32(b * TABLE_ENTRY_BYTES + 12, true);
    firstSentence[b] = first;
    first += sentences[b];
  }
  return { offset, sentences, words, firstSentence };
}

/** The blocks must follow each other from the header to the table, and add up to the totals. */
function checkTable(
  blocks: EncodedFileBlocks,
  file: Totals,
  tableOffset: number,
  fail: (message: string) => CorpusError,
): void {
  const expected = blockOffsets(blocks);
  let sentences = 0;
  let words = 0;
  for (let b = 0; b < expected.length; b++) {
    if (blocks.sentences[b] < 1 || blocks.words[b] < blocks.sentences[b]) {
      throw fail(`block ${b}: damaged table entry (${blocks.sentences[b]} sentences of ${blocks.words[b]} words)`);
    }
    if (blocks.offset[b] !== expected[b])
      throw fail(
        `block ${b}: the table puts it at byte ${blocks.offset[b]}, the blocks before it end at byte ${expected[b]}`,
      );
    sentences += blocks.sentences[b];
    words += blocks.words[b];
  }
  const end =
    expected.length === 0
      ? HEADER_BYTES
      : expected[expected.length - 1] + 4 * (blocks.sentences[expected.length - 1] + blocks.words[expected.length - 1]);
  if (end !== tableOffset)
    throw fail(`its blocks end at byte ${end}, but the block table starts at byte ${tableOffset}`);
  if (sentences !== file.sentences || words !== file.tokens) {
    throw fail(
      `its blocks hold ${words} tokens in ${sentences} sentences, but the header says ${file.tokens} in ${file.sentences}`,
    );
  }
}

/** Int32s in the largest block of `file` (sentence lengths + ids): the size of a buffer for {@link readEncodedBlock}. */
export function blockBufferLength(file: EncodedCorpusFile): number {
  let largest = 0;
  for (let b = 0; b < file.blocks.words.length; b++)
    largest = Math.max(largest, file.blocks.sentences[b] + file.blocks.words[b]);
  return largest;
}

/** One block read by {@link readEncodedBlock}: views of the caller's buffer. */
export interface EncodedBlock {
  /** Words in each of the block's sentences. */
  readonly lengths: Int32Array;
  /** The block's ids, sentence after sentence. */
  readonly ids: Int32Array;
}

/**
 * Reads block `block` of `file` from `fd` (an fd of `file.path` opened for
 * reading; positional reads, so threads may share nothing but the file) into
 * `buffer` (at least {@link blockBufferLength} int32s, reused from block to
 * block), synchronously, for worker threads. Checks every sentence length
 * (1 to the longest sentence, adding up to the block's words) and every id
 * (in [0, vocabularySize)) — a damaged file must never make a trainer index
 * outside its model — else a {@link CorpusError} naming the file and the block.
 */
export function readEncodedBlock(fd: number, file: EncodedCorpusFile, block: number, buffer: Int32Array): EncodedBlock {
  const sentences = file.blocks.sentences[block];
  const words = file.blocks.words[block];
  const count = sentences + words;
  if (buffer.length < count)
    throw new RangeError(`buffer of ${buffer.length} int32s is too small for block ${block} (${count})`);
  const fail = (message: string): CorpusError => new CorpusError(`block ${block}: ${message}`, { file: file.path });
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, count * 4);
  const position = file.blocks.offset[block];
  let read: number;
  try {
    read = readFully(fd, bytes, position);
  } catch (error) {
    throw fail(fileSystemProblem(error));
  }
  if (read < bytes.length)
    throw fail(`the file ends at byte ${position + read}, inside the block (truncated since it was opened)`);
  if (!HOST_LITTLE_ENDIAN) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < count; i++) buffer[i] = view.getInt32(i * 4, true);
  }
  const lengths = buffer.subarray(0, sentences);
  const ids = buffer.subarray(sentences, count);
  let total = 0;
  for (let i = 0; i < sentences; i++) {
    const length = lengths[i];
    if (!(length >= 1 && length <= file.longestSentence))
      throw fail(`sentence ${i} has length ${length}, outside [1, ${file.longestSentence}]`);
    total += length;
  }
  if (total !== words) throw fail(`its sentence lengths add up to ${total}, not the ${words} words of the table`);
  const size = file.vocabularySize;
  for (let i = 0; i < words; i++) {
    const id = ids[i];
    if (!(id >= 0 && id < size)) throw fail(`id ${id} at word ${i} is outside the vocabulary [0, ${size})`);
  }
  return { lengths, ids };
}

/**
 * Opens `file.path` for {@link readEncodedBlock}; a failure is a {@link CorpusError} naming the file. Opened
 * non-blocking and checked to be a regular file: a path replaced by a FIFO since {@link openEncodedCorpus} would
 * otherwise block a worker thread in open(2), where nothing can end it.
 */
export function openEncodedFd(file: EncodedCorpusFile): number {
  let fd: number;
  try {
    fd = openSync(file.path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new CorpusError(fileSystemProblem(error), { file: file.path });
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new CorpusError("not a regular file (replaced since it was opened)", { file: file.path });
  }
  return fd;
}
