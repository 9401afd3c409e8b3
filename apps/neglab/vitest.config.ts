import { defineConfig } from "vitest/config";

// Hooks train too (report.test.ts's beforeAll runs a whole grid), so they get the tests' limit: on a loaded machine
// the default 10 s is not enough.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });
