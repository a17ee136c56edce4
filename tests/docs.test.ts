/**
 * Every example in docs/rules/*.md is executed: a fenced block whose info string is
 * `markdown incorrect` must make the page's rule report at least once, and one marked
 * `markdown correct` must give that rule nothing. JSON after the marker is rule configuration,
 * e.g. ```markdown incorrect {"TL002": {"prefix": ["ab"]}}
 */
import { readFileSync } from "node:fs";
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
