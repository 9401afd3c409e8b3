import type { Stats } from "node:fs";
import { stat } from "node:fs/promises";

/**
 * What a path that is not a regular file is, in plain words ("a directory",
 * "a FIFO", …), for messages that refuse it.
 */
export function describeFileKind(info: Stats): string {
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  return "a special file";
}

/** Plain words for the errno codes met when looking a path up or reading it (the path is named by the caller). */
export function lookupProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR") return "a part of the path is not a directory";
  if (code === "ELOOP") return "too many symbolic links";
  if (code === "ENAMETOOLONG") return "file name too long";
  if (code === "EISDIR") return "it is a directory";
  return (error as Error | undefined)?.message ?? String(error);
}

/**
 * Checks that an input path names a regular file before anything opens it,
 * calling `fail` with a plain reason ("no such file", "not a regular file
 * (a FIFO)") otherwise, and returns its `stat`. Opening a FIFO that no process
 * writes to blocks in open(2) inside a libuv thread-pool thread, which neither
 * Ctrl-C nor SIGTERM can end, so every reader stats first and never opens
 * anything but a regular file; a FIFO with a writer would also fail later with
 * a seek error (ESPIPE) naming no file. `fail` builds the caller's typed error
 * naming the path.
 */
export async function assertRegularFile(
  path: string,
  fail: (reason: string, cause?: unknown) => never,
): Promise<Stats> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    return fail(lookupProblem(error), error);
  }
  if (!info.isFile()) fail(`not a regular file (${describeFileKind(info)})`);
  return info;
}
