/**
 * Progress reporting for long work: a single self-updating line on a terminal,
 * plain log lines (at most one every few seconds) when stderr is not a TTY or in CI.
 */
export interface ProgressLine {
  /** Shows `message` (rate-limited when not on a terminal). */
  update(message: string): void;
  /** Finishes the line with a final message. */
  done(message: string): void;
}

/** A {@link ProgressLine} on `stream` (default stderr). */
export function progressLine(stream: NodeJS.WriteStream = process.stderr, intervalMs = 5000): ProgressLine {
  const live = Boolean(stream.isTTY) && !process.env.CI;
  let last = 0;
  return {
    update(message) {
      const now = Date.now();
      if (live) {
        stream.write(`\r\x1b[2K${message}`);
      } else if (now - last >= intervalMs) {
        stream.write(`${message}\n`);
        last = now;
      }
    },
    done(message) {
      stream.write(live ? `\r\x1b[2K${message}\n` : `${message}\n`);
    },
  };
}
