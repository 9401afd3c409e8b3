import type { TrainedModel } from "./model.js";

/**
 * An option value or combination that cannot train; `field` names the option and
 * `reason` says what is wrong with it (the message is `field: reason`). Thrown
 * before any work starts.
 */
export class TrainOptionError extends Error {
  override readonly name = "TrainOptionError";
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/**
 * Training produced a non-finite vector or loss (NaN or ±Infinity), usually
 * because the learning rate is too high. Names the epoch and the setting to change.
 */
export class TrainingDivergedError extends Error {
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
export class TrainingAbortedError extends Error {
  override readonly name = "AbortError";
  constructor(
    readonly epoch: number,
    readonly partial: TrainedModel,
  ) {
    super(`training cancelled during epoch ${epoch + 1}`);
  }
}
