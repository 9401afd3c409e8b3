import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createStream } from "@neglab/random";
import type { SamplerVocabulary } from "../src/index.js";

/** The worked example, in the order (not sorted by count). */
export const WORKED_EXAMPLE: SamplerVocabulary = {
  words: ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "a", "cat", "sits", "calmly"],
  counts: [20, 5, 3, 2, 4, 3, 1, 1, 10, 2, 2, 1],
};

/** A path under test/fixtures. */
export function fixture(...parts: string[]): string {
  return fileURLToPath(new URL(`./fixtures/${parts.join("/")}`, import.meta.url));
}

/** Numbers of a reference file, one per line. */
export function readNumbers(...parts: string[]): number[] {
  return readFileSync(fixture(...parts), "utf8")
    .trim()
    .split("\n")
    .map(Number);
}

/** 1000 Zipfian counts max(1, ⌊20000 / rank⌋), the vocabulary the reference tables were computed on. */
export const ZIPF_1000: SamplerVocabulary = (() => {
  const counts = readNumbers("reference", "zipf1000.counts.txt");
  return { words: counts.map((_, id) => `w${id}`), counts };
})();

/** Zipfian counts ⌊C / rank^s⌋ + 1 over `size` words (descending, like a real vocabulary). */
export function zipfVocabulary(size: number, exponent = 1.05, top = 1e7): SamplerVocabulary {
  const counts = Array.from({ length: size }, (_, rank) => Math.floor(top / (rank + 1) ** exponent) + 1);
  return { words: counts.map((_, id) => `w${id}`), counts };
}

/** A fixed-seed stream for one test. */
export function rng(label: string) {
  return createStream(20261124, "samplers-test", label);
}

/** Fresh draw buffers for k negatives. */
export function buffers(k: number, withProbs = false, withWeights = false) {
  return {
    ids: new Int32Array(k),
    probs: withProbs ? new Float32Array(k) : null,
    weights: withWeights ? new Float32Array(k) : null,
  };
}
