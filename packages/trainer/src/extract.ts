import type { SamplerSpec } from "@neglab/samplers";
import type { EpochReport, TrainedModel } from "./model.js";
import type { TrainingRun } from "./prepare.js";

/** What a model holds besides the vectors: the sampler as the workers built it, the finished epochs, the time. */
export interface ModelRecord {
  readonly sampler: SamplerSpec | null;
  readonly epochs: readonly EpochReport[];
  /** Seconds since training started (starting the workers included). */
  readonly trainSeconds: number;
}

/** Copies the vectors out of the shared memory into a standalone model. */
export function extractModel(
  { memory, layout, settings, vocabulary, corpus }: TrainingRun,
  { sampler, epochs, trainSeconds }: ModelRecord,
): TrainedModel {
  const count = layout.vocabularySize * layout.dim;
  const copy = (offset: number): Float32Array | null =>
    offset === 0 ? null : new Float32Array(memory.buffer, offset, count).slice();
  const done = epochs.length;
  return {
    vocabulary,
    dim: layout.dim,
    vectors: copy(layout.syn0)!,
    outputVectors: copy(layout.syn1neg),
    hsVectors: copy(layout.syn1),
    settings,
    sampler,
    epochs: [...epochs],
    stats: {
      trainSeconds,
      corpusWords: corpus.rawTokens,
      epochWords: corpus.tokens,
      wordsPerSecond: trainSeconds > 0 ? (corpus.rawTokens * done) / trainSeconds : 0,
    },
  };
}

/** True when every input and output weight is finite. */
export function vectorsFinite({ memory, layout }: TrainingRun): boolean {
  const count = layout.vocabularySize * layout.dim;
  for (const offset of [layout.syn0, layout.syn1neg, layout.syn1]) {
    if (offset === 0) continue;
    const matrix = new Float32Array(memory.buffer, offset, count);
    for (let i = 0; i < count; i++) if (!Number.isFinite(matrix[i])) return false;
  }
  return true;
}
