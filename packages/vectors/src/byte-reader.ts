import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { VectorsError } from "./errors.js";

/** Opens a file as a stream of byte chunks, gunzipping it when its name ends in `.gz`. */
export function openChunks(path: string): AsyncIterable<Buffer> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!path.endsWith(".gz")) return raw;
  const gunzip = createGunzip();
  raw.on("error", (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

/**
 * Pulls bytes from a chunk stream on demand without ever holding the whole
 * file: lines for text formats, exact byte counts for binary records.
 *
 * Unconsumed bytes live in one buffer that grows geometrically, so a record
 * spanning many chunks (a long line, a huge vector) costs linear time, not a
 * copy of everything so far for each chunk. A damaged gzip stream becomes a
 * {@link VectorsError} naming `file`.
 */
export class ByteReader {
  private readonly chunks: AsyncIterator<Buffer>;
  /** Holds the unconsumed bytes in `[position, end)`; bytes before `position` may still be referenced by callers. */
  private buffer: Buffer = Buffer.alloc(0);
  private position = 0;
  private end = 0;
  private ended = false;
  /** Whether `buffer` was allocated here and may be appended to (a stream's chunk is never written to). */
  private ownsBuffer = false;

  constructor(
    source: AsyncIterable<Buffer>,
    private readonly file: string,
  ) {
    this.chunks = source[Symbol.asyncIterator]();
  }

  private get available(): number {
    return this.end - this.position;
  }

  /** Appends the next chunk; false at the end of the stream. */
  private async more(): Promise<boolean> {
    if (this.ended) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.chunks.next();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // zlib reports damage with Z_* codes (Z_DATA_ERROR, Z_BUF_ERROR for a cut stream).
      if (typeof code === "string" && code.startsWith("Z_"))
        throw new VectorsError(`not a valid gzip file (${(err as Error).message})`, { file: this.file });
      throw err;
    }
    if (next.done) {
      this.ended = true;
      return false;
    }
    const chunk = next.value;
    const rest = this.available;
    if (rest === 0) {
      // Nothing pending: take the chunk as it is, no copy.
      this.buffer = chunk;
      this.position = 0;
      this.end = chunk.length;
      this.ownsBuffer = false;
    } else if (this.ownsBuffer && this.buffer.length - this.end >= chunk.length) {
      chunk.copy(this.buffer, this.end);
      this.end += chunk.length;
    } else {
      // Doubling the room keeps a record spread over many chunks linear in its length.
      const grown = Buffer.allocUnsafe(Math.max(2 * rest, rest + chunk.length));
      this.buffer.copy(grown, 0, this.position, this.end);
      chunk.copy(grown, rest);
      this.buffer = grown;
      this.position = 0;
      this.end = rest + chunk.length;
      this.ownsBuffer = true;
    }
    return true;
  }

  /**
   * The bytes up to (not including) the next `byte`, consuming the delimiter.
   * When the stream ends first: what is left (or `null` if nothing) when
   * `orRest` is true, else `null`.
   */
  async readUntil(byte: number, orRest = true): Promise<Buffer | null> {
    let searchFrom = this.position;
    for (;;) {
      const filled = this.end === this.buffer.length ? this.buffer : this.buffer.subarray(0, this.end);
      const at = filled.indexOf(byte, searchFrom);
      if (at >= 0) {
        const out = this.buffer.subarray(this.position, at);
        this.position = at + 1;
        return out;
      }
      const searched = this.available;
      if (!(await this.more())) {
        if (!orRest || this.available === 0) return null;
        const out = this.buffer.subarray(this.position, this.end);
        this.position = this.end;
        return out;
      }
      searchFrom = this.position + searched;
    }
  }

  /** The next line without its `\n` (and without a `\r` before it), or `null` at the end. */
  async readLine(): Promise<Buffer | null> {
    const line = await this.readUntil(0x0a);
    if (line !== null && line.length > 0 && line[line.length - 1] === 0x0d) return line.subarray(0, line.length - 1);
    return line;
  }

  /** Exactly `n` bytes, or fewer only when the stream ends first. */
  async readBytes(n: number): Promise<Buffer> {
    while (this.available < n) {
      if (!(await this.more())) break;
    }
    const end = Math.min(this.position + n, this.end);
    const out = this.buffer.subarray(this.position, end);
    this.position = end;
    return out;
  }

  /** Skips any run of `byte` (e.g. the newline word2vec.c writes after each binary vector). */
  async skip(byte: number): Promise<void> {
    for (;;) {
      while (this.position < this.end && this.buffer[this.position] === byte) this.position++;
      if (this.position < this.end || !(await this.more())) return;
    }
  }

  /** Whether no bytes are left. */
  async atEnd(): Promise<boolean> {
    return this.available === 0 && !(await this.more());
  }

  /** Peeks at up to `n` upcoming bytes without consuming them. */
  async peek(n: number): Promise<Buffer> {
    while (this.available < n) {
      if (!(await this.more())) break;
    }
    return this.buffer.subarray(this.position, Math.min(this.position + n, this.end));
  }

  /** Stops reading the underlying stream early (closes the file). */
  async close(): Promise<void> {
    await this.chunks.return?.();
  }
}
