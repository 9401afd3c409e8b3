// Types of zipf-corpus.mjs (a bench script, not part of the published package), for the tests that import it.

/** The Zipf–Mandelbrot probabilities (r + q)^(−s) / Σ_j (j + q)^(−s) of ranks 1..types, indexed by rank − 1. */
export function zipfProbabilities(types: number, exponent?: number, shift?: number): Float64Array;

/** The word of rank `rank` (1-based) in bijective base 26 with the digits a–z: 1 → "a", 26 → "z", 27 → "aa". */
export function zipfWord(rank: number): string;

/** What {@link writeZipfCorpus} draws and where it writes. */
export interface ZipfCorpusOptions {
  /** Tokens in the file, exactly. */
  tokens: number;
  /** Word types V: ranks 1..V can be drawn. */
  types: number;
  /** Tokens per line (every line but the last, which holds the remainder); at most 10,000. */
  sentenceLength: number;
  /** s in p_r ∝ (r + q)^(−s); default 1 (Zipf). */
  exponent?: number;
  /** q in p_r ∝ (r + q)^(−s); default 0 (Zipf), above 0 Zipf–Mandelbrot. */
  shift?: number;
  /** Seed of the `@neglab/random` stream the tokens are drawn from. */
  seed: number | string;
  /** The file to write (first as `path`.part). */
  path: string;
  /** Called with the tokens written so far after every buffered write. */
  onProgress?: (tokensWritten: number) => void;
}

/** Writes a seeded Zipf corpus, one sentence per line; the same options give the same bytes. */
export function writeZipfCorpus(options: ZipfCorpusOptions): { tokens: number; lines: number; bytes: number };
