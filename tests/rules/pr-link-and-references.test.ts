/**
 * TL007 and TL009 report on the line of the offending text, ranged on it exactly (fixtures check lines
 * only): the URL for TL007, the identifier for TL009, wherever in a field's value or nested items it is.
 */
import { describe, expect, it } from "vitest";
import { lintPack, type LintError } from "../harness.js";

const only = (rule: string, extra: Record<string, unknown> = {}) => ({ tasklog: false, [rule]: true, ...extra });

/** The reported text of each finding (from its line and range), with its line. */
function marked(content: string, findings: LintError[]): string[] {
  const lines = content.split("\n");
  return findings.map((finding) => {
    const range = finding.errorRange;
    const text = lines[finding.lineNumber - 1] ?? "";
    return `${finding.lineNumber}:${range === null ? "(no range)" : text.slice(range[0] - 1, range[0] - 1 + range[1])}`;
  });
}

const log = (body: string): string => `# Log\n\n## Open tasks (updated 2025-10-09)\n\n${body}`;

describe("TL007 pr-link", () => {
  it("ranges on the URL on the field line, a continuation line and a nested line", () => {
    const content = log(
      [
        "### Open · tv-2025-10-01:PR12 · Wrong numbers",
        "",
        "- **PR**: [`feat: add y`](https://github.com/acme/app/pull/21) and",
        "  the draft `<https://github.com/acme/app/pull/22>`.",
        "  - Link: https://github.com/<org>/<repo>/pull/###, see above.",
        "",
      ].join("\n"),
    );
    const findings = lintPack(content, only("TL007"));
    expect(marked(content, findings)).toEqual([
      "7:https://github.com/acme/app/pull/21",
      "8:https://github.com/acme/app/pull/22",
      "9:https://github.com/<org>/<repo>/pull/###",
    ]);
    expect(findings.map((finding) => finding.errorDetail)).toEqual([
      "Expected a link to PR #12 (the identifier's PR number); Actual: PR #21 (https://github.com/acme/app/pull/21)",
      "Expected a link to PR #12 (the identifier's PR number); Actual: PR #22 (https://github.com/acme/app/pull/22)",
      "Expected the template placeholders replaced with the real owner and repository, and PR number 12; Actual: <org>, <repo>, ### in https://github.com/<org>/<repo>/pull/###",
    ]);
    expect(findings.every((finding) => finding.fixInfo === null)).toBe(true);
  });

  it("ranges a missing link on the PR status value and names an issue link", () => {
    const content = `# Log\n\n## Deferred tasks (updated 2025-10-09)\n\n### Deferred · tv-2025-10-03:PR35 · Badge\n\n- **PR status**: https://github.com/acme/app/issues/35 (Draft).\n`;
    const findings = lintPack(content, only("TL007"));
    expect(marked(content, findings)).toEqual(["7:https://github.com/acme/app/issues/35 (Draft)."]);
    expect(findings[0]?.errorDetail).toBe(
      "Expected a link to PR #35 (https://github.com/<owner>/<repo>/pull/35) in PR status; Actual: no PR link; " +
        "https://github.com/acme/app/issues/35 links an issue, not a PR",
    );
  });

  it("ranges a reference link on the link and names its label", () => {
    const content = log(
      "### Open · tv-2025-10-01:PR12 · Reference\n\n- **PR**: see [the draft][d].\n\n[d]: https://github.com/acme/app/pull/13\n",
    );
    const findings = lintPack(content, only("TL007"));
    expect(marked(content, findings)).toEqual(["7:[the draft][d]"]);
    expect(findings[0]?.errorDetail).toContain("Actual: PR #13 (https://github.com/acme/app/pull/13 via [d])");
  });

  it("uses the first configured host in messages and rejects a host with a scheme", () => {
    const content = log("### Open · tv-2025-10-01:PR12 · Host\n\n- **PR**: https://github.com/acme/app/pull/12\n");
    const ghe = lintPack(content, only("TL007", { TL007: { host: "ghe.corp" } }));
    expect(ghe.map((finding) => finding.errorDetail)).toEqual([
      'Expected https://ghe.corp/acme/app/pull/12; Actual: https://github.com/acme/app/pull/12 (the host github.com is not ghe.corp (see the "host" option))',
    ]);
    const bad = lintPack(content, only("TL007", { TL007: { host: ["https://ghe.corp"] } }));
    expect(bad.map((finding) => [finding.lineNumber, finding.errorDetail])).toEqual([
      [1, expect.stringMatching(/^TL007\/pr-link: Option "host" expects host names/)],
    ]);
  });
});

describe("TL009 task-reference", () => {
  it("ranges on each identifier, on any line and in nested items, one report per mention", () => {
    const content = log(
      [
        "### Open · tv-2025-10-03:PR41 · Mentions",
        "",
        "- **Dependencies**: `tv-2025-10-03:PR41` and tv-2025-10-03:PR99,",
        "  then (tv-2025-10-03:PR??).",
        "  - Nested: tv-2025-10-04:PR43 and tv-2025-10-05:PR1.",
        "",
        "### Open · tv-2025-10-04:PR43 · Target",
        "",
      ].join("\n"),
    );
    const findings = lintPack(content, only("TL009"));
    expect(marked(content, findings)).toEqual([
      "7:tv-2025-10-03:PR41",
      "7:tv-2025-10-03:PR99",
      "8:tv-2025-10-03:PR??",
      "9:tv-2025-10-05:PR1",
    ]);
    expect(findings.map((finding) => finding.errorDetail)).toEqual([
      "Expected another task's identifier; Actual: tv-2025-10-03:PR41 is this task's own identifier",
      "Expected the identifier of a task in this file; Actual: no task is tv-2025-10-03:PR99",
      "Expected the identifier of a task in this file; Actual: placeholder tv-2025-10-03:PR?? (a placeholder names no task; TL002 reports such identifiers on task headings)",
      "Expected the identifier of a task in this file; Actual: no task is tv-2025-10-05:PR1",
    ]);
  });

  it("hints at the one task with the same PR number", () => {
    const content = log(
      "### Open · tv-2025-10-03:PR41 · A\n\n- **Dependencies**: tv-2025-10-04:PR43.\n\n### Open · tv-2025-10-05:PR43 · B\n",
    );
    expect(lintPack(content, only("TL009")).map((finding) => finding.errorDetail)).toEqual([
      "Expected the identifier of a task in this file; Actual: no task is tv-2025-10-04:PR43 (the task on line 9 is tv-2025-10-05:PR43)",
    ]);
  });
});
