import { readFile } from "node:fs/promises";
import { assertRegularFile } from "@neglab/files";
import { BenchmarkError } from "./errors.js";

/**
 * The text of a benchmark file (UTF-8, strictly decoded). Only a regular file
 * is read (see `assertRegularFile` of @neglab/files: a FIFO would block the
 * process beyond Ctrl-C); every failure is a {@link BenchmarkError} naming the file.
 */
export async function readBenchmarkText(path: string): Promise<string> {
  const fail = (reason: string): never => {
    throw new BenchmarkError(reason, { file: path });
  };
  if (path === "" || path === "-") fail("reading a benchmark from standard input is not supported: name a file");
  await assertRegularFile(path, fail);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await readFile(path));
  } catch (err) {
    return fail(err instanceof TypeError ? "not valid UTF-8" : (err as Error).message);
  }
}
