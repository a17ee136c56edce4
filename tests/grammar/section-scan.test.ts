import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSectionHeading } from "../../src/grammar/heading.js";

/** The former (cubic) pattern, kept here only as the reference reading for the linear scanner. */
const FORMER = /^([\p{L}][\p{L}\p{N} -]*?)[ \t]+tasks\b[ \t]*(\((.*)\))?[ \t]*$/iu;
const STATUSES = ["Open", "Deferred"];

/** What the former pattern and parseSectionHeading's old body returned, for comparison. */
function formerReading(text: string) {
  const match = FORMER.exec(text);
  if (!match) return undefined;
  const statusText = match[1] as string;
  const groupText = match[2];
  const inner = match[3];
  const isKnown = STATUSES.some((status) => status.toLowerCase() === statusText.toLowerCase());
  const stampMatch = inner === undefined ? null : /^updated[ \t]+(\S+)$/i.exec(inner.trim());
  if (!isKnown && !stampMatch) return undefined;
  let group: { offset: number; text: string } | undefined;
  let stamp: { offset: number; text: string } | undefined;
  if (groupText !== undefined && inner !== undefined) {
    const groupOffset = text.lastIndexOf(groupText);
    group = { offset: groupOffset, text: groupText };
    if (stampMatch) {
      const dateText = stampMatch[1] as string;
      stamp = { offset: groupOffset + 1 + inner.indexOf(dateText, inner.search(/updated/i) + 7), text: dateText };
    }
  }
  return { status: { offset: 0, text: statusText }, group, stamp };
}

describe("section heading scanner", () => {
  it("reads the attack shape of the former cubic pattern (not a section, and a section)", () => {
    const spaces = " ".repeat(4000);
    expect(parseSectionHeading(`Open${spaces}tasks${spaces}x`, STATUSES)).toBeUndefined();
    const section = parseSectionHeading(`Open${spaces}tasks${spaces}(updated 2025-10-03)`, STATUSES);
    expect(section?.status.text).toBe("Open");
    expect(section?.stamp?.text).toBe("2025-10-03");
    expect(parseSectionHeading(`Open tasks${" tasks".repeat(2000)}x`, STATUSES)).toBeUndefined();
  });

  it("reads the usual forms", () => {
    expect(parseSectionHeading("Open tasks (updated 2025-10-03)", STATUSES)).toEqual(
      formerReading("Open tasks (updated 2025-10-03)"),
    );
    expect(parseSectionHeading("Open tasks tasks", STATUSES)).toBeUndefined();
    expect(parseSectionHeading("Code review tasks (updated 2025-10-03)", STATUSES)?.status.text).toBe("Code review");
    expect(parseSectionHeading("Open\ttasks", STATUSES)?.status.text).toBe("Open");
    expect(parseSectionHeading("Open tasks\u017f", STATUSES)).toEqual(formerReading("Open tasks\u017f"));
  });

  it("reads every heading exactly as the former pattern did (differential property)", () => {
    const piece = fc.constantFrom(
      "Open",
      "Deferred",
      "open",
      "tasks",
      "TASKS",
      "task",
      " ",
      "  ",
      "\t",
      "(",
      ")",
      "updated",
      " 2025-10-03",
      "x",
      "-",
      "1",
      "é",
      "𝒜",
      "\u00a0",
      "\n",
      "·",
      "ſ",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        expect(parseSectionHeading(text, STATUSES)).toEqual(formerReading(text));
      }),
      { numRuns: 3000 },
    );
  });
});
