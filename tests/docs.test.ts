/**
 * Every example in docs/rules/*.md is executed: a fenced block whose info string is
 * `markdown incorrect` must make the page's rule report at least once, and one marked
 * `markdown correct` must give that rule nothing. JSON after the marker is rule configuration,
 * e.g. ```markdown incorrect {"TL002": {"prefix": ["ab"]}}
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack, packRules } from "./harness.js";
import { docPages, docsDir, exampleConfig, examplesOf } from "./support/cases.js";

const pages = docPages();

describe("rule docs", () => {
  it("has one page per rule, named <ID>-<name>.md", () => {
    const expected = packRules.map((rule) => `${rule.names[0]}-${rule.names[1]}.md`).sort();
    expect(pages).toEqual(expected);
  });

  for (const page of pages) {
    const id = page.slice(0, 5);
    const examples = examplesOf(readFileSync(join(docsDir, page), "utf8"));
    describe(page, () => {
      it("has at least one incorrect and one correct example", () => {
        expect(examples.some((example) => example.kind === "incorrect")).toBe(true);
        expect(examples.some((example) => example.kind === "correct")).toBe(true);
      });
      for (const example of examples) {
        it(`${example.kind} example at line ${example.line}`, () => {
          const findings = lintPack(example.content, exampleConfig(page, example)).filter(
            (error) => error.ruleNames[0] === id,
          );
          if (example.kind === "incorrect") expect(findings.length).toBeGreaterThan(0);
          else expect(findings).toEqual([]);
        });
      }
    });
  }
});

/**
 * Every fenced block of README.md and docs/hosts.md says how it is checked, in its info string:
 * - `file=<name>` (written) and `console` (run, output compared) and `result=<name>` (compared with the
 *   file afterwards): executed in order by tests/cli/docs.test.ts (README.md);
 * - `config`: a markdownlint or markdownlint-cli2 configuration, validated against markdownlint's
 *   schema and the pack's by tests/schema.test.ts and as VS Code does by tests/e2e/editor-schema.e2e.ts;
 * - `e2e=tests/e2e/<file>`: read from this page and run by that end-to-end test (from the packed tarball);
 * - `illustrative="<reason>"`: shown, not executed, with the reason (where the same thing is tested).
 * An unclassified block fails.
 */
describe("README.md and docs/hosts.md blocks", () => {
  const root = join(import.meta.dirname, "..");
  for (const page of ["README.md", "docs/hosts.md"]) {
    it(`${page}: every block is executed, validated or declared illustrative with a reason`, () => {
      const lines = readFileSync(join(root, page), "utf8").split("\n");
      const unclassified: string[] = [];
      let inside: string | undefined;
      for (const [index, line] of lines.entries()) {
        const fence = /^ *(`{3,}|~{3,})(.*)$/.exec(line);
        if (!fence) continue;
        if (inside !== undefined) {
          if ((fence[2] as string).trim() === "" && (fence[1] as string).startsWith(inside)) inside = undefined;
          continue;
        }
        inside = fence[1] as string;
        const [language = "", ...rest] = (fence[2] as string).trim().split(/\s+/);
        const info = rest.join(" ");
        const executed = page === "README.md" && (language === "console" || /(^|\s)(file|result)=\S/.test(info));
        const config = /^config$/.test(info) && /^(json|jsonc|yaml)$/.test(language);
        const illustrative = /^illustrative="[^"]{10,}"$/.test(info);
        const e2e = /^e2e=(tests\/e2e\/\S+\.(?:e2e|precommit)\.ts)$/.exec(info)?.[1];
        const byE2e =
          e2e !== undefined &&
          existsSync(join(root, e2e)) &&
          readFileSync(join(root, e2e), "utf8").includes(page.split("/").pop() as string);
        if (!(executed || config || illustrative || byE2e)) unclassified.push(`${page}:${index + 1}: ${line.trim()}`);
      }
      expect(unclassified).toEqual([]);
    });
  }
});
