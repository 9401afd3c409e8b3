import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../dist/report/render.js";
import { buildVerdict, type Verdict } from "../dist/report/verdict.js";
import { displayWidth, renderVerdictTerminal, wrapText } from "../dist/report/verdict-render.js";
import { terminalColumns } from "../dist/terminal.js";
import { DEFAULT_PLANT, plantedSummary, type Plant } from "./verdict-fixture.js";

const summary = plantedSummary();
const verdict = buildVerdict(summary);
const files = {
  dir: "/tmp/neglab-runs/default",
  names: ["report.html", "report.md", "results.csv", "summary.json", "config.json"],
};
const lines = (text: string) => text.split("\n");
const widest = (text: string) => Math.max(...lines(text).map(displayWidth));
/** The table's row of `strategy` (its cells between the │ borders). */
const tableRow = (text: string, strategy: string) =>
  lines(text)
    .find((l) => l.startsWith(`│ ${strategy} `))
    ?.split("│")
    .map((c) => c.trim())
    .slice(1, -1);
/** The verdict sentence about `benchmark`. */
const sentence = (v: Verdict, benchmark: string) => v.sentences.find((s) => s.startsWith(`On ${benchmark}, `)) ?? "";

describe("the terminal summary of the default experiment (planted results)", () => {
  for (const columns of [80, 120]) {
    it(`fits ${columns} columns in at most 40 lines, every strategy and benchmark in one table`, () => {
      const text = renderVerdictTerminal(verdict, columns, files);
      expect(widest(text)).toBeLessThanOrEqual(columns);
      expect(lines(text).length).toBeLessThanOrEqual(40);
      // one table: one top border
      expect(lines(text).filter((l) => l.startsWith("┌")).length).toBe(1);
      for (const s of DEFAULT_PLANT.strategies) expect(tableRow(text, s.name), s.name).toHaveLength(4);
      for (const b of ["analogy", "wordsim353", "simlex999"]) expect(text).toContain(b);
      expect(text).toContain("report: /tmp/neglab-runs/default/report.html");
      expect(text).toContain("--details");
    });
  }

  it("shows the CI half-widths at 120 columns and drops them (not the differences) at 80", () => {
    const wide = tableRow(renderVerdictTerminal(verdict, 120, files), "uniform")!;
    const narrow = tableRow(renderVerdictTerminal(verdict, 80, files), "uniform")!;
    expect(wide[1]).toMatch(/^\d+\.\d% +±\d+\.\d -\d+\.\d\*\*\*$/);
    expect(narrow[1]).toMatch(/^\d+\.\d% +-\d+\.\d\*\*\*$/);
    // the planted difference, in points, with the summary's own figure
    const diff = summary.tables
      .find((t) => t.benchmark === "analogy")!
      .rows.find((r) => r.strategy === "uniform")!.diffToBaseline;
    expect(narrow[1]).toContain((100 * diff).toFixed(1));
    // the best mean carries ^, the baseline no difference
    expect(tableRow(renderVerdictTerminal(verdict, 80, files), "unigram-1")![1]).toMatch(/^\d+\.\d%\^/);
    expect(tableRow(renderVerdictTerminal(verdict, 80, files), "unigram-0.75")![1]).toMatch(/^\d+\.\d%$/);
  });

  it("states the verdict: the best per benchmark, what is significant after Holm, the effect sizes", () => {
    const analogy = summary.tables.find((t) => t.benchmark === "analogy")!.rows;
    const points = (name: string) =>
      Math.abs(100 * analogy.find((r) => r.strategy === name)!.diffToBaseline).toFixed(1);
    expect(sentence(verdict, "analogy")).toMatch(
      new RegExp(
        `^On analogy, unigram-1 is best \\(\\d+\\.\\d%\\); it beats the baseline unigram-0\\.75 by ${points("unigram-1")} points \\(p < 0\\.001, Holm\\)`,
      ),
    );
    expect(sentence(verdict, "analogy")).toContain(
      `significantly below the baseline: uniform (-${points("uniform")} points, p < 0.001, Holm)`,
    );
    expect(sentence(verdict, "analogy")).toMatch(
      /no significant difference from the baseline for domain-religion \(\+0\.0 points, p = 1\.00, Holm\)/,
    );
    expect(sentence(verdict, "wordsim353")).toMatch(
      /^On wordsim353, unigram-0\.75 \(the baseline\) is best \(ρ = 0\.\d{3}\); it beats uniform by 0\.\d{3} \(p = 0\.\d+, Holm\)/,
    );
    expect(sentence(verdict, "simlex999")).toMatch(
      /^On simlex999, \S+ is best .*(is not significant|no significant difference)/,
    );
    expect(sentence(verdict, "simlex999")).not.toMatch(/beats|significantly/);
    expect(verdict.speed).toBe(
      "Training speed (words/s, mean over seeds): unigram-0.75 256,020, uniform 267,240, unigram-1 253,980, domain-religion 193,800.",
    );
  });

  it("names whichever strategy the results make best, and says when nothing differs", () => {
    const uniformWins: Plant = {
      ...DEFAULT_PLANT,
      strategies: DEFAULT_PLANT.strategies.map((s) => (s.name === "uniform" ? { ...s, up: 120, down: 0 } : s)),
    };
    expect(sentence(buildVerdict(plantedSummary(uniformWins)), "analogy")).toMatch(
      /^On analogy, uniform is best \(\d+\.\d%\); it beats the baseline unigram-0\.75 by/,
    );
    const tie: Plant = {
      ...DEFAULT_PLANT,
      strategies: DEFAULT_PLANT.strategies.map((s, i) => ({ ...s, up: i === 0 ? 0 : 3, down: i === 0 ? 0 : 3 })),
    };
    const even = sentence(buildVerdict(plantedSummary(tie)), "analogy");
    expect(even).toMatch(/no significant difference from the baseline for/);
    expect(even).not.toMatch(/beats|significantly/);
  });
});

describe("the terminal summary degrades gracefully", () => {
  // Seven benchmarks and long strategy names: wider than 80 columns even without CI half-widths.
  const many: Plant = {
    ...DEFAULT_PLANT,
    similarity: ["wordsim353-relatedness", "simlex999", "men-3k", "rare-words-stanford", "simverb-3500", "mturk-771"],
    strategies: DEFAULT_PLANT.strategies.map((s) => ({
      ...s,
      name: `${s.name}-with-a-long-descriptive-name`,
      noise: { ...s.noise, men: 1 },
    })),
  };
  const wide = buildVerdict(plantedSummary(many));

  it("splits into stacked tables that each fit, every benchmark still shown", () => {
    for (const columns of [80, 120]) {
      const text = renderVerdictTerminal(wide, columns, files);
      expect(widest(text), `${columns} columns`).toBeLessThanOrEqual(columns);
      expect(lines(text).filter((l) => l.startsWith("┌")).length).toBeGreaterThan(1);
      for (const b of ["analogy", "simlex999", "men-3k", "simverb-3500", "mturk-771"]) expect(text).toContain(b);
      // the half-widths go before the table is split
      expect(text).not.toContain("±");
    }
    // fewer stacked tables on the wider terminal
    const tables = (columns: number) =>
      lines(renderVerdictTerminal(wide, columns, files)).filter((l) => l.startsWith("┌")).length;
    expect(tables(120)).toBeLessThan(tables(80));
  });

  it("shows it all in one table, half-widths included, on a terminal wide enough", () => {
    const text = renderVerdictTerminal(wide, 250, files);
    expect(lines(text).filter((l) => l.startsWith("┌")).length).toBe(1);
    expect(text).toContain("±");
    expect(widest(text)).toBeLessThanOrEqual(250);
  });

  it("keeps every line within a very narrow terminal, long paths included", () => {
    const text = renderVerdictTerminal(wide, 40, { dir: `/tmp/${"deep/".repeat(20)}run`, names: ["report.md"] });
    expect(widest(text)).toBeLessThanOrEqual(40);
  });

  it("measures lines without colour codes", () => {
    expect(displayWidth("\x1b[31mstrategy\x1b[39m ±0.4")).toBe(13);
  });

  it("never breaks a p-value across lines", () => {
    for (let width = 20; width <= 60; width++) {
      for (const line of wrapText(verdict.sentences.join(" "), width)) {
        expect(line.length).toBeLessThanOrEqual(width);
        expect(line).not.toMatch(/(^|\s)p$|<$|^< |^=/);
      }
    }
  });
});

describe("report.md", () => {
  it("opens with the same summary: the table with CI half-widths and the verdict sentences", () => {
    const markdown = renderMarkdown(summary, verdict, {});
    const top = markdown.indexOf("## Summary");
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(markdown.indexOf("## analogy — accuracy"));
    expect(markdown).toMatch(/\| unigram-1 \| \d+\.\d%\\\^ ±\d+\.\d \+\d+\.\d\\\*\\\*\\\* \|/);
    for (const s of verdict.sentences)
      expect(markdown).toContain(`- ${s.replaceAll("*", "\\*").replaceAll("^", "\\^")}`);
  });
});

describe("terminalColumns", () => {
  it("reads the terminal, else COLUMNS, else 100", () => {
    expect(terminalColumns({ isTTY: true, columns: 132 }, { COLUMNS: "80" })).toBe(132);
    expect(terminalColumns({ isTTY: false, columns: 132 }, { COLUMNS: "80" })).toBe(80);
    expect(terminalColumns({}, { COLUMNS: " 72 " })).toBe(72);
    for (const bad of ["", "abc", "0", "-5", "80x", "1e2"])
      expect(terminalColumns({}, { COLUMNS: bad }), bad).toBe(100);
    expect(terminalColumns({}, {})).toBe(100);
  });
});

describe("terminal columns of wide characters", () => {
  it("counts a CJK character as two columns and wraps sentences by columns, not code points", () => {
    expect(displayWidth("语料")).toBe(4);
    const sentence = "On analogy, 语料-负采样-策略 is best (7.4%); it beats the baseline by 4.2 points.";
    for (const width of [20, 30]) {
      const lines = wrapText(sentence, width);
      expect(lines.join(" ")).toBe(sentence);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
    // a word wider than the line is cut between characters, never past the width
    for (const line of wrapText("语".repeat(15), 10)) expect(displayWidth(line)).toBeLessThanOrEqual(10);
  });
});
