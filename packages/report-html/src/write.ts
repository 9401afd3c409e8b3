import { realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import type { ReportInput } from "./input.js";
import { renderHtmlReport } from "./report.js";

/**
 * Renders the report and writes it to `path` atomically: into a temporary file
 * beside the target, renamed over it once complete, so a reader never sees half
 * a report and a failure leaves the old one and no temporary file. A symbolic
 * link is followed (its target is replaced and the link stays a link); an
 * existing path that is not a regular file (a directory, a FIFO, a device) is
 * refused, since the rename would replace it rather than write to it.
 */
export async function writeHtmlReport(path: string, input: ReportInput): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing !== null && !existing.isFile()) throw new Error(`${path}: not a regular file: refusing to replace it with the HTML report`);
  const html = await renderHtmlReport(input);
  const target = existing === null ? path : await realpath(path);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, html, { encoding: "utf8", flag: "wx" });
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new Error(`${path}: cannot write the HTML report: ${(error as Error).message.replaceAll(temporary, path)}`, { cause: error });
  }
}
