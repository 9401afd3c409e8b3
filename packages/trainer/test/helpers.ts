import { train, type TrainOptions, type TrainedModel } from "../src/index.js";
import { cosine, plantedCorpus } from "./fixtures/planted.js";

/** The test samplers module (see fixtures/test-samplers.mjs), loaded by the worker threads. */
export const TEST_SAMPLERS = new URL("./fixtures/test-samplers.mjs", import.meta.url).href;

export const planted = plantedCorpus();

/** Trains on the planted corpus with small, fast settings; `overrides` win. */
export function trainPlanted(overrides: Partial<TrainOptions> = {}): Promise<TrainedModel> {
  return train({
    vocabulary: planted.vocabulary,
    encoded: planted.encoded,
    samplerModule: TEST_SAMPLERS,
    sampler: { type: "unigram", alpha: 0.75 },
    vectorSize: 24,
    sample: 0,
    epochs: 5,
    workers: 1,
    ...overrides,
  });
}

/**
 * How well the planted topics are recovered: the fraction of words whose
 * nearest neighbour (cosine) is in the same topic, and the mean cosine within
 * and across topics.
 */
export function topicRecovery(model: TrainedModel): { nearestSameTopic: number; within: number; across: number } {
  const { vocabulary } = model;
  const topic = (id: number): number => planted.group(vocabulary.words[id]);
  let hits = 0;
  let within = 0;
  let withinPairs = 0;
  let across = 0;
  let acrossPairs = 0;
  for (let a = 0; a < vocabulary.size; a++) {
    let best = -2;
    let bestId = -1;
    for (let b = 0; b < vocabulary.size; b++) {
      if (a === b) continue;
      const c = cosine(model.vectors, model.dim, a, b);
      if (c > best) [best, bestId] = [c, b];
      if (b > a) {
        if (topic(a) === topic(b)) [within, withinPairs] = [within + c, withinPairs + 1];
        else [across, acrossPairs] = [across + c, acrossPairs + 1];
      }
    }
    if (topic(bestId) === topic(a)) hits++;
  }
  return { nearestSameTopic: hits / vocabulary.size, within: within / withinPairs, across: across / acrossPairs };
}
