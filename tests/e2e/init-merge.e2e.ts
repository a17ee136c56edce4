/**
 * `tasklog init` from the packed tarball in a repository that is already set up by hand: another
 * tool's pre-commit hook, VS Code settings with comments and other keys, and the linter's own
 * `.markdownlint.json` with the prefix `ab`. init keeps them all, is idempotent, `--force` touches only
 * the pack's entries, and markdownlint-cli2 (0.24.1, from the project's node_modules) then applies the
 * prefix the snippets and the starter log use.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { context, parseFinding, run, runCli, runTasklog, workspace, type InstalledHost } from "./support.js";

const PRE_COMMIT = [
  "# Hooks of the team",
  "repos:",
  "  - repo: https://github.com/pre-commit/pre-commit-hooks",
  "    rev: v4.6.0",
  "    hooks:",
  "      - id: end-of-file-fixer # keep me",
  "",
].join("\n");

const SETTINGS = [
  "{",
  "  // Our editor settings",
  '  "editor.tabSize": 4,',
  '  "editor.codeActionsOnSave": { "source.organizeImports": "explicit" },',
  '  "files.exclude": { "**/dist": true }, // generated',
  "}",
  "",
].join("\n");

const DEFERRED = [
  "### Deferred · ab-2025-10-03:PR7 · Stabilize the badge workflow",
  "",
  "- **Summary**: Badge generation differs between macOS and CI.",
  "- **Priority**: P1",
  "- **Size**: S",
  "- **Meta?**: No.",
  "- **Dependencies**: None.",
  "- **References**: Branch `coverage-badge`.",
  "- **Holding pattern**: Resume after the release.",
  "- **PR status**: <https://github.com/acme/app/pull/7> (keep in Draft).",
  "",
].join("\n");

const MARKDOWNLINT = '{\n  "MD013": false,\n  "tasklog": { "prefix": ["ab"] }\n}\n';

const tasklog = runTasklog;

describe("tasklog init merges into a repository set up by hand (markdownlint-cli2 0.24.1)", () => {
  const host = (): InstalledHost => context().hosts["cli2-0.24"];

  it("keeps every other entry, is idempotent, --force touches only the pack's, and the linter applies the snippets' prefix", () => {
    const dir = workspace(host().dir, {
      ".pre-commit-config.yaml": PRE_COMMIT,
      ".vscode/settings.json": SETTINGS,
      ".markdownlint.json": MARKDOWNLINT,
    });
    const read = (name: string): string => readFileSync(join(dir, name), "utf8");
    const first = tasklog(host(), dir, ["init", "--pre-commit", "--log", "tasks.md"]);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(
      /^note: \.markdownlint\.json is in the folder: markdownlint-cli2 applies its settings/m,
    );
    // Every other byte of the files kept: the original text is what remains without the insertions.
    const settings = read(".vscode/settings.json");
    for (const line of SETTINGS.split("\n")) expect(settings).toContain(line.replace('"explicit" },', '"explicit"'));
    expect(settings).toContain('"source.fixAll.markdownlint": "explicit"');
    expect(settings).toContain("// Our editor settings");
    expect(settings).toContain('"files.exclude": { "**/dist": true }, // generated');
    expect(read(".pre-commit-config.yaml").startsWith(PRE_COMMIT)).toBe(true);
    expect(read(".pre-commit-config.yaml")).toMatch(
      /- id: markdownlint-cli2\n {8}additional_dependencies: \["markdownlint-rule-tasklog@/,
    );
    expect(read(".markdownlint.json").startsWith('{\n  "MD013": false,\n  "tasklog": { "prefix": ["ab"] },\n')).toBe(
      true,
    );
    expect(read(".markdownlint-cli2.jsonc")).not.toMatch(/^\s*"config"\s*:/m);

    // The snippets and the log use the prefix markdownlint-cli2 applies (ab, from .markdownlint.json).
    const snippets = JSON.parse(read(".vscode/tasklog.code-snippets")) as Record<string, { body: string[] }>;
    expect(snippets["tasklog: Open task"]?.body[0]).toMatch(/^### Open · \$\{1:ab\}-/);
    expect(read("tasks.md")).toContain("`ab-YYYY-MM-DD:PR###`");
    expect(runCli(host(), dir, ["tasks.md"]).lines).toEqual([]);
    // A task with the ab prefix passes TL002 in markdownlint-cli2; the same task with tv is reported.
    // (Written by hand: `tasklog new` reads the configuration through src/cli/config.ts, which is
    // being rewritten to follow markdownlint-cli2's precedence.)
    writeFileSync(join(dir, "tasks.md"), `${read("tasks.md")}\n${DEFERRED}`);
    const findings = (file: string): string[] =>
      runCli(host(), dir, [file]).lines.map((line) => parseFinding(line).rule);
    expect(findings("tasks.md")).not.toContain("TL002");
    const other = read("tasks.md").replace("ab-2025-10-03:PR7", "tv-2025-10-03:PR7");
    writeFileSync(join(dir, "other.md"), other);
    expect(findings("other.md")).toContain("TL002");

    // Idempotent.
    const names = [
      ".pre-commit-config.yaml",
      ".vscode/settings.json",
      ".vscode/extensions.json",
      ".markdownlint.json",
      ".markdownlint-cli2.jsonc",
      ".vscode/tasklog.code-snippets",
    ];
    const before = names.map(read);
    const again = tasklog(host(), dir, ["init", "--pre-commit"]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^nothing to do: .* are already set up$/m);
    expect(names.map(read)).toEqual(before);

    // --force: only the pack's entries.
    run(
      "sh",
      [
        "-c",
        'sed -i \'s/"source.fixAll.markdownlint": "explicit"/"source.fixAll.markdownlint": "never"/\' .vscode/settings.json',
      ],
      { cwd: dir },
    );
    const forced = tasklog(host(), dir, ["init", "--pre-commit", "--force"]);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(
      /^updated \.vscode\/settings\.json: replaced "editor\.codeActionsOnSave" > "source\.fixAll\.markdownlint" \(was "never"\)$/m,
    );
    expect(names.map(read)).toEqual(before);
    expect(read(".pre-commit-config.yaml")).toContain("- id: end-of-file-fixer # keep me");
  });
});
