// The bench corpus: the shared brown.txt (else the embedded Brown corpus) repeated to a size.
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brownCorpus } from "../dist/index.js";
import { splitWhitespace } from "../dist/tokenize.js";

const here = fileURLToPath(new URL(".", import.meta.url));

/**
 * Writes brown.txt (shared data, else the embedded Brown corpus) repeatedly until ≥ minTokens, and
 * returns the exact number of tokens written, counted with gensim's tokenizer (`splitWhitespace`).
 */
export async function writeBigCorpus(path, minTokens) {
  const dataDir = resolve(process.env.NEGLAB_DATA ?? join(here, "../../../../shared/data"));
  const shared = join(dataDir, "corpora/brown.txt");
  const lines = [];
  if (existsSync(shared)) {
    lines.push(
      ...readFileSync(shared, "utf8")
        .split("\n")
        .filter((l) => l.length > 0),
    );
  } else {
    for await (const s of (await brownCorpus()).sentences()) lines.push(s.join(" "));
  }
  const perCopy = lines.reduce((n, l) => n + splitWhitespace(l).length, 0);
  const out = createWriteStream(path);
  let written = 0;
  for (; written < minTokens; written += perCopy) {
    for (const line of lines) if (!out.write(line + "\n")) await new Promise((r) => out.once("drain", r));
  }
  await new Promise((r) => out.end(r));
  return written;
}
