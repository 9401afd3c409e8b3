import { stat } from "node:fs/promises";

/**
 * Checks that an input path names a regular file before anything opens it,
 * calling `fail` with a plain reason otherwise ("no such file", "it is a
 * directory", "not a regular file (a FIFO)"). Opening a FIFO without a writer
 * blocks in open(2) inside a libuv thread-pool thread that neither Ctrl-C nor
 * SIGTERM can end, so a weights file or a custom module is stat'ed first and
 * never opened unless regular. (@neglab/vectors has the same check for the
 * vectors and benchmark readers; samplers does not depend on it.)
 */
export async function assertRegularFile(path: string, fail: (reason: string, cause?: unknown) => never): Promise<void> {
  const info = await stat(path).catch((error: unknown) => fail(plainReason(error), error));
  if (info.isDirectory()) fail("it is a directory");
  if (!info.isFile()) fail(`not a regular file (${info.isFIFO() ? "a FIFO" : info.isSocket() ? "a socket" : "a device"})`);
}

/** An errno error in plain words (the path is named by the caller). */
export function plainReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR") return "a part of the path is not a directory";
  if (code === "ELOOP") return "too many symbolic links";
  if (code === "EISDIR") return "it is a directory";
  return (error as Error | undefined)?.message ?? String(error);
}
