import { closeSync, openSync, rmSync } from "node:fs";
import { CorpusError, fileSystemProblem } from "./errors.js";
import { readFully, writeFully } from "./positional-io.js";

/** Values held in memory between writes (4 MiB). */
const BUFFER_VALUES = 1 << 20;

/**
 * Int32 values streamed to a temporary file in large writes and read back in
 * order, in chunks: memory stays one buffer however many values pass through.
 * Synchronous, for the tight loops that produce and consume the values.
 */
export class Int32Spill {
  private readonly buffer = new Int32Array(BUFFER_VALUES);
  private held = 0;
  private written = 0;

  private constructor(
    private readonly path: string,
    /** The file the values are for, named in errors. */
    private readonly forFile: string,
    private readonly fd: number,
  ) {}

  /** A new spill file at `path` (which must not exist); errors name `forFile`. */
  static create(path: string, forFile: string): Int32Spill {
    try {
      return new Int32Spill(path, forFile, openSync(path, "wx+"));
    } catch (error) {
      throw new CorpusError(`cannot create a temporary file beside it: ${fileSystemProblem(error)}`, { file: forFile });
    }
  }

  push(value: number): void {
    if (this.held === BUFFER_VALUES) this.flush();
    this.buffer[this.held++] = value;
  }

  /** Every value pushed, in order, in chunks (views of one buffer, valid until the next chunk). */
  *readBack(): Generator<Int32Array> {
    this.flush();
    const bytes = new Uint8Array(this.buffer.buffer);
    for (let position = 0; position < this.written; ) {
      const want = Math.min(bytes.length, this.written - position);
      const got = this.io(() => readFully(this.fd, bytes.subarray(0, want), position));
      if (got < want) throw new CorpusError("a temporary file ended early", { file: this.forFile });
      position += got;
      yield this.buffer.subarray(0, got / 4);
    }
  }

  /** Closes and deletes the file. */
  remove(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }

  private flush(): void {
    const bytes = new Uint8Array(this.buffer.buffer, 0, this.held * 4);
    this.io(() => writeFully(this.fd, bytes, this.written));
    this.written += bytes.length;
    this.held = 0;
  }

  private io<T>(call: () => T): T {
    try {
      return call();
    } catch (error) {
      throw new CorpusError(`cannot use a temporary file beside it: ${fileSystemProblem(error)}`, {
        file: this.forFile,
      });
    }
  }
}
