/**
 * Worker thread of {@link preflightSamplerSpec}: builds a spec that names a
 * custom module and checks the sampler, then posts the report or the error as
 * plain data. Running the module here lets the main thread end a module that
 * never finishes (a top-level await or factory promise that never settles, or
 * a synchronous loop) by terminating this thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { SamplerError } from "./errors.js";
import { buildAndCheck, samplerErrorData } from "./preflight-build.js";
import type { SamplerSpec, SamplerVocabulary } from "./types.js";

const { spec, vocabulary, baseDir, standIn } = workerData as {
  spec: SamplerSpec;
  vocabulary: SamplerVocabulary;
  baseDir: string;
  standIn: boolean;
};
try {
  parentPort!.postMessage({ report: await buildAndCheck(spec, vocabulary, baseDir, standIn) });
} catch (error) {
  const data =
    error instanceof SamplerError
      ? samplerErrorData(error)
      : { message: `building the sampler threw: ${(error as Error | undefined)?.message ?? String(error)}` };
  parentPort!.postMessage({ error: data });
}
