import { scheduledValue, type Schedule } from "../schedule.js";
import type { CollisionPolicy, SamplerSpec, SamplerVocabulary } from "../types.js";
import { normalise, unigramWeights } from "../weights.js";
import { AliasSampler, aliasDrawableMass } from "./alias-sampler.js";
import { checkRedrawCanEnd } from "./independent-sampler.js";

/** Settings of an {@link AnnealedSampler}. */
export interface AnnealingPlan {
  readonly alphaStart: number;
  readonly alphaEnd: number;
  readonly schedule: Schedule;
  /** Number of α changes over training; the alias table is rebuilt (O(V)) at each. */
  readonly steps: number;
}

/**
 * unigram^α with α moving from `alphaStart` to `alphaEnd` as training
 * progresses, for curriculum experiments. Progress is quantised to `steps`
 * equal steps; when `setProgress` enters a new step, α = schedule(step / steps)
 * and the alias table is rebuilt, so draws stay O(1) and the table is rebuilt at
 * most `steps` times however often the trainer reports progress.
 */
export class AnnealedSampler extends AliasSampler {
  private step = 0;
  private alpha: number;

  constructor(
    spec: SamplerSpec,
    collision: CollisionPolicy,
    private readonly vocabulary: SamplerVocabulary,
    private readonly plan: AnnealingPlan,
  ) {
    super(spec, collision, normalise(unigramWeights(vocabulary, plan.alphaStart), "annealed start", "alphaStart"), "");
    // α moves monotonically, so the fewest drawable words and the largest share are at one of the two ends.
    checkRedrawCanEnd(
      spec,
      collision,
      aliasDrawableMass(normalise(unigramWeights(vocabulary, plan.alphaEnd), "annealed end", "alphaEnd")),
    );
    this.alpha = plan.alphaStart;
  }

  /** Moves α to the schedule's value at `progress` (clamped to [0, 1]; NaN is ignored). */
  setProgress(progress: number): void {
    if (Number.isNaN(progress)) return;
    const t = Math.min(1, Math.max(0, progress));
    const step = Math.floor(t * this.plan.steps);
    if (step === this.step) return;
    this.step = step;
    const { schedule, alphaStart, alphaEnd, steps } = this.plan;
    this.alpha = scheduledValue(schedule, alphaStart, alphaEnd, step / steps);
    this.redistribute(normalise(unigramWeights(this.vocabulary, this.alpha), "annealed"));
  }

  protected override summary(): string {
    const { alphaStart, alphaEnd, schedule, steps } = this.plan;
    return `annealed unigram α ${alphaStart}→${alphaEnd} (${schedule}, ${steps} steps; now α=${round(this.alpha)}, alias)`;
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
