/**
 * The reproductions of issue 10 (fixes only on an unambiguous reading, messages a newcomer can act on),
 * kept as fixtures under tests/fixtures/; the fixtures test checks their lines and fixed text, and this
 * file pins the exact message of each finding and whether it offers a fix.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack, modelOf, parseFixture } from "../harness.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");

/** `line RULE detail [fix]` for every finding of a fixture, run as the fixtures test runs it. */
function findingsOf(name: string): string[] {
  const file = join(fixtures, name);
  const { content } = parseFixture(readFileSync(file, "utf8"));
  const only = /^(TL\d{3})/.exec(name)?.[1];
  const configFile = file.replace(/\.md$/, ".json");
  const config = {
    ...(only === undefined ? {} : { tasklog: false, [only]: true }),
    ...(existsSync(configFile) ? (JSON.parse(readFileSync(configFile, "utf8")) as Record<string, unknown>) : {}),
  };
  return lintPack(content, config).map(
    (error) =>
      `${error.lineNumber} ${error.ruleNames[0]} ${error.errorDetail}${error.fixInfo === null ? "" : " [fix]"}`,
  );
}

describe("heading fixes only on an unambiguous reading", () => {
  it("says what could not be read, and fixes only the clear headings", () => {
    expect(findingsOf("TL001-task-heading/unclear-parts.md")).toEqual([
      "11 TL001 Expected a status of Open, Deferred; Actual: Open -",
      '11 TL001 Expected separator " · " between the parts of the heading; Actual: "" (no fix: "Open -" is not a configured status)',
      '11 TL001 Expected separator " · " between the parts of the heading; Actual: "  " (no fix: "Open -" is not a configured status)',
      '13 TL001 Expected separator " · " between the parts of the heading; Actual: " " (no fix: a space inside the identifier)',
      '15 TL001 Expected status "Open"; Actual: "open" (no fix: a space inside the identifier)',
      '15 TL001 Expected separator " · " (middle dot with one space each side); Actual: " - " (no fix: a space inside the identifier)',
      '15 TL001 Expected separator " · " (middle dot with one space each side); Actual: " - " (no fix: a space inside the identifier)',
      '17 TL001 Expected separator " · " between the parts of the heading; Actual: " " [fix]',
      '19 TL001 Expected status "Open"; Actual: "open" [fix]',
      '21 TL001 Expected separator " · " (middle dot with one space each side); Actual: " - " [fix]',
      '21 TL001 Expected separator " · " (middle dot with one space each side); Actual: " - " [fix]',
      '23 TL001 Expected separator " · " between the parts of the heading; Actual: " " [fix]',
      "5 TL002 Expected an identifier tv-YYYY-MM-DD:PR<number>; Actual: tv-2025-10-03: PR45 (a space inside the identifier)",
      "7 TL002 Expected an identifier tv-YYYY-MM-DD:PR<number>; Actual: tv-2025-10-03:PR 42 (a space inside the identifier)",
      "9 TL002 Expected an identifier tv-YYYY-MM-DD:PR<number>; Actual: tv 2025-10-03:PR43 (a space inside the identifier)",
      "13 TL002 Expected an identifier tv-YYYY-MM-DD:PR<number>; Actual: tv-2025-10-03: PR48 (a space inside the identifier)",
      "15 TL002 Expected an identifier tv-YYYY-MM-DD:PR<number>; Actual: tv-2025-10-03:PR 49 (a space inside the identifier)",
    ]);
  });

  it("does not take a prose heading's first word for a status", () => {
    expect(findingsOf("TL001-task-heading/prose-heading.md")).toEqual([
      '3 TL001 Expected the task under a status section ("# <Status> tasks (updated YYYY-MM-DD)"); Actual: no status section above it',
      "3 TL001 Expected a status of Open, Deferred; Actual: Why",
      '3 TL001 Expected separator " · " between the parts of the heading; Actual: " " (no fix: "Why" is not a configured status)',
      '3 TL001 Expected separator " · " between the parts of the heading; Actual: " " (no fix: "Why" is not a configured status)',
    ]);
  });
});

describe("label fixes give exactly **Label**:", () => {
  it("takes a doubled colon into the label, so that the fix leaves one", () => {
    expect(findingsOf("TL003-task-fields/doubled-colon.md")).toEqual([
      '7 TL003 Expected label "**Summary**:"; Actual: "**Summary:**:" (colon inside the bold label, doubled colon) [fix]',
      '8 TL003 Expected label "**Priority**:"; Actual: "**Priority**::" (doubled colon) [fix]',
      '9 TL003 Expected label "**Size**:"; Actual: "**size:**:" (colon inside the bold label, doubled colon, wrong case) [fix]',
      '12 TL003 Expected label "**Next steps**:"; Actual: "**Next steps**::" (doubled colon) [fix]',
    ]);
  });
});

describe("detection: a status section or an identifier-shaped heading makes a task log", () => {
  const notLogs = ["meeting-notes.md", "retrospective.md", "changelog.md", "issue-template.md"];

  it.each(notLogs)("%s, with Open and Deferred words but neither, is no task log and gets no report", (name) => {
    const { content } = parseFixture(readFileSync(join(fixtures, "not-task-logs", name), "utf8"));
    expect(modelOf(content).isTaskLog).toBe(false);
    expect(lintPack(content)).toEqual([]);
  });

  it("the same meeting notes under a status section heading are a task log", () => {
    const notes = readFileSync(join(fixtures, "not-task-logs", "meeting-notes.md"), "utf8");
    const log = notes.replace("## Decisions", "## Open tasks (updated 2025-10-03)");
    const model = modelOf(log);
    expect(model.isTaskLog).toBe(true);
    expect(model.tasks.map((task) => task.text)).toEqual([
      "Open · questions from the review",
      "Deferred · ideas for later",
    ]);
  });

  it("a heading carrying an identifier-shaped token makes a task log, anywhere in the outline", () => {
    expect(modelOf("# Retro\n\n## Why tv-2025-10-03:PR41 took three weeks\n").isTaskLog).toBe(true);
    expect(modelOf("# Notes\n\n### Open · questions from the review\n").isTaskLog).toBe(false);
  });
});

describe("messages a newcomer can act on", () => {
  it("TL007 on a template URL says what to write in place of the placeholders, with none in its Expected", () => {
    const findings = findingsOf("TL007-pr-link/placeholders.md");
    expect(findings).toEqual([
      "8 TL007 Expected the template placeholders replaced with the real owner and repository, and PR number 31; Actual: <org>, <repo>, ### in https://github.com/<org>/<repo>/pull/###",
      "9 TL007 Expected the template placeholders replaced with the real owner; Actual: <owner> in https://github.com/<owner>/app/pull/31",
      "10 TL007 Expected the template placeholders replaced with PR number 31; Actual: ### in https://github.com/acme/app/pull/###",
      "11 TL007 Expected the template placeholders replaced with PR number 31; Actual: <number> in https://github.com/acme/app/pull/<number>",
      "12 TL007 Expected the template placeholders replaced with the real owner and repository; Actual: <org>, <repo> in https://github.com/<org>/<repo>/pull/31",
      "23 TL007 Expected the template placeholders replaced with the real owner and repository; Actual: <org>, <repo> in https://github.com/<org>/<repo>/pull/35",
    ]);
    for (const finding of findings) expect(finding.split("; Actual:")[0]).not.toMatch(/<\w+>|###/);
  });
});

describe("TL003 reports a second block of fields once", () => {
  it("once per block, on its first field, and a lone duplicate as such", () => {
    expect(findingsOf("TL003-task-fields/duplicates.md")).toEqual([
      "22 TL003 Expected one block of fields per task; Actual: a second block from line 22 repeats 5 fields (Dependencies, Next steps, Validation, Git plan, PR) of lines 11–20: was a task heading deleted above it?",
      '65 TL003 Expected label "**Priority**:"; Actual: "**priority**:" (wrong case) [fix]',
      '65 TL003 Expected one "Priority" field per task; Actual: another on line 55',
    ]);
  });

  it("a third block is reported once too", () => {
    const block = "- **Summary**: x\n- **Priority**: P1\n- **Size**: M\n";
    const content = `# Log\n\n## Open tasks (updated 2025-10-05)\n\n### Open · tv-2025-10-03:PR41 · Title\n\n${block}\n${block}\n${block}`;
    const details = lintPack(content, { tasklog: false, TL003: true })
      .filter((error) => /block/.test(error.errorDetail ?? ""))
      .map((error) => `${error.lineNumber} ${error.errorDetail}`);
    expect(details).toEqual([
      "11 Expected one block of fields per task; Actual: a second block from line 11 repeats 3 fields (Summary, Priority, Size) of lines 7–9: was a task heading deleted above it?",
      "15 Expected one block of fields per task; Actual: a third block from line 15 repeats 3 fields (Summary, Priority, Size) of lines 7–9: was a task heading deleted above it?",
    ]);
  });
});

describe("TL009 and TL002 name what to look at", () => {
  const content = [
    "# Log",
    "",
    "## Open tasks (updated 2025-10-05)",
    "",
    "### Open · tv-2025-10-03:PR?? · A task logged before its PR",
    "",
    "### Open · ab-2025-10-04:PR42 · Another owner's initials",
    "",
    "- **Dependencies**: tv-2025-10-03:PR?? first, and tv-2025-10-04:PR## too.",
    "",
  ].join("\n");

  it("TL009 on a placeholder mention is brief and names the TL002 finding on the heading", () => {
    expect(lintPack(content, { tasklog: false, TL009: true }).map((error) => error.errorDetail)).toEqual([
      "Expected the identifier of a task in this file; Actual: placeholder tv-2025-10-03:PR??, as on the task heading on line 5 (TL002 reports the placeholder there)",
      "Expected the identifier of a task in this file; Actual: placeholder tv-2025-10-04:PR## (a placeholder names no task; TL002 reports such identifiers on task headings)",
    ]);
    expect(lintPack(content, { tasklog: false, TL002: true }).map((error) => error.lineNumber)).toContain(5);
  });

  it("TL002's prefix message names the prefix option", () => {
    expect(lintPack(content, { tasklog: false, TL002: true }).map((error) => error.errorDetail)).toContain(
      'Expected prefix "tv" (the "prefix" option); Actual: "ab"',
    );
  });
});
