import type { Writable } from "node:stream";
import type { EmbeddingsLike } from "./embeddings.js";
import { VectorsError } from "./errors.js";
import { formatFloat32 } from "./float32-format.js";
import { writeOutput } from "./write-output.js";

/** Options of {@link writeWord2Vec}. */
export interface WriteWord2VecOptions {
  /** Write the binary format (`true`) or text (`false`, the default). */
  binary?: boolean;
}

/**
 * Writes word vectors in the word2vec.c format that gensim's
 * `load_word2vec_format` and word2vec.c's tools read: a header `count dim`,
 * then one record a word in row order. Text: the word and each value as the
 * shortest decimal that reads back as the same float32 (like gensim's
 * `save_word2vec_format`), separated by single spaces. Binary: the word, a
 * space, `dim` little-endian float32s and a newline (as word2vec.c writes).
 * A path is written with `writeFileAtomically` of @neglab/files: gzipped when it
 * ends in `.gz`, atomically (temp file, fsync, rename) for a regular file,
 * through a symbolic link to its target, and in place for a FIFO or a terminal.
 * A stream (standard output for the CLI's `-`) is written without being ended.
 *
 * @throws VectorsError for a word that the format cannot hold (empty or containing whitespace), or a failed write.
 */
export async function writeWord2Vec(
  target: string | Writable,
  emb: EmbeddingsLike,
  options: WriteWord2VecOptions = {},
): Promise<void> {
  const path = typeof target === "string" ? target : "standard output";
  const { words, dim, vectors } = emb;
  if (vectors.length !== words.length * dim)
    throw new VectorsError(`matrix has ${vectors.length} values, expected ${words.length} × ${dim}`, { file: path });
  for (let i = 0; i < words.length; i++) {
    if (words[i] === "" || /\s/.test(words[i]))
      throw new VectorsError(`word #${i + 1} ${JSON.stringify(words[i])} is empty or contains whitespace`, {
        file: path,
      });
  }
  const records = options.binary ? binaryRecords(emb) : textRecords(emb);
  const chunks = batched([Buffer.from(`${words.length} ${dim}\n`)], records);
  await writeOutput(target, chunks, path);
}

function* textRecords({ words, dim, vectors }: EmbeddingsLike): Generator<Uint8Array> {
  for (let r = 0; r < words.length; r++) {
    const values: string[] = new Array(dim);
    for (let i = 0; i < dim; i++) values[i] = formatFloat32(vectors[r * dim + i]);
    yield Buffer.from(`${words[r]} ${values.join(" ")}\n`);
  }
}

function* binaryRecords({ words, dim, vectors }: EmbeddingsLike): Generator<Uint8Array> {
  for (let r = 0; r < words.length; r++) {
    const word = Buffer.from(`${words[r]} `);
    const record = Buffer.alloc(word.length + 4 * dim + 1);
    word.copy(record, 0);
    const view = new DataView(record.buffer, record.byteOffset + word.length, 4 * dim);
    for (let i = 0; i < dim; i++) view.setFloat32(4 * i, vectors[r * dim + i], true);
    record[record.length - 1] = 0x0a;
    yield record;
  }
}

/** Joins small records into ~1 MiB chunks so the stream is not flooded with tiny writes. */
function* batched(head: Uint8Array[], records: Iterable<Uint8Array>): Generator<Uint8Array> {
  let pending: Uint8Array[] = [...head];
  let size = 0;
  for (const record of records) {
    pending.push(record);
    size += record.length;
    if (size >= 1 << 20) {
      yield Buffer.concat(pending);
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}
