/**
 * End-to-end tests: the packed tarball installed into temporary user projects and run by the real
 * hosts (markdownlint-cli2 0.24.1 on Node 22, markdownlint-cli2 0.20.0 on Node 20, the way the VS Code
 * extension calls markdownlint-cli2). `npm run test:e2e`; part of `npm test`.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    watch: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
