import { constants, createWriteStream, unlinkSync } from "node:fs";
import { chmod, lstat, open, readlink, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { createGzip } from "node:zlib";
import { VectorsError } from "./errors.js";
import { describeFileKind } from "./regular-file.js";

/** Options of {@link writeFileAtomically}. */
export interface WriteFileOptions {
  /**
   * How long to wait, in milliseconds, for a process to open a FIFO given as
   * the path for reading (default 10,000). Writing to a FIFO without a reader
   * would block forever, so the wait is bounded and ends in a {@link VectorsError}.
   */
  readonly readerTimeoutMs?: number;
}

/** Default of {@link WriteFileOptions.readerTimeoutMs}. */
const READER_TIMEOUT_MS = 10_000;
/** How often a FIFO is probed for a reader while waiting. */
const READER_POLL_MS = 25;
/** The kernel's limit on symbolic links followed in one path resolution (Linux MAXSYMLINKS). */
const MAX_SYMLINKS = 40;

/**
 * Writes the chunks to `path` without ever leaving a half-written file or
 * replacing something that is not a regular file:
 *
 * - a regular file (or a new path) is written into a temporary file beside it
 *   and renamed over `path` only once complete, so a reader never sees a half
 *   file and a failure leaves the old file (if any) untouched; the old file's
 *   permission bits are kept;
 * - a symbolic link is followed and its target written that way, so the link
 *   stays a link (renaming over the link itself would silently replace it);
 * - a FIFO or a character device (a terminal, `/dev/null`) is written through in
 *   place, as `cat > path` would: a rename would replace it with a regular file.
 *   A FIFO is only opened once a reader has it open (waiting at most
 *   `readerTimeoutMs`), so the write can never block forever;
 * - a directory, a socket or a block device is refused.
 *
 * Gzips the bytes when `path` ends in `.gz`. Every failure is a
 * {@link VectorsError} naming `path` (never the temporary file) with the
 * reason in plain words.
 */
export async function writeFileAtomically(
  path: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options: WriteFileOptions = {},
): Promise<void> {
  const info = await stat(path).catch(missingAsNull(path));
  if (info !== null && !info.isFile()) {
    if (info.isFIFO()) return writeThrough(path, chunks, await openFifo(path, options.readerTimeoutMs ?? READER_TIMEOUT_MS));
    if (info.isCharacterDevice()) return writeThrough(path, chunks, await openOrFail(path, "w"));
    throw new VectorsError(`cannot write: it is ${describeFileKind(info)}${info.isBlockDevice() ? " (refusing to overwrite a disk)" : ""}`, { file: path });
  }
  const target = await resolveWriteTarget(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  trackTemporary(temp);
  try {
    await pipeTo(path, chunks, createWriteStream(temp, { flags: "wx" }));
    if (info !== null) await chmod(temp, info.mode & 0o7777);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw asWriteError(error, path);
  } finally {
    pendingTemporaries.delete(temp);
  }
}

/** Temporary files being written; removed if the process exits first. */
const pendingTemporaries = new Set<string>();

/**
 * Records a temporary file until its write ends. When the process exits
 * meanwhile (`process.exit`, e.g. from a SIGINT or SIGTERM handler), the
 * `exit` listener, installed on first use, removes it: an interrupted write
 * leaves neither a half file nor a stray temporary one.
 */
function trackTemporary(temp: string): void {
  if (!exitListenerInstalled) process.on("exit", removePendingTemporaries);
  exitListenerInstalled = true;
  pendingTemporaries.add(temp);
}

let exitListenerInstalled = false;

function removePendingTemporaries(): void {
  for (const temp of pendingTemporaries) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or never created.
    }
  }
}

/**
 * Writes the chunks to an open stream (standard output for `-`) and resolves
 * once the stream has taken them, without ending it: standard output stays
 * open for whatever the program prints next. A write error (e.g. the reader
 * of a pipe went away, EPIPE) rejects with a {@link VectorsError} naming `name`.
 */
export async function writeToStream(
  stream: Writable,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  name = "standard output",
): Promise<void> {
  let failure: unknown = null;
  const onError = (error: unknown): void => {
    failure ??= error;
  };
  stream.on("error", onError);
  try {
    for await (const chunk of chunks) {
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

/** Writes through an already opened special file (FIFO, character device), then closes it. */
async function writeThrough(path: string, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, handle: Awaited<ReturnType<typeof open>>): Promise<void> {
  try {
    await pipeTo(path, chunks, handle.createWriteStream());
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
      if (Date.now() >= deadline) {
        throw new VectorsError(`a FIFO that no process opened for reading within ${timeoutMs / 1000} s: nothing written`, { file: path });
      }
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
 * The file a write to `path` by {@link writeFileAtomically} replaces, as an
 * absolute path with the links in its directories resolved: `path` itself, or,
 * when it is a symbolic link (even one whose target does not exist yet), the
 * file the chain of links ends at. Callers use it to check, before any work,
 * that an output does not alias an input.
 *
 * @throws VectorsError when the links loop (more than 40, the kernel's limit) or cannot be read.
 */
export async function resolveWriteTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops <= MAX_SYMLINKS; hops++) {
    const info = await lstat(current).catch(missingAsNull(path));
    if (info === null || !info.isSymbolicLink()) {
      // Resolve links in the directories too, so the temporary file lands on the target's file system.
      const parent = await realpath(dirname(current)).catch(() => dirname(current));
      return join(parent, basename(current));
    }
    current = resolve(dirname(current), await readlink(current).catch(missingAsNull(path)) ?? "");
  }
  throw new VectorsError("cannot write: too many levels of symbolic links", { file: path });
}

/** A `catch` handler: a missing file is `null`, any other failure a {@link VectorsError} naming `path`. */
function missingAsNull(path: string): (error: unknown) => null {
  return (error) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw asWriteError(error, path);
  };
}

/** Streams the chunks into `destination`, gzipped when `path` ends in `.gz`. */
async function pipeTo(path: string, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, destination: Writable): Promise<void> {
  const source = Readable.from(chunks, { objectMode: false });
  if (path.endsWith(".gz")) await pipeline(source, createGzip(), destination);
  else await pipeline(source, destination);
}

/** Plain words for the errno codes a write commonly meets. */
const WRITE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOENT: "its directory does not exist",
  ENOTDIR: "a component of the path is not a directory",
  EISDIR: "it is a directory",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  EPIPE: "the reading process closed the pipe",
  EIO: "input/output error",
};

/**
 * A failed write as a {@link VectorsError} naming the user's `path` (never the
 * temporary file, which is an implementation detail), the reason in words and the code.
 */
function asWriteError(error: unknown, path: string): Error {
  if (error instanceof VectorsError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return error as Error;
  const reason = WRITE_PROBLEMS[code] ?? (error as Error).message;
  return new VectorsError(`cannot write: ${reason} (${code})`, { file: path });
}
