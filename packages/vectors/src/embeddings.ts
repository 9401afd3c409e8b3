import { VectorsError } from "./errors.js";
import { mostSimilar, type Neighbour, type SimilarityQuery } from "./most-similar.js";
import { mostSimilarCosmul } from "./most-similar-cosmul.js";
import { rowNorms, unitRows } from "./norms.js";
import { doesntMatch, similarity } from "./similarity.js";

/** The plain shape every writer accepts: row `i` of `vectors` is the vector of `words[i]`. */
export interface EmbeddingsLike {
  /** Words in row order. */
  readonly words: readonly string[];
  /** Vector dimensionality (columns). */
  readonly dim: number;
  /** Row-major `words.length × dim` float32 matrix. */
  readonly vectors: Float32Array;
}

/** Options of the {@link Embeddings} constructor. */
export interface EmbeddingsOptions {
  /** Corpus frequency of each word, in row order; `null` when unknown (plain word2vec files). */
  counts?: ArrayLike<number> | null;
  /** Named source for error messages (a file path). */
  source?: string;
}

/**
 * Word vectors, like gensim's `KeyedVectors`: words in index order (the file's
 * order, usually most frequent first), a word → index map, the float32 vectors
 * as one row-major matrix, optional counts, and a lazily computed unit-length
 * copy (gensim's `fill_norms` / `get_normed_vectors`, bit-identical float32).
 */
export class Embeddings implements EmbeddingsLike {
  readonly words: readonly string[];
  readonly dim: number;
  readonly vectors: Float32Array;
  readonly counts: Float64Array | null;
  private readonly indexByWord: Map<string, number>;
  private normsCache: Float32Array | null = null;
  private unitCache: Float32Array | null = null;

  /**
   * @param words   words in row order; must be unique.
   * @param vectors row-major `words.length × dim` matrix (kept, not copied).
   * @param dim     dimensionality.
   */
  constructor(words: readonly string[], vectors: Float32Array, dim: number, options: EmbeddingsOptions = {}) {
    const where = options.source === undefined ? {} : { file: options.source };
    if (!Number.isInteger(dim) || dim < 1)
      throw new VectorsError(`dimension must be a positive integer, got ${dim}`, where);
    if (vectors.length !== words.length * dim) {
      throw new VectorsError(`matrix has ${vectors.length} values, expected ${words.length} words × ${dim}`, where);
    }
    const index = new Map<string, number>();
    for (let i = 0; i < words.length; i++) {
      if (index.has(words[i]))
        throw new VectorsError(
          `duplicate word ${JSON.stringify(words[i])} at rows ${index.get(words[i])! + 1} and ${i + 1}`,
          where,
        );
      index.set(words[i], i);
    }
    let counts: Float64Array | null = null;
    if (options.counts != null) {
      if (options.counts.length !== words.length) {
        throw new VectorsError(`${options.counts.length} counts for ${words.length} words`, where);
      }
      counts = Float64Array.from(options.counts);
    }
    this.words = words;
    this.dim = dim;
    this.vectors = vectors;
    this.counts = counts;
    this.indexByWord = index;
  }

  /** Builds embeddings from the plain shape (e.g. a trainer's output). */
  static from(like: EmbeddingsLike, options: EmbeddingsOptions = {}): Embeddings {
    return like instanceof Embeddings ? like : new Embeddings(like.words, like.vectors, like.dim, options);
  }

  /** Number of words. */
  get size(): number {
    return this.words.length;
  }

  /** Row index of `word`, or −1. */
  indexOf(word: string): number {
    return this.indexByWord.get(word) ?? -1;
  }

  /** Whether `word` has a vector. */
  has(word: string): boolean {
    return this.indexByWord.has(word);
  }

  /** Row index of `word`; throws a clear error when it is unknown. */
  requireIndex(word: string): number {
    const index = this.indexByWord.get(word);
    if (index === undefined) throw new VectorsError(`word ${JSON.stringify(word)} not in vocabulary`);
    return index;
  }

  /** The raw vector of a word or row index, as a view into the matrix (do not modify). */
  vector(wordOrIndex: string | number): Float32Array {
    const row = typeof wordOrIndex === "number" ? wordOrIndex : this.requireIndex(wordOrIndex);
    if (!(row >= 0 && row < this.size)) throw new VectorsError(`row ${row} out of range [0, ${this.size})`);
    return this.vectors.subarray(row * this.dim, (row + 1) * this.dim);
  }

  /** Float32 L2 norm of every row (gensim `fill_norms`), computed once. */
  norms(): Float32Array {
    if (this.normsCache === null) this.normsCache = rowNorms(this.vectors, this.dim);
    return this.normsCache;
  }

  /** Every row divided by its float32 norm (gensim `get_normed_vectors`), computed once. */
  normalized(): Float32Array {
    if (this.unitCache === null) this.unitCache = unitRows(this.vectors, this.dim, this.norms());
    return this.unitCache;
  }

  /** The unit-length vector of a word or row index (a view into {@link normalized}). */
  unitVector(wordOrIndex: string | number): Float32Array {
    const row = typeof wordOrIndex === "number" ? wordOrIndex : this.requireIndex(wordOrIndex);
    return this.normalized().subarray(row * this.dim, (row + 1) * this.dim);
  }

  /** {@link mostSimilar}: nearest words to the weighted mean of the query (gensim `most_similar`). */
  mostSimilar(query: SimilarityQuery): Neighbour[] {
    return mostSimilar(this, query);
  }

  /** {@link mostSimilarCosmul}: nearest words by 3CosMul (gensim `most_similar_cosmul`). */
  mostSimilarCosmul(query: SimilarityQuery): Neighbour[] {
    return mostSimilarCosmul(this, query);
  }

  /** {@link similarity}: cosine similarity of two words (gensim `similarity`). */
  similarity(word1: string, word2: string): number {
    return similarity(this, word1, word2);
  }

  /** {@link doesntMatch}: the word farthest from the others' centroid (gensim `doesnt_match`). */
  doesntMatch(words: readonly string[]): string {
    return doesntMatch(this, words);
  }
}
