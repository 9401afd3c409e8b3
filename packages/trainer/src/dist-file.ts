import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The path of a build output (`worker.js`, `kernel.wasm`) next to this module in
 * dist/, or in ../dist/ when this module runs from src/ (vitest importing the
 * TypeScript sources). Run `pnpm build` first.
 */
export function distFile(name: string): string {
  const beside = fileURLToPath(new URL(`./${name}`, import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL(`../dist/${name}`, import.meta.url));
  if (existsSync(built)) return built;
  throw new Error(`@neglab/trainer: ${name} not found beside ${beside} or at ${built}; run \`pnpm --filter @neglab/trainer build\``);
}
