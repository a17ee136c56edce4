/**
 * End-to-end tests: the packed tarball installed into temporary user projects and run by the real
 * hosts (markdownlint-cli2 0.24.1 on Node 22, 0.22.1 and 0.20.0 on Node 20; markdownlint-cli 0.50.0
 * and the super-linter and MegaLinter command lines on Node 20 and 22; markdownlint's API 0.40-0.42
 * from ES modules and CommonJS on Node 20.18.3, 20 and 22; the way the VS Code extension calls
 * markdownlint-cli2 0.20.0, on Node 22 and 24; the packaging checkers; and pre-commit with real git
 * commits). `npm run test:e2e` (which
 * first installs the `pre-commit` tool when it is missing: scripts/ci-deps.sh); part of `npm test`.
 * `npm run test:precommit` runs the pre-commit test alone. tests/e2e/types.e2e.ts checks TypeScript consumers.
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
    // The tests mostly wait for the hosts they start (child processes, npm, git): every core (vitest's
    // default leaves one out: a single worker on a 2-core machine), so that the slow files run in
    // parallel with the others.
    maxWorkers: "100%",
    // The pre-commit test installs pre-commit 4.x from pip on its first run (cached after) and four
    // hook environments (pre-commit's language: node).
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
