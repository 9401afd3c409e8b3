import type { Stats } from "node:fs";
import { assertRegularFile } from "@neglab/files";
import { VectorsError } from "./errors.js";

/**
 * `assertRegularFile` of @neglab/files for the vectors readers: a {@link VectorsError}
 * naming the file. `-` and the empty name are refused in words of their own:
 * the readers need a file (its size bounds the header's claims, a model file is
 * read at offsets), so standard input is not read.
 */
export async function regularInputFile(path: string): Promise<Stats> {
  if (path === "" || path === "-")
    throw new VectorsError("reading vectors from standard input is not supported: name a file");
  return assertRegularFile(path, (reason) => {
    throw new VectorsError(reason, { file: path });
  });
}
