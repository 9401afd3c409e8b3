import type { Vocabulary } from "@neglab/corpus";
import type { SamplerSpec } from "@neglab/samplers";
import type { TrainSettings } from "./options.js";

/** What one epoch did. */
export interface EpochReport {
  /** 0-based epoch number. */
  readonly epoch: number;
  /**
   * Summed training loss of the epoch: −log σ(score) over every positive and
   * negative target (negative sampling) and every Huffman-path node (HS), in
   * float64, so it neither saturates nor depends on the worker count.
   */
  readonly loss: number;
  /** Loss per trained word (after subsampling). */
  readonly lossPerWord: number;
  /** Words trained on, after subsampling (gensim's "effective words"). */
  readonly trainedWords: number;
  /** Wall-clock seconds of the epoch. */
  readonly seconds: number;
  /** Learning rate at the end of the epoch. */
  readonly alpha: number;
}

/** Throughput of a whole run. */
export interface TrainStats {
  /** Seconds spent training: starting the workers and all epochs (not vocabulary building or encoding). */
  readonly trainSeconds: number;
  /** Corpus tokens per epoch, out-of-vocabulary ones included (gensim's `corpus_total_words`). */
  readonly corpusWords: number;
  /** In-vocabulary tokens per epoch (before subsampling). */
  readonly epochWords: number;
  /** corpusWords × epochs ÷ trainSeconds: the words/second figure the bench compares. */
  readonly wordsPerSecond: number;
}

/**
 * A trained word2vec model: the vocabulary, the input vectors (what is usually
 * called "the embeddings"), the output vectors, and how they were trained.
 * Row i of each matrix is `[i · dim, (i + 1) · dim)` for the word of id i.
 */
export interface TrainedModel {
  readonly vocabulary: Vocabulary;
  readonly dim: number;
  /** Input vectors (word2vec.c `syn0`, gensim `wv.vectors`). */
  readonly vectors: Float32Array;
  /** Negative-sampling output vectors (`syn1neg`), or null when `negative` is 0. */
  readonly outputVectors: Float32Array | null;
  /** Hierarchical-softmax inner-node vectors (`syn1`, V − 1 rows used), or null when `hs` is off. */
  readonly hsVectors: Float32Array | null;
  readonly settings: TrainSettings;
  /** The sampler spec as the sampler reported it (defaults filled), or null without negative sampling. */
  readonly sampler: SamplerSpec | null;
  readonly epochs: readonly EpochReport[];
  readonly stats: TrainStats;
}

/** The input vector of `word` (a view into `model.vectors`), or null when it is not in the vocabulary. */
export function wordVector(model: TrainedModel, word: string): Float32Array | null {
  const id = model.vocabulary.id(word);
  return id < 0 ? null : model.vectors.subarray(id * model.dim, (id + 1) * model.dim);
}
