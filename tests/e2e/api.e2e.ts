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
import { context, envFor, readReal, run, sorted, type NodeId } from "./support.js";

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
  JSON.stringify([error.ruleNames, error.lineNumber, error.errorDetail, error.errorContext, error.errorRange, error.fixInfo, error.ruleInformation]);

const API_NODES: readonly { node: NodeId; requireEsm: boolean }[] = [
  { node: "20.18.3", requireEsm: false },
  { node: "20", requireEsm: true },
  { node: "22", requireEsm: true },
];

describe.each(API_NODES)("markdownlint's API on Node $node", ({ node, requireEsm }) => {
  const cases = ["0.40.0", "0.41.1", "0.42.1"].flatMap((markdownlint) => (["api-esm.mjs", "api-cjs.cjs"] as const).map((script) => ({ markdownlint, script })));

  it.each(cases)("markdownlint $markdownlint from $script: the rule array, and the library's findings", ({ markdownlint, script }) => {
    const { installs, nodes } = context();
    const dir = installs.api;
    const file = join(dir, "tv-tasks.md");
    const content = readReal(40);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    const alias = `markdownlint-${markdownlint.split(".").slice(0, 2).join(".")}`;
    const result = run(nodes[node], [script, alias, file], { cwd: dir, env: envFor(nodes[node]) });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const response = JSON.parse(result.stdout) as ApiResponse;
    expect(response.node).toEqual(node.includes(".") ? `v${node}` : expect.stringMatching(new RegExp(`^v${node}\\.`)));
    expect(response.markdownlint).toBe(markdownlint);
    expect(response.isArray).toBe(true);
    expect(response.sameAsNamed).toBe(true);
    // import() always gets the ES module; require() gets it too where Node can require() ES modules
    // (the `module-sync` condition), and the CommonJS build where it cannot.
    expect(response.resolved).toMatch(script === "api-esm.mjs" || requireEsm ? /dist\/index\.js$/ : /dist\/index\.cjs$/);
    expect(response.requireResolved).toMatch(requireEsm ? /dist\/index\.js$/ : /dist\/index\.cjs$/);
    expect(sorted(response.results.map(fields))).toEqual(sorted(lintPack(content).map(fields)));
  });
});
