/**
 * The README and the docs, executed from the packed tarball on every markdownlint version of the
 * matrix (0.40.0, the VS Code extension's; 0.41.1, markdownlint-cli2's GitHub Action's; 0.42.1): for
 * each, a user project holding the tarball's package and that markdownlint as `markdownlint`, where
 * - README.md and every docs/cli page run their blocks in order (tests/support/doc-fences.ts): each
 *   `$ npx tasklog …` runs the package's `tasklog` executable on a clock fixed at 2025-10-20 (the day the
 *   examples are written for), each `$ node <file>` the script a block wrote, each `lint=` block is
 *   compared with that markdownlint's findings in markdownlint-cli2's format;
 * - every `correct` / `incorrect` example of docs/rules and every `clean` task log is linted with
 *   that markdownlint and the package's rules.
 * tests/cli/docs.test.ts runs the same blocks in process; tests/docs.test.ts checks every block is classified.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { docPages, docsDir, exampleConfig, examplesOf } from "../support/cases.js";
import { type DocRunner, fencesOf, formatFinding, type Output, runFences } from "../support/doc-fences.js";
import { ROOT, context, envFor, run } from "./support.js";

const VERSIONS = ["0.40", "0.41", "0.42"] as const;

/** Date and Date.now() fixed at 2025-10-20, 12:00 UTC (preloaded with --import). */
const CLOCK = `const fixed = Date.UTC(2025, 9, 20, 12);
const Real = Date;
class FixedDate extends Real {
  constructor(...args) { if (args.length === 0) super(fixed); else super(...args); }
  static now() { return fixed; }
}
globalThis.Date = FixedDate;
`;

/** Lints the cases on standard input ({ name, content, config }[]) with this project's markdownlint and the package. */
const DRIVER = `import { readFileSync } from "node:fs";
import { lint } from "markdownlint/sync";
import rules from "markdownlint-rule-tasklog";
const cases = JSON.parse(readFileSync(0, "utf8"));
const out = {};
for (const { name, content, config } of cases) {
  out[name] = lint({ strings: { [name]: content }, customRules: rules, ...(config === undefined ? {} : { config }) })[name];
}
process.stdout.write(JSON.stringify(out));
`;

interface LintCase {
  readonly name: string;
  readonly content: string;
  readonly config?: Record<string, unknown>;
}
type Finding = Parameters<typeof formatFinding>[1];

/** A user project with the tarball's package and markdownlint <version> (the api host's copy of it). */
function project(version: (typeof VERSIONS)[number]): string {
  const api = context().installs.api;
  const dir = mkdtempSync(join(context().base, `docs-${version}-`));
  mkdirSync(join(dir, "node_modules"));
  cpSync(
    join(api, "node_modules", "markdownlint-rule-tasklog"),
    join(dir, "node_modules", "markdownlint-rule-tasklog"),
    {
      recursive: true,
    },
  );
  symlinkSync(join(api, "node_modules", `markdownlint-${version}`), join(dir, "node_modules", "markdownlint"));
  writeFileSync(join(dir, "clock.mjs"), CLOCK);
  writeFileSync(join(dir, "lint.mjs"), DRIVER);
  return dir;
}

function lintCases(dir: string, cases: readonly LintCase[]): Record<string, Finding[]> {
  const result = run(context().nodes["22"], [join(dir, "lint.mjs")], { cwd: dir, input: JSON.stringify(cases) });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Record<string, Finding[]>;
}

function runner(dir: string): DocRunner {
  const cwd = mkdtempSync(join(dir, "page-"));
  const node = context().nodes["22"];
  const output = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Output => {
    const result = run(node, args, { cwd, env: envFor(node, { TZ: "UTC", ...env }) });
    if (result.error) throw result.error;
    return { stdout: result.stdout, stderr: result.stderr };
  };
  return {
    write(name, text) {
      mkdirSync(dirname(join(cwd, name)), { recursive: true });
      writeFileSync(join(cwd, name), text);
    },
    read: (name) => readFileSync(join(cwd, name), "utf8"),
    tasklog: (args, env) =>
      Promise.resolve(
        output(
          [
            "--import",
            join(dir, "clock.mjs"),
            join(dir, "node_modules", "markdownlint-rule-tasklog", "bin", "tasklog.js"),
            ...args,
          ],
          env,
        ),
      ),
    node: (script) => Promise.resolve(output([script])),
    lint: (file) => {
      const findings = lintCases(dir, [{ name: file, content: readFileSync(join(cwd, file), "utf8") }])[file] ?? [];
      return Promise.resolve(findings.map((finding) => formatFinding(file, finding)));
    },
  };
}

const cliPages = readdirSync(join(ROOT, "docs", "cli"))
  .filter((file) => file.endsWith(".md"))
  .sort()
  .map((file) => `docs/cli/${file}`);

describe.each(VERSIONS)("the README and the docs on markdownlint %s, from the tarball", (version) => {
  const dir = project(version);

  it("uses that markdownlint", () => {
    const script = 'import { getVersion } from "markdownlint"; console.log(getVersion());';
    const result = run(context().nodes["22"], ["--input-type=module", "-e", script], {
      cwd: join(dir, "node_modules", "markdownlint-rule-tasklog"),
    });
    expect(result.stdout.trim().startsWith(`${version}.`)).toBe(true);
  });

  for (const page of ["README.md", ...cliPages]) {
    it(`${page}: every block gives the output and files it shows, in order`, async () => {
      const ran = await runFences(readFileSync(join(ROOT, page), "utf8"), page, runner(dir));
      expect(Object.keys(ran).length + (page.endsWith("cli/README.md") ? 1 : 0), page).toBeGreaterThan(0);
    });
  }

  it("every rule example gives its rule's findings or none, and every clean task log none", () => {
    const cases: (LintCase & { readonly expect: "some" | "none"; readonly rule?: string })[] = [];
    for (const page of docPages()) {
      for (const example of examplesOf(readFileSync(join(docsDir, page), "utf8"))) {
        cases.push({
          name: `docs/rules/${page}:${example.line}`,
          content: example.content,
          config: { default: false, tasklog: true, ...exampleConfig(page, example) },
          expect: example.kind === "incorrect" ? "some" : "none",
          rule: page.slice(0, 5),
        });
      }
    }
    for (const page of ["README.md", "docs/CONVENTION.md", ...cliPages]) {
      for (const fence of fencesOf(readFileSync(join(ROOT, page), "utf8")).filter((fence) => fence.info === "clean"))
        cases.push({
          name: `${page}:${fence.line}`,
          content: fence.body,
          config: { default: false, tasklog: true },
          expect: "none",
        });
    }
    expect(cases.length).toBeGreaterThan(40);
    const results = lintCases(dir, cases);
    for (const item of cases) {
      const findings = (results[item.name] ?? []).filter(
        (finding) => item.rule === undefined || finding.ruleNames[0] === item.rule,
      );
      if (item.expect === "some") expect(findings.length, item.name).toBeGreaterThan(0);
      else
        expect(
          findings.map((finding) => formatFinding(item.name, finding)),
          item.name,
        ).toEqual([]);
    }
  });
});
