import type {
  Corpus,
  CountProgress,
  EncodedCorpus,
  EncodedCorpusFile,
  NormalizeOptions,
  Vocabulary,
} from "@neglab/corpus";
import type { EpochReport, TrainedModel } from "./model.js";
import type { InitialVectors, TrainSettings } from "./options.js";

/** A progress report, emitted about every `progressInterval` ms. */
export interface TrainProgress {
  /** 0-based current epoch. */
  readonly epoch: number;
  readonly epochs: number;
  /** Fraction of all epochs' words processed, in [0, 1]. */
  readonly progress: number;
  /** In-vocabulary words processed so far, all epochs. */
  readonly words: number;
  readonly totalWords: number;
  /** In-vocabulary words per second since training started. */
  readonly wordsPerSecond: number;
  /** Estimated seconds left. */
  readonly etaSeconds: number;
  /** Current learning rate. */
  readonly alpha: number;
}

/** Options of {@link train}: the corpus, the {@link TrainSettings}, and hooks. */
export interface TrainOptions extends Partial<TrainSettings> {
  /** A text file or directory (one sentence per line), `"brown"`, or an opened corpus. Not needed with `encoded`. */
  readonly corpus?: string | Corpus;
  /** Token normalisation when `corpus` is a path (e.g. `{ lowercase: true, punctuation: "drop" }`). */
  readonly normalize?: NormalizeOptions;
  /** A vocabulary built beforehand (then `minCount`, `maxVocabSize`, `maxFinalVocab` are not applied again). */
  readonly vocabulary?: Vocabulary;
  /**
   * The corpus already encoded against `vocabulary` (skips reading the corpus): in memory (`encodeCorpus`), or
   * on disk (`writeEncodedCorpus` / `openEncodedCorpus`), which the workers read block by block, checking every
   * id; the file's vocabulary size must be `vocabulary`'s.
   */
  readonly encoded?: EncodedCorpus | EncodedCorpusFile;
  /**
   * Directory under which `train` writes the encoded corpus when given `corpus` (4 bytes per in-vocabulary
   * token plus 4 per sentence, in a new subdirectory removed when `train` ends, also on error or abort).
   * Default the system's temporary directory (`os.tmpdir()`); choose a disk-backed one when that is a RAM-backed
   * tmpfs and the corpus is large, or the file would occupy memory after all.
   */
  readonly workDir?: string;
  /** Continue training this model: its vocabulary and vectors are the starting point. */
  readonly initialModel?: TrainedModel;
  /**
   * Start a fresh training from these vectors instead of the random initialisation
   * (e.g. the same start as gensim's, for a differential test); see {@link InitialVectors}.
   * Not with `initialModel`, which brings its own vectors.
   */
  readonly initialVectors?: InitialVectors;
  /** Module exporting `createSampler(spec, { vocabulary, baseDir })`. Default `"@neglab/samplers"`. */
  readonly samplerModule?: string;
  /** Base directory for `module:` sampler specs with relative paths. */
  readonly samplerBaseDir?: string;
  /** Called while the vocabulary is counted (about every 10,000 sentences), before training starts. */
  readonly onVocabularyProgress?: (progress: CountProgress) => void;
  /** Called about every `progressInterval` ms during training. */
  readonly onProgress?: (progress: TrainProgress) => void;
  /** Called after each epoch. */
  readonly onEpochEnd?: (report: EpochReport) => void;
  /** Milliseconds between progress events. Default 1000. */
  readonly progressInterval?: number;
  /** Cancels training; the promise then rejects with a {@link TrainingAbortedError} holding the partial model. */
  readonly signal?: AbortSignal;
  /**
   * Milliseconds a worker may go without finishing a sampler call — building the
   * sampler when it starts, or one `draw` — before training stops with a
   * {@link TrainerError} naming the sampler (a custom module that hangs would
   * otherwise hang training). Default 30,000 (`DEFAULT_SAMPLER_TIMEOUT`).
   */
  readonly samplerTimeout?: number;
}
