import { readFile, rename, writeFile } from "node:fs/promises";
import { CorpusError } from "./errors.js";
import { Vocabulary } from "./vocabulary.js";

/**
 * Writes a vocabulary as `word count` lines in id order, the format of
 * word2vec.c's `-save-vocab` (without its `</s>` line). The file is written to a
 * temporary name and renamed, so a crash never leaves half a file.
 */
export async function saveVocabulary(vocabulary: Vocabulary, path: string): Promise<void> {
  const lines = vocabulary.words.map((word, i) => `${word} ${vocabulary.counts[i]}\n`);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, lines.join(""), "utf8");
  await rename(temporary, path);
}

/**
 * Reads a `word count` vocabulary file (ours, or word2vec.c's `-save-vocab`
 * output). Entries are re-sorted by descending count with ties in file order;
 * `minCount` drops rarer words. A malformed line, a duplicate word or a
 * non-integer count raises a {@link CorpusError} naming the file and line.
 */
export async function loadVocabulary(path: string, minCount = 1): Promise<Vocabulary> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CorpusError(code === "ENOENT" ? "no such file" : (error as Error).message, { file: path });
  }
  const entries = new Map<string, number>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (line === "") continue;
    const fields = line.split(" ");
    const where = { file: path, line: i + 1 };
    if (fields.length !== 2 || fields[0] === "") {
      throw new CorpusError(`expected "word count", got ${JSON.stringify(line.slice(0, 80))}`, where);
    }
    const [word, countText] = fields;
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
