import { writeHtmlReport } from "@neglab/report-html";

await writeHtmlReport("report.html", {
  title: "alpha sweep",
  strategies: [
    { name: "α=0.5", setting: { name: "alpha", value: 0.5 } },
    { name: "α=0.75", setting: { name: "alpha", value: 0.75 }, baseline: true },
    { name: "α=1", setting: { name: "alpha", value: 1 } },
  ],
  metrics: [
    { benchmark: "ws353", metric: "spearman", strategy: "α=0.5", mean: 0.31, ciLow: 0.27, ciHigh: 0.35, n: 3 },
    { benchmark: "ws353", metric: "spearman", strategy: "α=0.75", mean: 0.33, ciLow: 0.3, ciHigh: 0.36, n: 3 },
    { benchmark: "ws353", metric: "spearman", strategy: "α=1", mean: 0.29, ciLow: 0.25, ciHigh: 0.33, n: 3 },
  ],
});
