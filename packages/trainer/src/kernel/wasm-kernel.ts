import { readFile } from "node:fs/promises";
import { RESERVED_BYTES } from "../layout.js";
import { distFile } from "../dist-file.js";
import type { Kernel, KernelSetup } from "./types.js";

interface KernelExports {
  heapBase(): number;
  configure(...args: number[]): void;
  configureHotRows(...args: number[]): void;
  pull(): void;
  merge(rows: number): void;
  skipGram(records: number, alpha: number): number;
  cbow(records: number, alpha: number): number;
}

/** Compiles dist/kernel.wasm (built from assembly/kernel.ts); the module can be posted to workers. */
export async function compileWasmKernel(): Promise<WebAssembly.Module> {
  const path = distFile("kernel.wasm");
  return WebAssembly.compile(await readFile(path));
}

/**
 * Instantiates the SIMD kernel on the shared memory for one worker. Each
 * instance keeps its own configuration (globals) while all share the vectors.
 */
export async function createWasmKernel(module: WebAssembly.Module, { memory, layout, worker, flags, hotRows }: KernelSetup): Promise<Kernel> {
  const instance = await WebAssembly.instantiate(module, {
    env: {
      memory,
      abort: () => {
        throw new Error("kernel.wasm aborted");
      },
    },
  });
  const kernel = instance.exports as unknown as KernelExports;
  if (kernel.heapBase() > RESERVED_BYTES) {
    throw new Error(`kernel.wasm static data ends at ${kernel.heapBase()}, above the ${RESERVED_BYTES} bytes reserved for it`);
  }
  const s = layout.scratch[worker];
  kernel.configure(
    layout.sigmoid, layout.loss, layout.syn0, layout.syn1neg, layout.syn1,
    layout.codeStart, layout.codeLength, layout.points, layout.codes,
    s.neu1, s.neu1e, s.batch, s.weights, layout.dim, flags,
  );
  kernel.configureHotRows(hotRows, s.hot0, s.hot1, s.snap0, s.snap1, s.dirty0, s.dirty1);
  return { skipGram: kernel.skipGram, cbow: kernel.cbow, pull: kernel.pull, merge: kernel.merge };
}
