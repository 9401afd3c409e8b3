import { parentPort, workerData } from "node:worker_threads";
import { Xoshiro128, type Xoshiro128State } from "@neglab/random";
import type { NegativeSampler, SamplerSpec } from "@neglab/samplers";
import { createJsKernel } from "./kernel/js-kernel.js";
import { createWasmKernel } from "./kernel/wasm-kernel.js";
import type { Kernel, KernelSetup } from "./kernel/types.js";
import { kernelFlags } from "./kernel/flags.js";
import { CONTROL_ABORT, CONTROL_NEXT_CHUNK, CONTROL_WORDS, type EpochCommand, type WorkerInit, type WorkerReply } from "./protocol.js";
import { learningRate } from "./schedule.js";
import { SentenceTrainer } from "./sentence-trainer.js";

// A training worker: rebuilds the sampler from its spec, then trains its
// sentence range each epoch in the shared memory (Hogwild, Recht et al. 2011).

interface SamplerFactory {
  createSampler(spec: SamplerSpec, context: { vocabulary: { words: readonly string[]; counts: Float64Array }; baseDir?: string }): Promise<NegativeSampler>;
}

const init = workerData as WorkerInit;
const port = parentPort!;
const reply = (message: WorkerReply): void => port.postMessage(message);

async function start(): Promise<void> {
  const { settings } = init;
  let sampler: NegativeSampler | null = null;
  if (settings.negative > 0) {
    const factory = (await import(init.samplerModule)) as SamplerFactory;
    sampler = await factory.createSampler(settings.sampler, {
      vocabulary: { words: init.words, counts: init.counts },
      ...(init.samplerBaseDir !== undefined ? { baseDir: init.samplerBaseDir } : {}),
    });
  }
  const setup: KernelSetup = { memory: init.memory, layout: init.layout, worker: init.worker, flags: kernelFlags(settings, sampler) };
  const kernel: Kernel = init.module === null ? createJsKernel(setup) : await createWasmKernel(init.module, setup);
  const rng = new Xoshiro128(init.rngState as unknown as Xoshiro128State);
  const trainer = new SentenceTrainer(settings, init.layout, init.worker, init.memory, kernel, sampler, init.keep, rng, init.maxSentence);

  port.on("message", (command: EpochCommand) => {
    try {
      reply(runEpoch(command, trainer, sampler));
    } catch (error) {
      reply({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  reply({ type: "ready", sampler: sampler?.spec ?? null });
}

function runEpoch({ epoch }: EpochCommand, trainer: SentenceTrainer, sampler: NegativeSampler | null): WorkerReply {
  const { settings, control, ids, sentenceStarts, epochWords, chunkStarts } = init;
  const allWords = epochWords * settings.epochs;
  const chunks = chunkStarts.length - 1;
  let loss = 0;
  let trainedWords = 0;
  for (let chunk = Atomics.add(control, CONTROL_NEXT_CHUNK, 1); chunk < chunks; chunk = Atomics.add(control, CONTROL_NEXT_CHUNK, 1)) {
    for (let s = chunkStarts[chunk]; s < chunkStarts[chunk + 1]; s++) {
      if (Atomics.load(control, CONTROL_ABORT) !== 0) {
        return { type: "epoch-done", loss, trainedWords, aborted: true, diverged: false };
      }
      // α follows all workers' progress through the epoch's words
      const progress = (epoch * epochWords + Atomics.load(control, CONTROL_WORDS)) / allWords;
      sampler?.setProgress?.(progress);
      const begin = sentenceStarts[s];
      const end = sentenceStarts[s + 1];
      loss += trainer.train(ids, begin, end, learningRate(settings.alpha, settings.minAlpha, progress));
      trainedWords += trainer.lastKept;
      Atomics.add(control, CONTROL_WORDS, end - begin);
      if (!Number.isFinite(loss)) return { type: "epoch-done", loss, trainedWords, aborted: false, diverged: true };
    }
  }
  return { type: "epoch-done", loss, trainedWords, aborted: false, diverged: false };
}

start().catch((error: unknown) => {
  reply({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});
