import { rename, writeFile } from "node:fs/promises";
import type { ReportInput } from "./input.js";
import { renderHtmlReport } from "./report.js";

/** Renders the report and writes it to `path` atomically (temporary file, then rename). */
export async function writeHtmlReport(path: string, input: ReportInput): Promise<void> {
  const html = await renderHtmlReport(input);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, html, "utf8");
  await rename(temporary, path);
}
