import { SamplerError } from "@neglab/samplers";
import { TrainerError } from "./errors.js";
import type { WorkerFailure } from "./protocol.js";

/**
 * The error a worker reported, rebuilt on the main thread as the same typed
 * error with the same one-line message: a SamplerError with its field, file and
 * line, else a TrainerError. The worker's stack (sent only when NEGLAB_DEBUG is
 * set) becomes the `cause`, so debugging keeps it and users never see it.
 */
export function errorFromWorker(failure: WorkerFailure): SamplerError | TrainerError {
  const cause =
    failure.stack === undefined
      ? undefined
      : Object.assign(new Error("in the training worker"), { stack: failure.stack });
  if (failure.name === "TrainerError")
    return new TrainerError(failure.message, cause === undefined ? undefined : { cause });
  // SamplerError prefixes its message with "file:line: "; rebuild it from the bare reason so the prefix is not doubled
  const { field, file, line } = failure;
  const place = file === undefined ? "" : line === undefined ? `${file}: ` : `${file}:${line}: `;
  const reason = failure.message.startsWith(place) ? failure.message.slice(place.length) : failure.message;
  return new SamplerError(reason, {
    ...(field !== undefined ? { field } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(cause !== undefined ? { cause } : {}),
  });
}
