import { TrainOptionError } from "./errors.js";
import { huffmanPathLength } from "./huffman.js";
import { MAX_MEMORY_BYTES, planLayout, type MemoryLayout } from "./layout.js";
import type { TrainSettings } from "./options.js";
import type { TrainOptions } from "./train-options.js";
import { TABLE_SIZE } from "./sigmoid-table.js";

/**
 * Where the vocabulary size of a size check comes from, and so the option a
 * refusal names: a given `vocabulary`, the `initialModel`'s, the words just
 * `counted` (after `minCount` / `maxFinalVocab`), or the `maxFinalVocab` bound
 * before the corpus is read.
 */
export type VocabularySource = "vocabulary" | "initialModel" | "counted" | "maxFinalVocab";

/** What is known of the vocabulary when the model's size is checked. */
export interface KnownVocabulary {
  readonly source: VocabularySource;
  /** Its number of words, or (`maxFinalVocab`) the most it can hold. */
  readonly size: number;
  /** Its counts in descending (id) order, `size` of them, when known: the Huffman paths are then exact and a `minCount` can be suggested. */
  readonly counts?: ArrayLike<number>;
}

/** How much memory a model takes: the layout `planLayout` gives it and whether that fits WebAssembly's 4 GiB. */
export interface ModelMemoryPlan {
  readonly layout: MemoryLayout;
  /** Huffman path entries planned (0 without hierarchical softmax). */
  readonly pathLength: number;
  /** Whether `pathLength` is exact (computed from the counts) or the least any tree of this many words has (counts unknown). */
  readonly pathsExact: boolean;
  /** `layout.bytes` ≤ {@link MAX_MEMORY_BYTES}. */
  readonly fits: boolean;
}

/**
 * The least total Huffman path length of `size` words: the external path length
 * of a complete binary tree, size·q + 2·(size − 2^q) with q = ⌊log₂ size⌋ (Knuth,
 * TAOCP vol. 1, §2.3.4.5). Every binary tree with `size` leaves has at least
 * this much, whatever the counts, so a model refused with it would not fit with
 * the real paths either; skewed counts (Zipf's law) give longer paths, which
 * are known only once the words are counted.
 */
export function leastPathLength(size: number): number {
  if (size < 2) return 0;
  let q = Math.floor(Math.log2(size));
  while (2 ** (q + 1) <= size) q++;
  while (2 ** q > size) q--;
  return size * q + 2 * (size - 2 ** q);
}

/**
 * The memory a training with `settings` needs for a vocabulary of `size` words:
 * the layout of `planLayout` (the same arithmetic that lays out the memory
 * later), with the Huffman paths exact when `counts` (descending, `size` of
 * them) are given, else their least possible length ({@link leastPathLength}).
 */
export function modelMemory(settings: TrainSettings, size: number, counts?: ArrayLike<number>): ModelMemoryPlan {
  return memoryPlan(settings, size, !settings.hs ? 0 : pathLength(size, counts), !settings.hs || counts !== undefined);
}

/** The Huffman path length {@link modelMemory} plans for `size` words: exact from their `counts`, else the least possible. */
function pathLength(size: number, counts: ArrayLike<number> | undefined): number {
  return counts !== undefined ? huffmanPathLength(counts) : leastPathLength(size);
}

function memoryPlan(settings: TrainSettings, size: number, paths: number, pathsExact: boolean): ModelMemoryPlan {
  const layout = planLayout(settings, size, paths, TABLE_SIZE);
  return { layout, pathLength: paths, pathsExact, fits: layout.bytes <= MAX_MEMORY_BYTES };
}

/** A setting a refusal can suggest, or `vocabulary`: a given vocabulary (or continued model) of fewer words. */
export type SizeSetting = "vectorSize" | "maxFinalVocab" | "minCount" | "hs" | "hotRows" | "workers" | "vocabulary";

/** One change that makes the model fit, checked with {@link modelMemory}. */
export interface FitSuggestion {
  readonly setting: SizeSetting;
  readonly value: number | boolean;
  /** The vocabulary size the change leaves (at most that many for `maxFinalVocab`). */
  readonly words?: number;
}

/**
 * How a setting and its value read in a message: the trainer writes
 * `vectorSize: 280`, the command line `--vector-size 280`.
 */
export type SettingText = (setting: Exclude<SizeSetting, "vocabulary">, value: number | boolean) => string;

/** The trainer's own names: `setting: value`. */
const optionText: SettingText = (setting, value) => `${setting}: ${String(value)}`;

/** The option a refusal from each source names (the field of the error). */
const SOURCE_FIELD: Record<VocabularySource, string> = {
  vocabulary: "vocabulary",
  initialModel: "initialModel",
  counted: "minCount",
  maxFinalVocab: "maxFinalVocab",
};

/**
 * A model that does not fit WebAssembly's 4 GiB memory, refused before the work
 * that would be lost (reading or encoding the corpus). `field` is the option
 * that set the vocabulary size (`maxFinalVocab`, `minCount` after counting,
 * `vocabulary`, `initialModel`); the message gives the memory needed, the
 * vocabulary size, `vectorSize` and the matrices, and the {@link suggestions}
 * that fit. {@link explain} words the same in another vocabulary of names (the
 * command line's flags).
 */
export class ModelTooLargeError extends TrainOptionError {
  constructor(
    readonly settings: TrainSettings,
    readonly known: KnownVocabulary,
    readonly plan: ModelMemoryPlan,
    readonly suggestions: readonly FitSuggestion[],
  ) {
    super(SOURCE_FIELD[known.source], describeRefusal(settings, known, plan, suggestions, optionText));
  }

  /** The reason with every setting written by `text` (e.g. as command-line flags). */
  explain(text: SettingText): string {
    return describeRefusal(this.settings, this.known, this.plan, this.suggestions, text);
  }
}

/**
 * Checks that a training with `settings` fits WebAssembly's 4 GiB for the
 * `known` vocabulary (see {@link modelMemory}) and returns its plan, or throws a
 * {@link ModelTooLargeError} with what would fit: the largest `vectorSize` at
 * this vocabulary size; the largest vocabulary at this `vectorSize`
 * (`maxFinalVocab`, or a smaller given vocabulary); with the counts known, the
 * `minCount` that brings the vocabulary under it; `hs: false` when negative
 * sampling stays on and dropping the Huffman matrix fits; `hotRows: 0` when
 * explicit replicas push it over (`"auto"` shrinks its replicas to fit by
 * itself); fewer `workers` when that fits. Settings a continued model cannot
 * change (`vectorSize`, `hs`, its vocabulary) are not suggested for it.
 */
export function checkModelFits(settings: TrainSettings, known: KnownVocabulary): ModelMemoryPlan {
  const plan = modelMemory(settings, known.size, known.counts);
  if (plan.fits) return plan;
  throw new ModelTooLargeError(settings, known, plan, fitSuggestions(settings, known));
}

/** Every single change of {@link checkModelFits} that fits, each verified with {@link modelMemory}. */
export function fitSuggestions(settings: TrainSettings, known: KnownVocabulary): FitSuggestion[] {
  const { size } = known;
  const counts = known.counts === undefined ? undefined : Float64Array.from(known.counts);
  // the searches below ask for the same vocabulary sizes many times: compute each one's Huffman paths once
  const paths = new Map<number, number>();
  const pathsOf = (words: number): number => {
    if (!paths.has(words)) paths.set(words, pathLength(words, counts?.subarray(0, words)));
    return paths.get(words)!;
  };
  const fits = (changed: Partial<TrainSettings>, words = size): boolean => {
    const changedSettings = { ...settings, ...changed };
    return memoryPlan(changedSettings, words, changedSettings.hs ? pathsOf(words) : 0, true).fits;
  };
  const suggestions: FitSuggestion[] = [];
  const continued = known.source === "initialModel";

  if (!continued) {
    const vectorSize = largest(settings.vectorSize - 1, (d) => fits({ vectorSize: d }));
    if (vectorSize !== null) suggestions.push({ setting: "vectorSize", value: vectorSize });
    const words = largest(size - 1, (v) => fits({}, v));
    if (words !== null) {
      const given = known.source === "vocabulary";
      suggestions.push({ setting: given ? "vocabulary" : "maxFinalVocab", value: words, words });
      if (counts !== undefined && !given) {
        // minCount one above the count of the first word that does not fit keeps only words counted more often
        const minCount = counts[words] + 1;
        const kept = counts.findIndex((count) => count < minCount);
        if (kept > 0 && fits({}, kept)) suggestions.push({ setting: "minCount", value: minCount, words: kept });
      }
    }
    if (settings.hs && settings.negative > 0 && fits({ hs: false })) suggestions.push({ setting: "hs", value: false });
  }
  if (settings.workers > 1 && settings.hotRows !== "auto" && settings.hotRows > 0 && fits({ hotRows: 0 }))
    suggestions.push({ setting: "hotRows", value: 0 });
  const workers = largest(settings.workers - 1, (w) => fits({ workers: w }));
  if (workers !== null) suggestions.push({ setting: "workers", value: workers });
  return suggestions;
}

/** The largest n in 1..max for which `fits(n)` holds, by bisection (memory grows with every one of these settings), or null. */
function largest(max: number, fits: (n: number) => boolean): number | null {
  if (max < 1 || !fits(1)) return null;
  let [lo, hi] = [1, max]; // fits(lo) holds
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const GIB = 2 ** 30;
const gib = (bytes: number): string => `${(bytes / GIB).toFixed(2)} GiB`;
const count = (n: number): string => n.toLocaleString("en");

/** The refusal's reason: what is needed, what takes it, and the changes that fit. */
function describeRefusal(
  settings: TrainSettings,
  known: KnownVocabulary,
  plan: ModelMemoryPlan,
  suggestions: readonly FitSuggestion[],
  text: SettingText,
): string {
  const { layout } = plan;
  const words = {
    vocabulary: `the given vocabulary of ${count(known.size)} words`,
    initialModel: `the continued model's ${count(known.size)} words`,
    counted: `the ${count(known.size)} words counted`,
    maxFinalVocab: `up to ${count(known.size)} words (${text("maxFinalVocab", known.size)})`,
  }[known.source];
  const matrices = [
    ["syn0", layout.syn0],
    ["syn1neg", layout.syn1neg],
    ["syn1", layout.syn1],
  ]
    .filter(([, at]) => at !== 0)
    .map(([name]) => name);
  const matrixBytes = known.size * settings.vectorSize * 4;
  const pathBytes = plan.pathLength * 8;
  const rest = layout.bytes - matrices.length * matrixBytes - pathBytes;
  const parts = [
    `${matrices.length} ${matrices.length === 1 ? "matrix" : "matrices"} (${matrices.join(", ")}) of ${gib(matrixBytes)} each`,
    ...(settings.hs
      ? [
          `Huffman paths ${plan.pathsExact ? "" : "≥ "}${gib(pathBytes)}${plan.pathsExact ? "" : " (a balanced tree's; checked again once the words are counted)"}`,
        ]
      : []),
    `replicas, worker scratch and tables ${gib(rest)}`,
  ];
  const fixes = suggestions.map((s) => {
    if (s.setting === "vocabulary") return `a vocabulary of at most ${count(s.words ?? 0)} words`;
    const leaves = s.words === undefined ? "" : s.setting === "maxFinalVocab" ? "" : ` (${count(s.words)} words)`;
    return `${text(s.setting, s.value)}${leaves}`;
  });
  return (
    `${words} of ${settings.vectorSize} dimensions (${text("vectorSize", settings.vectorSize)}) need ${gib(layout.bytes)} of memory, over WebAssembly's 4 GiB limit: ${parts.join("; ")}. ` +
    (fixes.length > 0 ? `It fits with ${fixes.join(", or ")}.` : "No single setting change makes it fit.")
  );
}

/**
 * The check before the corpus is read, wherever the vocabulary size is already
 * known or bounded: a given `vocabulary` or the `initialModel`'s (counts known,
 * exact), else `maxFinalVocab` (a bound: the model must fit with that many
 * words, paths at their least). Without either, the size is known only after
 * counting, where `prepareRun` checks again. No bound is needed for the
 * smallest case: within `resolveSettings`' ranges one word always fits (the
 * largest scratch, 256 workers with window 10,000 and negative 1,000, takes
 * under 3 GiB; tested).
 */
export function checkModelFitsBeforeReading(
  options: Pick<TrainOptions, "vocabulary" | "initialModel">,
  settings: TrainSettings,
): void {
  const given = options.initialModel?.vocabulary ?? options.vocabulary;
  if (given !== undefined) {
    checkModelFits(settings, {
      source: options.initialModel ? "initialModel" : "vocabulary",
      size: given.size,
      counts: given.counts,
    });
  } else if (settings.maxFinalVocab !== null) {
    checkModelFits(settings, { source: "maxFinalVocab", size: settings.maxFinalVocab });
  }
}
