import { describe, expect, test } from "vitest";
import { ConfigField, FLAG_CBOW_MEAN, FLAG_CLIP, FLAG_HS, FLAG_NS, FLAG_WEIGHTED } from "../src/kernel/config.js";
import {
  KERNEL_CONFIG_BYTES,
  kernelConfig,
  kernelFlags,
  readKernelConfig,
  writeKernelConfig,
  type KernelConfig,
} from "../src/kernel/configure.js";
import { planLayout } from "../src/layout.js";
import { resolveSettings } from "../src/options.js";
import { TABLE_SIZE } from "../src/sigmoid-table.js";

// The configuration block both kernels read (src/kernel/config.ts). That the
// WebAssembly kernel reads it as the TypeScript one does is shown by their
// bit-identical training (training.test.ts, hot-rows.test.ts).

/** The enum's member names (a numeric enum also maps each slot back to its name). */
const names = Object.keys(ConfigField).filter((key) => Number.isNaN(Number(key))) as (keyof typeof ConfigField)[];

describe("kernel configuration block", () => {
  test("one uint32 slot per field, in declaration order", () => {
    expect(names.map((name) => ConfigField[name])).toEqual(names.map((_, i) => i));
    expect(KERNEL_CONFIG_BYTES).toBe(4 * names.length);
  });

  test("a written block reads back field by field, offsets up to 4 GiB included", () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    // distinct values per field, several above 2³¹ (a layout near WebAssembly's 4 GiB)
    const config = Object.fromEntries(
      names.map((name, i) => [name, i % 2 === 0 ? 2 ** 32 - 64 * (i + 1) : 1000 + i]),
    ) as KernelConfig;
    writeKernelConfig(memory, 128, config);
    expect(readKernelConfig(memory, 128)).toEqual(config);
    // the block starts at the given offset: nothing written before it
    expect(Array.from(new Uint32Array(memory.buffer, 0, 32))).toEqual(new Array(32).fill(0));
  });

  test("a worker's configuration names its own scratch and the shared model", () => {
    const settings = resolveSettings({
      architecture: "cbow",
      vectorSize: 10,
      negative: 2,
      hs: true,
      workers: 2,
      hotRows: 3,
    });
    const layout = planLayout(settings, 7, 12, TABLE_SIZE);
    const config = kernelConfig(layout, 1, { flags: kernelFlags(settings, null), hotRows: 3 });
    expect(config).toMatchObject({
      syn0: layout.syn0,
      syn1neg: layout.syn1neg,
      syn1: layout.syn1,
      dim: 10,
      hotRows: 3,
    });
    expect(config).toMatchObject({
      batch: layout.scratch[1].batch,
      neu1: layout.scratch[1].neu1,
      hot0: layout.scratch[1].hot0,
      dirty1: layout.scratch[1].dirty1,
    });
    expect(config.batch).not.toBe(layout.scratch[0].batch);
    // each worker's block lies in its own scratch, apart from the other's
    expect(Math.abs(layout.scratch[1].config - layout.scratch[0].config)).toBeGreaterThanOrEqual(KERNEL_CONFIG_BYTES);
    expect(config.flags).toBe(FLAG_HS | FLAG_NS | FLAG_CBOW_MEAN);
  });

  test("flags follow the settings and the sampler", () => {
    const settings = resolveSettings({ negative: 5, saturation: "clip", cbowMean: false });
    expect(kernelFlags(settings, null)).toBe(FLAG_NS | FLAG_CLIP);
    const weighted = { weighted: true } as Parameters<typeof kernelFlags>[1];
    expect(kernelFlags(settings, weighted)).toBe(FLAG_NS | FLAG_CLIP | FLAG_WEIGHTED);
  });
});
