import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { findBuiltFile } from "../src/index.js";

// A package laid out as published (dist/) and as tested (src/ beside dist/).
const root = mkdtempSync(join(tmpdir(), "neglab-built-file-"));
mkdirSync(join(root, "src", "analogy"), { recursive: true });
mkdirSync(join(root, "dist", "analogy"), { recursive: true });
writeFileSync(join(root, "dist", "analogy", "worker.js"), "");
const url = (...parts: string[]) => pathToFileURL(join(root, ...parts)).href;

describe("findBuiltFile", () => {
  it("finds the file beside a module in dist/", () => {
    expect(findBuiltFile(url("dist", "analogy", "scan.js"), "./worker.js", "@x/y")).toBe(
      join(root, "dist", "analogy", "worker.js"),
    );
  });
  it("finds it at the same place under dist/ for a module running from src/", () => {
    expect(findBuiltFile(url("src", "analogy", "scan.ts"), "./worker.js", "@x/y")).toBe(
      join(root, "dist", "analogy", "worker.js"),
    );
  });
  it("fails loudly, naming the package, both places and the build command, when it is not built", () => {
    expect(() => findBuiltFile(url("src", "analogy", "scan.ts"), "./kernel.wasm", "@x/y")).toThrow(
      `@x/y: the built file ./kernel.wasm is missing (looked for ${join(root, "src", "analogy", "kernel.wasm")} or ${join(root, "dist", "analogy", "kernel.wasm")}); run \`pnpm --filter @x/y build\``,
    );
  });
});
