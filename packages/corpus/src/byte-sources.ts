import { createReadStream } from "node:fs";
import { assertRegularFile } from "@neglab/files";
import { createGunzip } from "node:zlib";
import { CorpusError, fileSystemProblem } from "./errors.js";

/** Chunk size for reading corpus files: large enough for throughput, small enough to bound memory. */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams the bytes of a corpus file, gunzipping it when its name ends in
 * `.gz`. File-system and gzip failures become {@link CorpusError}s naming the file.
 */
export async function* fileBytes(path: string): AsyncGenerator<Uint8Array> {
  await assertReadableFile(path);
  const raw = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const stream = path.endsWith(".gz") ? raw.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : raw;
  if (stream !== raw) raw.on("error", (error) => stream.destroy(error));
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code?.startsWith("Z_")
      ? `not a valid gzip file (${(error as Error).message})`
      : fileSystemProblem(error);
    throw new CorpusError(reason, { file: path });
  } finally {
    raw.destroy();
  }
}

/**
 * Throws a {@link CorpusError} unless `path` is an existing regular file
 * (`assertRegularFile` of @neglab/files). Every corpus reader checks this
 * before opening: opening a FIFO without a writer blocks in open(2) inside a
 * libuv thread-pool thread that neither Ctrl-C nor SIGTERM can end.
 */
export async function assertReadableFile(path: string): Promise<void> {
  await assertRegularFile(path, (reason, cause) => {
    throw new CorpusError(cause === undefined ? reason : fileSystemProblem(cause), { file: path });
  });
}
