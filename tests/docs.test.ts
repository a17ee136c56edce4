/**
 * Every example in docs/rules/*.md is executed: a fenced block whose info string is
 * `markdown incorrect` must make the page's rule report at least once, and one marked
 * `markdown correct` must give that rule nothing. JSON after the marker is rule configuration,
 * e.g. ```markdown incorrect {"TL002": {"prefix": ["ab"]}}
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack, packRules } from "./harness.js";

const docsDir = join(import.meta.dirname, "..", "docs", "rules");

export interface Example {
  readonly kind: "correct" | "incorrect";
  readonly config: Record<string, unknown>;
  readonly content: string;
  readonly line: number;
}

/** Fenced examples of a docs page (fences of three or more backticks or tildes). */
export function examplesOf(page: string): Example[] {
  const lines = page.split("\n");
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})markdown[ \t]+(correct|incorrect)\b[ \t]*(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] as string).startsWith(fence)) body.push(lines[j++] as string);
    const extra = (open[3] as string).trim();
    out.push({
      kind: open[2] as "correct" | "incorrect",
      config: extra === "" ? {} : (JSON.parse(extra) as Record<string, unknown>),
      content: `${body.join("\n")}\n`,
      line: i + 1,
    });
    i = j;
  }
  return out;
}

const pages = readdirSync(docsDir).filter((file) => /^TL\d{3}-.*\.md$/.test(file)).sort();

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
          const findings = lintPack(example.content, { tasklog: false, [id]: true, ...example.config }).filter(
            (error) => error.ruleNames[0] === id,
          );
          if (example.kind === "incorrect") expect(findings.length).toBeGreaterThan(0);
          else expect(findings).toEqual([]);
        });
      }
    });
  }
});
