import type { TrainedModel } from "./model.js";

/**
 * The base class of every error the trainer raises for a user's mistake or a
 * run that cannot go on (bad options, a sampler that hangs, fails or draws
 * ids outside the vocabulary, a diverged run): a one-line message that names
 * the option, sampler module or epoch at fault, without worker stack frames.
 * Callers can catch this one class; the subclasses carry the details.
 */
export class TrainerError extends Error {
  override name = "TrainerError";
}

/**
 * An option value or combination that cannot train; `field` names the option and
 * `reason` says what is wrong with it (the message is `field: reason`). Thrown
 * before any work starts.
 */
export class TrainOptionError extends TrainerError {
  override readonly name = "TrainOptionError";
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/**
 * Training produced a non-finite vector or loss (NaN or ±Infinity), or a loss
 * that exploded (see `EXPLODED_LOSS`), usually because the learning rate is too
 * high. Names the epoch and the setting to change.
 */
export class TrainingDivergedError extends TrainerError {
  override readonly name = "TrainingDivergedError";
  constructor(
    readonly epoch: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Training was cancelled through `signal`. `partial` holds the model as it was
 * when the workers stopped, so the work done is not lost.
 */
export class TrainingAbortedError extends TrainerError {
  override readonly name = "AbortError";
  constructor(
    readonly epoch: number,
    readonly partial: TrainedModel,
  ) {
    super(`training cancelled during epoch ${epoch + 1}`);
  }
}

/**
 * The message of anything thrown, on one line (a custom module may throw
 * multi-line messages or non-Error values); for wrapping foreign errors into
 * one-line {@link TrainerError} messages.
 */
export function oneLine(thrown: unknown): string {
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  return text.replace(/\s*\n\s*/g, " ").trim();
}
