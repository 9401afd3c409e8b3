import { createWriteStream } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";

/**
 * Writes the chunks to `path` atomically: into a temporary file beside it,
 * renamed over `path` only once complete, so a reader never sees a half
 * file and a failure leaves the old file (if any) untouched. Gzips the bytes
 * when `path` ends in `.gz`.
 */
export async function writeFileAtomically(path: string, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const source = Readable.from(chunks, { objectMode: false });
  try {
    if (path.endsWith(".gz")) await pipeline(source, createGzip(), createWriteStream(temp));
    else await pipeline(source, createWriteStream(temp));
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}
