import { defineConfig } from "vitest/config";

// `pnpm bench`: the timing scripts in bench/, run once each (never part of `pnpm test`).
export default defineConfig({ test: { include: ["bench/**/*.bench.ts"], testTimeout: 300_000 } });
