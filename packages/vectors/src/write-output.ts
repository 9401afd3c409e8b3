import type { Writable } from "node:stream";
import { FileWriteError, writeFileAtomically, writeToStream } from "@neglab/files";
import { VectorsError } from "./errors.js";

/**
 * Writes a vectors or model file: a path with `writeFileAtomically` of
 * @neglab/files (gzipped when it ends in `.gz`; atomically, through a symbolic
 * link to its target, in place for a FIFO or a terminal), a stream (standard
 * output for the CLI's `-`) without ending it. A failed write is a
 * {@link VectorsError} naming the path (or `name` for a stream).
 */
export async function writeOutput(
  target: string | Writable,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  name = "standard output",
): Promise<void> {
  try {
    await (typeof target === "string"
      ? writeFileAtomically(target, chunks, { gzip: target.endsWith(".gz") })
      : writeToStream(target, chunks, name));
  } catch (error) {
    throw error instanceof FileWriteError
      ? new VectorsError(`cannot write: ${error.reason}`, { file: error.file })
      : error;
  }
}
