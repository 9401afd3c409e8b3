// Bundles src/worker.ts with what it imports (@neglab/samplers, @neglab/random,
// the kernels) into one file, dist/worker.js, which every training worker runs.
// Why: a worker thread that loads ~40 ES modules one by one spends ~40 ms on it
// (~70 ms when two workers start at once: they contend for the module loader),
// against ~10 ms for one bundled file — measured on this project's 2-vCPU host,
// where it is a tenth of a CBOW epoch on Brown. Custom sampler modules
// (`samplerModule`, `module:` specs) still load at run time.
//   node scripts/bundle-worker.mjs   (part of `pnpm build`)
import { build } from "esbuild";

await build({
  entryPoints: ["src/worker.ts"],
  outfile: "dist/worker.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // No source map: it would point at src/, which is not published.
  sourcemap: false,
  logLevel: "warning",
});
