import { Worker } from "node:worker_threads";
import { splitStreams } from "@neglab/random";
import { findBuiltFile } from "@neglab/files";
import type { SamplerSpec } from "@neglab/samplers";
import { TrainerError, oneLine } from "./errors.js";
import type { TrainingRun } from "./prepare.js";
import { BUILT_IN_SAMPLERS, samplerLabel, type WorkerInit, type WorkerReply } from "./protocol.js";
import { WORKER_LOAD_LIMIT, watchHeartbeats } from "./watchdog.js";
import { errorFromWorker } from "./worker-errors.js";

/** The training workers of one run, started and ready (each has built its sampler). */
export interface WorkerPool {
  readonly workers: readonly Worker[];
  /** The sampler's spec as worker 0 reported it (null without negative sampling). */
  readonly sampler: SamplerSpec | null;
  /**
   * Resolves with each worker's next reply, in worker order; rejects with the
   * typed error of a worker that failed, exited or made no progress for
   * `samplerTimeout` ms during `epoch` (`null`: while starting).
   */
  next(epoch: number | null): Promise<WorkerReply[]>;
  /** Stops every worker. */
  close(): Promise<void>;
}

/**
 * Starts `settings.workers` worker threads (dist/worker.js) on the run's shared
 * memory and corpus, and waits until each has built its sampler. Each worker's
 * replies queue in its own inbox; an error it reports, an uncaught error, an
 * exit or a stall seen by the heartbeat watchdog ends the wait with one typed,
 * one-line error naming the sampler and the worker.
 */
export async function startWorkerPool(run: TrainingRun): Promise<WorkerPool> {
  const { settings, samplerTimeout, control } = run;
  const samplerModule = run.options.samplerModule ?? BUILT_IN_SAMPLERS;
  const label = settings.negative > 0 ? samplerLabel(settings.sampler, samplerModule) : "hierarchical softmax";
  const script = findBuiltFile(import.meta.url, "./worker.js", "@neglab/trainer");
  const workers: Worker[] = [];
  const inboxes: WorkerReply[][] = [];
  const waiting: (() => void)[] = [];
  let failure: Error | null = null;
  const wakeAll = (): void => waiting.splice(0).forEach((wake) => wake());
  const fail = (error: Error): void => {
    failure ??= error;
    wakeAll();
  };
  let stage = "while starting";
  for (const init of workerInits(run, samplerModule)) {
    const w = init.worker;
    const worker = new Worker(script, { workerData: init });
    const inbox: WorkerReply[] = [];
    worker.on("message", (reply: WorkerReply) => {
      inbox.push(reply);
      wakeAll();
    });
    // an uncaught error or an exit we did not ask for (terminate() comes only after the last reply) ends training
    worker.on("error", (error) =>
      fail(new TrainerError(`${label}: training worker ${w} failed ${stage}: ${oneLine(error)}`)),
    );
    worker.on("exit", (code) =>
      fail(
        new TrainerError(
          `${label}: training worker ${w} stopped ${stage} with exit code ${code}: ` +
            "a custom sampler module whose top-level await or factory promise never settles, or that calls process.exit, stops its worker",
        ),
      ),
    );
    workers.push(worker);
    inboxes.push(inbox);
  }
  const onStall = (w: number, loaded: boolean): void => {
    if (!loaded)
      return fail(
        new TrainerError(
          `${label}: training worker ${w} did not load within ${WORKER_LOAD_LIMIT} ms; the machine may be overloaded`,
        ),
      );
    const what =
      stage === "while starting"
        ? "its sampler was not built"
        : settings.negative > 0
          ? "no sampler draw returned"
          : "no sentence was finished";
    fail(
      new TrainerError(
        `${label}: training worker ${w} stopped ${stage}: ${what} within ${samplerTimeout} ms; ` +
          `raise samplerTimeout (--sampler-timeout, now ${samplerTimeout} ms) if it legitimately takes longer`,
      ),
    );
  };
  const next = async (epoch: number | null): Promise<WorkerReply[]> => {
    stage = epoch === null ? "while starting" : `in epoch ${epoch + 1}`;
    const stopWatching = watchHeartbeats(
      control,
      settings.workers,
      samplerTimeout,
      (w) => inboxes[w].length === 0,
      onStall,
    );
    try {
      for (;;) {
        // a worker's own report first: a worker whose start failed exits right after sending it
        const error = inboxes.flatMap((inbox) => inbox.filter((reply) => reply.type === "error"))[0];
        if (error?.type === "error") throw errorFromWorker(error.failure);
        if (failure !== null) throw failure;
        if (inboxes.every((inbox) => inbox.length > 0)) return inboxes.map((inbox) => inbox.shift()!);
        await new Promise<void>((wake) => waiting.push(wake));
      }
    } finally {
      stopWatching();
    }
  };
  const close = async (): Promise<void> => {
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
  let ready: WorkerReply[];
  try {
    ready = await next(null);
  } catch (error) {
    await close();
    throw error;
  }
  const first = ready[0];
  return { workers, sampler: first.type === "ready" ? first.sampler : null, next, close };
}

/** What each worker is started with: the run's shared arrays, its own random stream, the chunks of the corpus. */
function workerInits(
  { options, settings, layout, memory, module, vocabulary, corpus, keep, control }: TrainingRun,
  samplerModule: string,
): WorkerInit[] {
  const streams = splitStreams(settings.seed, settings.workers, "trainer/workers");
  return streams.map((stream, worker) => ({
    worker,
    settings,
    layout,
    memory,
    module,
    source: corpus.source,
    keep,
    words: vocabulary.words,
    counts: vocabulary.counts,
    samplerModule,
    samplerBaseDir: options.samplerBaseDir,
    rngState: stream.state(),
    control,
    epochWords: corpus.tokens,
    maxSentence: corpus.longestSentence,
    blocks: corpus.blocks,
    sentences: corpus.sentences,
  }));
}
