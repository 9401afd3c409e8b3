import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The path of a build output (a worker script, a WebAssembly module) that a
 * package's module loads at run time: `name` resolved against `moduleUrl` (the
 * calling module's `import.meta.url`) when it is there, as it is when the
 * module runs from the package's `dist/`; else the same place under `dist/`
 * when the module runs from `src/` (tests importing the TypeScript sources,
 * where only `dist/` has the built file).
 *
 * @throws Error naming `packageName`, the places looked at and the build
 *   command when neither exists: a missing build output is never worked around
 *   silently (e.g. by running single-threaded).
 */
export function findBuiltFile(moduleUrl: string | URL, name: string, packageName: string): string {
  const beside = fileURLToPath(new URL(name, moduleUrl));
  if (existsSync(beside)) return beside;
  const module = fileURLToPath(moduleUrl);
  const at = module.lastIndexOf(`${sep}src${sep}`);
  const built = at < 0 ? null : join(module.slice(0, at), "dist", relative(join(module.slice(0, at), "src"), beside));
  if (built !== null && existsSync(built)) return built;
  const looked = built === null ? beside : `${beside} or ${built}`;
  throw new Error(
    `${packageName}: the built file ${name} is missing (looked for ${looked}); run \`pnpm --filter ${packageName} build\``,
  );
}
