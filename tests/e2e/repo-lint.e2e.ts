/**
 * The repository lints its own docs and examples with the built rules (`npm run lint`, the same
 * `.markdownlint-cli2.jsonc` the README's main command uses). examples/broken/ must show a deliberate
 * finding of every rule of the pack; every other file must be clean. Needs the built dist/, so it is an
 * e2e test: the e2e setup packs the package, whose `prepack` builds it.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleIds } from "../harness.js";

const root = join(import.meta.dirname, "..", "..");
const cli = join(root, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs");

function run(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  const findings = `${result.stdout}\n${result.stderr}`
    .split("\n")
    .map((line) => /^(\S+?):(\d+)(?::\d+)? (?:error|warning) (\w+)\//.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ file: match[1] as string, line: Number(match[2]), rule: match[3] as string }));
  return { status: result.status, findings, output: `${result.stdout}${result.stderr}` };
}

describe("the repository's own lint", () => {
  const { status, findings, output } = run([]);

  it("lints and exits 1 because of the broken example only", () => {
    expect(output).not.toMatch(/Unable to import|threw an exception/);
    expect(status).toBe(1);
    expect([...new Set(findings.map((finding) => finding.file))]).toEqual(["examples/broken/tv-tasks.md"]);
  });

  // The nine rules of the first release; a rule added since shows its findings in its fixtures (the
  // registry test), so that adding a rule touches four files only (CONTRIBUTING.md).
  it("shows a deliberate finding of every rule of the first release in examples/broken/", () => {
    const rules = new Set(findings.map((finding) => finding.rule));
    for (const id of ruleIds.filter((id) => id <= "TL009")) expect(rules, id).toContain(id);
  });

  it("lints a single task log with `--no-globs` (the README's main command)", () => {
    const clean = run(["--no-globs", "examples/clean/tv-tasks.md"]);
    expect(clean.output).toMatch(/Linting: 1 file/);
    expect(clean.findings).toEqual([]);
    expect(clean.status).toBe(0);
  });
});
