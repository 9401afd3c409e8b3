import { terminalColumns } from "../terminal.js";

/**
 * `--details` (`--verbose`) of the commands that write a report (`run`, `merge`, `report`): print the full tables
 * (per benchmark, per analogy section, sampler diagnostics, training, neighbours) before the one-screen summary.
 */
export const DETAILS_FLAG = {
  details: {
    type: "boolean",
    default: false,
    alias: "verbose",
    describe:
      "Print the full tables (per benchmark, per analogy section, sampler diagnostics, training, neighbours) before the summary",
  },
} as const;

/** `writeReport`'s terminal options: the full tables with `--details`, the summary fitted to the terminal's columns. */
export function terminalReport(details: boolean): { details: boolean; columns: number } {
  return { details, columns: terminalColumns() };
}
