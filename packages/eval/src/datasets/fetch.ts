import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { sha256File, writeFileAtomically } from "@neglab/files";
import { BenchmarkError } from "../errors.js";
import { cacheDirectory } from "./directories.js";
import { PARTIAL_SUFFIX, removeStalePartials } from "./partial-file.js";
import { getDataset, type Dataset } from "./registry.js";

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
  /**
   * Milliseconds to wait from the request until the server answers (the
   * response headers). Default {@link DEFAULT_FETCH_TIMEOUTS}`.connect`.
   */
  connectTimeout?: number;
  /**
   * Milliseconds the body may stall: the download fails when no byte arrives
   * for this long. Default {@link DEFAULT_FETCH_TIMEOUTS}`.idle`.
   */
  idleTimeout?: number;
}

/**
 * The default limits of {@link fetchDataset}, in milliseconds: 30 s for the
 * server to answer and 30 s of silence within the body. Without them a server
 * that stops sending keeps a download (and `neglab run`) waiting for as long
 * as undici's own limits allow (300 s); the datasets are small (under 1 MB),
 * so any live server sends far more often.
 */
export const DEFAULT_FETCH_TIMEOUTS = { connect: 30_000, idle: 30_000 } as const;

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
 * streamed into a temporary `.part` file in the target's own directory while
 * its SHA-256 is computed (`writeFileAtomically` of @neglab/files), and only a
 * complete download with the registry's checksum is flushed and renamed onto
 * `<cacheDir>/<file>` (atomic within one file system). An HTTP error, a dropped connection, a server that does not answer
 * within `connectTimeout` or stalls for `idleTimeout`, or a checksum mismatch
 * deletes the temporary file, as do SIGINT, SIGTERM and `process.exit` during
 * the download; `.part` files that earlier, killed downloads left behind are
 * deleted first (a dead local process's at once, any after an hour without
 * change). So no partial or wrong file is ever left behind. A cached
 * copy that verifies is reused unless `force`.
 *
 * @throws BenchmarkError naming the dataset, the URL and the problem.
 */
export async function fetchDataset(name: string, options: FetchOptions = {}): Promise<FetchResult> {
  const dataset = getDataset(name);
  const connectTimeout = timeoutOption("connectTimeout", options.connectTimeout ?? DEFAULT_FETCH_TIMEOUTS.connect);
  const idleTimeout = timeoutOption("idleTimeout", options.idleTimeout ?? DEFAULT_FETCH_TIMEOUTS.idle);
  const target = join(cacheDirectory(options), dataset.file);
  if (!options.force && (await sha256File(target).catch(() => null)) === dataset.sha256)
    return { dataset, path: target, url: null, bytes: 0 };

  const url =
    options.url ??
    (options.baseUrl === undefined ? dataset.url : `${options.baseUrl.replace(/\/+$/, "")}/${dataset.file}`);
  const fail = (problem: string): BenchmarkError => new BenchmarkError(`fetch ${dataset.name} from ${url}: ${problem}`);
  await mkdir(dirname(target), { recursive: true });
  await removeStalePartials(target, idleTimeout);
  // One abort for both limits; `timedOut` says which fired, for the message.
  const abort = new AbortController();
  let timedOut: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const arm = (ms: number, problem: () => string): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = problem();
      abort.abort();
    }, ms);
  };
  let bytes = 0;
  try {
    // 1. Request; anything but 2xx is an error.
    arm(connectTimeout, () => `no response within ${seconds(connectTimeout)} (connect timeout)`);
    const response = await fetch(url, { signal: abort.signal }).catch((error: unknown) => {
      throw fail(timedOut ?? describe(error));
    });
    if (!response.ok || response.body === null) throw fail(`HTTP ${response.status} ${response.statusText}`.trim());

    // 2. Stream the body to the temporary file, hashing and counting on the way; each chunk re-arms the idle limit.
    const stalled = (): string =>
      `download stalled: no data for ${seconds(idleTimeout)} after ${bytes} bytes (idle timeout)`;
    arm(idleTimeout, stalled);
    const hash = createHash("sha256");
    async function* body(stream: Readable): AsyncGenerator<Uint8Array> {
      for await (const chunk of stream) {
        arm(idleTimeout, stalled);
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    }
    // 3. Verify before the file is moved into place.
    const verify = (): void => {
      clearTimeout(timer);
      const actual = hash.digest("hex");
      if (actual !== dataset.sha256)
        throw fail(`sha256 mismatch: expected ${dataset.sha256}, got ${actual} (${bytes} bytes); nothing was saved`);
    };
    await writeFileAtomically(target, body(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)), {
      suffix: PARTIAL_SUFFIX,
      specialFiles: "refuse",
      beforeRename: verify,
    }).catch((error: unknown) => {
      throw error instanceof BenchmarkError
        ? error
        : fail(timedOut ?? `download broken after ${bytes} bytes: ${describe(error)}`);
    });
    return { dataset, path: target, url, bytes };
  } finally {
    clearTimeout(timer);
    // Ends a body left unread (an HTTP error) so its socket does not hold the process open.
    abort.abort();
  }
}

/** A timeout option: a positive number of milliseconds (setTimeout's range). */
function timeoutOption(name: string, ms: number): number {
  if (!(Number.isFinite(ms) && ms > 0 && ms <= 2 ** 31 - 1))
    throw new BenchmarkError(
      `fetch: ${name} must be a positive number of milliseconds up to ${2 ** 31 - 1}, got ${ms}`,
    );
  return ms;
}

/** Milliseconds as seconds for messages: "30 s", "0.5 s". */
function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

/** An error's message with its cause's (fetch reports network failures as "fetch failed" with the reason in `cause`). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
