import { FileWriteError, writeFileAtomically } from "@neglab/files";
import type { ReportInput } from "./input.js";
import { renderHtmlReport } from "./report.js";

/**
 * Renders the report and writes it to `path` atomically (`writeFileAtomically`
 * of @neglab/files): into a hidden temporary file beside the target, renamed
 * over it once complete, so a reader never sees half a report and a failure
 * leaves the old one and no temporary file. A symbolic link is followed (its
 * target is replaced and the link stays a link); an existing path that is not
 * a regular file (a directory, a FIFO, a device) is refused, since a report is
 * a file to open later, not a stream. Failures name `path`: `<path>: cannot
 * write the HTML report: <reason>`.
 */
export async function writeHtmlReport(path: string, input: ReportInput): Promise<void> {
  const html = await renderHtmlReport(input);
  try {
    await writeFileAtomically(path, html, { specialFiles: "refuse" });
  } catch (error) {
    if (!(error instanceof FileWriteError)) throw error;
    throw new Error(`${path}: cannot write the HTML report: ${error.reason}`, { cause: error });
  }
}
