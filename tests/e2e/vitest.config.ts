/**
 * End-to-end tests: the packed tarball installed into temporary user projects and run by the real
 * hosts (markdownlint-cli2 0.24.1 on Node 22, markdownlint-cli2 0.20.0 on Node 20, the way the VS Code
 * extension calls markdownlint-cli2, and pre-commit with real git commits). `npm run test:e2e` (which
 * first installs the `pre-commit` tool when it is missing: scripts/ci-deps.sh); part of `npm test`.
 * `npm run test:precommit` runs the pre-commit test alone.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    // The pre-commit test (tests/e2e/hook.precommit.ts) is the slow one; it runs in parallel with the others.
    include: ["tests/e2e/**/*.e2e.ts", "tests/e2e/**/*.precommit.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    watch: false,
    // Every core (vitest's default leaves one out: a single worker on a 2-core machine), so that the
    // slow files run in parallel with the others.
    maxWorkers: "100%",
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
