import type { TopLevelSpec } from "vega-lite";
import { bucketChart, distributionChart } from "./charts/distribution.js";
import { metricChart } from "./charts/metrics.js";
import { sectionHeatmap } from "./charts/sections.js";
import { sweepChart } from "./charts/sweep.js";
import { lossChart, speedChart } from "./charts/training.js";
import { STYLE, escapeHtml, figure, htmlTable } from "./html.js";
import type { ReportInput, ReportOverview } from "./input.js";
import { renderSvg } from "./render-svg.js";

/** A chart to render, with the caption shown under it. */
interface ChartPart {
  readonly spec: TopLevelSpec;
  readonly caption: string;
}

/**
 * Renders a complete, self-contained HTML report: every chart is a Vega-Lite
 * spec rendered to inline SVG, styles are inline, and nothing is fetched, so
 * the file opens from disk anywhere. Sections appear only when their data is given.
 */
export async function renderHtmlReport(input: ReportInput): Promise<string> {
  const order = input.strategies.map((s) => s.name);
  const baseline = input.strategies.find((s) => s.baseline)?.name;
  const sections: string[] = [...(input.overview ? [overviewSection(input.overview)] : []), strategiesSection(input)];

  // 1. Benchmark metrics (charts, then the numbers), with a sweep chart when strategies differ in one numeric setting.
  const byMetric = groupBy(input.metrics, (m) => `${m.benchmark}\u0000${m.metric}`);
  const metricParts: ChartPart[] = [...byMetric.values()].map((rows) => ({
    spec: metricChart(rows, order, baseline),
    caption: `${rows[0].metric} on ${rows[0].benchmark}; the best strategy in red${baseline === undefined ? "" : ", the baseline as a diamond"}.`,
  }));
  sections.push(await chartSection("Benchmarks", metricParts, metricsTable(input)));
  const sweep = sweepSetting(input);
  if (sweep) {
    const parts = [...groupBy(input.metrics, (m) => m.metric).entries()].map(([metric, rows]) => ({
      spec: sweepChart(metric, rows, input.strategies),
      caption: `${metric} as a function of ${sweep}, one line per benchmark.`,
    }));
    sections.push(await chartSection(`Sweep over ${sweep}`, parts));
  }

  // 2. Analogy sections.
  if (input.sections?.length) {
    sections.push(
      await chartSection("Analogy accuracy by section", [
        { spec: sectionHeatmap(input.sections, order), caption: "Accuracy of each strategy on each question section." },
      ]),
    );
  }

  // 3. Sampling distributions.
  if (input.distributions?.length) {
    const parts: ChartPart[] = [
      {
        spec: distributionChart(input.distributions),
        caption: "Sampling probability against frequency rank (log–log).",
      },
    ];
    if (input.distributions.some((d) => d.buckets)) {
      parts.push({ spec: bucketChart(input.distributions), caption: "Share of negatives by frequency-rank bucket." });
    }
    sections.push(await chartSection("Negative-sampling distributions", parts));
  }

  // 4. Training.
  if (input.training?.length) {
    sections.push(
      await chartSection("Training", [
        { spec: lossChart(input.training), caption: "Loss per epoch (mean over seeds)." },
        { spec: speedChart(input.training), caption: "Words per second per strategy." },
      ]),
    );
  }

  // 5. Tables: neighbours, significance, config and environment.
  if (input.neighbours?.length) sections.push(neighboursSection(input, order));
  if (input.significance?.length) {
    const rows = input.significance.map((s) => [
      s.benchmark,
      s.metric,
      s.strategy,
      s.baseline,
      signed(s.difference),
      s.p.toPrecision(3),
      s.pHolm.toPrecision(3),
      s.test ?? "",
    ]);
    sections.push(
      `<section><h2>Significance</h2>${htmlTable(
        ["benchmark", "metric", "strategy", "baseline", "difference", "p", "p (Holm)", "test"],
        rows,
        "Differences to the baseline; p-values Holm-corrected over the strategies compared with it",
      )}</section>`,
    );
  }
  if (input.config !== undefined || input.environment) {
    const env = input.environment ? htmlTable(["", ""], Object.entries(input.environment), "Environment") : "";
    const config =
      input.config !== undefined
        ? `<h3>Resolved configuration</h3><pre>${escapeHtml(JSON.stringify(input.config, null, 2))}</pre>`
        : "";
    sections.push(`<section><h2>Reproducibility</h2>${env}${config}</section>`);
  }

  const subtitle = input.subtitle ? `<p class="subtitle">${escapeHtml(input.subtitle)}</p>` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(input.title)}</h1>${subtitle}</header>
<main>
${sections.join("\n")}
</main>
</body>
</html>
`;
}

/** A section of rendered charts, optionally followed by ready-made HTML (a table). */
async function chartSection(title: string, parts: readonly ChartPart[], after = ""): Promise<string> {
  const figures = await Promise.all(parts.map(async (p) => figure(await renderSvg(p.spec), p.caption)));
  return `<section><h2>${escapeHtml(title)}</h2><div class="charts">${figures.join("\n")}</div>${after}</section>`;
}

/** The summary that opens the page: its table, the note under it and the verdict's sentences. */
function overviewSection(overview: ReportOverview): string {
  const note = overview.note ? `<p class="note">${escapeHtml(overview.note)}</p>` : "";
  const sentences =
    overview.sentences.length > 0
      ? `<ul class="verdict">${overview.sentences.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>`
      : "";
  return `<section><h2>Summary</h2>${htmlTable(overview.head, overview.rows, "Strategies × benchmarks")}${note}${sentences}</section>`;
}

/** The strategies compared: name, sampler spec (as JSON), swept setting, and which one is the baseline. */
function strategiesSection(input: ReportInput): string {
  const rows = input.strategies.map((s) => [
    s.name,
    s.spec === undefined ? "" : JSON.stringify(s.spec),
    s.setting ? `${s.setting.name} = ${s.setting.value}` : "",
    s.baseline ? "baseline" : "",
  ]);
  return `<section><h2>Strategies</h2>${htmlTable(["strategy", "sampler spec", "setting", "role"], rows, "The strategies compared")}</section>`;
}

/** Every metric as numbers: mean ± std over seeds (std when given), the 95% CI and the number of seeds. */
function metricsTable(input: ReportInput): string {
  const rows = input.metrics.map((m) => [
    m.benchmark,
    m.metric,
    m.strategy,
    m.std === undefined ? m.mean.toFixed(4) : `${m.mean.toFixed(4)} ± ${m.std.toFixed(4)}`,
    `[${m.ciLow.toFixed(4)}, ${m.ciHigh.toFixed(4)}]`,
    m.n,
  ]);
  return htmlTable(
    ["benchmark", "metric", "strategy", "mean ± std", "95% CI", "seeds"],
    rows,
    "Benchmark metrics over seeds",
  );
}

function neighboursSection(input: ReportInput, order: readonly string[]): string {
  const probes = [...new Set(input.neighbours!.map((n) => n.probe))];
  const lookup = new Map(input.neighbours!.map((n) => [`${n.probe}\u0000${n.strategy}`, n.neighbours]));
  const rows = probes.map((probe) => [
    probe,
    ...order.map(
      (strategy) =>
        (lookup.get(`${probe}\u0000${strategy}`) ?? [])
          .map((n) => `${n.word} (${n.similarity.toFixed(2)})`)
          .join(", ") || "(not in vocabulary)",
    ),
  ]);
  return `<section><h2>Nearest neighbours</h2>${htmlTable(["probe", ...order], rows, "Cosine nearest neighbours of probe words, per strategy")}</section>`;
}

/**
 * The name of the numeric setting the strategies sweep over: all strategies
 * that carry a setting name the same one, with at least two distinct values
 * (two points already show the direction of the effect; strategies without a
 * setting are left off the line). Otherwise null.
 */
function sweepSetting(input: ReportInput): string | null {
  const withSetting = input.strategies.filter((s) => s.setting);
  const names = new Set(withSetting.map((s) => s.setting!.name));
  const valuesSeen = new Set(withSetting.map((s) => s.setting!.value));
  return names.size === 1 && valuesSeen.size >= 2 ? [...names][0] : null;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function signed(x: number): string {
  return `${x >= 0 ? "+" : ""}${x.toFixed(4)}`;
}
