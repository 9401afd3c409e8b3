import type { Stats } from "node:fs";
import { closeSync, fchmodSync, fsyncSync, openSync } from "node:fs";
import { lstat, readlink, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { asWriteError, FileWriteError } from "./errors.js";
import { describeFileKind } from "./file-kind.js";
import { removeOnInterrupt } from "./pending-temporaries.js";
import { temporaryNameBeside } from "./temporary-name.js";

/** The kernel's limit on symbolic links followed in one path resolution (Linux MAXSYMLINKS). */
const MAX_SYMLINKS = 40;

/** A file being written under a temporary name beside its target; see {@link createAtomicFile}. */
export interface AtomicFile {
  /** The path the caller asked to write (what errors name). */
  readonly path: string;
  /** The hidden temporary file being written ({@link temporaryNameBeside} of the target). */
  readonly temporary: string;
  /** The temporary file's descriptor, open for writing (positional writes allowed). */
  readonly fd: number;
  /**
   * Flushes the bytes to the disk (fsync), closes the descriptor and renames
   * the temporary file onto the target. On failure the temporary file is
   * removed, the target is left as it was, and a {@link FileWriteError} names `path`.
   */
  commit(): Promise<void>;
  /** Closes and removes the temporary file, leaving the target as it was. Safe to call twice or after `commit`. */
  abort(): Promise<void>;
}

/**
 * Starts writing `path` atomically: opens a new hidden temporary file beside
 * its target (`.<name>.<host>.<pid>.<random>.<suffix>`, see
 * {@link temporaryNameBeside}) that {@link AtomicFile.commit} fsyncs and renames
 * onto the target once complete, so that a reader never sees a half-written
 * file and a crash never leaves one under the final name.
 *
 * - a symbolic link is followed (see {@link resolveWriteTarget}) and its target
 *   replaced, so the link stays a link; links in the directories are resolved
 *   too, so the temporary file is on the target's file system;
 * - an existing target keeps its permission bits;
 * - a path that exists but is not a regular file (a directory, a FIFO, a
 *   device, a socket) is refused with a {@link FileWriteError}: a rename would
 *   replace it (`writeFileAtomically` writes FIFOs and devices in place instead);
 * - the temporary file is removed on every failure, on `abort`, and when the
 *   process is interrupted (SIGINT, SIGTERM) or exits first.
 */
export async function createAtomicFile(path: string, options: { readonly suffix?: string } = {}): Promise<AtomicFile> {
  const info = await stat(path).catch(missingAsNull(path));
  if (info !== null && !info.isFile()) throw notRegular(path, info);
  const target = await resolveWriteTarget(path);
  const temporary = temporaryNameBeside(target, options.suffix);
  let fd: number;
  try {
    fd = openSync(temporary, "wx");
  } catch (error) {
    throw asWriteError(error, path);
  }
  const forget = removeOnInterrupt(temporary);
  let open = true;
  let done = false;
  const abort = async (): Promise<void> => {
    if (open) {
      open = false;
      closeSync(fd);
    }
    done = true;
    await rm(temporary, { force: true });
    forget();
  };
  const commit = async (): Promise<void> => {
    if (done) throw new Error(`${path}: the atomic write has already ended`);
    try {
      fsyncSync(fd);
      open = false;
      closeSync(fd);
      await rename(temporary, target);
      done = true;
      forget();
    } catch (error) {
      await abort();
      throw asWriteError(error, path);
    }
  };
  try {
    // The permission bits are set at once, so that a target readable by few never has a copy readable by more.
    if (info !== null) fchmodSync(fd, info.mode & 0o7777);
  } catch (error) {
    await abort();
    throw asWriteError(error, path);
  }
  return { path, temporary, fd, commit, abort };
}

/**
 * The refusal of a path that exists and is not a regular file: "it is a
 * directory", "it is a FIFO", … ("… a block device (refusing to overwrite a disk)").
 */
export function notRegular(path: string, info: Stats): FileWriteError {
  return new FileWriteError(
    path,
    `it is ${describeFileKind(info)}${info.isBlockDevice() ? " (refusing to overwrite a disk)" : ""}`,
  );
}

/**
 * The file a write to `path` by {@link createAtomicFile} (or
 * `writeFileAtomically`) replaces, as an absolute path with the links in its
 * directories resolved: `path` itself, or, when it is a symbolic link (even one
 * whose target does not exist yet), the file the chain of links ends at.
 * Callers use it to check, before any work, that an output does not alias an input.
 *
 * @throws FileWriteError when the links loop (more than 40, the kernel's limit) or cannot be read.
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
    current = resolve(dirname(current), (await readlink(current).catch(missingAsNull(path))) ?? "");
  }
  throw new FileWriteError(path, "too many levels of symbolic links");
}

/** A `catch` handler: a missing file is `null`, any other failure a {@link FileWriteError} naming `path`. */
export function missingAsNull(path: string): (error: unknown) => null {
  return (error) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw asWriteError(error, path);
  };
}
