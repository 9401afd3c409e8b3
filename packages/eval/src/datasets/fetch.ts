import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { BenchmarkError } from "../errors.js";
import { cacheDirectory } from "./directories.js";
import { getDataset, type Dataset } from "./registry.js";
import { sha256File } from "./sha256-file.js";

/** Options of {@link fetchDataset}. */
export interface FetchOptions {
  /** Where to store the file (at its registry path below it). Default: {@link cacheDirectory}'s. */
  cacheDir?: string;
  /** Download from this URL instead of the registry's. */
  url?: string;
  /** Download `<baseUrl>/<registry file path>` instead (a mirror of the data directory). Ignored when `url` is given. */
  baseUrl?: string;
  /** Download even when a verified copy is already cached. Default false. */
  force?: boolean;
}

/** The result of {@link fetchDataset}. */
export interface FetchResult {
  dataset: Dataset;
  /** Absolute path of the verified file. */
  path: string;
  /** The URL downloaded, or null when a verified cached copy was used. */
  url: string | null;
  /** Bytes downloaded (0 when cached). */
  bytes: number;
}

/**
 * Downloads a dataset into the user cache and verifies it: the body is
 * streamed into a temporary file in the target's own directory while its
 * SHA-256 is computed, and only a complete download with the registry's
 * checksum is renamed onto `<cacheDir>/<file>` (atomic within one file
 * system). An HTTP error, a dropped connection or a checksum mismatch deletes
 * the temporary file, so no partial or wrong file is ever left behind. A
 * cached copy that verifies is reused unless `force`.
 *
 * @throws BenchmarkError naming the dataset, the URL and the problem.
 */
export async function fetchDataset(name: string, options: FetchOptions = {}): Promise<FetchResult> {
  const dataset = getDataset(name);
  const target = join(cacheDirectory(options), dataset.file);
  if (!options.force && (await sha256File(target).catch(() => null)) === dataset.sha256) return { dataset, path: target, url: null, bytes: 0 };

  const url = options.url ?? (options.baseUrl === undefined ? dataset.url : `${options.baseUrl.replace(/\/+$/, "")}/${dataset.file}`);
  const fail = (problem: string): BenchmarkError => new BenchmarkError(`fetch ${dataset.name} from ${url}: ${problem}`);
  await mkdir(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.part`);
  try {
    // 1. Request; anything but 2xx is an error.
    const response = await fetch(url).catch((error: unknown) => {
      throw fail(describe(error));
    });
    if (!response.ok || response.body === null) throw fail(`HTTP ${response.status} ${response.statusText}`.trim());

    // 2. Stream the body to the temporary file, hashing and counting on the way.
    const hash = createHash("sha256");
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), tap, createWriteStream(temporary)).catch((error: unknown) => {
      throw fail(`download broken after ${bytes} bytes: ${describe(error)}`);
    });

    // 3. Verify, then move into place.
    const actual = hash.digest("hex");
    if (actual !== dataset.sha256) throw fail(`sha256 mismatch: expected ${dataset.sha256}, got ${actual} (${bytes} bytes); nothing was saved`);
    await rename(temporary, target);
    return { dataset, path: target, url, bytes };
  } finally {
    await rm(temporary, { force: true });
  }
}

/** An error's message with its cause's (fetch reports network failures as "fetch failed" with the reason in `cause`). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
