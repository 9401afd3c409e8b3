import type { Embeddings } from "./embeddings.js";
import { embeddingsFromModel, isModelFile, readModelFile } from "./model-file.js";
import { readWord2Vec, type ReadWord2VecOptions } from "./word2vec-read.js";

/**
 * Loads word vectors from any supported file: a NegLab model file (recognised
 * by its magic; its `input` matrix and counts), else word2vec text or binary
 * (gzipped when the name ends in `.gz`), see {@link readWord2Vec}. Only a
 * regular file is read: `-`, a directory or a FIFO is a {@link VectorsError}.
 */
export async function readEmbeddings(path: string, options: ReadWord2VecOptions = {}): Promise<Embeddings> {
  if (!path.endsWith(".gz") && (await isModelFile(path)))
    return embeddingsFromModel(await readModelFile(path), "input", path);
  return readWord2Vec(path, options);
}
