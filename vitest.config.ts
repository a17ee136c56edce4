import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Says once when the corpus is absent (its tests are then skipped); fails under CI=true.
    globalSetup: ["tests/support/global-setup.ts"],
    watch: false,
    testTimeout: 60_000,
  },
});
