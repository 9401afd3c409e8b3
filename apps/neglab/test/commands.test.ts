import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { listenOnLoopback, PYTHON, requirePython, sharedData } from "@neglab/testkit";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "neglab-commands-"));

/** Runs the CLI as a child process (asynchronously, so the test worker stays responsive). */
function neglab(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env: { ...process.env, CI: "1", XDG_CACHE_HOME: join(dir, "cache"), NEGLAB_DATA: join(dir, "data") },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** gensim 4.2 (Debian's /usr/bin/python3) on the same files, or null when it is not installed (in CI it must be: see `requirePython`). */
function gensim(script: string, ...args: string[]): Record<string, unknown> | null {
  if (!requirePython("gensim", "scipy")) return null;
  const out = spawnSync(PYTHON, ["-c", script, ...args], { encoding: "utf8", timeout: 120_000 });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as Record<string, unknown>;
}

// A corpus with planted structure: animals and tools never share a sentence (2,000 of each kind).
const animals = ["cat", "dog", "cow", "pig", "hen"];
const tools = ["saw", "drill", "hammer", "wrench", "file"];
const nth = (list: string[], i: number, step: number) => list[(i * step) % list.length];
const lines = Array.from({ length: 4000 }, (_, i) =>
  i % 2 === 0
    ? `the ${nth(animals, i, 1)} eats grass near the ${nth(animals, i, 3)} on the farm`
    : `a ${nth(tools, i, 7)} cuts wood beside the ${nth(tools, i, 11)} in the shop`,
);
const corpus = join(dir, "corpus.txt");
writeFileSync(corpus, `${lines.join("\n")}\n`);
mkdirSync(join(dir, "data"));
const farmPairs = join(dir, "data", "pairs.tsv");
writeFileSync(farmPairs, "cat\tdog\t9\nsaw\tdrill\t9\ncat\tsaw\t1\ndog\thammer\t1\ncow\tpig\t8\nwrench\tcow\t2\n");

/** Token counts of the corpus, computed here from the lines (whitespace split). */
function corpusCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) for (const w of line.split(" ")) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

// Hand-made vectors with planted analogies: queen − king + man = woman exactly (and its permutations).
const planted: [string, number[]][] = [
  ["king", [1, 0, 1, 0]],
  ["queen", [0, 1, 1, 0]],
  ["man", [1, 0, 0, 1]],
  ["woman", [0, 1, 0, 1]],
  ["apple", [0, 0, 0, 1]],
  ["cat", [0.2, 0.9, 0.1, 0.4]],
  ["dog", [0.3, 0.8, 0.2, 0.5]],
];
const plantedVectors = join(dir, "planted.txt");
writeFileSync(plantedVectors, `${planted.length} 4\n${planted.map(([w, v]) => `${w} ${v.join(" ")}`).join("\n")}\n`);
// Sections 1–5 are semantic, 6 syntactic. Answers: correct, correct, wrong (woman, not apple),
// an unknown word (skipped), correct, and in section 6 an upper-cased correct one plus the wrong one.
const questions = join(dir, "questions.txt");
writeFileSync(
  questions,
  [
    ": s1",
    "king queen man woman",
    ": s2",
    "man woman king queen",
    ": s3",
    "king queen man apple",
    ": s4",
    "king queen man zebra",
    ": s5",
    "king man queen woman",
    ": gram6",
    "KING QUEEN MAN WOMAN",
    "king queen man apple",
    "",
  ].join("\n"),
);
const similarityPairs = join(dir, "similarity.tsv");
const pairList: [string, string, number][] = [
  ["king", "queen", 8],
  ["king", "man", 6],
  ["man", "woman", 7],
  ["man", "apple", 2],
  ["woman", "apple", 3],
  ["cat", "dog", 9],
  ["cat", "king", 1],
  ["dog", "apple", 4],
  ["zebra", "cat", 5],
];
writeFileSync(similarityPairs, pairList.map((p) => p.join("\t")).join("\n") + "\n");

const cosine = (a: number[], b: number[]) =>
  a.reduce((s, x, i) => s + x * b[i], 0) / Math.hypot(...a) / Math.hypot(...b);
const pearsonR = (x: number[], y: number[]) => {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  const sxy = x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0);
  return sxy / Math.sqrt(x.reduce((s, v) => s + (v - mx) ** 2, 0) * y.reduce((s, v) => s + (v - my) ** 2, 0));
};
const ranks = (x: number[]) => x.map((v) => x.filter((u) => u < v).length + (x.filter((u) => u === v).length + 1) / 2);

describe("neglab train → eval", () => {
  const vectors = join(dir, "trained.txt");
  const model = join(dir, "trained.neglab");

  it("trains from flags, writes word2vec text and a model file, and is reproducible with one worker", async () => {
    const args = [
      "train",
      "--corpus",
      corpus,
      "--architecture",
      "skipgram",
      "--vector-size",
      "12",
      "--epochs",
      "2",
      "--min-count",
      "1",
      "--sample",
      "0",
      "--workers",
      "1",
      "--seed",
      "3",
      "--sampler",
      "unigram",
      "--alpha",
      "0.75",
    ];
    const result = await neglab(...args, "--out", vectors, "--model", model);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/epoch 2: loss\/word \d/);
    expect(result.stdout).toContain('"type":"unigram","alpha":0.75');
    const text = readFileSync(vectors, "utf8");
    expect(text.split("\n")[0]).toBe(`${corpusCounts().size} 12`);
    const again = join(dir, "again.txt");
    expect((await neglab(...args, "--out", again)).code).toBe(0);
    expect(readFileSync(again, "utf8")).toBe(text);
  });

  it("names hierarchical softmax as what a model without negative sampling was trained against", async () => {
    const out = join(dir, "hs.txt");
    const args = ["train", "--corpus", corpus, "--hs", "--negative", "0", "--vector-size", "8", "--epochs", "1"];
    const result = await neglab(...args, "--min-count", "1", "--workers", "2", "--out", out);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\(cbow, hierarchical softmax\) in /);
    expect(result.stdout).not.toMatch(/sampler/);
  });

  it("takes the settings from a --config file, flags overriding it (sampler options too)", async () => {
    const config = join(dir, "train.json");
    writeFileSync(
      config,
      JSON.stringify({
        corpus: "corpus.txt",
        architecture: "cbow",
        vectorSize: 8,
        epochs: 1,
        minCount: 1,
        workers: 1,
        sampler: { type: "unigram", alpha: 0.75 },
        out: "from-config.bin",
        binary: true,
      }),
    );
    const result = await neglab("train", "--config", config, "--vector-size", "6", "--alpha", "1");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('"type":"unigram","alpha":1,');
    // word2vec binary: the "V dim" header line, then one word + dim float32s per record.
    const bytes = readFileSync(join(dir, "from-config.bin"));
    expect(bytes.subarray(0, bytes.indexOf(10)).toString()).toBe(`${corpusCounts().size} 6`);
  });

  it("evaluates the trained vectors: the planted animal/tool structure, the same from the text and the model file", async () => {
    const fromText = await neglab("eval", vectors, "--similarity", farmPairs, "--json");
    const fromModel = await neglab("eval", model, "--similarity", farmPairs, "--json");
    expect(fromText.code, fromText.stderr).toBe(0);
    expect(fromModel.code, fromModel.stderr).toBe(0);
    const [t, m] = [JSON.parse(fromText.stdout), JSON.parse(fromModel.stdout)];
    expect(t.similarity[0].spearman.r).toBeGreaterThan(0.5);
    expect(m.similarity[0].spearman.r).toBeCloseTo(t.similarity[0].spearman.r, 6);
    expect(m.words).toBe(corpusCounts().size);
  });
});

describe("neglab eval", () => {
  it("scores the planted analogies per section, with totals, semantic/syntactic and OOV", async () => {
    const result = await neglab("eval", plantedVectors, "--analogy", questions, "--json");
    expect(result.code, result.stderr).toBe(0);
    const [a] = JSON.parse(result.stdout).analogy;
    expect(
      a.sections.map((s: { name: string; correct: number; total: number }) => [s.name, s.correct, s.total]),
    ).toEqual([
      ["s1", 1, 1],
      ["s2", 1, 1],
      ["s3", 0, 1],
      ["s4", 0, 0],
      ["s5", 1, 1],
      ["gram6", 1, 2],
    ]);
    expect(a.total).toMatchObject({ correct: 4, total: 6 });
    expect(a.semantic).toMatchObject({ correct: 3, total: 4 });
    expect(a.syntactic).toMatchObject({ correct: 1, total: 2 });
    expect(a).toMatchObject({ questions: 7, oov: 1, method: "3CosAdd" });
    expect(a.oovPercent).toBeCloseTo(100 / 7, 10);
  });

  it("honours --no-case-insensitive, --dummy4unknown, --restrict-vocab and --method", async () => {
    const run = async (...flags: string[]) =>
      JSON.parse((await neglab("eval", plantedVectors, "--analogy", questions, "--json", ...flags)).stdout).analogy[0];
    expect((await run("--no-case-insensitive")).total).toMatchObject({ correct: 3, total: 5 });
    expect((await run("--dummy4unknown")).total).toMatchObject({ correct: 4, total: 7 });
    // apple is the 5th word: outside the first 4, the two questions expecting it are skipped.
    expect(await run("--restrict-vocab", "4")).toMatchObject({ total: { correct: 4, total: 4 }, oov: 3 });
    expect(await run("--method", "3cosmul")).toMatchObject({ method: "3CosMul", total: { correct: 4, total: 6 } });
  });

  it("gives Pearson and Spearman on the planted pairs as computed here, and as gensim does", async () => {
    const result = await neglab("eval", plantedVectors, "--similarity", similarityPairs, "--json");
    expect(result.code, result.stderr).toBe(0);
    const [s] = JSON.parse(result.stdout).similarity;
    const vector = new Map(planted);
    const known = pairList.filter(([a, b]) => vector.has(a) && vector.has(b));
    const gold = known.map((p) => p[2]);
    const model = known.map(([a, b]) => cosine(vector.get(a)!, vector.get(b)!));
    expect(s.pearson.r).toBeCloseTo(pearsonR(gold, model), 5);
    expect(s.spearman.r).toBeCloseTo(pearsonR(ranks(gold), ranks(model)), 5);
    expect(s.oovPercent).toBeCloseTo(100 / 9, 10);
    const reference = gensim(
      "import json,sys\nfrom gensim.models import KeyedVectors\nkv=KeyedVectors.load_word2vec_format(sys.argv[1])\np,s,o=kv.evaluate_word_pairs(sys.argv[2])\nprint(json.dumps({'pearson':list(p),'spearman':[s.correlation,s.pvalue],'oov':o}))",
      plantedVectors,
      similarityPairs,
    );
    if (reference === null) return;
    const [pr, pp] = reference.pearson as number[];
    const [sr, sp] = reference.spearman as number[];
    expect(s.pearson.r).toBeCloseTo(pr, 6);
    expect(s.pearson.pValue).toBeCloseTo(pp, 6);
    expect(s.spearman.r).toBeCloseTo(sr, 6);
    expect(s.spearman.pValue).toBeCloseTo(sp, 6);
    expect(s.oovPercent).toBeCloseTo(reference.oov as number, 6);
  });

  it("prints tables: per-section counts, total, semantic and syntactic, then the correlations", async () => {
    const result = await neglab("eval", plantedVectors, "--analogy", questions, "--similarity", similarityPairs);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/gram6\s*│\s*syntactic\s*│\s*1\/2\s*│\s*50\.00%/);
    expect(result.stdout).toMatch(/total\s*│\s*│\s*4\/6\s*│\s*66\.67%/);
    expect(result.stdout).toMatch(/similarity\.tsv\s*│\s*-?0\.\d{4}/);
  });
});

describe("neglab compare", () => {
  /** Runs a small experiment of the given strategies (name → sampler type and alpha) and returns its run directory. */
  async function runExperiment(
    name: string,
    architecture: string,
    strategies: Record<string, [string, number]>,
    seeds: number[],
  ): Promise<string> {
    const file = join(dir, `${name}.json`);
    const list = Object.entries(strategies).map(([strategy, [type, alpha]]) => ({
      name: strategy,
      sampler: type === "uniform" ? { type } : { type, alpha },
    }));
    const definition = {
      name,
      corpus: { source: "corpus.txt" },
      train: { architecture, vectorSize: 8, epochs: 1, workers: 1, minCount: 1, sample: 0 },
      strategies: list,
      seeds,
      benchmarks: [{ name: "pairs", type: "similarity", path: "pairs.tsv" }],
    };
    writeFileSync(file, JSON.stringify(definition));
    const out = join(dir, "runs", name);
    const result = await neglab("run", file, "--out", out);
    expect(result.code, result.stderr).toBe(0);
    return out;
  }

  it("lines up two runs per benchmark metric with mean ± std over each run's seeds", async () => {
    const first = await runExperiment(
      "first",
      "skipgram",
      { uniform: ["uniform", 0], unigram: ["unigram", 0.75] },
      [1, 2],
    );
    const second = await runExperiment(
      "second",
      "cbow",
      { unigram: ["unigram", 0.75], "unigram-1": ["unigram", 1] },
      [3, 4, 5],
    );
    const result = await neglab("compare", first, second, "--json");
    expect(result.code, result.stderr).toBe(0);
    const comparison = JSON.parse(result.stdout);
    expect(comparison.runs.map((r: { experiment: string }) => r.experiment)).toEqual(["first", "second"]);
    const spearman = comparison.metrics.find((m: { metric: string }) => m.metric === "spearman");
    // A strategy only one run has gets null for the other.
    expect(
      spearman.rows.map((r: { strategy: string; runs: unknown[] }) => [r.strategy, r.runs.map((x) => x !== null)]),
    ).toEqual([
      ["uniform", [true, false]],
      ["unigram", [true, true]],
      ["unigram-1", [false, true]],
    ]);
    // Independently: mean and sample std of each run's spearman values from its results.csv.
    (
      [
        [first, ["uniform", "unigram"]],
        [second, ["unigram", "unigram-1"]],
      ] as const
    ).forEach(([runDir, strategies], i) => {
      for (const strategy of strategies) {
        const values = readFileSync(join(runDir, "results.csv"), "utf8")
          .trim()
          .split("\n")
          .map((l) => l.split(","))
          .filter((f) => f[0] === strategy && f[3] === "spearman")
          .map((f) => Number(f[4]));
        const mean = values.reduce((s, v) => s + v, 0) / values.length;
        const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
        const stats = spearman.rows.find((r: { strategy: string }) => r.strategy === strategy).runs[i];
        expect(stats.n).toBe(i === 0 ? 2 : 3);
        expect(stats.mean).toBeCloseTo(mean, 12);
        expect(stats.std).toBeCloseTo(std, 12);
      }
    });
    const table = await neglab("compare", first, second);
    expect(table.stdout).toContain("pairs — spearman");
    expect(table.stdout).toMatch(/unigram\s*│\s*-?\d\.\d{4} ± \d\.\d{4} \(n=2\)\s*│\s*-?\d\.\d{4} ± \d\.\d{4} \(n=3\)/);
    expect(table.stdout).toMatch(/uniform\s*│\s*-?\d\.\d{4} ± \d\.\d{4} \(n=2\)\s*│\s*—/);
  });
});

describe("neglab samplers inspect", () => {
  const counts = [...corpusCounts().values()].sort((a, b) => b - a);
  const inspect = async (...args: string[]) => {
    const result = await neglab("samplers", "inspect", ...args, "--corpus", corpus, "--min-count", "1", "--json");
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };

  it("reports entropy, perplexity, bucket shares, expected negatives and top words of unigram^0.75", async () => {
    const report = await inspect("unigram", "--alpha", "0.75", "--negative", "5", "--top", "3");
    // Independently: p ∝ count^0.75 over the corpus words.
    const weights = counts.map((c) => c ** 0.75);
    const z = weights.reduce((s, w) => s + w, 0);
    const p = weights.map((w) => w / z);
    const h = -p.reduce((s, x) => s + x * Math.log2(x), 0);
    expect(report.vocabulary).toBe(counts.length);
    expect(report.entropyBits).toBeCloseTo(h, 9);
    expect(report.perplexity).toBeCloseTo(2 ** h, 6);
    expect(report.buckets[0]).toMatchObject({ label: "top 10", words: 10 });
    expect(report.buckets[0].share).toBeCloseTo(
      p.slice(0, 10).reduce((s, x) => s + x, 0),
      9,
    );
    expect(report.buckets[1].share).toBeCloseTo(
      p.slice(10).reduce((s, x) => s + x, 0),
      9,
    );
    // skip: each of k draws survives with 1 − p(positive); positives in proportion to their counts.
    const total = counts.reduce((s, c) => s + c, 0);
    expect(report.collision).toBe("skip");
    expect(report.expectedNegatives).toBeCloseTo(counts.reduce((s, c, i) => s + c * 5 * (1 - p[i]), 0) / total, 9);
    // "the" is the most frequent word (5 per pair of lines); then a tie of words seen once per line.
    expect(report.top.map((t: { word: string; count: number }) => [t.word === "the", t.count])).toEqual([
      [true, 10_000],
      [false, 2000],
      [false, 2000],
    ]);
    expect(report.top.map((t: { probability: number }) => t.probability)).toEqual(
      p.slice(0, 3).map((x) => expect.closeTo(x, 12)),
    );
  });

  it("uniform with redraw: log2 V bits and exactly k negatives", async () => {
    const report = await inspect('{"type":"uniform","collision":"redraw"}', "--negative", "7");
    expect(report.entropyBits).toBeCloseTo(Math.log2(counts.length), 12);
    expect(report.collision).toBe("redraw");
    expect(report.expectedNegatives).toBe(7);
  });
});

describe("neglab data", () => {
  it("lists every registered dataset, missing from an empty data directory, with the fetch command", async () => {
    const list = await neglab("data", "list", "--json");
    expect(list.code, list.stderr).toBe(0);
    const { dataDir, datasets } = JSON.parse(list.stdout);
    expect(dataDir).toBe(join(dir, "data"));
    expect(datasets.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining(["questions-words", "wordsim353", "simlex999", "men"]),
    );
    expect(datasets.find((d: { name: string }) => d.name === "wordsim353")).toMatchObject({
      kind: "similarity",
      items: 353,
      file: "eval/similarity/wordsim353.tsv",
    });
    const table = await neglab("data", "list", "--cache-dir", join(dir, "empty-cache"));
    expect(table.stdout).toMatch(
      /wordsim353\s*│\s*similarity\s*│\s*353\s*│\s*eval\/similarity\/wordsim353\.tsv\s*│\s*missing/,
    );
    expect(table.stdout).toMatch(/download with: neglab data fetch questions-words wordsim353/);
  });

  it("names an unknown dataset with the closest one", async () => {
    const result = await neglab("data", "fetch", "wordsim35");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown dataset "wordsim35"; did you mean "wordsim353"\?/);
  });

  const real = sharedData("eval/similarity/wordsim353.tsv");
  describe.skipIf(real === null)("with the real WordSim-353 file", () => {
    it("fetches it from a URL into the cache, verifies it, and eval finds it by name", async () => {
      const bodies: Record<string, Buffer> = {
        "/good": readFileSync(real![0]),
        "/bad": Buffer.concat([readFileSync(real![0]), Buffer.from("x")]),
      };
      const server = createServer((request, response) => response.end(bodies[request.url ?? ""]));
      const base = await listenOnLoopback(server);
      const cache = join(dir, "cache");
      try {
        const bad = await neglab("data", "fetch", "wordsim353", "--url", `${base}/bad`, "--cache-dir", cache);
        expect(bad.code).toBe(1);
        expect(bad.stderr).toMatch(/sha256 mismatch: expected f92a022f.*nothing was saved/);
        const good = await neglab("data", "fetch", "wordsim353", "--url", `${base}/good`, "--cache-dir", cache);
        expect(good.code, good.stderr).toBe(0);
        expect(good.stdout).toContain(
          `wordsim353: ${bodies["/good"].length.toLocaleString("en")} bytes from ${base}/good → ${join(cache, "eval/similarity/wordsim353.tsv")} (verified)`,
        );
      } finally {
        server.close();
      }
      const verify = await neglab("data", "verify", "wordsim353", "--cache-dir", cache);
      expect(verify.code, verify.stderr).toBe(0);
      expect(verify.stdout).toMatch(/^ok\s+wordsim353/);
      const scored = await neglab("eval", plantedVectors, "--similarity", "wordsim353", "--cache-dir", cache, "--json");
      expect(scored.code, scored.stderr).toBe(0);
      expect(JSON.parse(scored.stdout).similarity[0]).toMatchObject({
        name: "wordsim353",
        source: join(cache, "eval/similarity/wordsim353.tsv"),
      });
    });

    it("run downloads a missing registered benchmark first (here from a mirror), then scores it", async () => {
      const body = readFileSync(real![0]);
      const server = createServer((request, response) => {
        if (request.url === "/eval/similarity/wordsim353.tsv") response.end(body);
        else response.writeHead(404).end();
      });
      const base = await listenOnLoopback(server);
      // a corpus of the first 40 WordSim-353 pairs, each pair's words side by side
      const pairs = body
        .toString("utf8")
        .split("\n")
        .filter((line) => line && !line.startsWith("#"))
        .slice(0, 40)
        .map((line) => line.split("\t").slice(0, 2).join(" "));
      writeFileSync(join(dir, "ws-corpus.txt"), Array.from({ length: 20 }, () => pairs.join("\n")).join("\n"));
      const file = join(dir, "fetching.json");
      const definition = {
        name: "fetching",
        corpus: { source: "ws-corpus.txt" },
        train: { architecture: "skipgram", vectorSize: 8, epochs: 1, workers: 1, minCount: 1, sample: 0 },
        strategies: [{ name: "uniform", sampler: { type: "uniform" } }],
        seeds: [1],
        benchmarks: [{ name: "ws", type: "similarity", path: "eval/similarity/wordsim353.tsv" }],
      };
      writeFileSync(file, JSON.stringify(definition));
      const cache = join(dir, "run-fetch-cache");
      try {
        const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          const child = spawn(
            process.execPath,
            [bin, "run", file, "--out", join(dir, "runs", "fetching"), "--no-html", "--fetch-from", base],
            {
              cwd: dir,
              env: { ...process.env, CI: "1", XDG_CACHE_HOME: cache, NEGLAB_DATA: join(dir, "data") },
            },
          );
          let stdout = "";
          let stderr = "";
          child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
          child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
          child.on("close", (code) => resolve({ code, stdout, stderr }));
        });
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toContain(
          "ws: eval/similarity/wordsim353.tsv is missing; downloading dataset wordsim353",
        );
        expect(result.stderr).toContain(
          `ws: ${body.length} bytes, checksum verified: ${join(cache, "neglab", "datasets", "eval/similarity/wordsim353.tsv")}`,
        );
        expect(result.stdout).toContain("On ws, ");
      } finally {
        server.close();
      }
    });

    it("verify reports a damaged file in the data directory and exits 1", async () => {
      const damaged = join(dir, "damaged");
      mkdirSync(join(damaged, "eval", "similarity"), { recursive: true });
      copyFileSync(real![0], join(damaged, "eval", "similarity", "wordsim353.tsv"));
      writeFileSync(join(damaged, "eval", "similarity", "wordsim353.tsv"), "tiger\tcat\t7.35\n", { flag: "a" });
      const result = await neglab("data", "verify", "--data-dir", damaged, "--cache-dir", join(dir, "empty-cache"));
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/FAILED\s+wordsim353 .*sha256 mismatch/);
      expect(result.stderr).toMatch(/1 of 1 datasets failed verification: wordsim353/);
    });
  });
});

describe("--help", () => {
  for (const command of ["train", "eval", "compare", "samplers inspect", "data list", "data fetch", "data verify"]) {
    it(`neglab ${command} --help`, async () => {
      const result = await neglab(...command.split(" "), "--help");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`neglab ${command}`);
    });
  }
});

describe("bad input", () => {
  const cases: [string, string[], number, RegExp][] = [
    [
      "eval: a missing vectors file",
      ["eval", join(dir, "nope.txt"), "--analogy", questions],
      1,
      /nope\.txt: no such vectors file/,
    ],
    [
      "eval: a missing benchmark file",
      ["eval", plantedVectors, "--analogy", join(dir, "none.txt")],
      1,
      /--analogy .*none\.txt/,
    ],
    [
      "eval: no benchmark, and the default one missing",
      ["eval", plantedVectors],
      1,
      /^neglab: no benchmark named .*download it with: neglab data fetch questions-words\n$/,
    ],
    [
      "eval: a bad --method",
      ["eval", plantedVectors, "--analogy", questions, "--method", "cos"],
      2,
      /--method: "cos" is not one of "3cosadd", "3cosmul"/,
    ],
    [
      "train: a bad number",
      ["train", "--corpus", corpus, "--epochs", "many", "--out", "x.txt"],
      1,
      /--epochs: expected a decimal number, got "many"/,
    ],
    [
      "train: a value out of range",
      ["train", "--corpus", corpus, "--window", "0", "--out", "x.txt"],
      1,
      /--window: must be an integer in \[1, 10000\], got 0/,
    ],
    [
      "train: an unknown strategy suggests the closest",
      ["train", "--corpus", corpus, "--sampler", "unigarm", "--out", "x.txt"],
      1,
      /--sampler: .*"unigarm".*did you mean "unigram"/,
    ],
    [
      "train: a sampler option without a strategy",
      ["train", "--corpus", corpus, "--alpha", "0.5", "--out", "x.txt"],
      1,
      /--alpha: give --sampler <name> with it/,
    ],
    [
      "train: a missing corpus",
      ["train", "--corpus", join(dir, "gone.txt"), "--out", "x.txt"],
      1,
      /--corpus: .*gone\.txt: no such file or directory/,
    ],
    ["train: no output", ["train", "--corpus", corpus], 1, /nothing to write/],
    [
      "train: an output directory that does not exist",
      ["train", "--corpus", corpus, "--out", join(dir, "no", "dir", "v.txt")],
      1,
      /--out: .*no\/dir: no such directory/,
    ],
    ["compare: a directory that is not a run", ["compare", dir], 1, /not a run directory \(no summary\.json/],
    [
      "samplers inspect: an unknown option of the strategy",
      ["samplers", "inspect", "uniform", "--alpha", "2", "--corpus", corpus],
      1,
      /alpha/,
    ],
  ];
  for (const [name, args, code, message] of cases) {
    it(name, async () => {
      const result = await neglab(...args);
      expect(result.stderr).toMatch(message);
      expect(result.code).toBe(code);
    });
  }

  it("train: a config file field that does not exist names the file and the closest field", async () => {
    const config = join(dir, "bad-config.json");
    writeFileSync(config, JSON.stringify({ corpus: "corpus.txt", vectorSise: 10, out: "v.txt" }));
    const result = await neglab("train", "--config", config);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad-config\.json: vectorSise: unknown field \(did you mean "vectorSize"\?\)/);
  });

  it("train: a bad value in a config file names the file and field", async () => {
    const config = join(dir, "bad-value.json");
    writeFileSync(config, JSON.stringify({ corpus: "corpus.txt", negative: -1, out: "v.txt" }));
    const result = await neglab("train", "--config", config);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad-value\.json: negative: must be an integer in \[0, 1000\], got -1/);
  });
});
