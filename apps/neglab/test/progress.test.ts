import { afterEach, describe, expect, it } from "vitest";
import { cutToWidth, displayWidth } from "../src/display-width.js";
import {
  bar,
  duration,
  gridBar,
  gridProgress,
  progressLine,
  trainingBar,
  type TrainingStatus,
} from "../src/progress.js";

/** A fake output stream that records what is written. */
function fakeStream(isTTY: boolean, columns = 120) {
  const writes: string[] = [];
  return { isTTY, columns, writes, write: (text: string) => writes.push(text), text: () => writes.join("") };
}

/**
 * What a terminal would show after `output`: a minimal emulator of the codes
 * the progress module writes (\r, \n, ESC[2K clear line, ESC[nA cursor up).
 */
function screen(output: string): string[] {
  const rows: string[] = [""];
  let row = 0;
  let col = 0;
  for (let i = 0; i < output.length; i++) {
    const c = output[i];
    if (c === "\x1b") {
      const m = /^\[(\d*)([AK])/.exec(output.slice(i + 1));
      if (!m) throw new Error(`unexpected escape at ${i}`);
      if (m[2] === "A") row = Math.max(0, row - Number(m[1] || 1));
      else rows[row] = ""; // ESC[2K
      i += m[0].length;
    } else if (c === "\r") {
      col = 0;
    } else if (c === "\n") {
      row += 1;
      col = 0;
      if (rows.length <= row) rows.push("");
    } else {
      const line = rows[row].padEnd(col);
      rows[row] = line.slice(0, col) + c + line.slice(col + 1);
      col += 1;
    }
  }
  return rows;
}

const status = (progress: number, etaSeconds: number): TrainingStatus => ({
  epoch: Math.floor(progress * 5),
  epochs: 5,
  progress,
  wordsPerSecond: 412_345.4,
  etaSeconds,
  alpha: 0.0143,
});

/** The screen after a live grid of `total` cells starts training `label` on a terminal `columns` wide. */
function trainingScreen(columns: number, label: string, total = 2): string[] {
  delete process.env.CI;
  const out = fakeStream(true, columns);
  const progress = gridProgress(total, out);
  progress.start(label);
  progress.training(status(0.5, 20));
  return screen(out.text());
}

const saved = { CI: process.env.CI, COLUMNS: process.env.COLUMNS };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("bar rendering", () => {
  it("draws fractions, grid and training lines", () => {
    expect(bar(0.5, 10)).toBe("█████░░░░░");
    expect(bar(1.7, 4)).toBe("████");
    expect(bar(-1, 4)).toBe("░░░░");
    expect(gridBar({ total: 30, cached: 4, trained: 3, etaSeconds: 130 })).toBe(
      `grid     ${bar(7 / 30)} 7/30 cells (4 cached, 3 trained) ETA 2m10s`,
    );
    expect(gridBar({ total: 3, cached: 0, trained: 0, etaSeconds: null })).toBe(
      `grid     ${bar(0)} 0/3 cells (0 cached, 0 trained)`,
    );
    expect(trainingBar("b seed 1", status(0.43, 37))).toBe(
      `training ${bar(0.43)} b seed 1: 43% epoch 3/5 412,345 words/s ETA 37s α 0.0143`,
    );
    expect(trainingBar("b seed 1", null)).toBe(`training ${bar(0)} b seed 1: starting`);
  });

  it("formats durations", () => {
    expect([duration(0), duration(59.4), duration(61), duration(3725), duration(Number.NaN)]).toEqual([
      "0s",
      "59s",
      "1m01s",
      "1h02m",
      "?",
    ]);
  });
});

describe("gridProgress on a terminal", () => {
  it("shows the grid bar and the training bar below the finished cells", () => {
    delete process.env.CI;
    const out = fakeStream(true);
    let clock = 0;
    const progress = gridProgress(3, out, { now: () => clock });
    const logged = ["corpus brown: 1,000 words", "[1/3] uniform seed 0: cached"];
    progress.log("corpus brown: 1,000 words");
    progress.cached("[1/3] uniform seed 0");
    expect(screen(out.text())).toEqual([...logged, gridBar({ total: 3, cached: 1, trained: 0, etaSeconds: null })]);

    progress.start("[2/3] unigram seed 0");
    clock = 10_000;
    progress.training(status(0.25, 30));
    // Grid ETA before any cell finished: this cell's 30 s left + one more cell of 10 + 30 s.
    const firstBars = [
      gridBar({ total: 3, cached: 1, trained: 0, etaSeconds: 70 }),
      trainingBar("[2/3] unigram seed 0", status(0.25, 30)),
    ];
    expect(screen(out.text())).toEqual([...logged, ...firstBars]);

    progress.trained(40, "(key abc)");
    logged.push("[2/3] unigram seed 0: trained in 40.0 s (key abc)");
    progress.start("[3/3] unigram seed 1");
    clock = 60_000;
    progress.training(status(0.5, 20));
    // After one trained cell of 40 s, only the current cell's 20 s remain.
    const secondBars = [
      gridBar({ total: 3, cached: 1, trained: 1, etaSeconds: 20 }),
      trainingBar("[3/3] unigram seed 1", status(0.5, 20)),
    ];
    expect(screen(out.text())).toEqual([...logged, ...secondBars]);

    progress.trained(41);
    logged.push("[3/3] unigram seed 1: trained in 41.0 s");
    progress.close();
    const final = screen(out.text());
    expect(final.slice(0, logged.length)).toEqual(logged);
    expect(final.slice(logged.length).every((line) => line === "")).toBe(true); // the bars are gone
  });

  it("cuts lines to the terminal width so a redraw never wraps", () => {
    for (const line of trainingScreen(40, "a rather long strategy name that goes on and on, seed 12"))
      expect(displayWidth(line)).toBeLessThanOrEqual(39);
  });

  it("fits lines holding wide characters to the terminal's columns, not its code points", () => {
    const label = "[1/2] 负采样策略 😀 seed 0 on 中文维基百科语料";
    const rows = trainingScreen(50, label);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(49);
    // Cut in columns: as many code points as fit would be far too wide.
    expect(rows[1]).toBe(cutToWidth(trainingBar(label, status(0.5, 20)), 49));
    expect(displayWidth(rows[1])).toBe(49);

    const line = fakeStream(true, 30);
    progressLine(line).update("counting 語料庫コーパス: 1,234,567 words");
    expect(screen(line.text())).toEqual(["counting 語料庫コーパス: 1,2…"]);
  });
});

describe("gridProgress without a terminal", () => {
  it("writes plain log lines, training progress at most once per interval", () => {
    process.env.COLUMNS = "120";
    const out = fakeStream(false);
    let clock = 0;
    const progress = gridProgress(2, out, { now: () => clock, intervalMs: 5000 });
    progress.cached("[1/2] a seed 0");
    progress.start("[2/2] b seed 0");
    progress.training(status(0.1, 90)); // shown: first progress
    clock = 1000;
    progress.training(status(0.2, 80)); // dropped: within the interval
    clock = 6000;
    progress.training(status(0.3, 70)); // shown
    progress.trained(100);
    progress.close();
    expect(out.text()).not.toContain("\x1b");
    expect(out.text().split("\n")).toEqual([
      "[1/2] a seed 0: cached",
      `${trainingBar("[2/2] b seed 0", status(0.1, 90)).replace(/^training \S+ /, "")} | 1/2 cells (1 cached, 0 trained) ETA 1m30s`,
      `${trainingBar("[2/2] b seed 0", status(0.3, 70)).replace(/^training \S+ /, "")} | 1/2 cells (1 cached, 0 trained) ETA 1m10s`,
      "[2/2] b seed 0: trained in 100.0 s",
      "",
    ]);
  });

  it("splits a plain progress line too wide for COLUMNS in two, each fitted", () => {
    process.env.COLUMNS = "72";
    const out = fakeStream(false);
    const progress = gridProgress(2, out, { now: () => 0 });
    progress.start("[1/2] 负采样 seed 0");
    progress.training(status(0.1, 90));
    const lines = out.text().split("\n");
    expect(lines).toEqual([
      trainingBar("[1/2] 负采样 seed 0", status(0.1, 90)).replace(/^training \S+ /, ""),
      "grid 0/2 cells (0 cached, 0 trained) ETA 3m00s",
      "",
    ]);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(72);
  });

  it("stays plain on a TTY when CI is set", () => {
    process.env.CI = "true";
    const out = fakeStream(true);
    const progress = gridProgress(1, out);
    progress.start("[1/1] a seed 0");
    progress.training(status(0.5, 10));
    progress.trained(20);
    expect(out.text()).not.toContain("\x1b");
    expect(out.text()).toContain("[1/1] a seed 0: trained in 20.0 s\n");
  });
});

describe("progressLine (single line)", () => {
  it("rewrites one line on a terminal and rate-limits plain lines otherwise", () => {
    delete process.env.CI;
    const tty = fakeStream(true);
    const live = progressLine(tty);
    live.update("counting 1");
    live.update("counting 2");
    live.done("counted");
    expect(screen(tty.text())).toEqual(["counted", ""]);

    const log = fakeStream(false);
    let clock = 0;
    const plain = progressLine(log, 5000, { now: () => clock });
    plain.update("counting 1");
    clock = 100;
    plain.update("counting 2");
    clock = 5100;
    plain.update("counting 3");
    plain.done("counted");
    expect(log.text()).toBe("counting 1\ncounting 3\ncounted\n");
  });

  it("shows a line break or other control character in a name as a space, keeping a progress line one row", () => {
    const rows = trainingScreen(80, "[1/1] two\nlines\rseed 0", 1);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("[1/1] two lines seed 0: 50%");

    process.env.COLUMNS = "200";
    const log = fakeStream(false);
    progressLine(log).update("reading a\nb");
    const plain = gridProgress(1, log, { now: () => 0 });
    plain.start("x\ty");
    plain.training(status(0.5, 10));
    expect(log.text().split("\n")).toEqual(["reading a b", expect.stringMatching(/^x y: 50% .* \| 0\/1 cells/), ""]);
  });

  it("uses COLUMNS when the stream is not a terminal, and 100 without it", () => {
    const out = fakeStream(false, 500); // a pipe's columns are no terminal's
    process.env.COLUMNS = "40";
    progressLine(out).update("counting 語料庫コーパス: 1,234,567 words, still counting");
    delete process.env.COLUMNS;
    progressLine(out).update(`counting: ${"語".repeat(60)}`);
    const [narrow, wide] = out.text().split("\n");
    expect(displayWidth(narrow)).toBe(40);
    expect(narrow).toBe("counting 語料庫コーパス: 1,234,567 word…");
    expect(displayWidth(wide)).toBe(99); // 10 + 44 × 2 columns, then …: the 45th 語 would need the 99th and 100th
  });
});
