import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";

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
 */
export class ByteReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private buffer: Buffer = Buffer.alloc(0);
  private position = 0;
  private ended = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.chunks = source[Symbol.asyncIterator]();
  }

  /** Appends the next chunk; false at the end of the stream. */
  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    const rest = this.buffer.subarray(this.position);
    this.buffer = rest.length === 0 ? next.value : Buffer.concat([rest, next.value]);
    this.position = 0;
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
      const at = this.buffer.indexOf(byte, searchFrom);
      if (at >= 0) {
        const out = this.buffer.subarray(this.position, at);
        this.position = at + 1;
        return out;
      }
      searchFrom = this.buffer.length - this.position;
      if (!(await this.more())) {
        if (!orRest || this.position >= this.buffer.length) return null;
        const out = this.buffer.subarray(this.position);
        this.position = this.buffer.length;
        return out;
      }
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
    while (this.buffer.length - this.position < n) {
      if (!(await this.more())) break;
    }
    const end = Math.min(this.position + n, this.buffer.length);
    const out = this.buffer.subarray(this.position, end);
    this.position = end;
    return out;
  }

  /** Skips any run of `byte` (e.g. the newline word2vec.c writes after each binary vector). */
  async skip(byte: number): Promise<void> {
    for (;;) {
      while (this.position < this.buffer.length && this.buffer[this.position] === byte) this.position++;
      if (this.position < this.buffer.length || !(await this.more())) return;
    }
  }

  /** Whether no bytes are left. */
  async atEnd(): Promise<boolean> {
    return this.position >= this.buffer.length && !(await this.more());
  }

  /** Peeks at up to `n` upcoming bytes without consuming them. */
  async peek(n: number): Promise<Buffer> {
    while (this.buffer.length - this.position < n) {
      if (!(await this.more())) break;
    }
    return this.buffer.subarray(this.position, Math.min(this.position + n, this.buffer.length));
  }

  /** Stops reading the underlying stream early (closes the file). */
  async close(): Promise<void> {
    await this.chunks.return?.();
  }
}
