import { defineConfig } from "vitest/config";

// Tests on real data and ≥ 10^6 draws outlast vitest's 5 s default on a loaded 2-core machine.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
