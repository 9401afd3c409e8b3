// Time to render the HTML report of a 30-cell grid (10 strategies × 3 seeds, 50,000-word distributions).
// Goal: under 5 seconds.   Run: pnpm --filter @neglab/report-html bench
import { bench, describe } from "vitest";
import { renderHtmlReport } from "../src/index.js";
import { sweepInput } from "../test/fixture.js";

const alphas = [-0.5, -0.25, 0, 0.25, 0.5, 0.6, 0.75, 0.9, 1, 1.25];
const input = sweepInput(alphas, 3, 50_000);

describe("report.html for a 30-cell grid", () => {
  bench("renderHtmlReport (10 strategies × 3 seeds)", async () => {
    await renderHtmlReport(input);
  }, { iterations: 5, warmupIterations: 1 });
});
