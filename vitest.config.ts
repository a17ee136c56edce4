import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Says once when the corpus is absent (its tests are then skipped); fails under CI=true.
    globalSetup: ["tests/support/global-setup.ts"],
    watch: false,
    // vitest's default is one worker less than the cores: a single worker (all files in series) on a
    // 2-core machine. The test files are CPU-bound and independent, so use every core.
    maxWorkers: "100%",
    testTimeout: 60_000,
  },
});
