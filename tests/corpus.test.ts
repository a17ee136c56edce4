/**
 * The shared corpora: forty real versions of a real task log, and ~800 Markdown files that are not
 * task logs. Rules run with markdownlint's `handleRuleFailures: false`, so a throw fails the test.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { entries, lintPack } from "./harness.js";
import { describeCorpus, foreignFiles as listForeign, inGroups, readReal, realVersionNames } from "./support/corpus.js";

export const realVersions = realVersionNames();
export const foreignFiles = listForeign();

/** The findings of the whole pack on the newest real log, rule by rule (spec and issues pin these). */
export const V40_EXPECTED: Record<string, number[]> = {
  // Stale stamps: Open section (2025-10-03 < 2025-10-11), Deferred section (2025-10-03 < 2025-10-04).
  TL008: [11, 182],
  // Placeholder PR numbers on six task headings.
  TL002: [40, 64, 89, 143, 161, 216],
  // Every heading is well formed.
  TL001: [],
  // Coverage roadmap (line 64) lacks Priority and Validation; the fields of a task whose heading was
  // deleted repeat Dependencies, Next steps, Validation, Git plan and PR under the previous task:
  // one finding for that second block, on its first field (line 120).
  TL003: [64, 120],
  // Every value follows the template.
  TL004: [],
  // Git plans without a Branch: Coverage roadmap (line 84) and Accelerate test execution (line 114).
  TL005: [84, 114],
  // Every planned commit and PR title is a well-formed Conventional Commits header.
  TL006: [],
  // The Deferred PR35 task's PR status still holds the template's `<org>/<repo>` placeholders.
  TL007: [214],
  // Mentions of the placeholder identifier tv-2025-10-03:PR?? (Dependencies fields).
  TL009: [69, 211],
};

describeCorpus("real corpus", () => {
  it("has forty versions", () => {
    expect(realVersions).toHaveLength(40);
  });

  it("pins the findings on tv-tasks.v40.md", () => {
    const content = readReal("tv-tasks.v40.md");
    // Rules without an entry (a rule just added) are not pinned here: their fixtures pin them.
    const found = entries(lintPack(content)).filter((entry) => (entry.split(":")[0] as string) in V40_EXPECTED);
    const expected = Object.entries(V40_EXPECTED).flatMap(([rule, lines]) => lines.map((line) => `${rule}:${line}`));
    expect(found).toEqual(
      entries(
        expected.map((entry) => {
          const [rule, line] = entry.split(":");
          return { ruleNames: [rule as string], lineNumber: Number(line) } as never;
        }),
      ),
    );
  });

  for (const version of realVersions) {
    it(`${version}: every rule runs without throwing and reports valid positions`, () => {
      const content = readReal(version);
      const lines = content.split(/\r\n|\n/);
      for (const error of lintPack(content)) {
        expect(error.lineNumber).toBeGreaterThanOrEqual(1);
        expect(error.lineNumber).toBeLessThanOrEqual(lines.length);
        expect(error.errorDetail ?? "").not.toMatch(/threw an exception/);
      }
    });
  }
});

describeCorpus("foreign corpus", () => {
  it("has the ~800 files", () => {
    expect(foreignFiles.length).toBeGreaterThan(700);
  });

  for (const [label, group] of inGroups(foreignFiles)) {
    it(`gets no report from any rule and no throw (${label})`, () => {
      const reported: string[] = [];
      for (const file of group) {
        const findings = lintPack(readFileSync(file, "utf8"), {}, true);
        if (findings.length > 0) reported.push(`${file}: ${entries(findings).join(", ")}`);
      }
      expect(reported).toEqual([]);
    });
  }
});
