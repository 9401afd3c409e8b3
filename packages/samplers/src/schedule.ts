/** How α moves from its start to its end value over training. */
export type Schedule = "linear" | "cosine";

/** Every {@link Schedule} (the values of the annealed sampler type's option `schedule`). */
export const SCHEDULES: readonly Schedule[] = ["linear", "cosine"];

/**
 * The fraction of the way from start to end at training progress t ∈ [0, 1]:
 * `linear` is t; `cosine` is (1 − cos πt) / 2, which moves slowly at both ends
 * (the half-cosine of SGDR, Loshchilov & Hutter 2017).
 */
export function scheduleFraction(schedule: Schedule, t: number): number {
  return schedule === "linear" ? t : (1 - Math.cos(Math.PI * t)) / 2;
}

/** The value at progress t of a quantity moving from `start` to `end` on `schedule`. */
export function scheduledValue(schedule: Schedule, start: number, end: number, t: number): number {
  return start + (end - start) * scheduleFraction(schedule, t);
}
