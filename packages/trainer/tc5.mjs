import { openCorpus, prepareEncodedCorpus } from "@neglab/corpus";
import { rmSync } from "node:fs";
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const corpus = await openCorpus(process.argv[2]);
rmSync("/tmp/tc5-cache", { recursive: true, force: true });
let c0 = cpu(), t = performance.now();
const p = await prepareEncodedCorpus(corpus, { minCount: 5 }, "/tmp/tc5-cache");
console.log("prepare cpu", (cpu() - c0).toFixed(2), "wall", ((performance.now() - t) / 1000).toFixed(2), p.encoded.tokens, "rss", process.resourceUsage().maxRSS >> 10);
