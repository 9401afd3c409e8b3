import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Corpus } from "../src/index.js";

/** A fresh temporary directory for one test file. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "neglab-corpus-"));
}

/** All sentences of a corpus, for small test corpora. */
export async function collect(corpus: Corpus): Promise<string[][]> {
  const out: string[][] = [];
  for await (const sentence of corpus.sentences()) out.push(sentence);
  return out;
}

/** Yields `bytes` in pieces of `size` bytes, to exercise chunk boundaries. */
export async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
