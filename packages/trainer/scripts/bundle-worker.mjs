// Bundles src/worker.ts with what it imports (@neglab/samplers, @neglab/random,
// the kernels) into one file, dist/worker.js, which every training worker runs.
// Why: Node loads a worker's ES modules one at a time, and workers starting
// together contend for the loader, so one bundled file starts a worker several
// times faster than the ~40 modules it imports — a cost paid at every training
// (BENCHMARKS.md, "Speed with a bundled worker"). Custom sampler modules
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
