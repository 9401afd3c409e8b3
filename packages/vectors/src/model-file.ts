import { createHash, type Hash } from "node:crypto";
import { endianness } from "node:os";
import { open, type FileHandle } from "node:fs/promises";
import { writeOutput } from "./write-output.js";
import { Embeddings } from "./embeddings.js";
import { VectorsError } from "./errors.js";
import { regularInputFile } from "./regular-file.js";

/** The 8 bytes every NegLab model file starts with. */
const MODEL_MAGIC = "NEGLABMD";
/**
 * The container version this code writes. Version 2 appends a SHA-256 of every
 * byte before it; version 1 (no checksum) is still read, see {@link readModelFile}.
 */
export const MODEL_VERSION = 2;
/** The last version without a checksum trailer. */
const UNCHECKED_VERSION = 1;
/** Bytes before the JSON header: magic, uint32 version, uint32 header length. */
const PREFIX_BYTES = 16;
/** The trailer of a version-2 file: the SHA-256 digest of everything before it. */
const CHECKSUM_BYTES = 32;
/** Bytes read (and hashed) at a time. */
const READ_CHUNK = 1 << 24;

/** A float32 matrix stored in a model file, row-major. */
export interface ModelMatrix {
  rows: number;
  cols: number;
  data: Float32Array;
}

/**
 * A trained model as stored in a NegLab model file. Conventional matrix names:
 * `input` (the word vectors, required, `words.length × dim`), `output` (the
 * negative-sampling output weights, word2vec.c `syn1neg`) and `outputHs` (the
 * hierarchical-softmax inner-node weights, `syn1`).
 */
export interface NegLabModel {
  /** Vocabulary in row order of `input`. */
  words: readonly string[];
  /** Corpus count of each word, or `null`. */
  counts: ArrayLike<number> | null;
  dim: number;
  /** Anything JSON-serialisable: the training config, the sampler spec, provenance. Stored opaquely. */
  meta: unknown;
  /** Named matrices; a bare Float32Array is taken as `length / dim` rows of `dim`. */
  matrices: { input: ModelMatrix | Float32Array } & Record<string, ModelMatrix | Float32Array>;
}

/** A model as read back: every matrix with its shape. */
export interface LoadedModel extends NegLabModel {
  counts: Float64Array | null;
  matrices: { input: ModelMatrix } & Record<string, ModelMatrix>;
}

interface Header {
  format: "neglab-model";
  version: number;
  dim: number;
  words: string[];
  counts: number[] | null;
  meta: unknown;
  matrices: { name: string; rows: number; cols: number }[];
}

/**
 * Writes a model to one binary file: the magic `NEGLABMD`, uint32 version,
 * uint32 byte length of a JSON header (words, counts, dim, meta and each
 * matrix's name and shape), the header padded to 8 bytes, then the matrices as
 * little-endian float32 in header order, then the 32-byte SHA-256 of all the
 * bytes before it, computed as the chunks stream out (no second pass). Written
 * atomically (temp file + rename).
 *
 * SHA-256 rather than CRC-32: node:crypto has it (hardware-accelerated, faster
 * than the disk), and no corruption pattern slips through, where a 32-bit CRC
 * lets one random damage in 4 billion pass.
 *
 * @throws VectorsError for an inconsistent model (shapes, counts, duplicate words).
 */
export async function writeModelFile(path: string, model: NegLabModel): Promise<void> {
  const where = { file: path };
  if (path.endsWith(".gz")) throw new VectorsError("model files are not gzipped; drop the .gz extension", where);
  const matrices = Object.entries(model.matrices).map(([name, m]) => ({ name, ...shapeOf(name, m, model.dim, path) }));
  const header: Header = {
    format: "neglab-model",
    version: MODEL_VERSION,
    dim: model.dim,
    words: [...model.words],
    counts: model.counts === null ? null : Array.from(model.counts),
    meta: model.meta ?? null,
    matrices: matrices.map(({ name, rows, cols }) => ({ name, rows, cols })),
  };
  validateHeader(header, path);
  let json = Buffer.from(JSON.stringify(header));
  const padded = Math.ceil((PREFIX_BYTES + json.length) / 8) * 8 - PREFIX_BYTES;
  json = Buffer.concat([json, Buffer.alloc(padded - json.length, 0x20)]);
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.write(MODEL_MAGIC, 0, "latin1");
  prefix.writeUInt32LE(MODEL_VERSION, 8);
  prefix.writeUInt32LE(json.length, 12);
  await writeOutput(
    path,
    withChecksum(
      matrixChunks(
        [prefix, json],
        matrices.map((m) => m.data),
      ),
    ),
  );
}

/** Passes the chunks through, then yields the SHA-256 of all of them (the version-2 trailer). */
function* withChecksum(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  const hash = createHash("sha256");
  for (const chunk of chunks) {
    hash.update(chunk);
    yield chunk;
  }
  yield hash.digest();
}

function* matrixChunks(head: Buffer[], datas: Float32Array[]): Generator<Uint8Array> {
  yield* head;
  const step = 1 << 22;
  for (const data of datas) {
    for (let start = 0; start < data.length; start += step) {
      const part = data.subarray(start, Math.min(data.length, start + step));
      yield endianness() === "LE"
        ? new Uint8Array(part.buffer, part.byteOffset, part.byteLength)
        : toLittleEndian(part);
    }
  }
}

function toLittleEndian(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i], true);
  return out;
}

function shapeOf(name: string, m: ModelMatrix | Float32Array, dim: number, file: string): ModelMatrix {
  if (m instanceof Float32Array) {
    if (!(dim > 0) || m.length % dim !== 0)
      throw new VectorsError(`matrix "${name}" has ${m.length} values, not a multiple of dim ${dim}`, { file });
    return { rows: m.length / dim, cols: dim, data: m };
  }
  if (m.data.length !== m.rows * m.cols)
    throw new VectorsError(`matrix "${name}" has ${m.data.length} values, expected ${m.rows} × ${m.cols}`, { file });
  return m;
}

/**
 * Reads a NegLab model file. Everything is checked against the file size
 * before any matrix is allocated, so a truncated, padded or corrupt file (or a
 * header that is not one) fails with a clear error instead of a huge allocation.
 * Version 2 files carry a SHA-256 of their bytes, verified while the matrices
 * are read: any damage is "checksum mismatch: the file is damaged" (with the
 * structural problem, such as truncation, when there is one). Version 1 files
 * (written before the checksum existed) still load, so earlier models stay
 * usable, without that protection. In every version a NaN or ±Infinity in any
 * matrix is an error naming the matrix, the word (or row) and the value.
 *
 * @throws VectorsError naming the file for anything wrong with it.
 */
export async function readModelFile(path: string): Promise<LoadedModel> {
  const where = { file: path };
  await regularInputFile(path);
  const handle = await open(path, "r");
  try {
    const size = (await handle.stat()).size;
    if (size < PREFIX_BYTES) throw new VectorsError(`not a NegLab model file: only ${size} bytes`, where);
    const prefix = Buffer.alloc(PREFIX_BYTES);
    await handle.read(prefix, 0, PREFIX_BYTES, 0);
    if (prefix.toString("latin1", 0, 8) !== MODEL_MAGIC)
      throw new VectorsError(
        `not a NegLab model file (magic ${JSON.stringify(prefix.toString("latin1", 0, 8))})`,
        where,
      );
    const version = prefix.readUInt32LE(8);
    if (version !== MODEL_VERSION && version !== UNCHECKED_VERSION) {
      throw new VectorsError(
        `model file version ${version} is not supported (this reader knows versions ${UNCHECKED_VERSION} and ${MODEL_VERSION})`,
        where,
      );
    }
    const checked = version !== UNCHECKED_VERSION;
    const trailer = checked ? CHECKSUM_BYTES : 0;
    let header: Header;
    let json: Buffer;
    try {
      ({ header, json } = await readHeader(handle, prefix.readUInt32LE(12), size, trailer, path));
    } catch (err) {
      // A damaged byte in the header shows up as a bad header: say first that the file is damaged.
      if (
        checked &&
        err instanceof VectorsError &&
        size >= PREFIX_BYTES + CHECKSUM_BYTES &&
        !(await checksumMatches(handle, size, path))
      ) {
        throw new VectorsError(`checksum mismatch: the file is damaged (${err.reason})`, where);
      }
      throw err;
    }
    const hash = checked ? createHash("sha256").update(prefix).update(json) : null;
    let offset = PREFIX_BYTES + json.length;
    const matrices: Record<string, ModelMatrix> = {};
    for (const { name, rows, cols } of header.matrices) {
      const data = new Float32Array(rows * cols);
      await readInto(handle, new Uint8Array(data.buffer), offset, hash, path);
      if (endianness() !== "LE") fromLittleEndian(data);
      matrices[name] = { rows, cols, data };
      offset += data.byteLength;
    }
    if (hash !== null && !hash.digest().equals(await readExactly(handle, offset, CHECKSUM_BYTES, path))) {
      throw new VectorsError("checksum mismatch: the file is damaged", where);
    }
    for (const [name, m] of Object.entries(matrices)) checkFinite(name, m, header.words, path);
    return {
      words: header.words,
      counts: header.counts === null ? null : Float64Array.from(header.counts),
      dim: header.dim,
      meta: header.meta,
      matrices: matrices as LoadedModel["matrices"],
    };
  } finally {
    await handle.close();
  }
}

/**
 * Reads, parses and validates the JSON header of `length` bytes and checks that
 * the header, the matrices it describes and the `trailer` add up to the file's
 * size exactly, before anything large is allocated.
 */
async function readHeader(
  handle: FileHandle,
  length: number,
  size: number,
  trailer: number,
  path: string,
): Promise<{ header: Header; json: Buffer }> {
  const where = { file: path };
  if (length > size - PREFIX_BYTES - trailer)
    throw new VectorsError(`header length ${length} exceeds the file (${size} bytes): truncated or corrupt`, where);
  const json = await readExactly(handle, PREFIX_BYTES, length, path);
  let header: Header;
  try {
    header = JSON.parse(json.toString("utf8")) as Header;
  } catch (err) {
    throw new VectorsError(`header is not valid JSON: ${(err as Error).message}`, where);
  }
  validateHeader(header, path);
  const expected = header.matrices.reduce((sum, m) => sum + m.rows * m.cols * 4, PREFIX_BYTES + length + trailer);
  if (expected !== size) {
    throw new VectorsError(
      `file has ${size} bytes but its header describes ${expected}: ${size < expected ? "truncated" : "trailing garbage or corrupt header"}`,
      where,
    );
  }
  return { header, json };
}

/** `length` bytes at `position` (the caller has checked that the file holds them). */
async function readExactly(handle: FileHandle, position: number, length: number, path: string): Promise<Buffer> {
  const out = Buffer.alloc(length);
  await readInto(handle, out, position, null, path);
  return out;
}

/** Fills `bytes` from `position` on in bounded reads, feeding each to `hash`. */
async function readInto(
  handle: FileHandle,
  bytes: Uint8Array,
  position: number,
  hash: Hash | null,
  path: string,
): Promise<void> {
  for (let done = 0; done < bytes.length; ) {
    const { bytesRead } = await handle.read(bytes, done, Math.min(bytes.length - done, READ_CHUNK), position + done);
    if (bytesRead === 0)
      throw new VectorsError("unexpected end of file (did it shrink while being read?)", { file: path });
    hash?.update(bytes.subarray(done, done + bytesRead));
    done += bytesRead;
  }
}

/** Whether a version-2 file's trailer is the SHA-256 of the bytes before it, read in bounded chunks. */
async function checksumMatches(handle: FileHandle, size: number, path: string): Promise<boolean> {
  const hash = createHash("sha256");
  const payload = size - CHECKSUM_BYTES;
  const chunk = Buffer.alloc(Math.min(payload, READ_CHUNK));
  for (let done = 0; done < payload; ) {
    const part = chunk.subarray(0, Math.min(chunk.length, payload - done));
    await readInto(handle, part, done, hash, path);
    done += part.length;
  }
  return hash.digest().equals(await readExactly(handle, payload, CHECKSUM_BYTES, path));
}

/**
 * Refuses a NaN or ±Infinity anywhere in a matrix: one such value silently
 * poisons every similarity computed with that word (and norms, means, rankings).
 */
function checkFinite(name: string, m: ModelMatrix, words: readonly string[], path: string): void {
  const { data, cols } = m;
  // x · 0 is 0 for every finite x and NaN for NaN and ±Infinity: one branch-free pass tells whether to look closer.
  let probe = 0;
  for (let i = 0; i < data.length; i++) probe += data[i] * 0;
  if (probe === 0) return;
  const i = data.findIndex((x) => !Number.isFinite(x));
  const row = Math.floor(i / cols);
  const label = m.rows === words.length ? `word ${JSON.stringify(words[row])}` : `row ${row + 1}`;
  throw new VectorsError(`matrix "${name}": value ${(i % cols) + 1} of ${label} is ${data[i]}`, { file: path });
}

function fromLittleEndian(data: Float32Array): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(4 * i, true);
}

/** Checks a header's fields and their consistency; names the first problem. */
function validateHeader(h: Header, file: string): void {
  const fail = (msg: string): never => {
    throw new VectorsError(`invalid model header: ${msg}`, { file });
  };
  const isCount = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
  if (h === null || typeof h !== "object") fail("not an object");
  if (h.format !== "neglab-model") fail(`format is ${JSON.stringify(h.format)}, expected "neglab-model"`);
  if (!isCount(h.dim) || h.dim < 1) fail(`dim ${JSON.stringify(h.dim)} is not a positive integer`);
  if (!Array.isArray(h.words)) fail("words is not an array");
  const seen = new Set<string>();
  h.words.forEach((w, i) => {
    if (typeof w !== "string" || w === "") fail(`word #${i + 1} is not a non-empty string`);
    if (seen.has(w)) fail(`duplicate word ${JSON.stringify(w)} (#${i + 1})`);
    seen.add(w);
  });
  if (h.counts !== null) {
    if (!Array.isArray(h.counts) || h.counts.length !== h.words.length)
      fail(`counts must be null or one number per word (${h.words.length})`);
    h.counts.forEach((c, i) => {
      if (typeof c !== "number" || !(c >= 0) || !Number.isFinite(c))
        fail(`count #${i + 1} ${JSON.stringify(c)} is not a non-negative number`);
    });
  }
  if (!Array.isArray(h.matrices)) fail("matrices is not an array");
  const names = new Set<string>();
  for (const m of h.matrices) {
    if (m === null || typeof m !== "object" || typeof m.name !== "string") fail("a matrix entry lacks a name");
    if (names.has(m.name)) fail(`duplicate matrix "${m.name}"`);
    names.add(m.name);
    if (!isCount(m.rows) || !isCount(m.cols) || m.cols < 1)
      fail(`matrix "${m.name}" has a bad shape ${m.rows} × ${m.cols}`);
    if (m.rows * m.cols * 4 > Number.MAX_SAFE_INTEGER) fail(`matrix "${m.name}" is impossibly large`);
  }
  const input = h.matrices.find((m) => m.name === "input");
  if (input === undefined) fail('no "input" matrix');
  else if (input.rows !== h.words.length || input.cols !== h.dim)
    fail(`"input" is ${input.rows} × ${input.cols}, expected ${h.words.length} words × dim ${h.dim}`);
}

/** The word vectors of a model (its `input` matrix, or another of `words.length × dim`) as {@link Embeddings}. */
export function embeddingsFromModel(model: NegLabModel, matrix = "input", source?: string): Embeddings {
  const m = model.matrices[matrix];
  if (m === undefined)
    throw new VectorsError(`model has no matrix "${matrix}"`, source === undefined ? {} : { file: source });
  const data = m instanceof Float32Array ? m : m.data;
  return new Embeddings(model.words, data, model.dim, { counts: model.counts, source });
}

/**
 * Whether the file starts with the NegLab model magic. Anything but a regular
 * file is a {@link VectorsError} (see {@link regularInputFile}), never opened.
 */
export async function isModelFile(path: string): Promise<boolean> {
  await regularInputFile(path);
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return bytesRead === 8 && head.toString("latin1") === MODEL_MAGIC;
  } finally {
    await handle.close();
  }
}
