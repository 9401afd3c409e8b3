/**
 * Everything a NegLab HTML report shows, as plain data. The runner builds it
 * from a run directory; nothing here knows how results were computed.
 */
export interface ReportInput {
  /** Page title, e.g. the experiment name. */
  readonly title: string;
  /** One line under the title (corpus, date, …). */
  readonly subtitle?: string;
  /** The comparison at a glance, shown first: a table and the sentences stating the verdict. */
  readonly overview?: ReportOverview;
  /** The strategies compared, in display order. */
  readonly strategies: readonly StrategyInfo[];
  /** One row per strategy × benchmark × metric, aggregated over seeds. */
  readonly metrics: readonly MetricSummary[];
  /** Analogy accuracy per section, per strategy (aggregated over seeds). */
  readonly sections?: readonly SectionAccuracy[];
  /** Each strategy's negative-sampling distribution. */
  readonly distributions?: readonly SamplerDistribution[];
  /** Training traces, one per strategy × seed. */
  readonly training?: readonly TrainingTrace[];
  /** Nearest neighbours of probe words, per strategy. */
  readonly neighbours?: readonly NeighbourList[];
  /** Differences to the baseline with their (Holm-corrected) p-values. */
  readonly significance?: readonly SignificanceRow[];
  /** The resolved experiment configuration, shown verbatim. */
  readonly config?: unknown;
  /** Environment facts (package versions, git commit, Node, CPU). */
  readonly environment?: Readonly<Record<string, string>>;
}

/** The summary that opens the report: a ready-made table (e.g. strategies × benchmarks) and plain sentences under it. */
export interface ReportOverview {
  /** Column headings. */
  readonly head: readonly string[];
  /** Rows of cell texts, shown as given. */
  readonly rows: readonly (readonly string[])[];
  /** What the figures and marks mean, under the table. */
  readonly note?: string;
  /** The verdict, one sentence per list item. */
  readonly sentences: readonly string[];
}

/** A compared strategy. */
export interface StrategyInfo {
  /** Display name; the key the other rows refer to as `strategy`. */
  readonly name: string;
  /** The sampler spec, shown as JSON in the Strategies table. */
  readonly spec?: unknown;
  /**
   * The numeric setting this strategy differs in (α, k, λ). When every strategy
   * that has one names the same setting, with ≥ 2 distinct values, the report
   * adds a sweep chart of each metric over it.
   */
  readonly setting?: { readonly name: string; readonly value: number };
  /** True for the baseline the others are compared with: drawn as a diamond in the metric charts and named in the Strategies table. */
  readonly baseline?: boolean;
}

/** A benchmark metric for one strategy: mean over seeds with its 95% CI. */
export interface MetricSummary {
  readonly benchmark: string;
  readonly metric: string;
  readonly strategy: string;
  /** Mean over seeds. */
  readonly mean: number;
  /** Sample standard deviation over seeds, shown as mean ± std in the metrics table and in the chart tooltip. */
  readonly std?: number;
  /** Lower end of the 95% confidence interval of the mean. */
  readonly ciLow: number;
  /** Upper end of the 95% confidence interval of the mean. */
  readonly ciHigh: number;
  /** Number of seeds. */
  readonly n: number;
}

/** Accuracy of one analogy section for one strategy. */
export interface SectionAccuracy {
  readonly strategy: string;
  readonly section: string;
  readonly correct: number;
  /** Questions answered (all four words in the vocabulary). */
  readonly seen: number;
  /** Questions in the section. */
  readonly total: number;
}

/** A sampler's distribution over the vocabulary in frequency-rank order (rank 1 = most frequent word). */
export interface SamplerDistribution {
  readonly strategy: string;
  /** P(word of rank r + 1), r = 0 … V−1. */
  readonly probabilities: ArrayLike<number>;
  /** Probability mass on the 10, 100, 1000 most frequent words and the rest. */
  readonly buckets?: {
    readonly top10: number;
    readonly top100: number;
    readonly top1000: number;
    readonly rest: number;
  };
}

/** Loss per epoch and speed of one training run. */
export interface TrainingTrace {
  readonly strategy: string;
  readonly seed: number | string;
  readonly lossPerEpoch: readonly number[];
  readonly wordsPerSecond: number;
}

/** The nearest neighbours of one probe word under one strategy. */
export interface NeighbourList {
  readonly probe: string;
  readonly strategy: string;
  readonly neighbours: readonly { readonly word: string; readonly similarity: number }[];
}

/** A strategy's difference to the baseline on one metric. */
export interface SignificanceRow {
  readonly benchmark: string;
  readonly metric: string;
  readonly strategy: string;
  readonly baseline: string;
  readonly difference: number;
  readonly p: number;
  readonly pHolm: number;
  /** The test used (e.g. "McNemar exact", "paired bootstrap"). */
  readonly test?: string;
}
