// Draws per second of the hot-loop stream: nextUint32 one call at a time, nextInt, and fillUint32 in batches of
// 5 and 64 words (median of 5 runs each, the four interleaved). Run: pnpm --filter @neglab/random bench
import { createStream } from "../dist/index.js";

const N = 50_000_000;
const sink = new Uint32Array(64);
const ways = {
  "nextUint32, one call per word": (rng) => {
    let acc = 0;
    for (let i = 0; i < N; i++) acc ^= rng.nextUint32();
    return acc;
  },
  "nextInt(100000)": (rng) => {
    let acc = 0;
    for (let i = 0; i < N; i++) acc += rng.nextInt(100_000);
    return acc;
  },
  ...Object.fromEntries(
    [5, 64].map((batch) => [
      `fillUint32, batches of ${batch}`,
      (rng) => {
        let acc = 0;
        for (let i = 0; i < N; i += batch) {
          rng.fillUint32(sink, batch);
          acc ^= sink[0];
        }
        return acc;
      },
    ]),
  ),
};
const rates = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
for (let run = 0; run < 5; run++) {
  for (const [name, way] of Object.entries(ways)) {
    const rng = createStream(1, "bench");
    const t0 = process.hrtime.bigint();
    if (way(rng) === 0.5) console.log("unreachable");
    rates[name].push(N / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[2];
for (const [name, values] of Object.entries(rates))
  console.log(`xoshiro128** ${name}: median ${(median(values) / 1e6).toFixed(1)} M words/s`);
