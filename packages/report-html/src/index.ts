/**
 * @neglab/report-html — a self-contained HTML report of a NegLab comparison.
 *
 * {@link renderHtmlReport} turns a {@link ReportInput} into one HTML file with
 * inline SVG charts (Vega-Lite specs rendered by vega's headless SVG renderer)
 * and inline CSS: no network, opens from disk, light and dark mode.
 */
export { renderHtmlReport } from "./report.js";
export { writeHtmlReport } from "./write.js";
export type {
  ReportInput,
  ReportOverview,
  StrategyInfo,
  MetricSummary,
  SectionAccuracy,
  SamplerDistribution,
  TrainingTrace,
  NeighbourList,
  SignificanceRow,
} from "./input.js";
