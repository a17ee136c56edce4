/**
 * The no-noise corpus every clone has: Markdown that is not a task log, so the pack must stay silent
 * on it. Every `*.md` file under node_modules (the READMEs, changelogs and docs of the dev
 * dependencies: a few hundred real files, not following symbolic links) and every example of the
 * CommonMark spec (the `commonmark-spec` dev dependency), plus the spec's own Markdown source. The
 * whole pack runs on each, with inline configuration ignored (so no comment can hide a report) and
 * `handleRuleFailures: false` (so a throw fails the test): no report from any rule.
 *
 * A file that really is a task log is excluded by name, with the reason (NOT_NOISE below).
 * tests/corpus.test.ts runs the same check on ../shared/corpus/foreign when the corpus is there.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { entries, lintPack } from "./harness.js";

const ROOT = join(import.meta.dirname, "..");
const NODE_MODULES = join(ROOT, "node_modules");

/** node_modules files (paths relative to node_modules/) that are task logs, or otherwise not noise. */
const NOT_NOISE: Record<string, string> = {};

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // node_modules/.cache holds tools' caches, not dev dependencies: the e2e tests' host installs
    // (tests/e2e/global-setup.ts) would add a thousand files and repeat packages already here.
    if (dir === NODE_MODULES && entry.name === ".cache") return [];
    // Dirent.isDirectory() is false for a symbolic link: node_modules/markdownlint-rule-tasklog
    // links back to this repository and is not followed.
    if (entry.isDirectory()) return markdownUnder(path);
    return entry.isFile() && /\.(md|markdown)$/i.test(entry.name) ? [path] : [];
  });
}

const nodeModulesFiles = markdownUnder(NODE_MODULES)
  .map((path) => relative(NODE_MODULES, path))
  .sort();

interface SpecExample {
  readonly markdown: string;
  readonly section: string;
  readonly number: number;
}
const spec = createRequire(import.meta.url)("commonmark-spec") as { tests: SpecExample[]; text: string };
// The spec writes a tab as "→" in its examples (its own test runners replace it back).
const specExamples = spec.tests.map((example) => ({ ...example, markdown: example.markdown.replace(/→/g, "\t") }));

/** Documents with findings, as "name: RULE:line, …". */
function reported(documents: Iterable<[string, string]>): string[] {
  const out: string[] = [];
  for (const [name, content] of documents) {
    const findings = lintPack(content, {}, true);
    if (findings.length > 0) out.push(`${name}: ${entries(findings).join(", ")}`);
  }
  return out;
}

describe("no-noise corpus: node_modules Markdown and the CommonMark spec", () => {
  it("has the Markdown of the dev dependencies (hundreds of files)", () => {
    expect(nodeModulesFiles.length).toBeGreaterThan(200);
    for (const name of Object.keys(NOT_NOISE)) expect(nodeModulesFiles, `NOT_NOISE entry ${name}`).toContain(name);
  });

  // One test per package (node_modules/<name> or node_modules/@scope/name), so that a report names
  // its package and no single test holds the whole few-megabyte lint.
  const packages = new Map<string, string[]>();
  for (const name of nodeModulesFiles) {
    if (NOT_NOISE[name] !== undefined) continue;
    const parts = name.split(/[\\/]/);
    const pkg = (parts[0] as string).startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] as string);
    packages.set(pkg, [...(packages.get(pkg) ?? []), name]);
  }
  for (const [pkg, files] of packages) {
    it(`no rule reports or throws on the Markdown of node_modules/${pkg} (${files.length} files)`, () => {
      expect(
        reported(files.map((name): [string, string] => [name, readFileSync(join(NODE_MODULES, name), "utf8")])),
      ).toEqual([]);
    });
  }

  it("is not vacuous: a task log among them would be reported", () => {
    const log = readFileSync(join(ROOT, "examples", "broken", "tv-tasks.md"), "utf8");
    expect(reported([["examples/broken/tv-tasks.md", log]])).toHaveLength(1);
  });

  it("has the spec's examples", () => {
    expect(specExamples.length).toBeGreaterThan(600);
  });

  it("no rule reports or throws on any CommonMark spec example", () => {
    expect(
      reported(
        specExamples.map((example): [string, string] => [
          `spec example ${example.number} (${example.section})`,
          example.markdown,
        ]),
      ),
    ).toEqual([]);
  });

  it("no rule reports or throws on the spec's Markdown source", () => {
    expect(reported([["commonmark-spec/spec.txt", spec.text]])).toEqual([]);
  });
});
