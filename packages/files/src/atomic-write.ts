import { constants, write } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { createGzip } from "node:zlib";
import { createAtomicFile, missingAsNull, notRegular } from "./atomic-file.js";
import { asWriteError, FileWriteError } from "./errors.js";

/** What a write takes: text (written as UTF-8), bytes, or chunks of bytes (streamed, never joined in memory). */
export type WriteData = string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** Options of {@link writeFileAtomically}. */
export interface WriteFileOptions {
  /** Gzip the bytes (vectors files whose name ends in `.gz`). Default false. */
  readonly gzip?: boolean;
  /**
   * What to do when `path` is a FIFO or a character device: `"write-through"`
   * (default) writes into it in place, as `cat > path` would; `"refuse"`
   * refuses it with a {@link FileWriteError}, for outputs that only make sense
   * as files (a cache entry, a report meant to be opened later).
   */
  readonly specialFiles?: "write-through" | "refuse";
  /**
   * How long to wait, in milliseconds, for a process to open a FIFO given as
   * the path for reading (default 10,000). Writing to a FIFO without a reader
   * would block forever, so the wait is bounded and ends in a {@link FileWriteError}.
   */
  readonly readerTimeoutMs?: number;
  /** The temporary file's suffix (default `tmp`; downloads use `part`). */
  readonly suffix?: string;
  /**
   * Called once every byte is in the temporary file, before it is renamed onto
   * the target; what it throws fails the write (the temporary file is removed
   * and the target left as it was), e.g. a download whose checksum is wrong.
   * Not called for a FIFO or device written in place.
   */
  readonly beforeRename?: () => void | Promise<void>;
}

/** Default of {@link WriteFileOptions.readerTimeoutMs}. */
const READER_TIMEOUT_MS = 10_000;
/** How often a FIFO is probed for a reader while waiting. */
const READER_POLL_MS = 25;

/**
 * Writes `data` to `path` without ever leaving a half-written file or
 * replacing something that is not a regular file:
 *
 * - a regular file (or a new path) is written into a hidden temporary file
 *   beside it, flushed to the disk (fsync) and renamed over `path` only once
 *   complete ({@link createAtomicFile}), so a reader never sees a half file and
 *   a failure leaves the old file (if any) untouched and no temporary file; the
 *   old file's permission bits are kept;
 * - a symbolic link is followed and its target written that way, so the link
 *   stays a link (renaming over the link itself would silently replace it);
 * - a FIFO or a character device (a terminal, `/dev/null`) is written through in
 *   place, as `cat > path` would: a rename would replace it with a regular file
 *   (unless `specialFiles` is `"refuse"`). A FIFO is only opened once a reader
 *   has it open (waiting at most `readerTimeoutMs`), so the write can never block forever;
 * - a directory, a socket or a block device is refused.
 *
 * Every failure of the file system is a {@link FileWriteError} naming `path`
 * (never the temporary file) with the reason in plain words; an error thrown by
 * the data source or `beforeRename` is passed on as it is.
 */
export async function writeFileAtomically(
  path: string,
  data: WriteData,
  options: WriteFileOptions = {},
): Promise<void> {
  const chunks = asChunks(data);
  const info = await stat(path).catch(missingAsNull(path));
  if (info !== null && !info.isFile() && options.specialFiles !== "refuse") {
    if (info.isFIFO())
      return writeThrough(path, chunks, options, await openFifo(path, options.readerTimeoutMs ?? READER_TIMEOUT_MS));
    if (info.isCharacterDevice()) return writeThrough(path, chunks, options, await openOrFail(path, "w"));
  }
  if (info !== null && !info.isFile()) throw notRegular(path, info);
  const file = await createAtomicFile(path, { suffix: options.suffix });
  try {
    await pour(chunks, options.gzip ?? false, async (chunk) => {
      for (let done = 0; done < chunk.length; )
        done += (await writeAt(file.fd, chunk, done, chunk.length - done)).bytesWritten;
    });
    await options.beforeRename?.();
  } catch (error) {
    await file.abort();
    throw asWriteError(error, path);
  }
  await file.commit();
}

/** `data` as chunks of bytes. */
function asChunks(data: WriteData): Iterable<Uint8Array> | AsyncIterable<Uint8Array> {
  if (typeof data === "string") return [Buffer.from(data, "utf8")];
  return data instanceof Uint8Array ? [data] : data;
}

const writeAt = promisify(write);

/**
 * Streams the chunks, gzipped when `gzip`, into `put`, one chunk at a time
 * (each `put` writes all of its chunk: write(2) may take fewer bytes than given).
 */
async function pour(
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  gzip: boolean,
  put: (chunk: Uint8Array) => Promise<void>,
): Promise<void> {
  const sink = async (source: AsyncIterable<Uint8Array>): Promise<void> => {
    for await (const chunk of source) await put(chunk);
  };
  const input = Readable.from(chunks, { objectMode: false });
  await (gzip ? pipeline(input, createGzip(), sink) : pipeline(input, sink));
}

/** Writes through an already opened special file (FIFO, character device), then closes it. */
async function writeThrough(
  path: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options: WriteFileOptions,
  handle: Awaited<ReturnType<typeof open>>,
): Promise<void> {
  try {
    await pour(chunks, options.gzip ?? false, async (chunk) => {
      for (let done = 0; done < chunk.length; )
        done += (await handle.write(chunk, done, chunk.length - done)).bytesWritten;
    });
  } catch (error) {
    throw asWriteError(error, path);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Opens a FIFO for writing once some process has it open for reading. A
 * non-blocking open fails with ENXIO while there is no reader; it is retried
 * until `timeoutMs`, then the FIFO is reopened blocking (which now returns at
 * once) so that writes wait for the reader instead of failing with EAGAIN.
 */
async function openFifo(path: string, timeoutMs: number): Promise<Awaited<ReturnType<typeof open>>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const probe = await open(path, constants.O_WRONLY | constants.O_NONBLOCK);
      try {
        return await openOrFail(path, "w");
      } finally {
        await probe.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENXIO") throw asWriteError(error, path);
      if (Date.now() >= deadline)
        throw new FileWriteError(
          path,
          `a FIFO that no process opened for reading within ${timeoutMs / 1000} s: nothing written`,
        );
      await sleep(READER_POLL_MS);
    }
  }
}

async function openOrFail(path: string, flags: string): Promise<Awaited<ReturnType<typeof open>>> {
  try {
    return await open(path, flags);
  } catch (error) {
    throw asWriteError(error, path);
  }
}

/**
 * Writes the chunks to an open stream (standard output for `-`) and resolves
 * once the stream has taken them, without ending it: standard output stays
 * open for whatever the program prints next. A write error (e.g. the reader
 * of a pipe went away, EPIPE) rejects with a {@link FileWriteError} naming `name`.
 */
export async function writeToStream(stream: Writable, data: WriteData, name = "standard output"): Promise<void> {
  let failure: unknown = null;
  const onError = (error: unknown): void => {
    failure ??= error;
  };
  stream.on("error", onError);
  try {
    for await (const chunk of asChunks(data)) {
      if (failure !== null) break;
      if (!stream.write(chunk)) await waitForDrain(stream, () => failure !== null);
    }
    if (failure === null) await new Promise<void>((done) => stream.write(new Uint8Array(0), () => done()));
  } finally {
    stream.off("error", onError);
  }
  if (failure !== null) throw asWriteError(failure, name);
}

/** Resolves on the stream's next `drain`, or as soon as it fails. */
function waitForDrain(stream: Writable, failed: () => boolean): Promise<void> {
  return new Promise((done) => {
    const finish = (): void => {
      stream.off("drain", finish);
      stream.off("error", finish);
      done();
    };
    if (failed()) return done();
    stream.on("drain", finish);
    stream.on("error", finish);
  });
}
