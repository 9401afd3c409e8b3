import { describe, expect, it } from "vitest";
import { renderHtmlReport, renderSvg } from "../src/index.js";
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
    for (const heading of ["Benchmarks", "Sweep over alpha", "Analogy accuracy by section", "Negative-sampling distributions", "Training", "Nearest neighbours", "Significance", "Reproducibility"]) {
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
    const html = await renderHtmlReport({ title: "t", strategies: full.strategies, metrics: full.metrics });
    expect(countCharts(html).svgs).toBe(3);
    expect(html).not.toContain("Sweep over");
    expect(html).not.toContain("<h2>Training</h2>");
  });

  it("draws one error bar and one point per strategy in a metric chart", async () => {
    const input = sweepInput([0, 0.5, 1], 3, 100);
    const { metricChart } = await import("../src/charts/metrics.js");
    const svg = await renderSvg(metricChart(input.metrics.filter((m) => m.benchmark === "ws353"), ["unigram α=0", "unigram α=0.5", "unigram α=1"]));
    expect(svg).toMatch(/^<svg role="img" aria-label="spearman on ws353 for each strategy[^"]*"[^>]*><title>ws353: spearman<\/title>/);
    expect((svg.match(/aria-roledescription="rule mark"/g) ?? []).length).toBe(3);
    expect((svg.match(/aria-roledescription="point"/g) ?? []).length).toBe(3);
  });
});
