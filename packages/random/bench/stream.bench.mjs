// Draws per second of the hot-loop stream (median of 5 runs). Run: pnpm --filter @neglab/random bench
import { createStream } from "../dist/index.js";

const N = 50_000_000;
const rates = [];
for (let run = 0; run < 5; run++) {
  const rng = createStream(1, "bench");
  let acc = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) acc += rng.nextInt(100_000);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  rates.push(N / seconds);
  if (acc < 0) console.log(acc);
}
rates.sort((a, b) => a - b);
console.log(`xoshiro128** nextInt: median ${(rates[2] / 1e6).toFixed(1)} M draws/s over 5 runs of ${N / 1e6}M`);
