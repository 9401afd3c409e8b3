import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { sharedData, sharedDataDir } from "@neglab/testkit";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  cacheDirectory,
  dataDirectory,
  DATASETS,
  getDataset,
  locateDataset,
  readAnalogies,
  readPairs,
  verifyDataset,
} from "../src/index.js";

const files = sharedData("SHA256SUMS", "README.md", ...DATASETS.map((d) => d.file));
const savedEnv = { NEGLAB_DATA: process.env.NEGLAB_DATA, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
afterEach(() => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe.skipIf(files === null)("the registry matches the shared data directory", () => {
  // Read in a hook, not the describe body: vitest runs a skipped suite's body too (to collect its tests).
  let dir = "";
  let sums = new Map<string, string>();
  let readme = "";
  beforeAll(() => {
    dir = sharedDataDir()!;
    sums = new Map(
      readFileSync(join(dir, "SHA256SUMS"), "utf8")
        .trim()
        .split("\n")
        .map((line) => [line.slice(66), line.slice(0, 64)] as const),
    );
    readme = readFileSync(join(dir, "README.md"), "utf8");
  });

  it("covers the issue's benchmarks: Google analogy, WS-353 all/rel/sim, SimLex-999, MEN, RW, MTurk-287/771, SimVerb-3500, RG-65, MC-30, YP-130, VERB-143", () => {
    expect(DATASETS.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        "questions-words",
        "ws353-all",
        "ws353-rel",
        "ws353-sim",
        "simlex999",
        "men",
        "rw",
        "mturk-287",
        "mturk-771",
        "simverb-3500",
        "rg-65",
        "mc-30",
        "yp-130",
        "verb-143",
      ]),
    );
    expect(new Set(DATASETS.map((d) => d.name)).size).toBe(DATASETS.length);
  });

  for (const d of DATASETS) {
    it(`${d.name}: sha256 as in SHA256SUMS, source as in README.md, ${d.items} ${d.kind === "analogy" ? "questions" : "pairs"}, verifies`, async () => {
      expect(d.sha256).toBe(sums.get(d.file));
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${d.file}\``));
      expect(row).toContain(d.source.replace(/, [^,]+$/, ""));
      expect(row).toContain(`\`${d.source.split(", ").at(-1)}\``);
      expect(d.url).toMatch(/^https:\/\/raw\.githubusercontent\.com\//);
      expect(d.url.endsWith(d.source.split(", ").at(-1)!)).toBe(true);
      const path = locateDataset(d.name, { dataDir: dir, cacheDir: join(tmpdir(), "neglab-no-cache") });
      expect(path).toBe(join(dir, d.file));
      await expect(verifyDataset(d.name, { dataDir: dir })).resolves.toBe(path);
      if (d.kind === "analogy") expect((await readAnalogies(path)).questions).toHaveLength(d.items);
      else expect((await readPairs(path)).pairs).toHaveLength(d.items);
      expect(d.format === "gensim-tsv").toBe(readFileSync(path, "utf8").startsWith("#"));
    });
  }
});

describe("getDataset", () => {
  it("finds names case-insensitively and suggests the closest one for a typo", () => {
    expect(getDataset("SimLex999").file).toBe("eval/similarity/simlex999.txt");
    expect(() => getDataset("simlex99")).toThrow(/unknown dataset "simlex99"; did you mean "simlex999"\?/);
    expect(() => getDataset("mturk-717")).toThrow(/did you mean "mturk-771"\?/);
    expect(() => getDataset("imagenet")).toThrow(
      /unknown dataset "imagenet" \(expected one of: "questions-words", "wordsim353", /,
    );
  });
});

describe("dataDirectory, cacheDirectory, locateDataset, verifyDataset", () => {
  const scratch = mkdtempSync(join(tmpdir(), "neglab-datasets-"));

  it("data directory: the option, else NEGLAB_DATA, else none", () => {
    process.env.NEGLAB_DATA = "/some/data";
    expect(dataDirectory()).toBe("/some/data");
    expect(dataDirectory({ dataDir: "/other" })).toBe("/other");
    delete process.env.NEGLAB_DATA;
    expect(dataDirectory()).toBeUndefined();
  });

  it("cache directory: the option, else $XDG_CACHE_HOME/neglab/datasets, else ~/.cache/neglab/datasets", () => {
    process.env.XDG_CACHE_HOME = "/xdg";
    expect(cacheDirectory()).toBe("/xdg/neglab/datasets");
    expect(cacheDirectory({ cacheDir: "/c" })).toBe("/c");
    delete process.env.XDG_CACHE_HOME;
    expect(cacheDirectory()).toMatch(/\/\.cache\/neglab\/datasets$/);
  });

  it("a missing file: the error names the dataset, the file, where it looked and the fetch command", () => {
    const dataDir = join(scratch, "empty-data");
    const cacheDir = join(scratch, "empty-cache");
    expect(() => locateDataset("men", { dataDir, cacheDir })).toThrow(
      `dataset men (MEN (3,000 pairs, scores 0–50)): eval/similarity/EN-MEN-TR-3k.txt not found in the data directory ${dataDir} nor in the cache ${cacheDir}; download it with: neglab data fetch men`,
    );
    delete process.env.NEGLAB_DATA;
    expect(() => locateDataset("rw", { cacheDir })).toThrow(
      /not found in the cache .*empty-cache \(NEGLAB_DATA is not set\); download it with: neglab data fetch rw/,
    );
  });

  it("falls back to the cache, and verifyDataset reports a checksum mismatch naming the file", async () => {
    const cacheDir = join(scratch, "cache");
    const path = join(cacheDir, getDataset("mc-30").file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, "car automobile 3.92\n");
    expect(locateDataset("mc-30", { dataDir: join(scratch, "nothing"), cacheDir })).toBe(path);
    await expect(verifyDataset("mc-30", { dataDir: join(scratch, "nothing"), cacheDir })).rejects.toThrow(
      new RegExp(
        `^${path}: sha256 mismatch for dataset mc-30: expected 33ee0591\\w+, got [0-9a-f]{64}; .*neglab data fetch mc-30$`,
      ),
    );
    const data = sharedData(getDataset("mc-30").file);
    if (data !== null) {
      copyFileSync(data[0], path);
      await expect(verifyDataset("mc-30", { path })).resolves.toBe(path);
    }
  });
});
