import { createStream } from "@neglab/random";
import { createSampler, listSamplers } from "@neglab/samplers";
import { diagnoseSampler } from "@neglab/samplers/diagnostics";

// Any { words, counts } works; @neglab/corpus's Vocabulary is one.
const vocabulary = {
  words: ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "a", "cat", "sits", "calmly"],
  counts: [20, 5, 3, 2, 4, 3, 1, 1, 10, 2, 2, 1],
};

const sampler = await createSampler({ type: "unigram", alpha: 0.75 }, { vocabulary });
console.log(sampler.describe());
// unigram α=0.75 (alias); collision=skip: a negative equal to the positive is dropped, so fewer than k at times (word2vec.c, gensim)
console.log(sampler.probabilities()[0].toFixed(4)); // "the": 0.2793 = 20^0.75 / Σ count^0.75

// The hot loop: caller-owned buffers, the caller's stream, no allocation.
const rng = createStream(42, "negatives");
const out = { ids: new Int32Array(5), weights: null, probs: null };
const n = sampler.draw(out, 5, /* positive */ 3, /* anchor */ 7, rng);
console.log(n, Array.from(out.ids.subarray(0, n))); // up to 5 ids, never 3 ("fox")

// Diagnostics for reports: entropy, frequency buckets, fit of 10^5 draws.
const report = diagnoseSampler(sampler, vocabulary.counts, 100_000, { rng: createStream(42, "diagnostics") });
console.log(report.perplexity.toFixed(2), report.fit.chiSquare.pValue > 0.001);

console.log(listSamplers().map((s) => s.name).join(", "));
// uniform, unigram, fasttext, domain, annealed, adaptive, module:<path | package>
