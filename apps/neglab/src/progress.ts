/**
 * Progress reporting for long work. On a terminal: self-updating lines — one
 * for simple jobs ({@link progressLine}), two bars for an experiment grid
 * ({@link gridProgress}: the grid, and the cell being trained). When the stream
 * is not a TTY, `CI` is set, or `NO_COLOR` asks for output without ANSI codes
 * (redrawing needs cursor codes): plain log lines, progress at most one every few seconds.
 *
 * Progress lines are fitted to the terminal's width in columns
 * ({@link displayWidth}: a CJK character or an emoji takes 2, a combining mark
 * 0), from {@link terminalColumns}: the stream's `columns` on a terminal, else
 * `COLUMNS`, else 100. A redrawn line is cut one column short of the width, as
 * a line that fills the last column wraps on some terminals and the redraw's
 * cursor moves would then miss it; a plain progress line too wide for the
 * width is split into two lines, each cut to the width; control characters in
 * a progress line are shown as spaces. Messages that stay
 * (a finished cell, a final `done`) are written whole: they are not redrawn,
 * so wrapping does no harm, and nothing of them is lost.
 */
import { cutToWidth, displayWidth } from "./display-width.js";
import { ansiAllowed, terminalColumns } from "./terminal.js";

/** Where progress is written: stderr, or any object with `write` (tests pass a fake). */
export interface ProgressStream {
  write(text: string): unknown;
  /** True on a terminal; live redrawing is used only then. */
  readonly isTTY?: boolean;
  /** Terminal width, used when {@link isTTY} (see {@link terminalColumns}); progress lines are fitted to it. */
  readonly columns?: number;
}

/** How progress is shown, for tests and callers that know better than the stream. */
export interface ProgressOptions {
  /** Redraw in place (default: {@link isLive}). */
  readonly live?: boolean;
  /** Minimum milliseconds between plain progress lines when not live. Default 5000. */
  readonly intervalMs?: number;
  /** The clock, in milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/** Whether to redraw in place on `stream`: a terminal that accepts ANSI codes ({@link ansiAllowed}), and not in CI. */
export function isLive(stream: ProgressStream, options: ProgressOptions = {}): boolean {
  return options.live ?? (ansiAllowed(stream) && !process.env.CI);
}

// ANSI: clear the whole line; move the cursor up n lines.
const CLEAR_LINE = "\x1b[2K";
const up = (n: number) => (n > 0 ? `\x1b[${n}A` : "");

/** A single progress message line. */
export interface ProgressLine {
  /** Shows `message` (rate-limited when not on a terminal). */
  update(message: string): void;
  /** Finishes the line with a final message. */
  done(message: string): void;
}

/** A {@link ProgressLine} on `stream` (default stderr). */
export function progressLine(
  stream: ProgressStream = process.stderr,
  intervalMs = 5000,
  options: ProgressOptions = {},
): ProgressLine {
  const live = isLive(stream, options);
  const now = options.now ?? Date.now;
  let last = -Infinity;
  return {
    update(message) {
      if (live) {
        stream.write(`\r${CLEAR_LINE}${fitLive(message, stream)}`);
      } else if (now() - last >= intervalMs) {
        stream.write(`${fitPlain(message, terminalColumns(stream))}\n`);
        last = now();
      }
    },
    done(message) {
      stream.write(live ? `\r${CLEAR_LINE}${message}\n` : `${message}\n`);
    },
  };
}

/**
 * Training progress of one cell: the fields of the trainer's `TrainProgress`
 * that the bar shows (a `TrainProgress` can be passed as it is).
 */
export interface TrainingStatus {
  /** 0-based current epoch. */
  readonly epoch: number;
  readonly epochs: number;
  /** Fraction of all epochs' words processed, in [0, 1]. */
  readonly progress: number;
  readonly wordsPerSecond: number;
  /** Estimated seconds left in this training. */
  readonly etaSeconds: number;
  /** Current learning rate α. */
  readonly alpha: number;
}

/** Where a grid stands, as {@link gridBar} draws it. */
export interface GridStatus {
  readonly total: number;
  /** Cells taken from the cache. */
  readonly cached: number;
  /** Cells trained in this run. */
  readonly trained: number;
  /** Estimated seconds until the grid is done, or null before anything can be estimated. */
  readonly etaSeconds: number | null;
}

/** Progress of an experiment grid: a bar for the cells, and one for the cell being trained. */
export interface GridProgress {
  /** A message that stays (e.g. the corpus that was read); the bars are redrawn below it. */
  log(message: string): void;
  /** Cell `label` was found in the cache. */
  cached(label: string): void;
  /** Cell `label` starts training. */
  start(label: string): void;
  /** Training progress of the current cell. */
  training(status: TrainingStatus): void;
  /** The current cell finished training in `seconds`; `detail` is appended to its log line. */
  trained(seconds: number, detail?: string): void;
  /** Removes the bars (call once at the end, or on failure). */
  close(): void;
}

/**
 * A {@link GridProgress} for `total` cells on `stream` (default stderr). Live:
 * two bars redrawn in place, finished cells logged above them. Otherwise: one
 * line per finished cell and training progress lines at most every `intervalMs`.
 *
 * The grid's ETA assumes every remaining cell needs training and takes as long
 * as the mean trained cell so far (or, before one has finished, as the current
 * cell's elapsed time plus its own ETA).
 */
export function gridProgress(
  total: number,
  stream: ProgressStream = process.stderr,
  options: ProgressOptions = {},
): GridProgress {
  const live = isLive(stream, options);
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 5000;
  let cached = 0;
  let trained = 0;
  let trainedSeconds = 0;
  let current: { label: string; startedAt: number; status: TrainingStatus | null } | null = null;
  let drawn = 0; // lines of bars on screen (live only)
  let lastPlain = -Infinity;

  const gridEta = (): number | null => {
    const remaining = total - cached - trained;
    if (remaining <= 0) return 0;
    const elapsed = current ? (now() - current.startedAt) / 1000 : 0;
    const currentLeft = current?.status ? current.status.etaSeconds : null;
    const perCell = trained > 0 ? trainedSeconds / trained : currentLeft !== null ? elapsed + currentLeft : null;
    if (perCell === null) return null;
    // The current cell counts with what it has left; the others with a whole cell each.
    return current && currentLeft !== null ? currentLeft + (remaining - 1) * perCell : remaining * perCell;
  };
  const lines = (): string[] => {
    const grid = gridBar({ total, cached, trained, etaSeconds: gridEta() });
    return current ? [grid, trainingBar(current.label, current.status)] : [grid];
  };
  // Live: move to the top of the bars, clear them, write `above` (lines that stay), then the bars again.
  const redraw = (above = "") => {
    const bars = lines().map((line) => `${CLEAR_LINE}${fitLive(line, stream)}`);
    const clearOld = drawn > 0 ? `${up(drawn - 1)}\r${CLEAR_LINE}` : "";
    stream.write(`${clearOld}${above}${bars.join("\n")}`);
    drawn = bars.length;
  };
  const say = (message: string) => {
    if (live) redraw(`${message}\n`);
    else stream.write(`${message}\n`);
  };

  return {
    log: say,
    cached(label) {
      cached += 1;
      say(`${label}: cached`);
    },
    start(label) {
      current = { label, startedAt: now(), status: null };
      if (live) redraw();
    },
    training(status) {
      if (!current) return;
      current.status = status;
      if (live) {
        redraw();
      } else if (now() - lastPlain >= intervalMs) {
        lastPlain = now();
        stream.write(
          plainProgress(
            trainingText(current.label, status),
            gridText({ total, cached, trained, etaSeconds: gridEta() }),
            terminalColumns(stream),
          ),
        );
      }
    },
    trained(seconds, detail) {
      const label = current?.label ?? "cell";
      current = null;
      trained += 1;
      trainedSeconds += seconds;
      say(`${label}: trained in ${seconds.toFixed(1)} s${detail ? ` ${detail}` : ""}`);
    },
    close() {
      if (live && drawn > 0) {
        // Clear the bars from the bottom up, leaving the cursor where they began.
        stream.write(`\r${CLEAR_LINE}${`${up(1)}${CLEAR_LINE}`.repeat(drawn - 1)}`);
      }
      drawn = 0;
    },
  };
}

/** Width of the bars in characters. */
const BAR_WIDTH = 24;

/** A text bar of `width` cells for a fraction in [0, 1]: `█` done, `░` to do. */
export function bar(fraction: number, width = BAR_WIDTH): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
}

/** The grid bar: `grid [███░░…] 7/30 cells (4 cached, 3 trained) ETA 2m10s`. */
export function gridBar(status: GridStatus): string {
  const done = status.cached + status.trained;
  return `grid     ${bar(status.total > 0 ? done / status.total : 1)} ${gridText(status)}`;
}

/** The training bar: `<label> [███░░…] 43% epoch 2/5 412,345 words/s ETA 37s α 0.0143`. */
export function trainingBar(label: string, status: TrainingStatus | null): string {
  if (status === null) return `training ${bar(0)} ${label}: starting`;
  return `training ${bar(status.progress)} ${trainingText(label, status)}`;
}

function gridText(status: GridStatus): string {
  const done = status.cached + status.trained;
  const eta = status.etaSeconds === null ? "" : ` ETA ${duration(status.etaSeconds)}`;
  return `${done}/${status.total} cells (${status.cached} cached, ${status.trained} trained)${eta}`;
}

function trainingText(label: string, status: TrainingStatus): string {
  const rate = Math.round(status.wordsPerSecond).toLocaleString("en");
  return (
    `${label}: ${(100 * status.progress).toFixed(0)}% epoch ${status.epoch + 1}/${status.epochs} ` +
    `${rate} words/s ETA ${duration(status.etaSeconds)} α ${status.alpha.toPrecision(3)}`
  );
}

/** Seconds as `37s`, `2m10s` or `1h05m`. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/**
 * `line` as one line of at most `columns`: control characters (a line break in
 * a strategy's name) become spaces, as a terminal would move the cursor for
 * them and the line would no longer be one row; then it is cut to `columns`.
 */
function fitPlain(line: string, columns: number): string {
  return cutToWidth(line.replace(/\p{Cc}/gu, " "), columns);
}

/** {@link fitPlain} to one column less than the terminal's width, so a redrawn line never wraps. */
function fitLive(line: string, stream: ProgressStream): string {
  return fitPlain(line, terminalColumns(stream) - 1);
}

/**
 * A plain progress line, `<training> | <grid>`, when it fits in `columns`;
 * else the two parts on lines of their own (the grid's marked `grid`), each
 * cut to `columns`.
 */
function plainProgress(training: string, grid: string, columns: number): string {
  const line = fitPlain(`${training} | ${grid}`, Infinity);
  if (displayWidth(line) <= columns) return `${line}\n`;
  return `${fitPlain(training, columns)}\n${fitPlain(`grid ${grid}`, columns)}\n`;
}
