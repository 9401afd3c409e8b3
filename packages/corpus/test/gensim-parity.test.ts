import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "@neglab/testkit";
import { buildVocabulary, openCorpus, type Vocabulary } from "../src/index.js";

import { tempDir } from "./helpers.js";

// Expected figures produced by gensim 4.2 (Debian python3-gensim) with
//   /usr/bin/python3 packages/corpus/scripts/gensim-vocab.py ../shared/data/corpora > packages/corpus/test/golden/gensim-vocab.json
// Entries with `derived_from` are made from a shared corpus (brown-one-line.txt: brown.txt with newlines replaced by
// spaces, one line of 1,161,192 tokens that LineSentence cuts into 117 sentences of ≤ 10,000 tokens).
interface Golden {
  file: string;
  derived_from?: string;
  setting: { min_count: number; max_vocab_size?: number; max_final_vocab?: number };
  size: number;
  corpus_total_words: number;
  corpus_count: number;
  retain_total: number;
  effective_min_count: number;
  top10: [string, number][];
  sha256: string;
}
const golden: { results: Golden[] } = JSON.parse(
  readFileSync(new URL("./golden/gensim-vocab.json", import.meta.url), "utf8"),
);
const files = [...new Set(golden.results.map((g) => g.derived_from ?? g.file))];
const paths = sharedData(...files.map((f) => `corpora/${f}`));

/** The corpus file a golden entry was made from, deriving it (as the script does) when needed. */
const derived = new Map<string, string>();
function corpusPath(g: Golden): string {
  const source = paths![files.indexOf(g.derived_from ?? g.file)];
  if (g.derived_from === undefined) return source;
  if (!derived.has(g.file)) {
    // Every newline byte becomes a space, exactly as write_one_line in the script.
    const bytes = readFileSync(source);
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) bytes[i] = 0x20;
    const path = join(tempDir(), g.file);
    writeFileSync(path, bytes);
    derived.set(g.file, path);
  }
  return derived.get(g.file)!;
}

/** SHA-256 of "word\tcount\n" lines sorted by code point, as the golden script computes it. */
function vocabularyDigest(vocabulary: Vocabulary): string {
  const entries = vocabulary.words.map((w, i) => [Buffer.from(w, "utf8"), `${w}\t${vocabulary.counts[i]}\n`] as const);
  entries.sort((a, b) => Buffer.compare(a[0], b[0]));
  return createHash("sha256")
    .update(entries.map((e) => e[1]).join(""))
    .digest("hex");
}

describe.skipIf(paths === null)("vocabulary parity with gensim 4 build_vocab(LineSentence)", () => {
  for (const g of golden.results) {
    const label = `${g.file} ${JSON.stringify(g.setting)}`;
    it(label, async () => {
      const path = corpusPath(g);
      const { vocabulary, stats } = await buildVocabulary(await openCorpus(path), {
        minCount: g.setting.min_count,
        maxVocabSize: g.setting.max_vocab_size ?? null,
        maxFinalVocab: g.setting.max_final_vocab ?? null,
      });
      expect(vocabulary.size).toBe(g.size);
      expect(stats.tokens).toBe(g.corpus_total_words);
      expect(stats.sentences).toBe(g.corpus_count);
      expect(stats.retainedTokens).toBe(g.retain_total);
      expect(stats.effectiveMinCount).toBe(g.effective_min_count);
      expect(vocabulary.words.slice(0, 10).map((w, i) => [w, vocabulary.counts[i]])).toEqual(g.top10);
      expect(vocabularyDigest(vocabulary)).toBe(g.sha256);
    }, 60_000);
  }
});
