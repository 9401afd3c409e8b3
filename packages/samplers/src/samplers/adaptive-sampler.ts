import type { RandomStream } from "@neglab/random";
import { COLLISION_EFFECT, settleCollisions, type SingleDraw } from "../collision.js";
import { SamplerError } from "../errors.js";
import type { CollisionPolicy, DrawBuffers, ModelView, NegativeSampler, SamplerSpec } from "../types.js";

/** How the adaptive sampler picks k negatives among its scored candidates. */
export type Selection = "top" | "softmax";

/** Every {@link Selection} (the values of the adaptive sampler type's option `select`). */
export const SELECTIONS: readonly Selection[] = ["top", "softmax"];

/** Settings of an {@link AdaptiveSampler}. */
export interface AdaptivePlan {
  /** M, the number of candidates drawn from the base sampler per draw (at least k are drawn). */
  readonly candidates: number;
  readonly select: Selection;
  /** T in exp(score / T), for `softmax` selection and self-adversarial weights. */
  readonly temperature: number;
  /** Fill `weights` with self-adversarial weights (Sun et al. 2019). */
  readonly selfAdversarial: boolean;
}

/**
 * Model-aware hard negatives. Per draw:
 * 1. draw M candidates from the base sampler (its own collision policy is
 *    bypassed: it draws with "keep" semantics);
 * 2. apply this sampler's collision policy to the candidates (a candidate equal
 *    to the positive is dropped or redrawn before scoring, since the model
 *    scores the positive highest);
 * 3. score each candidate c by s_c = h · v'_c, the current input representation h
 *    (`ModelView.hidden`) against the candidate's output vector;
 * 4. `top`: keep the k highest-scoring candidates (hard negatives, in the spirit of
 *    Zhang & Stratos 2021); `softmax`: draw k of them with replacement ∝ exp(s_c / T)
 *    (sampling-importance-resampling; the sampling step of self-adversarial
 *    negative sampling, Sun et al. 2019).
 * 5. With `selfAdversarial`, weight negative i by n · exp(s_i / T) / Σ_j exp(s_j / T)
 *    over the n chosen (Sun et al. 2019, eq. 5, scaled to sum to n so equal scores
 *    give weight 1, i.e. word2vec's loss).
 *
 * Cost per draw: O(M · dim) for the scores plus O(M · k) for `top` selection or
 * O(M + k · M) for `softmax`, against O(k) for the base sampler alone. With
 * M = 32 and dim = 100 that is 3,200 multiply-adds, about 2.7× the
 * (k + 1) · dim · 2 of the pair's own updates at k = 5, and the scores are
 * computed for every draw, where the alias base does k table lookups: budget a
 * training run several times slower (`bench`; figures in BENCHMARKS.md).
 *
 * Candidates may repeat (they are drawn independently), so a hard word can be
 * chosen twice. Without a model attached, or with word2vec's all-zero initial
 * output vectors, all scores are 0: `top` keeps the first k candidates and
 * `softmax` picks uniformly among them, so draws follow the base distribution.
 * `probabilities()` is the base (proposal) distribution, and `probs` receives the
 * base probability of each chosen word; the effective distribution depends on
 * the model and the anchor.
 */
export class AdaptiveSampler implements NegativeSampler, SingleDraw {
  readonly modelAware = true;
  readonly weighted: boolean;
  readonly warnings: readonly string[];
  private view: ModelView | null = null;
  private proposal: Float64Array;
  private candidates: DrawBuffers;
  private scores: Float64Array;
  private mass: Float64Array;
  private chosen: Int32Array;
  private readonly single: DrawBuffers = { ids: new Int32Array(1), weights: null, probs: null };
  private anchor = -1;

  constructor(
    readonly spec: SamplerSpec,
    readonly collision: CollisionPolicy,
    private readonly base: NegativeSampler,
    private readonly plan: AdaptivePlan,
    private readonly vocabularySize: number,
  ) {
    this.weighted = plan.selfAdversarial;
    this.warnings = base.warnings ?? [];
    this.proposal = base.probabilities();
    this.candidates = { ids: new Int32Array(plan.candidates), weights: null, probs: null };
    this.scores = new Float64Array(plan.candidates);
    this.mass = new Float64Array(plan.candidates);
    this.chosen = new Int32Array(plan.candidates);
  }

  attachModel(view: ModelView): void {
    const { dim, output, hidden } = view;
    if (!Number.isInteger(dim) || dim < 1)
      throw new SamplerError(`adaptive: ModelView.dim must be a positive integer, got ${dim}`);
    if (output.length < this.vocabularySize * dim) {
      throw new SamplerError(
        `adaptive: ModelView.output has ${output.length} floats, needs ${this.vocabularySize} × ${dim}`,
      );
    }
    if (hidden.length < dim)
      throw new SamplerError(`adaptive: ModelView.hidden has ${hidden.length} floats, needs ${dim}`);
    this.view = view;
    this.base.attachModel?.(view);
  }

  setProgress(progress: number): void {
    if (this.base.setProgress === undefined) return;
    this.base.setProgress(progress);
    this.proposal = this.base.probabilities();
  }

  /** One raw candidate from the base sampler (used to redraw collisions). */
  next(rng: RandomStream): number {
    this.base.draw(this.single, 1, -1, this.anchor, rng);
    return this.single.ids[0];
  }

  draw(out: DrawBuffers, k: number, positive: number, anchor: number, rng: RandomStream): number {
    const m = Math.max(this.plan.candidates, k);
    if (m > this.scores.length) this.grow(m);
    const ids = this.candidates.ids;
    this.anchor = anchor;
    const drawn = this.base.draw(this.candidates, m, -1, anchor, rng);
    this.checkCandidates(drawn, m);
    const n = settleCollisions(ids, drawn, positive, this.collision, this, rng, this.spec);
    this.score(ids, n);
    const chosen = this.plan.select === "top" ? this.selectTop(n, k) : this.selectSoftmax(n, k, rng);
    for (let i = 0; i < chosen; i++) out.ids[i] = ids[this.chosen[i]];
    if (out.probs !== null) for (let i = 0; i < chosen; i++) out.probs[i] = this.proposal[out.ids[i]];
    if (out.weights !== null && this.plan.selfAdversarial) this.weigh(out.weights, chosen);
    return chosen;
  }

  probabilities(): Float64Array {
    return this.proposal.slice();
  }

  describe(): string {
    const { candidates, select, temperature, selfAdversarial } = this.plan;
    const how = select === "top" ? "keeps the top k" : `samples k ∝ exp(score/${temperature})`;
    const weights = selfAdversarial ? `, self-adversarial weights (T=${temperature})` : "";
    const dim = this.view === null ? "dim" : String(this.view.dim);
    return (
      `adaptive: ${how} of M=${candidates} candidates by h·v'_c${weights}, O(M·dim) = O(${candidates}·${dim}) per draw; ` +
      `base: ${JSON.stringify(this.spec.base ?? this.base.spec)}; collision=${COLLISION_EFFECT[this.collision]}`
    );
  }

  /**
   * The base (possibly a custom module) must return at most m ids, each a word
   * of the vocabulary: a bad one would be scored against a row outside the
   * output matrix and handed to the trainer. O(m), against O(m · dim) scoring.
   */
  private checkCandidates(drawn: number, m: number): void {
    if (!(Number.isInteger(drawn) && drawn >= 0 && drawn <= m)) {
      throw new SamplerError(
        `sampler "adaptive": its base "${this.base.spec.type}" returned ${drawn} negatives when asked for ${m}`,
        { field: "base" },
      );
    }
    const ids = this.candidates.ids;
    for (let j = 0; j < drawn; j++) {
      if (ids[j] < 0 || ids[j] >= this.vocabularySize) {
        throw new SamplerError(
          `sampler "adaptive": its base "${this.base.spec.type}" drew id ${ids[j]}, outside the vocabulary [0, ${this.vocabularySize})`,
          { field: "base" },
        );
      }
    }
  }

  /** scores[j] = h · output[ids[j]] (0 without a model). */
  private score(ids: Int32Array, n: number): void {
    const scores = this.scores;
    const view = this.view;
    if (view === null) {
      scores.fill(0, 0, n);
      return;
    }
    const { dim, output, hidden } = view;
    for (let j = 0; j < n; j++) {
      const row = ids[j] * dim;
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += hidden[d] * output[row + d];
      scores[j] = dot;
    }
  }

  /** chosen[0, t) = candidate indexes of the t = min(k, n) highest scores, best first (ties: earlier candidate). */
  private selectTop(n: number, k: number): number {
    const chosen = this.chosen;
    const scores = this.scores;
    let t = 0;
    for (let j = 0; j < n; j++) {
      if (t === k && scores[j] <= scores[chosen[k - 1]]) continue;
      // Insertion into the sorted prefix, dropping the last when full.
      let at = t < k ? t++ : k - 1;
      while (at > 0 && scores[chosen[at - 1]] < scores[j]) {
        chosen[at] = chosen[at - 1];
        at--;
      }
      chosen[at] = j;
    }
    return t;
  }

  /** chosen[0, k) = candidate indexes drawn with replacement ∝ exp(score / T); 0 when no candidate is left. */
  private selectSoftmax(n: number, k: number, rng: RandomStream): number {
    if (n === 0) return 0;
    const scores = this.scores;
    const mass = this.mass;
    const max = maxOf(scores, n);
    // Cumulative softmax mass, shifted by the max score so exp cannot overflow.
    let total = 0;
    for (let j = 0; j < n; j++) {
      total += Math.exp((scores[j] - max) / this.plan.temperature);
      mass[j] = total;
    }
    // Inverse-CDF by linear scan: M is small, so this beats a binary search.
    for (let i = 0; i < k; i++) {
      const u = rng.nextFloat() * total;
      let j = 0;
      while (j < n - 1 && mass[j] <= u) j++;
      this.chosen[i] = j;
    }
    return k;
  }

  /** weights[i] = t · softmax(score / T) over the t chosen negatives (Sun et al. 2019). */
  private weigh(weights: Float32Array, t: number): void {
    let max = -Infinity;
    for (let i = 0; i < t; i++) max = Math.max(max, this.scores[this.chosen[i]]);
    let total = 0;
    for (let i = 0; i < t; i++) total += Math.exp((this.scores[this.chosen[i]] - max) / this.plan.temperature);
    for (let i = 0; i < t; i++) {
      weights[i] = (t * Math.exp((this.scores[this.chosen[i]] - max) / this.plan.temperature)) / total;
    }
  }

  private grow(m: number): void {
    this.candidates = { ids: new Int32Array(m), weights: null, probs: null };
    this.scores = new Float64Array(m);
    this.mass = new Float64Array(m);
    this.chosen = new Int32Array(m);
  }
}

function maxOf(values: Float64Array, n: number): number {
  let max = -Infinity;
  for (let j = 0; j < n; j++) if (values[j] > max) max = values[j];
  return max;
}
