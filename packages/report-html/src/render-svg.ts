import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { escapeHtml } from "./html.js";

/** Shared look: a system font and quiet axes; charts sit on a white card in both colour schemes. */
const CONFIG = {
  font: "system-ui, -apple-system, 'Segoe UI', sans-serif",
  background: "white",
  padding: 8,
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: "#e5e5e5" },
  title: { fontSize: 14, subtitleFontSize: 11, anchor: "start" as const },
  legend: { labelFontSize: 11, titleFontSize: 11 },
};

/**
 * Renders a Vega-Lite spec to an SVG string with vega's headless renderer
 * (`View.toSVG`, no browser or canvas needed). The SVG carries the spec's
 * chart title as its `<title>` and the spec's `description` as its ARIA
 * label (`role="img"`), so screen readers can name each chart.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vegaSpec = compile({ ...spec, config: { ...CONFIG, ...spec.config } } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    const title = titleText(spec.title);
    const label = escapeHtml(spec.description ?? title);
    return svg
      .replace(/^<svg /, `<svg role="img" aria-label="${label}" `)
      .replace(/^(<svg[^>]*>)/, `$1<title>${escapeHtml(title)}</title>`);
  } finally {
    view.finalize();
  }
}

/** The plain text of a Vega-Lite title (a string, lines, or `{ text }`). */
function titleText(title: TopLevelSpec["title"]): string {
  if (title === undefined) return "chart";
  if (typeof title === "string") return title;
  if (Array.isArray(title)) return title.join(" ");
  const text = (title as { text?: unknown }).text;
  return Array.isArray(text) ? text.join(" ") : String(text ?? "chart");
}
