import { dirname } from "node:path";
import { fifoWithoutWriter, type FifoWithoutWriter } from "@neglab/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createSampler, preflightSamplerSpec } from "../src/index.js";
import { WORKED_EXAMPLE } from "./helpers.js";

/** Probe finding: `--sampler module:<a FIFO>` hung beyond Ctrl-C; the module must be refused, never imported. */

const PROMPT_MS = 3000;
let fifo: FifoWithoutWriter | undefined;
afterEach(() => fifo?.release());

describe("a custom sampler module that is not a regular file", () => {
  it(
    "createSampler refuses a FIFO without a writer promptly, naming it",
    async () => {
      fifo = fifoWithoutWriter("sampler.mjs");
      await expect(
        createSampler({ type: "module:./sampler.mjs" }, { vocabulary: WORKED_EXAMPLE, baseDir: dirname(fifo.path) }),
      ).rejects.toThrow(`${fifo.path}: cannot load the custom sampler module: not a regular file (a FIFO)`);
    },
    PROMPT_MS,
  );

  it(
    "preflightSamplerSpec refuses it too (its worker thread could not be ended while stuck in open)",
    async () => {
      fifo = fifoWithoutWriter("sampler.mjs");
      await expect(
        preflightSamplerSpec({ type: "module:./sampler.mjs" }, { baseDir: dirname(fifo.path), timeoutMs: 2000 }),
      ).rejects.toThrow("cannot load the custom sampler module: not a regular file (a FIFO)");
    },
    PROMPT_MS,
  );
});
