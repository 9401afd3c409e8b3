import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { corpusDigest, type Corpus } from "./corpus.js";
import { countAndWriteEncodedCorpus } from "./encode.js";
import { openEncodedCorpus, type EncodedCorpusFile } from "./encoded-file-format.js";
import { CorpusError, fileSystemProblem } from "./errors.js";
import { temporaryNameBeside } from "@neglab/files";
import type { CorpusStats, VocabularyOptions } from "./vocabulary-builder.js";
import { readVocabulary, writeVocabulary } from "./vocabulary-file.js";
import type { Vocabulary } from "./vocabulary.js";

/** The settings that shape a prepared corpus: those of its vocabulary (gensim's names and defaults, see {@link buildVocabulary}). */
export type PrepareOptions = Pick<VocabularyOptions, "minCount" | "maxVocabSize" | "maxFinalVocab" | "onProgress">;

/** A corpus counted and encoded on disk, ready for training (see {@link prepareEncodedCorpus}). */
export interface PreparedCorpus {
  readonly vocabulary: Vocabulary;
  /** The statistics of the counting pass (as when the entry was made). */
  readonly stats: CorpusStats;
  /** The encoded corpus, read by the training workers block by block. */
  readonly encoded: EncodedCorpusFile;
  /** The corpus digest ({@link corpusDigest}). */
  readonly digest: string;
  /** The cache entry's directory. */
  readonly directory: string;
  /** Whether the entry was already there (nothing was counted or encoded). */
  readonly cached: boolean;
}

/** Bumped whenever what an entry holds, or how it is made, changes: older entries are then ignored. */
const ENTRY_FORMAT = 1;

/**
 * Counts `corpus`'s vocabulary and encodes the corpus against it once, into
 * `cacheDir/<key>/` (`vocabulary.txt`, `encoded.bin`, `stats.json`), and
 * reads the entry back when it is already there. The key is a SHA-256 of the
 * corpus digest (its files' bytes and tokenisation) and the settings that shape
 * the vocabulary, so every training of a grid — and every shard of a grid on a
 * cluster sharing the directory — counts and encodes the corpus once.
 *
 * Memory stays bounded by the vocabulary: the corpus streams through the
 * counting and encoding passes and the encoded corpus goes to disk. An entry
 * is made in a temporary directory and renamed into place, so a crash never
 * leaves half an entry under its key, and two processes making the same entry
 * at once both end with the one that was renamed first.
 */
export async function prepareEncodedCorpus(
  corpus: Corpus,
  options: PrepareOptions,
  cacheDir: string,
): Promise<PreparedCorpus> {
  const digest = await corpusDigest(corpus);
  const settings = {
    minCount: options.minCount ?? 5,
    maxVocabSize: options.maxVocabSize ?? null,
    maxFinalVocab: options.maxFinalVocab ?? null,
  };
  const key = createHash("sha256")
    .update(JSON.stringify({ format: ENTRY_FORMAT, digest, ...settings }))
    .digest("hex")
    .slice(0, 32);
  const directory = join(cacheDir, key);
  const existing = await readEntry(directory, digest);
  if (existing !== null) return existing;

  // unique per call: two shards, or two calls of one process, may make the same entry at once
  const building = temporaryNameBeside(directory);
  try {
    await mkdir(building, { recursive: true });
  } catch (error) {
    throw new CorpusError(`cannot create the corpus cache: ${fileSystemProblem(error)}`, { file: building });
  }
  let made: PreparedCorpus;
  try {
    const { vocabulary, stats, encoded } = await countAndWriteEncodedCorpus(
      join(building, "encoded.bin"),
      corpus,
      options,
    );
    await writeVocabulary(join(building, "vocabulary.txt"), vocabulary);
    await writeFile(join(building, "stats.json"), `${JSON.stringify({ digest, settings, stats }, null, 2)}\n`);
    const won = await rename(building, directory).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        // another process renamed the same entry into place first: theirs is as good as ours
        if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
        return false;
      },
    );
    // ours was renamed into place: the file just written, under its new path (no need to read its table again)
    const entry = won
      ? { vocabulary, stats, encoded: { ...encoded, path: join(directory, "encoded.bin") } }
      : await readEntry(directory, digest);
    if (entry === null) throw new CorpusError("the corpus cache entry vanished as it was made", { file: directory });
    made = { ...entry, digest, directory, cached: false };
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    throw new CorpusError(`cannot write the corpus cache: ${fileSystemProblem(error)}`, { file: directory });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return made;
}

/** The entry in `directory`, or null when there is none; a damaged entry is a {@link CorpusError} saying how to rebuild it. */
async function readEntry(directory: string, digest: string): Promise<PreparedCorpus | null> {
  let text: string;
  try {
    text = await readFile(join(directory, "stats.json"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new CorpusError(`cannot read the corpus cache: ${fileSystemProblem(error)}`, { file: directory });
  }
  try {
    const { stats } = JSON.parse(text) as { stats: CorpusStats };
    const vocabulary = await readVocabulary(join(directory, "vocabulary.txt"));
    const encoded = await openEncodedCorpus(join(directory, "encoded.bin"), { vocabularySize: vocabulary.size });
    return { vocabulary, stats, encoded, digest, directory, cached: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CorpusError(
      `damaged corpus cache entry (${reason}); delete the directory to count and encode the corpus again`,
      { file: directory },
    );
  }
}
