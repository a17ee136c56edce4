/**
 * Fix safety on the real corpus: for every real version, applying all of the pack's fixes once leaves
 * no fixable finding, a second pass changes nothing, and no line changes that no fixable finding names.
 *
 * The real versions hold few fixable mistakes, so each version is also damaged on purpose with the
 * mistakes TL003 and TL004 can fix (label forms, value case, Meta? separators — several on one line)
 * outside code blocks; fixing the damaged text must give exactly what fixing the real text gives.
 */
import { describe, expect, it } from "vitest";
import { checkFixes } from "./harness.js";
import { describeCorpus, readReal, realVersionNames } from "./support/corpus.js";

const realVersions = realVersionNames();

/** Fixable damage, one kind per field line; each is undone by the fixes of TL003 and TL004. */
const DAMAGE: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  // Label with the colon inside and in lowercase, and the value in lowercase: two fixes on one line.
  [/^- \*\*Priority\*\*: (P[0-3])$/, (m) => `- **priority:** ${(m[1] as string).toLowerCase()}`],
  // Plain label and lowercase value.
  [/^- \*\*Size\*\*: (XS|S|M|L)$/, (m) => `- Size: ${(m[1] as string).toLowerCase()}`],
  // Colon inside the bold and a hyphen before the reason.
  [/^- \*\*Meta\?\*\*: Yes \u2014 (.+)$/, (m) => `- **Meta?:** Yes - ${m[1] as string}`],
  [/^- \*\*Meta\?\*\*: No\.$/, () => "- **Meta?**: no."],
  // Wrong case of a label whose value continues on nested lists.
  [/^- \*\*Next steps\*\*:$/, () => "- **next steps**:"],
  [/^- \*\*Summary\*\*: (.+)$/, (m) => `- **SUMMARY**: ${m[1] as string}`],
];

/** Damage every matching line outside fenced code; returns the text and how many lines changed. */
function damage(text: string): { text: string; count: number } {
  let fence: string | undefined;
  let count = 0;
  const lines = text.split("\n").map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined) {
      if (fence === undefined) fence = marker;
      else if (marker.startsWith(fence)) fence = undefined;
      return line;
    }
    if (fence !== undefined) return line;
    for (const [pattern, replace] of DAMAGE) {
      const match = pattern.exec(line);
      if (match !== null) {
        count++;
        return replace(match);
      }
    }
    return line;
  });
  return { text: lines.join("\n"), count };
}

describe("the damage", () => {
  it("damages only what it should", () => {
    const sample = [
      "```markdown",
      "- **Priority**: P0",
      "```",
      "- **Priority**: P1",
      "- **Size**: M",
      "- **Meta?**: Yes \u2014 because.",
      "- **Meta?**: No.",
      "- **Next steps**:",
      "- **Summary**: One.",
      "- **Dependencies**: None.",
    ].join("\n");
    expect(damage(sample)).toEqual({
      text: [
        "```markdown",
        "- **Priority**: P0",
        "```",
        "- **priority:** p1",
        "- Size: m",
        "- **Meta?:** Yes - because.",
        "- **Meta?**: no.",
        "- **next steps**:",
        "- **SUMMARY**: One.",
        "- **Dependencies**: None.",
      ].join("\n"),
      count: 6,
    });
  });
});

describeCorpus("fix safety on the real corpus", () => {
  it("finds the forty versions", () => {
    expect(realVersions).toHaveLength(40);
  });

  it("damages every version that has fields", () => {
    const undamaged = realVersions.filter((version) => damage(readReal(version)).count === 0);
    expect(undamaged).toEqual(["tv-tasks.v01.md", "tv-tasks.v02.md", "tv-tasks.v03.md"]);
  });

  for (const version of realVersions) {
    describe(version, () => {
      const content = readReal(version);

      it("fixes completely, idempotently and locally", () => {
        const result = checkFixes(content);
        expect(result.fixableAfter.map((error) => `${error.ruleNames[0]}:${error.lineNumber}`)).toEqual([]);
        expect(result.secondPass).toBe(result.fixed);
        expect(result.untouchedChanged).toEqual([]);
      });

      const damaged = damage(content);
      // v01–v03 predate the task-log format: no fields to damage (pinned below).
      if (damaged.count === 0) return;
      it(`repairs fixable damage to labels and values exactly (${damaged.count} lines)`, () => {
        const result = checkFixes(damaged.text);
        expect(result.fixableAfter.map((error) => `${error.ruleNames[0]}:${error.lineNumber}`)).toEqual([]);
        expect(result.secondPass).toBe(result.fixed);
        expect(result.untouchedChanged).toEqual([]);
        expect(result.fixed).toBe(checkFixes(content).fixed);
      });
    });
  }
});
