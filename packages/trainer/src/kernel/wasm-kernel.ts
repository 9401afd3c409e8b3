import { readFile } from "node:fs/promises";
import { findBuiltFile } from "@neglab/files";
import { RESERVED_BYTES } from "../layout.js";
import type { Kernel, KernelSetup } from "./types.js";

/** What dist/kernel.wasm exports (assembly/kernel.ts). */
interface KernelExports {
  heapBase(): number;
  /** Reads the configuration block at this byte offset into the instance's globals. */
  configure(at: number): void;
  pull(): void;
  merge(rows: number): void;
  skipGram(records: number, alpha: number): number;
  cbow(records: number, alpha: number): number;
  skipGramWindow(records: number, alpha: number): number;
}

/** Compiles dist/kernel.wasm (built from assembly/kernel.ts); the module can be posted to workers. */
export async function compileWasmKernel(): Promise<WebAssembly.Module> {
  const path = findBuiltFile(import.meta.url, "../kernel.wasm", "@neglab/trainer");
  return WebAssembly.compile(await readFile(path));
}

/**
 * Instantiates the SIMD kernel on the shared memory for one worker. Each
 * instance copies its worker's configuration block into its own globals while
 * all share the vectors.
 */
export async function createWasmKernel(module: WebAssembly.Module, { memory, config }: KernelSetup): Promise<Kernel> {
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
    throw new Error(
      `kernel.wasm static data ends at ${kernel.heapBase()}, above the ${RESERVED_BYTES} bytes reserved for it`,
    );
  }
  kernel.configure(config);
  return {
    skipGram: kernel.skipGram,
    cbow: kernel.cbow,
    skipGramWindow: kernel.skipGramWindow,
    pull: kernel.pull,
    merge: kernel.merge,
  };
}
