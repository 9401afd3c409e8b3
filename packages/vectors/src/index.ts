export { VectorsError } from "./errors.js";
export { Embeddings, type EmbeddingsLike, type EmbeddingsOptions } from "./embeddings.js";
export { float32Norm, rowNorms, unitRows } from "./norms.js";
export { meanCosineToCentroid } from "./centroid-cosine.js";
export { inSharedMemory } from "./shared-memory.js";
export { dot } from "./dot.js";
export { TopK } from "./top-k.js";
export { meanUnitVector, resolveTerms, scaleToUnit, type QueryTerm, type ResolvedTerm } from "./query-terms.js";
export { mostSimilar, type Neighbour, type SimilarityQuery } from "./most-similar.js";
export { mostSimilarCosmul, COSMUL_EPSILON } from "./most-similar-cosmul.js";
export { similarity, doesntMatch } from "./similarity.js";
export { readWord2Vec, type ReadWord2VecOptions } from "./word2vec-read.js";
export { writeWord2Vec, type WriteWord2VecOptions } from "./word2vec-write.js";
export { formatFloat32 } from "./float32-format.js";
export {
  readModelFile,
  writeModelFile,
  embeddingsFromModel,
  isModelFile,
  MODEL_MAGIC,
  MODEL_VERSION,
  type ModelMatrix,
  type NegLabModel,
  type LoadedModel,
} from "./model-file.js";
export { loadEmbeddings } from "./load.js";
