/// <reference lib="dom" />
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtmlReport } from "../src/index.js";
import { sweepInput } from "./fixture.js";

// Debian's Chromium, driven by playwright-core (never a browser download). .ci/run installs it with apt.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`[skip] no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);

/** Screenshots land here; CI keeps the folder as an artifact. */
const ARTIFACTS = resolve(fileURLToPath(new URL("../../../artifacts", import.meta.url)));

describe.skipIf(!haveChromium)("report.html in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }, 60_000);
  afterAll(async () => browser?.close());

  for (const scheme of ["light", "dark"] as const) {
    it(`renders every chart with marks and no console error (${scheme} mode)`, async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = join(ARTIFACTS, "report-e2e.html");
      writeFileSync(file, await renderHtmlReport(sweepInput([-0.5, 0, 0.25, 0.5, 0.75, 1], 3)));
      const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("request", (r) => { if (!r.url().startsWith("file:")) problems.push(`network request: ${r.url()}`); });
      await page.goto(pathToFileURL(file).href);

      // Every chart is an SVG that the browser laid out with a real size and drawn marks.
      const charts = await page.$$eval("figure.chart svg", (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          return {
            label: svg.getAttribute("aria-label"),
            width: box.width,
            height: box.height,
            marks: svg.querySelectorAll('[role="graphics-symbol"]').length,
          };
        }),
      );
      expect(charts.length).toBe(10);
      for (const chart of charts) {
        expect(chart.label, "accessible label").toBeTruthy();
        expect(chart.width).toBeGreaterThan(100);
        expect(chart.height).toBeGreaterThan(50);
        expect(chart.marks, `marks in "${chart.label}"`).toBeGreaterThan(0);
      }
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
});
