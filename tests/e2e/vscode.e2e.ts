/**
 * VS Code, end to end: markdownlint-cli2's exported `main` called the way the markdownlint extension
 * calls it for an open document (tests/e2e/drivers/vscode-extension.mjs), from a copy of the host
 * that does NOT have the package — as the extension bundles markdownlint-cli2 — on a workspace that
 * installed the packed tarball as a dev dependency and names it in `.markdownlint-cli2.jsonc`.
 * The extension (0.61.2) ships markdownlint-cli2 0.20.0 (markdownlint 0.40.0); its extension host
 * runs Node 22 on desktop and Node 24 on remote and web-server hosts (the npm packages node@22 and
 * node@24), so the driver runs on both. The results are turned into diagnostics the way the
 * extension does (0-based range from `errorRange`, message `ID/name: description [detail]`, errors
 * shown as warnings) and the test asserts on those.
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
import { CLEAN_LOG, EDITORS, cli2Config, context, envFor, run, sorted, workspace } from "./support.js";

interface Result extends LintError {
  fileName: string;
}

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity: string;
  source: string;
  code: { value: string; target: string };
  fixable: boolean;
}

interface Response {
  node: string;
  cli2: string;
  trusted: { exitCode: number; results: Result[] };
  diagnostics: Diagnostic[];
  perRuleFixAll: { rule: string; text: string; results: Result[] }[];
  quickFixes: { finding: string; lineNumber: number; before: string; after: string | null; stillReported: boolean }[];
  fixedText: string;
  afterFixAll: { exitCode: number; results: Result[] };
  untrusted: { exitCode: number; results: Result[] };
}

/** What the extension turns into a diagnostic: rule, line, range, message parts, quick fix. */
const diagnostic = (result: LintError): string =>
  JSON.stringify([
    result.ruleNames,
    result.lineNumber,
    result.errorRange,
    result.ruleDescription,
    result.errorDetail,
    result.ruleInformation,
    result.fixInfo,
    result.severity,
  ]);

/** The diagnostic the extension shows for a library finding on `lines`. */
const expectedDiagnostic = (error: LintError, lines: readonly string[]): Diagnostic => {
  const line = error.lineNumber - 1;
  const start = error.errorRange ? error.errorRange[0] - 1 : 0;
  const end = error.errorRange ? start + error.errorRange[1] : (lines[line] ?? "").length;
  return {
    range: { start: { line, character: start }, end: { line, character: end } },
    message: `${error.ruleNames[0]}/${error.ruleNames[1]}: ${error.ruleDescription}${error.errorDetail ? ` [${error.errorDetail}]` : ""}`,
    severity: "Warning",
    source: "markdownlint",
    code: { value: error.ruleNames[0] as string, target: error.ruleInformation as string },
    fixable: error.fixInfo !== null,
  };
};

/**
 * The extension's call for the open document `text` of `folder`/tv-tasks.md, in a trusted workspace
 * (tests/e2e/drivers/vscode-extension.mjs, run by `extension.node` from the extension's copy): its
 * response, after checking that it printed nothing on stderr and exited 0.
 */
function runDriver(extension: { dir: string; node: string }, folder: string, text: string): Response {
  const file = join(folder, "tv-tasks.md");
  const requestPath = join(folder, "request.json");
  const responsePath = join(folder, "response.json");
  writeFileSync(requestPath, JSON.stringify({ workspace: folder, file, text, trusted: true }));
  const driver = run(extension.node, [join(extension.dir, "vscode-extension.mjs"), requestPath, responsePath], {
    cwd: folder,
    env: envFor(extension.node),
  });
  expect(driver.stderr).toBe("");
  expect(driver.status).toBe(0);
  return JSON.parse(readFileSync(responsePath, "utf8")) as Response;
}

describe.each(EDITORS)("VS Code extension call with markdownlint-cli2 0.20.0 on Node $node ($where)", (spec) => {
  it("gives the library's diagnostics on the in-memory document, with quick fixes that apply cleanly", () => {
    const { extension: extensionDir, vscodeWorkspace, nodes } = context();
    const extension = { dir: extensionDir, node: nodes[spec.node] };
    expect(existsSync(join(extension.dir, "node_modules", "markdownlint-rule-tasklog"))).toBe(false);
    expect(existsSync(join(vscodeWorkspace, "node_modules", "markdownlint-rule-tasklog", "package.json"))).toBe(true);

    // The workspace folder: the README's config file and, on disk, the clean log.
    const folder = workspace(vscodeWorkspace, {
      ".markdownlint-cli2.jsonc": cli2Config({ extends: "markdownlint-rule-tasklog/recommended" }),
      "tv-tasks.md": CLEAN_LOG,
    });
    const response = runDriver(extension, folder, BROKEN);
    expect(response.node).toMatch(new RegExp(`^v${spec.node}\\.`));
    expect(response.cli2).toBe("0.20.0");

    // Diagnostics: exactly the library's findings on the editor's text (the preset's built-in rules find nothing).
    const library = lintPack(BROKEN);
    expect(library.length).toBeGreaterThan(0);
    expect(sorted(response.trusted.results.map(diagnostic))).toEqual(sorted(library.map(diagnostic)));
    expect(response.trusted.exitCode).toBe(1);
    const lines = BROKEN.split("\n");
    // The diagnostics the editor shows: range, message, severity, code link, one per finding.
    const byPosition = (a: Diagnostic, b: Diagnostic): number =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.message.localeCompare(b.message);
    expect([...response.diagnostics].sort(byPosition)).toEqual(
      library.map((error) => expectedDiagnostic(error, lines)).sort(byPosition),
    );
    for (const diagnostic of response.diagnostics) {
      const line = lines[diagnostic.range.start.line] ?? "";
      expect(diagnostic.range.end.character, diagnostic.message).toBeLessThanOrEqual(line.length);
      expect(diagnostic.range.start.character, diagnostic.message).toBeLessThan(diagnostic.range.end.character);
      expect(diagnostic.message).toMatch(/^TL\d{3}\/[a-z-]+: /);
    }
    for (const result of response.trusted.results) {
      expect(result.fileName).toBe("tv-tasks.md");
      expect(result.ruleInformation).toMatch(
        new RegExp(`/docs/rules/${result.ruleNames[0]}-${result.ruleNames[1]}\\.md$`),
      );
      if (result.errorRange) {
        const [column, length] = result.errorRange;
        expect(column + length - 1, `${result.ruleNames[0]}:${result.lineNumber} range`).toBeLessThanOrEqual(
          (lines[result.lineNumber - 1] ?? "").length,
        );
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

    // Fix all violations of one rule: that rule's fixable findings are gone, the text changed only
    // where they were, and the other rules' findings are what the library finds on the new text.
    const fixableRules = [...new Set(fixable.map((error) => error.ruleNames[0] as string))].sort();
    expect(response.perRuleFixAll.map((entry) => entry.rule)).toEqual(fixableRules);
    for (const entry of response.perRuleFixAll) {
      expect(entry.text, entry.rule).not.toBe(BROKEN);
      expect(
        entry.results.filter((result) => result.ruleNames[0] === entry.rule && result.fixInfo),
        entry.rule,
      ).toEqual([]);
      expect(sorted(entry.results.map(diagnostic)), entry.rule).toEqual(sorted(lintPack(entry.text).map(diagnostic)));
      const changed = entry.text.split("\n").flatMap((line, index) => (line === lines[index] ? [] : [index + 1]));
      const ruleLines = new Set(
        fixable
          .filter((error) => error.ruleNames[0] === entry.rule)
          .map((error) => error.fixInfo?.lineNumber ?? error.lineNumber),
      );
      for (const line of changed) expect(ruleLines.has(line), `${entry.rule} changed line ${line}`).toBe(true);
    }

    // Fix all: the fixed log, with nothing fixable left.
    expect(response.fixedText).toBe(FIXED);
    expect(response.afterFixAll.results.filter((result) => result.fixInfo)).toEqual([]);
    expect(sorted(response.afterFixAll.results.map(diagnostic))).toEqual(sorted(lintPack(FIXED).map(diagnostic)));

    // An untrusted workspace (noImport) cannot load the package: no finding of the pack.
    expect(response.untrusted.results.filter((result) => /^TL\d{3}$/.test(result.ruleNames[0] as string))).toEqual([]);
  });
});

describe("the README's web-editor setup (the preset written into the user's own file)", () => {
  it("keeps the built-in rules without custom rules (noImport, as in the web editor), and the pack on the desktop", () => {
    const { extension, vscodeWorkspace, nodes } = context();
    const readme = readFileSync(join(import.meta.dirname, "..", "..", "docs", "hosts.md"), "utf8");
    const command = /^ {2}node -e '(.*)'$/m.exec(readme.slice(readme.indexOf("**Web editor**")))?.[1];
    expect(command).toBeDefined();
    const folder = workspace(vscodeWorkspace, { "tv-tasks.md": CLEAN_LOG });
    const written = run(nodes["22"], ["-e", command as string], { cwd: folder, env: envFor(nodes["22"]) });
    expect(written.stderr).toBe("");
    const config = JSON.parse(readFileSync(join(folder, ".markdownlint-cli2.jsonc"), "utf8")) as {
      customRules: string[];
      config: Record<string, unknown>;
    };
    expect(config.customRules).toEqual(["markdownlint-rule-tasklog"]);
    expect(config.config).not.toHaveProperty("extends");
    expect(config.config["MD013"]).toBe(false);
    // The editor's text: the broken log plus a trailing space (MD009, on in the preset).
    const text = `${BROKEN}\nTrailing space. \n`;
    const trailing = text.split("\n").length - 1;
    const response = runDriver({ dir: extension, node: nodes["22"] }, folder, text);
    const rules = (results: Result[]): string[] =>
      sorted([...new Set(results.map((result) => `${result.ruleNames[0]}:${result.lineNumber}`))]);
    expect(rules(response.untrusted.results)).toEqual([`MD009:${trailing}`]);
    expect(rules(response.trusted.results)).toEqual(
      sorted([
        ...new Set([
          `MD009:${trailing}`,
          ...lintPack(text).map((error) => `${error.ruleNames[0]}:${error.lineNumber}`),
        ]),
      ]),
    );
  });
});

describe("a task heading on line 1 in the editor (issue 18: fixes on line 1 after a BOM)", () => {
  it("is reported with no quick fix, and fix all leaves line 1 as written (VS Code's text has no BOM, cli2 --fix's has)", () => {
    const { extension, vscodeWorkspace, nodes } = context();
    const folder = workspace(vscodeWorkspace, {
      ".markdownlint-cli2.jsonc": cli2Config({ extends: "markdownlint-rule-tasklog/recommended" }),
      "tv-tasks.md": CLEAN_LOG,
    });
    // On disk the file starts with a BOM; the editor's text is the file without it.
    const firstLine = "### Open - tv-2025-10-03:PR41 - Title on the first line";
    const text = `${firstLine}\n\n${BROKEN}`;
    writeFileSync(join(folder, "tv-tasks.md"), `\uFEFF${text}`);
    const response = runDriver({ dir: extension, node: nodes["22"] }, folder, text);
    const onLine1 = response.diagnostics.filter(
      (entry) => entry.range.start.line === 0 && entry.code.value === "TL001",
    );
    expect(onLine1.length).toBeGreaterThan(0);
    for (const entry of onLine1) expect(entry.fixable, entry.message).toBe(false);
    // Fix all changes other lines, never the first.
    expect(response.fixedText.split("\n")[0]).toBe(firstLine);
    expect(response.fixedText).not.toBe(text);
  });
});
