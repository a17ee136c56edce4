/**
 * markdownlint's API (0.40.0, 0.41.1, 0.42.1) from a user's ES module (`import`) and CommonJS script
 * (`require`), tests/e2e/drivers/api-esm.mjs and api-cjs.cjs, with the packed tarball installed
 * (tests/e2e/hosts/api), on Node 20.18.3 (no `require()` of ES modules: the CommonJS build), Node 20
 * (20.19+) and Node 22 (`require()` of the ES module through the `module-sync` condition).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack, type LintError } from "../harness.js";
import { context, envFor, HOST_LOG, run, sorted, type NodeId } from "./support.js";

interface ApiResponse {
  node: string;
  markdownlint: string;
  loader: "import" | "require";
  isArray: boolean;
  sameAsNamed: boolean;
  resolved: string;
  requireResolved: string;
  results: LintError[];
}

const fields = (error: LintError): string =>
  JSON.stringify([
    error.ruleNames,
    error.lineNumber,
    error.errorDetail,
    error.errorContext,
    error.errorRange,
    error.fixInfo,
    error.ruleInformation,
  ]);

const API_NODES: readonly { node: NodeId; requireEsm: boolean }[] = [
  { node: "20.18.3", requireEsm: false },
  { node: "20", requireEsm: true },
  { node: "22", requireEsm: true },
];

const VERSIONS = ["0.40.0", "0.41.1", "0.42.1"] as const;
const SCRIPTS = ["api-esm.mjs", "api-cjs.cjs"] as const;
const alias = (version: string): string => `markdownlint-${version.split(".").slice(0, 2).join(".")}`;

/** One run of a script on a Node version, with every markdownlint version (one process; cached per test file). */
const runs = new Map<string, { status: number | null; stderr: string; responses: ApiResponse[] }>();
function runScript(
  node: NodeId,
  script: (typeof SCRIPTS)[number],
): { status: number | null; stderr: string; responses: ApiResponse[] } {
  const key = `${node} ${script}`;
  const cached = runs.get(key);
  if (cached) return cached;
  const { installs, nodes } = context();
  const dir = installs.api;
  const file = join(dir, "tv-tasks.md");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, HOST_LOG);
  const result = run(nodes[node], [script, file, ...VERSIONS.map(alias)], { cwd: dir, env: envFor(nodes[node]) });
  const entry = {
    status: result.status,
    stderr: result.stderr,
    responses: result.status === 0 ? (JSON.parse(result.stdout) as ApiResponse[]) : [],
  };
  runs.set(key, entry);
  return entry;
}

describe.each(API_NODES)("markdownlint's API on Node $node", ({ node, requireEsm }) => {
  const cases = VERSIONS.flatMap((markdownlint) => SCRIPTS.map((script) => ({ markdownlint, script })));

  it.each(cases)(
    "markdownlint $markdownlint from $script: the rule array, and the library's findings",
    ({ markdownlint, script }) => {
      const result = runScript(node, script);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const response = result.responses[VERSIONS.indexOf(markdownlint)] as ApiResponse;
      expect(response.node).toEqual(
        node.includes(".") ? `v${node}` : expect.stringMatching(new RegExp(`^v${node}\\.`)),
      );
      expect(response.markdownlint).toBe(markdownlint);
      expect(response.isArray).toBe(true);
      expect(response.sameAsNamed).toBe(true);
      // import() always gets the ES module; require() gets it too where Node can require() ES modules
      // (the `module-sync` condition), and the CommonJS build where it cannot.
      expect(response.resolved).toMatch(
        script === "api-esm.mjs" || requireEsm ? /dist\/index\.js$/ : /dist\/index\.cjs$/,
      );
      expect(response.requireResolved).toMatch(requireEsm ? /dist\/index\.js$/ : /dist\/index\.cjs$/);
      expect(sorted(response.results.map(fields))).toEqual(sorted(lintPack(HOST_LOG).map(fields)));
    },
  );
});
