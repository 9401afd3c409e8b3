import { readFile } from "node:fs/promises";
import { FileWriteError, writeFileAtomically } from "@neglab/files";
import { CorpusError, fileSystemProblem } from "./errors.js";
import { assertReadableFile } from "./byte-sources.js";
import { Vocabulary } from "./vocabulary.js";

/**
 * Writes a vocabulary as `word count` lines in id order, the format of
 * word2vec.c's `-save-vocab` (without its `</s>` line), atomically
 * (`writeFileAtomically` of @neglab/files): a crash never leaves half a file
 * and a failure leaves no temporary file. An existing symbolic link is followed
 * and its target replaced, so the link stays a link; a path that exists but is
 * not a regular file (a directory, a FIFO, a device) is refused with a
 * {@link CorpusError}, since a vocabulary is a file to read back, not a stream.
 */
export async function writeVocabulary(path: string, vocabulary: Vocabulary): Promise<void> {
  const lines = vocabulary.words.map((word, i) => `${word} ${vocabulary.counts[i]}\n`);
  try {
    await writeFileAtomically(path, lines.join(""), { specialFiles: "refuse" });
  } catch (error) {
    throw error instanceof FileWriteError
      ? new CorpusError(`cannot write the vocabulary: ${error.reason}`, { file: path })
      : error;
  }
}

/** word2vec.c's sentence-end token, which its `-save-vocab` writes first. */
const SENTENCE_END = "</s>";

/**
 * Reads a `word count` vocabulary file (ours, or word2vec.c's `-save-vocab`
 * output). Entries are re-sorted by descending count with ties in file order;
 * `minCount` drops rarer words. A malformed line, a duplicate word or a
 * non-integer count raises a {@link CorpusError} naming the file and line.
 *
 * word2vec.c's file starts with `</s> N`, its sentence-end token counted once
 * per newline (`</s> 0` for a text8-style file without newlines). It is not a
 * corpus word, so a first entry `</s>` is skipped (its count may be 0); a
 * `</s>` on any later line is an ordinary word. A leading UTF-8 byte-order mark is skipped.
 * Only a regular file is read (see {@link assertReadableFile}).
 */
export async function readVocabulary(path: string, minCount = 1): Promise<Vocabulary> {
  await assertReadableFile(path);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CorpusError(fileSystemProblem(error), { file: path });
  }
  const entries = new Map<string, number>();
  // A byte-order mark (EF BB BF) is not part of the first word.
  const lines = (text.startsWith("\uFEFF") ? text.slice(1) : text).split("\n");
  let seenEntry = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (line === "") continue;
    const fields = line.split(" ");
    const where = { file: path, line: i + 1 };
    if (fields.length !== 2 || fields[0] === "") {
      throw new CorpusError(`expected "word count", got ${JSON.stringify(line.slice(0, 80))}`, where);
    }
    const [word, countText] = fields;
    const firstEntry = !seenEntry;
    seenEntry = true;
    if (firstEntry && word === SENTENCE_END && /^[0-9]+$/.test(countText)) continue;
    if (!/^[0-9]+$/.test(countText) || Number(countText) < 1) {
      throw new CorpusError(`count must be a positive integer, got ${JSON.stringify(countText)}`, where);
    }
    if (entries.has(word)) throw new CorpusError(`duplicate word ${JSON.stringify(word)}`, where);
    entries.set(word, Number(countText));
  }
  const vocabulary = Vocabulary.fromCounts(entries, minCount);
  vocabulary.assertNotEmpty(path, minCount);
  return vocabulary;
}
