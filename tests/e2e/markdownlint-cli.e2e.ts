/**
 * markdownlint-cli and the linters that run it, from the packed tarball:
 *
 * - markdownlint-cli 0.50.0 (the `markdownlint` command) with `--rules markdownlint-rule-tasklog`, on
 *   Node 20 and Node 22: the same findings as markdownlint-cli2 and the library; `customRules` in its
 *   config files is ignored (it reads custom rules only from `--rules`);
 * - the command lines super-linter and MegaLinter build for markdownlint-cli, with the config files
 *   they read (the README's configuration for each);
 *
 * markdownlint's API from ES modules and CommonJS scripts: api.e2e.ts.
 */
import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack, type LintError } from "../harness.js";
import {
  CLEAN_LOG,
  ROOT,
  context,
  envFor,
  formatDefault,
  nodeMajor,
  HOST_LOG,
  parseFinding,
  replaceOnce,
  run,
  runCli,
  sorted,
  workspace,
  type NodeId,
} from "./support.js";

const PACK_ONLY = { default: false, tasklog: true };
const STALE = replaceOnce(CLEAN_LOG, "## Open tasks (updated 2025-10-05)", "## Open tasks (updated 2025-10-04)");
const expectedLines = (file: string, errors: readonly LintError[]): string[] =>
  sorted(errors.map((error) => formatDefault(file, error)));

interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Finding lines (markdownlint-cli prints them on stderr, in the format of markdownlint-cli2's default formatter). */
  readonly lines: string[];
}

/** Run the host's `markdownlint` (markdownlint-cli) binary in `cwd` on the given Node.js. */
function markdownlintCli(node: NodeId, cwd: string, args: readonly string[]): CliRun {
  const { installs, nodes } = context();
  const result = run(join(installs["cli-0.50"], "node_modules", ".bin", "markdownlint"), args, {
    cwd,
    env: envFor(nodes[node]),
  });
  if (result.error) throw result.error;
  const lines = result.stderr
    .split("\n")
    .filter((line) => /^\S+?:\d+(?::\d+)? (?:error|warning) [A-Z]+\d{3}\//.test(line));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines };
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** A docs/hosts.md code block: the first fenced block with `info` right after the line containing `marker`. */
function readmeBlock(marker: string, info: string): string {
  const readme = readFileSync(join(ROOT, "docs", "hosts.md"), "utf8");
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README: "${marker}" not found`);
  const match = new RegExp(`^\`\`\`${info}(?: [^\\n]*)?\\n([\\s\\S]*?)^\`\`\`$`, "m").exec(readme.slice(at));
  if (!match) throw new Error(`README: no \`\`\`${info} block after "${marker}"`);
  return match[1] as string;
}

describe.each(["20", "22"] as const)("markdownlint-cli 0.50.0 on Node %s", (node) => {
  const project = () => context().installs["cli-0.50"];

  it("runs the versions it claims", () => {
    expect(nodeMajor(context().nodes[node])).toBe(Number(node));
    const result = markdownlintCli(node, project(), ["--version"]);
    expect(result.stdout.trim()).toBe("0.50.0");
  });

  it("--rules markdownlint-rule-tasklog: the task log's findings, exactly as the library and markdownlint-cli2 report them", () => {
    const content = HOST_LOG;
    const dir = workspace(project(), { "tv-tasks.md": content, ".markdownlint.json": json(PACK_ONLY) });
    const result = markdownlintCli(node, dir, ["--rules", "markdownlint-rule-tasklog", "tv-tasks.md"]);
    expect(result.stderr).not.toMatch(/Cannot load|incorrect|Error:/);
    expect(result.status).toBe(1);
    expect(sorted(result.lines)).toEqual(expectedLines("tv-tasks.md", lintPack(content)));
    // markdownlint-cli2 0.24.1 on the same file and configuration prints the same lines.
    const cli2Dir = workspace(context().hosts["cli2-0.24"].dir, {
      "tv-tasks.md": content,
      ".markdownlint-cli2.jsonc": json({ customRules: ["markdownlint-rule-tasklog"], config: PACK_ONLY }),
    });
    expect(sorted(runCli(context().hosts["cli2-0.24"], cli2Dir, ["tv-tasks.md"]).lines)).toEqual(sorted(result.lines));
  });

  it("exits 0 on the clean log, and --fix fixes what markdownlint-cli2 --fix fixes", () => {
    const clean = workspace(project(), { "tv-tasks.md": CLEAN_LOG, ".markdownlint.json": json(PACK_ONLY) });
    const result = markdownlintCli(node, clean, ["--rules", "markdownlint-rule-tasklog", "tv-tasks.md"]);
    expect(result.lines).toEqual([]);
    expect(result.status).toBe(0);
    const stale = workspace(project(), {
      "tv-tasks.md": replaceOnce(STALE, "- **Size**: S", "- **Size**: s"),
      ".markdownlint.json": json(PACK_ONLY),
    });
    const fixed = markdownlintCli(node, stale, ["--rules", "markdownlint-rule-tasklog", "--fix", "tv-tasks.md"]);
    expect(readFileSync(join(stale, "tv-tasks.md"), "utf8")).toBe(STALE);
    expect(fixed.lines.map(parseFinding).map((finding) => `${finding.rule}:${finding.line}`)).toEqual(["TL008:6"]);
    expect(fixed.status).toBe(1);
  });

  it("reads no customRules from its config files: without --rules the pack does not run", () => {
    const dir = workspace(project(), {
      "tv-tasks.md": HOST_LOG,
      ".markdownlint.json": json({ ...PACK_ONLY, customRules: ["markdownlint-rule-tasklog"] }),
    });
    const result = markdownlintCli(node, dir, ["tv-tasks.md"]);
    expect(result.lines).toEqual([]);
    expect(result.status).toBe(0);
  });

  it("the README's .markdownlint.json for markdownlint-cli ($schema, the preset through extends, an option)", () => {
    const content = HOST_LOG;
    const dir = workspace(project(), {
      "tv-tasks.md": content,
      ".markdownlint.json": readmeBlock("## markdownlint-cli (super-linter", "json"),
    });
    const result = markdownlintCli(node, dir, ["--rules", "markdownlint-rule-tasklog", "tv-tasks.md"]);
    expect(result.stderr).not.toMatch(/Cannot|Error:/);
    const rules = new Set(result.lines.map(parseFinding).map((finding) => finding.rule));
    expect(rules.has("TL002")).toBe(true);
    expect(rules.has("MD013")).toBe(false);
    expect([0, 1]).toContain(result.status);
  });

  it("super-linter's command line: markdownlint -c .github/linters/.markdown-lint.yml -r <workspace>/.github/linters/<glob>", () => {
    const content = HOST_LOG;
    const config = readmeBlock("super-linter's `.github/linters/.markdown-lint.yml`", "yaml");
    const dir = workspace(project(), { "docs/tv-tasks.md": content, ".github/linters/.markdown-lint.yml": config });
    // The repository checked out with its dependencies installed (`npm ci` before super-linter runs).
    symlinkSync(join(project(), "node_modules"), join(dir, "node_modules"));
    const glob = /MARKDOWN_CUSTOM_RULE_GLOBS: (\S+)/.exec(readmeBlock("### super-linter", "yaml"))?.[1] as string;
    expect(glob).toBe("../../node_modules/markdownlint-rule-tasklog/dist/index.cjs");
    // super-linter: LINTER_COMMANDS_ARRAY_MARKDOWN=(markdownlint -c "${MARKDOWN_LINTER_RULES}") plus
    // `-r "${GITHUB_WORKSPACE}/${LINTER_RULES_PATH}/${glob}"` per glob (LINTER_RULES_PATH .github/linters).
    const result = markdownlintCli(node, dir, [
      "-c",
      join(dir, ".github/linters/.markdown-lint.yml"),
      "-r",
      `${dir}/.github/linters/${glob}`,
      join(dir, "docs/tv-tasks.md"),
    ]);
    expect(result.stderr).not.toMatch(/Cannot|Error:/);
    const file = join(dir, "docs/tv-tasks.md");
    const pack = result.lines.filter((line) => / TL\d{3}\//.test(line));
    expect(sorted(pack)).toEqual(expectedLines(file, lintPack(content)));
    expect(result.lines.some((line) => / MD013\//.test(line))).toBe(false);
    expect(result.status).toBe(1);
  });

  it("MegaLinter's command line: markdownlint -c .markdownlint.json <MARKDOWN_MARKDOWNLINT_ARGUMENTS> <files>, from the workspace", () => {
    const content = HOST_LOG;
    const dir = workspace(project(), {
      "tv-tasks.md": content,
      ".markdownlint.json": readmeBlock("### MegaLinter", "json"),
    });
    symlinkSync(join(project(), "node_modules"), join(dir, "node_modules"));
    const megalinter = readmeBlock("### MegaLinter", "yaml");
    const args = /MARKDOWN_MARKDOWNLINT_ARGUMENTS: (.+)/.exec(megalinter)?.[1]?.trim().split(/\s+/) as string[];
    expect(args).toEqual(["--rules", "markdownlint-rule-tasklog"]);
    const result = markdownlintCli(node, dir, ["-c", ".markdownlint.json", ...args, "tv-tasks.md"]);
    expect(result.stderr).not.toMatch(/Cannot|Error:/);
    const pack = result.lines.filter((line) => / TL\d{3}\//.test(line));
    expect(sorted(pack)).toEqual(expectedLines("tv-tasks.md", lintPack(content)));
    expect(result.lines.some((line) => / MD013\//.test(line))).toBe(false);
    expect(result.status).toBe(1);
  });
});

describe("markdownlint-cli 0.50.0 on Node 20.18.3 (no require() of ES modules: the CommonJS build)", () => {
  it("--rules markdownlint-rule-tasklog loads dist/index.cjs and reports the library's findings", () => {
    const project = context().installs["cli-0.50"];
    const content = HOST_LOG;
    const dir = workspace(project, { "tv-tasks.md": content, ".markdownlint.json": json(PACK_ONLY) });
    const resolved = run(context().nodes["20.18.3"], ["-p", 'require.resolve("markdownlint-rule-tasklog")'], {
      cwd: dir,
    });
    expect(resolved.stdout.trim()).toMatch(/dist\/index\.cjs$/);
    const result = markdownlintCli("20.18.3", dir, ["--rules", "markdownlint-rule-tasklog", "tv-tasks.md"]);
    expect(result.stderr).not.toMatch(/Cannot load|incorrect|Error:/);
    expect(sorted(result.lines)).toEqual(expectedLines("tv-tasks.md", lintPack(content)));
    expect(result.status).toBe(1);
  });
});
