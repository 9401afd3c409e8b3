import type { RandomStream } from "@neglab/random";
import type { DrawBuffers, ModelView, NegativeSampler } from "@neglab/samplers";
import { TrainerError, oneLine } from "./errors.js";
import type { Kernel } from "./kernel/types.js";
import { maxRecordLength, type MemoryLayout } from "./layout.js";
import { sharesWindowNegatives, type TrainSettings } from "./options.js";

/** What a {@link SentenceTrainer} works with: one worker's share of the run. */
export interface SentenceTrainerSetup {
  readonly settings: TrainSettings;
  readonly layout: MemoryLayout;
  /** Whose scratch (batch and weights) the records go to. */
  readonly worker: number;
  readonly memory: WebAssembly.Memory;
  /** The kernel configured on the same worker's scratch. */
  readonly kernel: Kernel;
  /** Null without negative sampling. */
  readonly sampler: NegativeSampler | null;
  /** Per word: the probability that subsampling keeps an occurrence. */
  readonly keep: Float64Array;
  /** This worker's stream: subsampling, windows and the sampler's draws. */
  readonly rng: RandomStream;
  /** Words in the corpus's longest sentence (sizes the kept-words buffer). */
  readonly maxSentence: number;
  /** How errors name the sampler (see `samplerLabel`). */
  readonly label: string;
  /** This worker's heartbeat slot (a one-element view of the control array). */
  readonly heartbeat: Int32Array;
}

/**
 * Turns sentences into training records for one worker and hands them to the
 * kernel, one call per sentence (or per full batch). Per sentence, as word2vec.c
 * and gensim do:
 *
 * 1. subsample: drop each occurrence of word w with probability 1 − keep(w);
 * 2. for each remaining position, draw the reduced window b ∈ [0, window) when
 *    `shrinkWindows` (the effective window is window − b);
 * 3. skip-gram: each context word in the window predicts the center word
 *    (one record per pair); CBOW: the window's words together predict it;
 * 4. draw `negative` negatives per record from the sampler, anchored on the
 *    input word (skip-gram) or −1 (CBOW). With the sampler spec's
 *    `share: "window"`, skip-gram draws them once per center word instead and
 *    writes the window as one record (the CBOW layout) that all its context
 *    words train on ({@link Kernel.skipGramWindow}).
 *
 * Model-aware samplers see the current model: the batch is flushed before each
 * of their draws, and `view.hidden` holds the record's input representation.
 *
 * Every draw is checked before the kernel sees it: a count outside [0, k] or an
 * id outside [0, V) stops training with a {@link TrainerError} naming the
 * sampler (the kernels index the vectors with these ids unchecked, so a bad one
 * would corrupt or overrun the shared memory). After each draw and sentence the
 * worker's `heartbeat` is bumped, which the main thread's watchdog reads.
 */
export class SentenceTrainer {
  private readonly ints: Int32Array;
  private readonly floats: Float32Array;
  private readonly kept: Int32Array;
  private readonly draws: DrawBuffers;
  private readonly view: ModelView | null;
  private readonly batch: number;
  /** Float index of a negative's weight minus the int index of its id. */
  private readonly weightsShift: number;
  private readonly limit: number;
  private readonly vocabularySize: number;
  /** Int32 index of the Huffman code lengths with hierarchical softmax, else −1. */
  private readonly codeLength: number;
  /** Skip-gram shares each window's negatives among its context words. */
  private readonly shared: boolean;
  private fill = 0;
  private records = 0;
  private alpha = 0;
  private loss = 0;
  private start = 0;
  private end = 0;
  private targets = 0;
  /** Words of the last sentence that survived subsampling. */
  lastKept = 0;
  /** Predictions (targets) of the last sentence, negatives counted by their weight: its loss's denominator. */
  lastTargets = 0;

  private readonly settings: TrainSettings;
  private readonly kernel: Kernel;
  private readonly sampler: NegativeSampler | null;
  private readonly keep: Float64Array;
  private readonly rng: RandomStream;
  private readonly label: string;
  private readonly heartbeat: Int32Array;

  constructor(setup: SentenceTrainerSetup) {
    const { settings, layout, worker, memory, sampler, maxSentence } = setup;
    this.settings = settings;
    this.kernel = setup.kernel;
    this.sampler = sampler;
    this.keep = setup.keep;
    this.rng = setup.rng;
    this.label = setup.label;
    this.heartbeat = setup.heartbeat;
    this.ints = new Int32Array(memory.buffer);
    this.floats = new Float32Array(memory.buffer);
    const scratch = layout.scratch[worker];
    this.batch = scratch.batch >>> 2;
    this.weightsShift = (scratch.weights >>> 2) - this.batch;
    this.limit = scratch.capacity - maxRecordLength(settings);
    this.kept = new Int32Array(maxSentence);
    this.vocabularySize = layout.vocabularySize;
    this.codeLength = settings.hs ? layout.codeLength >>> 2 : -1;
    this.shared = sharesWindowNegatives(settings);
    const k = Math.max(1, settings.negative);
    this.draws = {
      ids: new Int32Array(k),
      weights: sampler?.weighted ? new Float32Array(k) : null,
      probs: null,
    };
    if (sampler?.modelAware) {
      const dim = layout.dim;
      const size = layout.vocabularySize;
      this.view = {
        dim,
        input: new Float32Array(memory.buffer, layout.syn0, size * dim),
        output: new Float32Array(memory.buffer, layout.syn1neg, size * dim),
        hidden: new Float32Array(dim),
      };
      sampler.attachModel?.(this.view);
    } else {
      this.view = null;
    }
  }

  /** Trains on sentence `ids[from, to)` at learning rate `alpha`; returns the loss of its records. */
  train(ids: Int32Array, from: number, to: number, alpha: number): number {
    this.alpha = alpha;
    this.loss = 0;
    this.targets = 0;
    const length = this.subsample(ids, from, to);
    this.lastKept = length;
    if (this.settings.architecture === "cbow") this.windows(length, this.settings.cbowMean);
    else if (this.shared) this.windows(length, true);
    else this.skipGram(length);
    this.flush();
    this.lastTargets = this.targets;
    this.heartbeat[0]++;
    return this.loss;
  }

  /** Copies the kept words of the sentence into `kept`; returns how many. */
  private subsample(ids: Int32Array, from: number, to: number): number {
    const { kept, keep, rng } = this;
    let length = 0;
    for (let i = from; i < to; i++) {
      const word = ids[i];
      const p = keep[word];
      if (p < 1 && p < rng.nextFloat()) continue;
      kept[length++] = word;
    }
    return length;
  }

  /** Sets [start, end) to the window around `center` among `length` kept words (reduced when `shrinkWindows`). */
  private windowAround(center: number, length: number): void {
    const { window, shrinkWindows } = this.settings;
    const span = shrinkWindows ? window - this.rng.nextInt(window) : window;
    this.start = Math.max(0, center - span);
    this.end = Math.min(length, center + span + 1);
  }

  private skipGram(length: number): void {
    const { kept, ints } = this;
    const batch = this.batch;
    for (let center = 0; center < length; center++) {
      this.windowAround(center, length);
      const { start, end } = this;
      const positive = kept[center];
      for (let c = start; c < end; c++) {
        if (c === center) continue;
        const input = kept[c];
        if (this.view !== null) this.hiddenFromInput(input);
        const at = batch + this.fill;
        ints[at] = input;
        ints[at + 1] = positive;
        ints[at + 2] = this.drawNegatives(at + 3, positive, input, 1);
        if (this.codeLength >= 0) this.targets += ints[this.codeLength + positive];
        this.endRecord(3 + ints[at + 2]);
      }
    }
  }

  /**
   * One record per center word with its window's context words (CBOW, and
   * skip-gram with shared negatives); a model-aware sampler sees the sum or,
   * with `mean`, the mean of their vectors.
   */
  private windows(length: number, mean: boolean): void {
    const { kept, ints } = this;
    const batch = this.batch;
    for (let center = 0; center < length; center++) {
      this.windowAround(center, length);
      const { start, end } = this;
      if (end - start < 2) continue; // no context word
      if (this.view !== null) this.hiddenFromContext(center, mean);
      const at = batch + this.fill;
      let contexts = 0;
      for (let c = start; c < end; c++) if (c !== center) ints[at + 1 + contexts++] = kept[c];
      ints[at] = contexts;
      const positive = kept[center];
      ints[at + 1 + contexts] = positive;
      // CBOW predicts once per window; shared skip-gram once per context word, each against the same negatives
      const predictions = this.shared ? contexts : 1;
      const count = this.drawNegatives(at + 3 + contexts, positive, -1, predictions);
      ints[at + 2 + contexts] = count;
      if (this.codeLength >= 0) this.targets += ints[this.codeLength + positive];
      this.endRecord(3 + contexts + count);
    }
  }

  /**
   * Draws negatives into the batch at int index `at`, checking the count and
   * every id; returns how many. Counts the record's negative-sampling targets:
   * per prediction, the positive and each negative (by its weight, for
   * weighted samplers).
   */
  private drawNegatives(at: number, positive: number, anchor: number, predictions: number): number {
    const k = this.settings.negative;
    if (k === 0 || this.sampler === null) return 0;
    const { draws } = this;
    let n: number;
    try {
      n = this.sampler.draw(draws, k, positive, anchor, this.rng);
    } catch (error) {
      throw new TrainerError(`${this.label} threw in draw: ${oneLine(error)}`, { cause: error });
    }
    this.heartbeat[0]++;
    if (!Number.isInteger(n) || n < 0 || n > k) {
      throw new TrainerError(
        `${this.label} returned ${String(n)} from draw: the count of negatives must be an integer in [0, ${k}] (k = negative)`,
      );
    }
    const { ints, floats, weightsShift, vocabularySize } = this;
    for (let j = 0; j < n; j++) {
      const id = draws.ids[j];
      // one unsigned compare refuses both negative ids and ids ≥ V
      if (id >>> 0 >= vocabularySize) {
        throw new TrainerError(
          `${this.label} drew id ${id}, not a word id in [0, ${vocabularySize}) (the vocabulary size)`,
        );
      }
      ints[at + j] = id;
    }
    if (draws.weights === null) {
      this.targets += predictions * (1 + n);
    } else {
      let weight = 1;
      for (let j = 0; j < n; j++) {
        floats[at + weightsShift + j] = draws.weights[j];
        weight += draws.weights[j];
      }
      this.targets += predictions * weight;
    }
    return n;
  }

  private endRecord(entries: number): void {
    this.fill += entries;
    this.records += 1;
    if (this.fill > this.limit) this.flush();
  }

  private flush(): void {
    if (this.records === 0) return;
    const { kernel, records, alpha } = this;
    if (this.settings.architecture === "cbow") this.loss += kernel.cbow(records, alpha);
    else this.loss += this.shared ? kernel.skipGramWindow(records, alpha) : kernel.skipGram(records, alpha);
    this.fill = 0;
    this.records = 0;
  }

  /** Skip-gram h for a model-aware draw: the input word's current vector (after flushing pending updates). */
  private hiddenFromInput(input: number): void {
    this.flush();
    const { dim, hidden, input: vectors } = this.view!;
    hidden.set(vectors.subarray(input * dim, (input + 1) * dim));
  }

  /** The window's h for a model-aware draw: the sum or, with `mean`, the mean of its current context vectors. */
  private hiddenFromContext(center: number, mean: boolean): void {
    this.flush();
    const { dim, hidden, input: vectors } = this.view!;
    hidden.fill(0);
    for (let c = this.start; c < this.end; c++) {
      if (c === center) continue;
      const row = this.kept[c] * dim;
      for (let i = 0; i < dim; i++) hidden[i] += vectors[row + i];
    }
    if (mean) for (let i = 0; i < dim; i++) hidden[i] /= this.end - this.start - 1;
  }
}
