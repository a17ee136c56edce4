/**
 * VS Code, end to end: markdownlint-cli2's exported `main` called the way the markdownlint extension
 * calls it for an open document (tests/e2e/drivers/vscode-extension.mjs), from a copy of the host
 * that does NOT have the package — as the extension bundles markdownlint-cli2 — on a workspace that
 * installed the packed tarball as a dev dependency and names it in `.markdownlint-cli2.jsonc`.
 * The extension ships markdownlint-cli2 0.20.0 (markdownlint 0.40.0) and runs it on Node 20; the
 * current 0.24.1 on Node 22 is checked too.
 *
 * The document in the editor (unsaved) is the broken log while the file on disk is the clean one:
 * the diagnostics must be the library's findings on the editor's text, each with a docs link, a
 * range inside its line, and a quick fix that applies cleanly to its line and removes that finding;
 * "fix all" must give exactly the fixed log. An untrusted workspace loads no custom rules.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack, type LintError } from "../harness.js";
import { BROKEN, FIXED } from "./broken.js";
import { CLEAN_LOG, HOSTS, cli2Config, context, envFor, run, sorted, workspace } from "./support.js";

interface Result extends LintError {
  fileName: string;
}

interface Response {
  node: string;
  cli2: string;
  trusted: { exitCode: number; results: Result[] };
  quickFixes: { finding: string; lineNumber: number; before: string; after: string | null; stillReported: boolean }[];
  fixedText: string;
  afterFixAll: { exitCode: number; results: Result[] };
  untrusted: { exitCode: number; results: Result[] };
}

/** What the extension turns into a diagnostic: rule, line, range, message parts, quick fix. */
const diagnostic = (result: LintError): string =>
  JSON.stringify([result.ruleNames, result.lineNumber, result.errorRange, result.ruleDescription, result.errorDetail, result.ruleInformation, result.fixInfo, result.severity]);

describe.each(HOSTS)("VS Code extension call with markdownlint-cli2 $cli2 on Node $nodeMajor", (spec) => {
  it("gives the library's diagnostics on the in-memory document, with quick fixes that apply cleanly", () => {
    const { extensions, vscodeWorkspace } = context();
    const extension = extensions[spec.id];
    expect(existsSync(join(extension.dir, "node_modules", "markdownlint-rule-tasklog"))).toBe(false);
    expect(existsSync(join(vscodeWorkspace, "node_modules", "markdownlint-rule-tasklog", "package.json"))).toBe(true);

    // The workspace folder: the README's config file and, on disk, the clean log.
    const folder = workspace(vscodeWorkspace, {
      ".markdownlint-cli2.jsonc": cli2Config({ extends: "markdownlint-rule-tasklog/recommended" }),
      "tv-tasks.md": CLEAN_LOG,
    });
    const file = join(folder, "tv-tasks.md");
    const requestPath = join(folder, "request.json");
    const responsePath = join(folder, "response.json");
    writeFileSync(requestPath, JSON.stringify({ workspace: folder, file, text: BROKEN, trusted: true }));
    const driver = run(extension.node, [join(extension.dir, "vscode-extension.mjs"), requestPath, responsePath], { cwd: folder, env: envFor(extension.node) });
    expect(driver.stderr).toBe("");
    expect(driver.status).toBe(0);
    const response = JSON.parse(readFileSync(responsePath, "utf8")) as Response;
    expect(response.node).toMatch(new RegExp(`^v${spec.nodeMajor}\\.`));
    expect(response.cli2).toBe(spec.cli2);

    // Diagnostics: exactly the library's findings on the editor's text (the preset's built-in rules find nothing).
    const library = lintPack(BROKEN);
    expect(library.length).toBeGreaterThan(0);
    expect(sorted(response.trusted.results.map(diagnostic))).toEqual(sorted(library.map(diagnostic)));
    expect(response.trusted.exitCode).toBe(1);
    const lines = BROKEN.split("\n");
    for (const result of response.trusted.results) {
      expect(result.fileName).toBe("tv-tasks.md");
      expect(result.ruleInformation).toMatch(new RegExp(`/docs/rules/${result.ruleNames[0]}-${result.ruleNames[1]}\\.md$`));
      if (result.errorRange) {
        const [column, length] = result.errorRange;
        expect(column + length - 1, `${result.ruleNames[0]}:${result.lineNumber} range`).toBeLessThanOrEqual((lines[result.lineNumber - 1] ?? "").length);
      }
    }

    // Quick fixes: one per fixable finding, each changes its line and removes its finding.
    const fixable = library.filter((error) => error.fixInfo !== null);
    expect(fixable.length).toBeGreaterThanOrEqual(2);
    expect(response.quickFixes).toHaveLength(fixable.length);
    for (const fix of response.quickFixes) {
      expect(fix.after, fix.finding).not.toBeNull();
      expect(fix.after, fix.finding).not.toBe(fix.before);
      expect(fix.before, fix.finding).toBe(lines[fix.lineNumber - 1]);
      expect(fix.stillReported, fix.finding).toBe(false);
    }

    // Fix all: the fixed log, with nothing fixable left.
    expect(response.fixedText).toBe(FIXED);
    expect(response.afterFixAll.results.filter((result) => result.fixInfo)).toEqual([]);
    expect(sorted(response.afterFixAll.results.map(diagnostic))).toEqual(sorted(lintPack(FIXED).map(diagnostic)));

    // An untrusted workspace (noImport) cannot load the package: no finding of the pack.
    expect(response.untrusted.results.filter((result) => /^TL\d{3}$/.test(result.ruleNames[0] as string))).toEqual([]);
  });
});
