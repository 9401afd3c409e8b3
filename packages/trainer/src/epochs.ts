import { TrainingAbortedError, TrainingDivergedError } from "./errors.js";
import { extractModel, vectorsFinite } from "./extract.js";
import type { EpochReport, TrainedModel } from "./model.js";
import type { TrainingRun } from "./prepare.js";
import { CONTROL_ABORT, CONTROL_NEXT_CHUNK, wordsDone, type WorkerReply } from "./protocol.js";
import { learningRate } from "./schedule.js";
import { sentenceAtWords, type TrainingCorpus } from "./training-corpus.js";
import { EXPLODED_LOSS } from "./sigmoid-table.js";
import type { TrainSettings } from "./options.js";
import type { TrainProgress } from "./train-options.js";
import type { WorkerPool } from "./worker-pool.js";

/** One epoch's replies of all workers, added up. */
interface EpochTotals {
  readonly loss: number;
  /** Predictions behind `loss`, negatives by their weight: the divergence check's denominator. */
  readonly targets: number;
  readonly trainedWords: number;
  /** Some worker stopped early on the abort flag. */
  readonly aborted: boolean;
  /** Some worker's loss became NaN or infinite. */
  readonly diverged: boolean;
}

/**
 * Trains `settings.epochs` epochs on the started `pool`: per epoch, resets the
 * shared word count and chunk cursor, tells every worker to start, reports
 * progress while waiting, adds up the replies, stops on divergence or
 * cancellation (with the partial model), and reports the epoch. Returns the
 * trained model; `started` is when training began (`performance.now()`).
 */
export async function runEpochs(run: TrainingRun, pool: WorkerPool, started: number): Promise<TrainedModel> {
  const { options, settings, control } = run;
  const reports: EpochReport[] = [];
  const snapshot = (): TrainedModel =>
    extractModel(run, { sampler: pool.sampler, epochs: reports, trainSeconds: (performance.now() - started) / 1000 });
  const onAbort = (): void => void Atomics.store(control, CONTROL_ABORT, 1);
  options.signal?.addEventListener("abort", onAbort);
  try {
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      if (options.signal?.aborted) throw new TrainingAbortedError(epoch, snapshot());
      const epochStart = performance.now();
      Atomics.store(wordsDone(control), 0, 0n);
      Atomics.store(control, CONTROL_NEXT_CHUNK, 0);
      pool.workers.forEach((worker) => worker.postMessage({ type: "epoch", epoch }));
      const onProgress = options.onProgress;
      const timer = onProgress
        ? setInterval(() => onProgress(progressAt(run, epoch, started)), options.progressInterval ?? 1000)
        : null;
      let replies: WorkerReply[];
      try {
        replies = await pool.next(epoch);
      } finally {
        if (timer !== null) clearInterval(timer);
      }
      const totals = addUp(replies);
      checkDiverged(run, epoch, totals);
      if (totals.aborted) throw new TrainingAbortedError(epoch, snapshot());
      const report: EpochReport = {
        epoch,
        loss: totals.loss,
        lossPerWord: totals.trainedWords > 0 ? totals.loss / totals.trainedWords : 0,
        trainedWords: totals.trainedWords,
        seconds: (performance.now() - epochStart) / 1000,
        alpha: learningRate(settings.alpha, settings.minAlpha, (epoch + 1) / settings.epochs),
      };
      reports.push(report);
      options.onEpochEnd?.(report);
    }
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
  return snapshot();
}

/** Progress during `epoch`, from the shared count of the words the workers finished. */
function progressAt({ settings, corpus, control }: TrainingRun, epoch: number, started: number): TrainProgress {
  const epochWords = corpus.tokens;
  const totalWords = epochWords * settings.epochs;
  const done = Number(Atomics.load(wordsDone(control), 0));
  const words = epoch * epochWords + done;
  const seconds = (performance.now() - started) / 1000;
  const rate = words / Math.max(seconds, 1e-9);
  return {
    epoch,
    epochs: settings.epochs,
    progress: words / totalWords,
    words,
    totalWords,
    wordsPerSecond: rate,
    etaSeconds: rate > 0 ? (totalWords - words) / rate : Number.POSITIVE_INFINITY,
    alpha: learningRate(settings.alpha, settings.minAlpha, scheduleProgress(settings, corpus, epoch, done)),
  };
}

/**
 * The share of training the learning rate has decayed by after `epochWords`
 * words of epoch `epoch`, as the workers compute it: by words, the share of all
 * epochs' words; by sentences (`decayBy: "sentences"`), the share of all epochs'
 * sentences, the sentence reached found through the block table's cumulative
 * words (see {@link sentenceAtWords}).
 */
export function scheduleProgress(
  settings: Pick<TrainSettings, "decayBy" | "epochs">,
  corpus: TrainingCorpus,
  epoch: number,
  epochWords: number,
): number {
  if (settings.decayBy === "sentences")
    return (epoch * corpus.sentences + sentenceAtWords(corpus, epochWords)) / (corpus.sentences * settings.epochs);
  return (epoch * corpus.tokens + epochWords) / (corpus.tokens * settings.epochs);
}

function addUp(replies: readonly WorkerReply[]): EpochTotals {
  let loss = 0;
  let targets = 0;
  let trainedWords = 0;
  let aborted = false;
  let diverged = false;
  for (const reply of replies) {
    if (reply.type !== "epoch-done") continue;
    loss += reply.loss;
    targets += reply.targets;
    trainedWords += reply.trainedWords;
    aborted ||= reply.aborted;
    diverged ||= reply.diverged;
  }
  return { loss, targets, trainedWords, aborted, diverged };
}

/**
 * Throws {@link TrainingDivergedError} when the loss or a vector is NaN/±Infinity
 * or the mean loss per prediction exploded. A vector that overflows makes the
 * loss NaN or infinite at its next use, so between epochs the loss suffices; the
 * vectors are scanned once, after the last epoch, not while the workers wait. A
 * finite loss can still have exploded (saturation "skip" stops updating saturated
 * targets before anything overflows): see EXPLODED_LOSS for the bound on the
 * mean loss per prediction.
 */
function checkDiverged(run: TrainingRun, epoch: number, { loss, targets, diverged }: EpochTotals): void {
  const { settings } = run;
  const last = epoch === settings.epochs - 1;
  const perPrediction = targets > 0 ? loss / targets : 0;
  const nonFinite = diverged || !Number.isFinite(loss) || (last && !vectorsFinite(run));
  if (!nonFinite && !(perPrediction > EXPLODED_LOSS)) return;
  const what = nonFinite
    ? "the loss or a vector became NaN or infinite"
    : `the loss exploded to ${perPrediction.toPrecision(3)} per prediction (above ${EXPLODED_LOSS.toFixed(4)} = −log σ(−6), the sigmoid table's edge; training starts at ln 2 ≈ 0.693)`;
  throw new TrainingDivergedError(
    epoch,
    `training diverged in epoch ${epoch + 1} of ${settings.epochs}: ${what}; ` +
      `lower alpha (now ${settings.alpha})${settings.architecture === "cbow" && !settings.cbowMean ? " or set cbowMean: true" : ""}`,
  );
}
