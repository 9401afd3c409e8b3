import { TokenScanner, type ScanOptions } from "./token-scanner.js";

/** How a byte stream is cut into sentences (see {@link TokenScanner}). */
export type SentenceStreamOptions = ScanOptions;

/**
 * Turns a stream of UTF-8 bytes into batches of sentences (one batch per
 * chunk read), the way gensim's `LineSentence` reads a file: the tokens of
 * {@link TokenScanner} as strings. Counting and encoding scan the bytes
 * directly instead (a string per token costs more than the counting itself).
 */
export async function* sentenceBatches(
  chunks: AsyncIterable<Uint8Array>,
  options: SentenceStreamOptions,
): AsyncGenerator<string[][]> {
  let batch: string[][] = [];
  let sentence: string[] = [];
  const scanner = new TokenScanner(
    {
      token: (bytes, start, end) => void sentence.push(bytes.toString("utf8", start, end)),
      endSentence: () => {
        batch.push(sentence);
        sentence = [];
      },
    },
    options,
  );
  for await (const chunk of chunks) {
    scanner.push(chunk);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  scanner.end();
  if (batch.length > 0) yield batch;
}
