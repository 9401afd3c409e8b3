/// <reference lib="dom" />
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtmlReport } from "../src/index.js";
import { renderSvg } from "../src/render-svg.js";
import { sweepInput } from "./fixture.js";

// Debian's Chromium, driven by playwright-core (never a browser download). .ci/run installs it with apt.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
const MISSING = `no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`;
// In CI a missing browser is a failure, not a skip: the check must not pass silently there.
if (!haveChromium && process.env.CI) {
  describe("report.html in headless Chromium", () => {
    it("needs Chromium in CI", () => {
      expect.fail(`CI is set but there is ${MISSING}`);
    });
  });
} else if (!haveChromium) {
  console.warn(`[skip] ${MISSING}`);
}

/** Screenshots land here; CI keeps the folder as an artifact. */
const ARTIFACTS = resolve(fileURLToPath(new URL("../../../artifacts", import.meta.url)));

/** What the browser drew for one chart. */
interface DrawnChart {
  readonly label: string | null;
  readonly width: number;
  readonly height: number;
  /** Data marks with a non-empty box: the children of vega's `role-mark` groups (not axes, legends or titles). */
  readonly dataMarks: number;
  /** Mark layers (`role-mark` groups) that drew nothing. */
  readonly emptyLayers: number;
}

/** Measures every chart of the open page in the browser. */
async function drawnCharts(page: Page): Promise<DrawnChart[]> {
  return page.$$eval("figure.chart svg", (svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      // vega puts each data layer in <g class="mark-… role-mark">; axes, legends and titles use other roles.
      const perLayer = Array.from(svg.querySelectorAll("g.role-mark")).map(
        (layer) =>
          Array.from(layer.children).filter((mark) => {
            const b = (mark as SVGGraphicsElement).getBBox();
            return b.width > 0 || b.height > 0;
          }).length,
      );
      return {
        label: svg.getAttribute("aria-label"),
        width: box.width,
        height: box.height,
        dataMarks: perLayer.reduce((sum, n) => sum + n, 0),
        emptyLayers: perLayer.filter((n) => n === 0).length,
      };
    }),
  );
}

/** The charts that fail the check: no data mark drawn, or a layer left empty. */
function chartsWithoutData(charts: readonly DrawnChart[]): string[] {
  return charts.filter((c) => c.dataMarks === 0 || c.emptyLayers > 0).map((c) => c.label ?? "(unlabelled)");
}

describe.skipIf(!haveChromium)("report.html in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 60_000);
  afterAll(async () => browser?.close());

  for (const scheme of ["light", "dark"] as const) {
    it(`renders every chart with data marks and no console error (${scheme} mode)`, async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = join(ARTIFACTS, "report-e2e.html");
      writeFileSync(file, await renderHtmlReport(sweepInput([-0.5, 0, 0.25, 0.5, 0.75, 1], 3)));
      const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) problems.push(`network request: ${r.url()}`);
      });
      await page.goto(pathToFileURL(file).href);

      // Every chart is an SVG that the browser laid out with a real size and drawn data marks in every layer.
      const charts = await drawnCharts(page);
      expect(charts.length).toBe(10);
      for (const chart of charts) {
        expect(chart.label, "accessible label").toBeTruthy();
        expect(chart.width).toBeGreaterThan(100);
        expect(chart.height).toBeGreaterThan(50);
      }
      expect(chartsWithoutData(charts)).toEqual([]);
      // 6 strategies: each metric chart draws 6 error bars + 6 points.
      const ws353 = charts.find((c) => c.label?.startsWith("spearman on ws353"));
      expect(ws353?.dataMarks).toBe(12);
      // Text colour follows the scheme; chart cards stay white so chart colours read in both.
      const colors = await page.evaluate(() => ({
        body: getComputedStyle(document.body).color,
        card: getComputedStyle(document.querySelector("figure.chart")!).backgroundColor,
      }));
      expect(colors.card).toBe("rgb(255, 255, 255)");
      expect(colors.body).toBe(scheme === "dark" ? "rgb(232, 232, 232)" : "rgb(27, 27, 27)");
      await page.screenshot({ path: join(ARTIFACTS, `report-${scheme}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it("fails the check for a chart whose data is empty (negative control)", async () => {
    // The same axes, title and legend as a real chart, but no data: only the data-mark count can tell.
    const empty = await renderSvg({
      title: "empty",
      data: { values: [] },
      mark: "point",
      encoding: {
        x: { field: "rank", type: "quantitative" },
        y: { field: "probability", type: "quantitative" },
        color: { field: "strategy", type: "nominal" },
      },
    });
    const full = await renderSvg({
      title: "full",
      data: { values: [{ rank: 1, probability: 0.5, strategy: "a" }] },
      mark: "point",
      encoding: { x: { field: "rank", type: "quantitative" }, y: { field: "probability", type: "quantitative" } },
    });
    expect((empty.match(/role="graphics-symbol"/g) ?? []).length).toBeGreaterThan(0); // what the old check counted
    const page = await browser.newPage();
    await page.setContent(`<figure class="chart">${empty}</figure><figure class="chart">${full}</figure>`);
    const charts = await drawnCharts(page);
    expect(charts.map((c) => c.dataMarks)).toEqual([0, 1]);
    expect(chartsWithoutData(charts)).toEqual(["empty"]);
    await page.close();
  }, 60_000);
});
