/**
 * @neglab/vectors — word vectors: {@link Embeddings} and gensim's similarity
 * queries on them, the word2vec text and binary formats (gzipped too) and the
 * NegLab model file.
 *
 * Subpath: `@neglab/vectors/arithmetic` (the dot product and 3CosMul constant
 * the queries rank by, for code that must rank exactly as they do).
 */
export { VectorsError } from "./errors.js";
export { Embeddings, type EmbeddingsLike, type EmbeddingsOptions } from "./embeddings.js";
export { meanCosineToCentroid } from "./centroid-cosine.js";
export { inSharedMemory } from "./shared-memory.js";
export { mostSimilar, type Neighbour, type SimilarityQuery } from "./most-similar.js";
export { mostSimilarCosmul } from "./most-similar-cosmul.js";
export { similarity, doesntMatch } from "./similarity.js";
export { readWord2Vec, type ReadWord2VecOptions } from "./word2vec-read.js";
export { writeWord2Vec, type WriteWord2VecOptions } from "./word2vec-write.js";
export {
  readModelFile,
  writeModelFile,
  embeddingsFromModel,
  isModelFile,
  MODEL_VERSION,
  type ModelMatrix,
  type NegLabModel,
  type LoadedModel,
} from "./model-file.js";
export { readEmbeddings } from "./read-embeddings.js";
