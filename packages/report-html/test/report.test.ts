import { describe, expect, it } from "vitest";
import { renderHtmlReport } from "../src/index.js";
import { renderSvg } from "../src/render-svg.js";
import { sweepInput } from "./fixture.js";

/** How many <svg> documents, and how many drawn marks (paths, rects, text) in the page. */
function countCharts(html: string) {
  return {
    svgs: (html.match(/<svg /g) ?? []).length,
    paths: (html.match(/<path /g) ?? []).length,
    rects: (html.match(/<rect /g) ?? []).length,
  };
}

describe("renderHtmlReport", () => {
  it("renders every section of a sweep report as inline SVG charts with titles", async () => {
    const html = await renderHtmlReport(sweepInput([-0.5, 0, 0.5, 0.75, 1], 3, 2000));
    // 3 metric charts + 2 sweep charts (accuracy, spearman) + heat map + distribution + buckets + loss + speed.
    expect(countCharts(html).svgs).toBe(10);
    for (const heading of [
      "Strategies",
      "Benchmarks",
      "Sweep over alpha",
      "Analogy accuracy by section",
      "Negative-sampling distributions",
      "Training",
      "Nearest neighbours",
      "Significance",
      "Reproducibility",
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('aria-label="Log-log plot of each strategy');
    // Self-contained: no external resources of any kind.
    expect(html).not.toMatch(/<script|<link|src="http|href="http|@import/);
    // Text from the input is escaped.
    expect(html).toContain("&#60;with&#62; &#34;markup&#34; &#38; entities");
  });

  it("leaves out sections without data and the sweep when strategies share no numeric setting", async () => {
    const full = sweepInput([0.5, 0.75], 2, 100);
    const unswept = full.strategies.map((s) => ({ name: s.name, spec: s.spec }));
    const html = await renderHtmlReport({ title: "t", strategies: unswept, metrics: full.metrics });
    expect(countCharts(html).svgs).toBe(3);
    expect(html).not.toContain("Sweep over");
    expect(html).not.toContain("<h2>Training</h2>");
    // Two different settings (alpha and k) are not one sweep either.
    const mixed = [
      { ...unswept[0], setting: { name: "alpha", value: 0.5 } },
      { ...unswept[1], setting: { name: "k", value: 5 } },
    ];
    expect(await renderHtmlReport({ title: "t", strategies: mixed, metrics: full.metrics })).not.toContain(
      "Sweep over",
    );
  });

  it("draws the sweep for two strategies that differ in one numeric setting", async () => {
    const two = sweepInput([0.5, 0.75], 2, 100);
    const html = await renderHtmlReport({ title: "t", strategies: two.strategies, metrics: two.metrics });
    expect(html).toContain("<h2>Sweep over alpha</h2>");
    expect(countCharts(html).svgs).toBe(3 + 2); // 3 metric charts + accuracy and spearman over alpha
    // Each sweep line has one point per strategy: 2 benchmarks × 2 values in the spearman chart.
    const spearman = html.slice(html.indexOf("<title>spearman over alpha</title>"));
    expect((spearman.slice(0, spearman.indexOf("</svg>")).match(/aria-roledescription="point"/g) ?? []).length).toBe(4);
  });

  it("opens with the overview: its table, note and sentences, escaped, before the strategies; none without one", async () => {
    const input = sweepInput([0.5, 0.75], 2, 100);
    const overview = {
      head: ["strategy", "ws353 (Spearman ρ)"],
      rows: [
        ["unigram α=0.5", "0.412 ±0.010 -0.020*"],
        ["unigram α=0.75", "0.432^ ±0.012"],
      ],
      note: "Mean over 2 seeds; * p < 0.05",
      sentences: [
        "On ws353, unigram α=0.75 (the baseline) is best (ρ = 0.432); it beats unigram α=0.5 by 0.020 (p = 0.01, Holm).",
        "Training speed <fast>.",
      ],
    };
    const html = await renderHtmlReport({ ...input, overview });
    expect(html.indexOf("<h2>Summary</h2>")).toBeGreaterThan(0);
    expect(html.indexOf("<h2>Summary</h2>")).toBeLessThan(html.indexOf("<h2>Strategies</h2>"));
    expect(html).toContain('<th scope="col">ws353 (Spearman ρ)</th>');
    expect(html).toContain("<td>unigram α=0.5</td><td>0.412 ±0.010 -0.020*</td>");
    expect(html).toContain('<p class="note">Mean over 2 seeds; * p &#60; 0.05</p>');
    expect(html).toContain(
      "<li>On ws353, unigram α=0.75 (the baseline) is best (ρ = 0.432); it beats unigram α=0.5 by 0.020 (p = 0.01, Holm).</li><li>Training speed &#60;fast&#62;.</li>",
    );
    expect(await renderHtmlReport(input)).not.toContain("<h2>Summary</h2>");
  });

  it("lists the strategies with their specs and baseline, and the metrics as mean ± std", async () => {
    const input = sweepInput([0.5, 0.75, 1], 3, 100);
    const html = await renderHtmlReport(input);
    expect(html).toContain(
      "<td>unigram α=0.75</td><td>{&#34;type&#34;:&#34;unigram&#34;,&#34;alpha&#34;:0.75}</td><td>alpha = 0.75</td><td>baseline</td>",
    );
    const ws353 = input.metrics.find((m) => m.benchmark === "ws353" && m.strategy === "unigram α=1")!;
    expect(html).toContain(
      `<td>${ws353.mean.toFixed(4)} ± ${ws353.std!.toFixed(4)}</td><td>[${ws353.ciLow.toFixed(4)}, ${ws353.ciHigh.toFixed(4)}]</td><td>3</td>`,
    );
  });

  it("draws one error bar and one point per strategy in a metric chart", async () => {
    const input = sweepInput([0, 0.5, 1], 3, 100);
    const { metricChart } = await import("../src/charts/metrics.js");
    const svg = await renderSvg(
      metricChart(
        input.metrics.filter((m) => m.benchmark === "ws353"),
        ["unigram α=0", "unigram α=0.5", "unigram α=1"],
      ),
    );
    expect(svg).toMatch(
      /^<svg role="img" aria-label="spearman on ws353 for each strategy[^"]*"[^>]*><title>ws353: spearman<\/title>/,
    );
    expect((svg.match(/aria-roledescription="rule mark"/g) ?? []).length).toBe(3);
    expect((svg.match(/aria-roledescription="point"/g) ?? []).length).toBe(3);
  });

  it("draws the baseline as a diamond and shows the std in the tooltip", async () => {
    const input = sweepInput([0, 0.5, 1], 3, 100);
    const { metricChart } = await import("../src/charts/metrics.js");
    const rows = input.metrics.filter((m) => m.benchmark === "ws353");
    const order = ["unigram α=0", "unigram α=0.5", "unigram α=1"];
    const svg = await renderSvg(metricChart(rows, order, "unigram α=0.5"));
    const points =
      svg.match(/<path aria-label="[^"]*" role="graphics-symbol" aria-roledescription="point"[^>]*>/g) ?? [];
    expect(points).toHaveLength(3);
    const baselinePoint = points.find((p) => p.includes("strategy: unigram α=0.5"))!;
    expect(baselinePoint).toContain(`std over seeds: ${rows[1].std!.toFixed(4)}`);
    // vega draws a diamond as a 4-point path and a circle with arcs.
    expect(baselinePoint).not.toMatch(/ d="M[^"]*A/);
    expect(points.filter((p) => / d="M[^"]*A/.test(p))).toHaveLength(2);
  });
});
