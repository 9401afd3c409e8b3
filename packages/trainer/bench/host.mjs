// What the host can give two workers, measured beside the trainer's scaling so
// that a figure is read against the machine it came from. Virtual machines move
// their vCPUs between physical cores: on the 2-vCPU AMD EPYC host of 2026-12-02
// the round trip of a cache line between the two vCPUs switched between ~70,
// ~130 and ~500 ns from one minute to the next, and with it the cost of every
// row both workers write, while the capacity of two processes that share no
// memory stayed at 1.9× (see BENCHMARKS.md).
import { spawn } from "node:child_process";
import { Worker } from "node:worker_threads";
import { median } from "./reference-tools.mjs";

/** Seconds for `procs` concurrent processes each spinning the same fixed integer loop. */
async function spin(procs) {
  const loop = "let x = 0; for (let i = 0; i < 6e8; i++) x = (x + i * 2654435761) | 0; if (x === 42) console.log(x);";
  const start = performance.now();
  await Promise.all(
    Array.from(
      { length: procs },
      () => new Promise((resolve) => spawn(process.execPath, ["-e", loop]).on("close", resolve)),
    ),
  );
  return (performance.now() - start) / 1000;
}

/**
 * Throughput of two independent CPU-bound processes ÷ one (medians of 3 each):
 * ≈ 2.0 on a quiet 2-core machine, ≈ 1.0 when another process holds a core.
 * It shares no memory, so it cannot see what sharing costs: see {@link coreRoundTrip}.
 */
export async function parallelCapacity() {
  const one = median([await spin(1), await spin(1), await spin(1)]);
  const two = median([await spin(2), await spin(2), await spin(2)]);
  return (2 * one) / two;
}

/**
 * Nanoseconds for one cache line to go to another core and back: this thread
 * and a worker thread take turns incrementing a shared counter (each turn waits
 * for the other's write to arrive), `trips` times. Tens of ns: the two threads
 * share a core's caches; ~100–150 ns: cores of one die; ~500 ns: cores on
 * different dies. Hogwild pays about this per row both workers write in turn.
 */
export async function coreRoundTrip(trips = 200_000) {
  const counter = new Int32Array(new SharedArrayBuffer(64));
  const partner = new Worker(
    `const { workerData: counter } = require("node:worker_threads");
     for (let i = 0; i < ${trips}; i++) {
       while (Atomics.load(counter, 0) !== 2 * i + 1);
       Atomics.store(counter, 0, 2 * i + 2);
     }`,
    { eval: true, workerData: counter },
  );
  await new Promise((resolve) => partner.once("online", resolve));
  const start = performance.now();
  for (let i = 0; i < trips; i++) {
    Atomics.store(counter, 0, 2 * i + 1);
    while (Atomics.load(counter, 0) !== 2 * i + 2);
  }
  const nanoseconds = ((performance.now() - start) * 1e6) / trips;
  await partner.terminate();
  return nanoseconds;
}
