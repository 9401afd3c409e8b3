import { loadEmbeddings } from "@neglab/vectors";
import { evaluateWordPairs } from "@neglab/eval";
import { runGensim, runOurs, benchCorpus } from "./reference-tools.mjs";
const data = "/work/shared/data";
const corpus = await benchCorpus("brown", data);
const extra = JSON.parse(process.argv[2] ?? "{}");
await runOurs(corpus, { architecture: "cbow", workers: 1, seed: 1, ...extra }, "/tmp/x/ours.vec");
if (!process.argv[3]) await runGensim(corpus, { sg: false, workers: 1, seed: 1, output: "/tmp/x/gensim.vec" });
for (const f of ["/tmp/x/ours.vec", "/tmp/x/gensim.vec"]) {
  const e = await loadEmbeddings(f);
  const r = await evaluateWordPairs(e, `${data}/eval/similarity/wordsim353.tsv`);
  console.log(f, e.size ?? e.words?.length, JSON.stringify({ r: r.spearman.r, oov: r.oovRatio ?? r.oov, pairs: r.pairs ?? r.n }));
}
