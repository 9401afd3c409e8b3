import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runBin, type Outcome } from "./cli-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-report-"));

async function neglab(args: string[]): Promise<Outcome> {
  return runBin(args, process.cwd(), { XDG_CACHE_HOME: join(dir, "cache"), NEGLAB_DATA: join(dir, "data") });
}

// A planted corpus: 20 groups of 4 words ("aaa", "aae", "aai", "aau", "bba", …); each line holds the words of one group,
// so a trained model puts group mates together, and an analogy a:b :: c:? (a, b from one group, c, d from another)
// is answered by a group mate of c.
const groups = Array.from({ length: 20 }, (_, g) =>
  ["a", "e", "i", "u"].map((v) => `${String.fromCharCode(97 + g).repeat(2)}${v}`),
);
const lines: string[] = [];
for (let i = 0; i < 4000; i++) {
  // Groups 0–4 get a third of the lines on top of their share, so counts differ and unigram^0.75 is not uniform.
  const group = groups[i % 3 === 0 ? i % 5 : i % 20];
  // Every line holds all four words of its group, in a rotating order.
  lines.push(Array.from({ length: 6 }, (_, j) => group[(j * (1 + 2 * (i % 2)) + Math.floor(i / 20)) % 4]).join(" "));
}
const pairs: string[] = [];
groups.forEach((g, i) => {
  pairs.push(`${g[0]}\t${g[1]}\t9`, `${g[2]}\t${g[3]}\t8`);
  pairs.push(`${g[0]}\t${groups[(i + 1) % 20][1]}\t1`, `${g[2]}\t${groups[(i + 7) % 20][3]}\t2`);
});
const questions = [": planted"];
groups.forEach((g, i) => groups.forEach((h, j) => i !== j && questions.push(`${g[0]} ${g[1]} ${h[0]} ${h[1]}`)));

const run = join(dir, "run");
let first: Outcome;

beforeAll(async () => {
  writeFileSync(join(dir, "corpus.txt"), `${lines.join("\n")}\n`);
  mkdirSync(join(dir, "data"));
  writeFileSync(join(dir, "data", "pairs.tsv"), `${pairs.join("\n")}\n`);
  writeFileSync(join(dir, "data", "questions.txt"), `${questions.join("\n")}\n`);
  const definition = {
    name: "planted",
    corpus: { source: "corpus.txt" },
    train: { architecture: "skipgram", vectorSize: 16, window: 3, epochs: 2, workers: 1, minCount: 1, sample: 0 },
    strategies: [
      { name: "unigram", sampler: { type: "unigram", alpha: 0.75 } },
      { name: "uniform", sampler: { type: "uniform" } },
      // Planted loser: a learning rate so small that the vectors barely move from their random start.
      { name: "frozen", sampler: { type: "unigram", alpha: 0.75 }, train: { alpha: 1e-6, minAlpha: 1e-6 } },
    ],
    seeds: [1, 2],
    benchmarks: [
      { name: "pairs", type: "similarity", path: "pairs.tsv" },
      { name: "groups", type: "analogy", path: "questions.txt", options: { caseInsensitive: false } },
    ],
    baseline: "unigram",
    report: { probes: ["aaa", "ttu", "not-a-word"] },
  };
  writeFileSync(join(dir, "planted.json"), JSON.stringify(definition));
  first = await neglab(["run", join(dir, "planted.json"), "--out", run]);
});

/** The cells of a Markdown table row whose first cell is `first` (a leading "* " marks the best). */
function row(markdown: string, heading: string, first: string): string[] {
  const section = markdown.split("\n## ").find((s) => s.startsWith(heading));
  const line = section?.split("\n").find((l) => l.startsWith(`| ${first} |`) || l.startsWith(`| * ${first} |`));
  expect(line, `${heading}: no row ${first}`).toBeDefined();
  return line!.split(" | ").map((c) => c.replace(/^\| |\s\|$/g, ""));
}

describe("report.md on a planted comparison", () => {
  it("runs", () => expect(first.code, first.stderr).toBe(0));

  it("gives the clearly worse strategy a small Holm-adjusted p-value on both tests", () => {
    const markdown = readFileSync(join(run, "report.md"), "utf8");
    for (const heading of ["pairs — spearman", "groups — accuracy"]) {
      const frozen = row(markdown, heading, "frozen");
      expect(Number(frozen[3])).toBeLessThan(-0.1); // Δ vs unigram
      const [holm, raw] = /^(\S+) \(raw (\S+)\)$/.exec(frozen[4])!.slice(1).map(Number);
      expect(holm).toBeLessThan(0.01);
      expect(holm).toBeGreaterThanOrEqual(raw);
      expect(row(markdown, heading, "unigram")[3]).toBe("baseline");
    }
    expect(markdown).toContain("p: exact McNemar test on per-question correctness");
    expect(markdown).toContain("p: paired bootstrap of the Spearman difference averaged over matched seeds");
    // Holm over two comparisons: the smaller p is doubled.
    const summary = JSON.parse(readFileSync(join(run, "summary.json"), "utf8"));
    const accuracy = summary.tables.find((t: { metric: string }) => t.metric === "accuracy");
    const [uniform, frozen] = ["uniform", "frozen"].map(
      (s) => accuracy.rows.find((r: { strategy: string }) => r.strategy === s).comparison,
    );
    const smaller = Math.min(uniform.p, frozen.p);
    expect(Math.min(uniform.pHolm, frozen.pHolm)).toBeCloseTo(Math.min(1, 2 * smaller), 12);
    // McNemar pools both seeds: 380 questions each.
    expect(frozen.items).toBe(760);
  });

  it("shows the sampler diagnostics with their exact values for the uniform sampler", () => {
    const markdown = readFileSync(join(run, "report.md"), "utf8");
    const uniform = row(markdown, "sampler diagnostics", "uniform");
    // 80 words: H = log2 80 = 6.32 bits; perplexity 80; top 10 of 80 words ≈ 12.5% of draws;
    // skip collisions: k · (1 − 1/80) = 5 · 0.9875 = 4.9375 negatives per positive.
    expect(uniform[1]).toBe("6.32");
    expect(uniform[2]).toBe("80");
    expect(Number(uniform[3].split(" / ")[0].replace("%", ""))).toBeCloseTo(12.5, 0);
    expect(uniform[3].split(" / ")[1]).toBe("100.0%");
    expect(uniform[4]).toBe("skip");
    expect(uniform[5]).toBe("4.938");
    // unigram^0.75 puts more mass on the frequent groups: lower entropy, more draws from the top 10.
    const unigram = row(markdown, "sampler diagnostics", "unigram");
    expect(Number(unigram[1])).toBeLessThan(6.32);
    expect(Number(unigram[3].split(" / ")[0].replace("%", ""))).toBeGreaterThan(15);
  });

  it("lists the analogy section with its question count, and the probe neighbours", () => {
    const markdown = readFileSync(join(run, "report.md"), "utf8");
    expect(markdown).toMatch(/\| groups \| planted \| unigram \| [\d.]+ \| [\d.]+ \/ 380 \/ 380 \|/);
    const neighbours = row(markdown, "nearest neighbours", "aaa");
    // The group mates of "aaa" are its nearest neighbours in the trained model.
    expect(
      neighbours[2]
        .split(", ")
        .slice(0, 3)
        .map((n) => n.split(" ")[0])
        .sort(),
    ).toEqual(["aae", "aai", "aau"]);
    expect(markdown).not.toContain("not-a-word");
  });

  it("writes a self-contained report.html", () => {
    const html = readFileSync(join(run, "report.html"), "utf8");
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain("frozen");
  });
});

describe("neglab report <run-dir>", () => {
  it("re-renders every report file from the cells without training", async () => {
    const markdown = readFileSync(join(run, "report.md"), "utf8");
    const summary = readFileSync(join(run, "summary.json"), "utf8");
    for (const f of ["report.md", "report.html", "summary.json", "results.csv"]) rmSync(join(run, f));
    const result = await neglab(["report", run]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/epoch/);
    expect(readFileSync(join(run, "report.md"), "utf8")).toBe(markdown);
    expect(readFileSync(join(run, "summary.json"), "utf8")).toBe(summary);
    expect(existsSync(join(run, "report.html"))).toBe(true);
    expect(existsSync(join(run, "results.csv"))).toBe(true);
  });

  it("skips report.html with --no-html, and names a directory that is not a run", async () => {
    rmSync(join(run, "report.html"));
    expect((await neglab(["report", run, "--no-html"])).code).toBe(0);
    expect(existsSync(join(run, "report.html"))).toBe(false);
    const notRun = await neglab(["report", dir]);
    expect(notRun.code).toBe(1);
    expect(notRun.stderr).toMatch(/no config\.json; is this a run directory/);
  });
});
