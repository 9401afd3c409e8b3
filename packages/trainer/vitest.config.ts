import { defineConfig } from "vitest/config";

// Training tests run real (small) trainings on worker threads; on a loaded
// 2-core machine they take far longer than vitest's 5 s default.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });
