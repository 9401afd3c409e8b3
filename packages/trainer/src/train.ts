import { runEpochs } from "./epochs.js";
import type { TrainedModel } from "./model.js";
import { prepareRun } from "./prepare.js";
import type { TrainOptions } from "./train-options.js";
import { startWorkerPool } from "./worker-pool.js";

export type { TrainOptions, TrainProgress } from "./train-options.js";

/**
 * Trains word2vec (Mikolov et al. 2013) — skip-gram or CBOW, negative sampling
 * through any NegLab sampler and/or hierarchical softmax — on `workers` threads
 * that update one shared set of vectors without locks (Hogwild). Options are
 * validated before any work; see {@link TrainSettings} for each setting.
 *
 * The steps, each in its own module around one {@link TrainingRun}: prepare
 * (prepare.ts: settings, corpus, shared memory, kernel), start the workers
 * (worker-pool.ts), train the epochs (epochs.ts), copy the model out
 * (extract.ts). A corpus given as a path or `Corpus` is encoded to a
 * temporary file first (see `TrainOptions.workDir`), removed when training ends.
 */
export async function train(options: TrainOptions): Promise<TrainedModel> {
  const run = await prepareRun(options);
  try {
    const started = performance.now(); // training time includes starting the workers
    const pool = await startWorkerPool(run);
    try {
      return await runEpochs(run, pool, started);
    } finally {
      await pool.close();
    }
  } finally {
    await run.dispose();
  }
}
