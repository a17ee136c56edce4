/**
 * Label colons, as a property (issue 18): whatever mix of colons and white space (spaces, tabs, Unicode
 * spaces) stands between a field's label and its value, in any label form, the fixes either leave
 * exactly `- **Label**: value` or a finding remains. A fix never leaves `**Summary**: : x` silent.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyAllFixes, lintPack } from "../harness.js";
import { propertyParameters } from "../support/settings.js";

/** The fields of a valid Open task, each with a value on the label's line (Next steps and Git plan nest). */
const FIELDS: readonly (readonly [string, string])[] = [
  ["Summary", "Consolidate regression tests under `tests/regression/`."],
  ["Priority", "P1"],
  ["Size", "M"],
  ["Meta?", "No."],
  ["Dependencies", "None."],
  ["Validation", "`uv run ci-tasks quality`"],
  ["PR", "Title `test: establish regression suite`; body covering Summary and Testing."],
];

function taskLog(lines: readonly string[]): string {
  return [
    "# tv-tasks",
    "",
    "## Open tasks (updated 2025-10-03)",
    "",
    "### Open · tv-2025-10-03:PR41 · Establish regression test suite",
    "",
    ...lines.slice(0, 5),
    "- **Next steps**:",
    "  1. Inventory existing regression-style tests.",
    lines[5] as string,
    "- **Git plan**:",
    "  - Branch: `test/regression-suite`",
    "  - Commits:",
    "    - `test(regression): reorganize regression tests`",
    lines[6] as string,
    "",
  ].join("\n");
}

const canonicalLines = FIELDS.map(([label, value]) => `- **${label}**: ${value}`);

/** The label forms a person writes: bold with the colon outside or inside, underscores, plain. */
const FORMS = ["**L**", "**L:**", "__L__", "__L:__", "L", "**L :**"] as const;
const SEPARATOR_CHARS = [":", ":", " ", " ", "\t", "\u00a0", "\u202f", "\u2009", "\u3000", "\u2003"];

const separator = fc
  .array(fc.constantFrom(...SEPARATOR_CHARS), { minLength: 0, maxLength: 6 })
  .map((chars) => chars.join(""));

/** Apply all fixes until nothing changes (at most `passes` times); the text and what is still reported. */
function fixAll(text: string, passes = 3): { text: string; remaining: number } {
  let current = text;
  for (let pass = 0; pass < passes; pass++) {
    const next = applyAllFixes(current, lintPack(current));
    if (next === current) break;
    current = next;
  }
  return { text: current, remaining: lintPack(current).length };
}

describe("label colons (property)", () => {
  it("the unmutated log is clean (so every finding below comes from the mutation)", () => {
    expect(lintPack(taskLog(canonicalLines))).toEqual([]);
  });

  it("any mix of colons and white space between label and value fixes to `**Label**: value` or a finding remains", () => {
    fc.assert(
      fc.property(fc.nat({ max: FIELDS.length - 1 }), fc.constantFrom(...FORMS), separator, (index, form, between) => {
        const [label, value] = FIELDS[index] as readonly [string, string];
        const written = `- ${form.replace("L", label)}${between}${value}`;
        const lines = canonicalLines.map((line, i) => (i === index ? written : line));
        const text = taskLog(lines);
        const { text: fixed, remaining } = fixAll(text);
        const wanted = taskLog(canonicalLines);
        if (remaining === 0) expect(fixed, JSON.stringify(written)).toBe(wanted);
        // A bold label followed by colons and white space (so that its closing `**` closes, in
        // CommonMark's flanking rules) with a colon among them is always read as a field, and one pass
        // of fixes gives exactly the canonical line.
        const bold = form !== "L";
        const colon = form.includes(":") || between.includes(":");
        if (bold && colon && between !== "") {
          expect(applyAllFixes(text, lintPack(text)), JSON.stringify(written)).toBe(wanted);
        }
      }),
      propertyParameters(300),
    );
  });

  it("the cases of the issue fix exactly", () => {
    for (const [written, label, value] of [
      ["**Summary:** : x", "Summary", "x"],
      ["**Priority:**:P1", "Priority", "P1"],
      ["**Size** ::M", "Size", "M"],
      ["__Meta?:__ : No.", "Meta?", "No."],
    ] as const) {
      const index = FIELDS.findIndex(([name]) => name === label);
      const original = FIELDS[index]?.[1] as string;
      const lines = canonicalLines.map((line, i) => (i === index ? `- ${written.replace(value, original)}` : line));
      const text = taskLog(lines);
      expect(applyAllFixes(text, lintPack(text)), written).toBe(taskLog(canonicalLines));
    }
  });
});
