// Time to generate the HTML report of a 30-cell grid: 6 strategies × 5 seeds with every chart kind
// (3 benchmark charts, 2 sweep charts, the section heat map, sampling distributions over 50,000 words with
// bucket shares, loss and speed), 10 probe words × 10 neighbours, the significance, strategy and metric tables.
// Budget: 5 s (issue 6). Prints the first (cold) run and the median of 3 further runs, and fails over budget.
//
//   pnpm --filter @neglab/report-html bench      (runs this file with vitest: vitest.bench.config.ts)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { writeHtmlReport } from "../src/index.js";
import { sweepInput } from "../test/fixture.js";

const BUDGET_SECONDS = 5;
const REPEATS = 3;

it(`writes report.html for 6 strategies × 5 seeds within ${BUDGET_SECONDS} s (median of ${REPEATS})`, async () => {
  const input = sweepInput([-0.5, 0, 0.5, 0.75, 1, 1.25], 5, 50_000, { probes: 10, neighbours: 10 });
  expect(input.strategies.length * 5).toBe(30);
  const dir = mkdtempSync(join(tmpdir(), "neglab-report-bench-"));
  const file = join(dir, "report.html");
  const seconds = async () => {
    const t0 = performance.now();
    await writeHtmlReport(file, input);
    return (performance.now() - t0) / 1000;
  };
  const cold = await seconds();
  const charts = (readFileSync(file, "utf8").match(/<svg /g) ?? []).length;
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) times.push(await seconds());
  rmSync(dir, { recursive: true, force: true });
  const median = [...times].sort((a, b) => a - b)[Math.floor(REPEATS / 2)];
  // The machine may be shared: the load average says how much CPU the figure competed for.
  console.log(
    [
      `machine: ${cpus().length}× ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}, load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}`,
      `report.html for 30 cells (${charts} charts): first run ${cold.toFixed(2)} s; median of ${REPEATS} ${median.toFixed(2)} s ` +
        `(runs ${times.map((t) => t.toFixed(2)).join(", ")}); budget ${BUDGET_SECONDS} s → ${median <= BUDGET_SECONDS ? "within" : "OVER"} budget`,
    ].join("\n"),
  );
  expect(charts).toBe(10);
  expect(median, `median ${median.toFixed(2)} s over the ${BUDGET_SECONDS} s budget`).toBeLessThanOrEqual(
    BUDGET_SECONDS,
  );
}, 300_000);
