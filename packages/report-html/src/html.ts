/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A `<table>` from a header row and body rows (cells are escaped). */
export function htmlTable(
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  caption?: string,
): string {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(String(c))}</td>`).join("")}</tr>`).join("\n");
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>` : "";
  return `<table>${cap}<thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A chart figure: the inline SVG with a caption. */
export function figure(svg: string, caption: string): string {
  return `<figure class="chart">${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

/** Light and dark colour schemes; charts stay on white cards so their colours read in both. */
export const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fafafa; --muted: #5f5f5f; --line: #d0d0d0; --card: #ffffff; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e8e8; --bg: #161616; --muted: #a8a8a8; --line: #3a3a3a; --card: #ffffff; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1100px; padding: 1.5rem; }
h1 { margin-bottom: 0.2rem; } .subtitle { color: var(--muted); margin-top: 0; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; margin-top: 2.2rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure.chart { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem; margin: 0; overflow-x: auto; }
figure.chart figcaption { color: #444; font-size: 0.85rem; max-width: 480px; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.9rem; }
.note { color: var(--muted); font-size: 0.85rem; margin-top: 0; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
th { background: color-mix(in srgb, var(--fg) 8%, transparent); }
pre { background: color-mix(in srgb, var(--fg) 6%, transparent); padding: 0.8rem; overflow-x: auto; border-radius: 6px; font-size: 0.85rem; }
`;
