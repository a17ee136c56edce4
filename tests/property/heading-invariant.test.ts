/**
 * The heading invariant (issue 18), as a property over generated and mutated task headings written
 * with every kind of separator damage: Unicode white space around or instead of ` · ` (no-break
 * spaces, U+2000–U+200A, U+3000, tabs, runs of them), doubled separators, dot look-alikes, and
 * zero-width characters anywhere. After applying every fix until nothing changes (as repeated
 * `markdownlint-cli2 --fix` runs would), either the heading is exactly what a careful person writes,
 * `### <Status> · <id> · <Title>` without invisible characters or double spaces, or a TL001/TL002
 * finding remains on it: a fix never leaves a wrong heading silent.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DOT_LOOKALIKES } from "../../src/grammar/heading.js";
import { applyAllFixes, lintPack, modelOf } from "../harness.js";
import { propertyParameters } from "../support/settings.js";

const PREFIX = "## Open tasks (updated 2025-10-05)\n\n### ";
const HEADING_LINE = 3;
const ZERO_WIDTH = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"];
const SPACES = [
  " ",
  " ",
  " ",
  "\u00A0",
  "\u202F",
  "\u2000",
  "\u2002",
  "\u2003",
  "\u2009",
  "\u200A",
  "\u3000",
  "\t",
  "  ",
  " \u00A0",
  "\u00A0 ",
  "\t ",
  "",
];
const MARKS = ["·", "·", "·", ...DOT_LOOKALIKES, "-", "--", "–", "—", "|", "··", "· ·", "- -", "·\u00A0·", ""];

const status = fc.constantFrom("Open", "Open", "open", "OPEN", "Closed", "", "In progress");
const space = fc.constantFrom(...SPACES);
const separator = fc
  .tuple(space, fc.constantFrom(...MARKS), space)
  .map(([before, mark, after]) => (mark === "" ? (before === "" ? after : before) : `${before}${mark}${after}`));
const identifier = fc.constantFrom(
  "tv-2025-10-03:PR41",
  "tv-2025-10-03:PR41",
  "tv-2025-10-03:PR154",
  "TV-2025-10-03:PR7",
  "tv-2025-02-30:PR7",
  "tv-2025-10-03:PR??",
  "tv-2025-10-03:PR041",
  "tv-2025-10-03: PR45",
  "tv-2025-10-03:",
  "",
);
const title = fc.constantFrom(
  "Add",
  "Fix the sampler seed",
  "Fix the sampler seed",
  "Two  spaces",
  "Title.",
  "Limit of 10\u00A0GB",
  "Keep `a  b` as written",
  "Title — with a dash · and a dot",
  "PR45 follow-up",
  "",
);
/** Damage anywhere: an invisible character, a space of another kind, a dot look-alike, a deletion. */
const edit = fc.record({
  at: fc.nat({ max: 200 }),
  remove: fc.nat({ max: 1 }),
  insert: fc.constantFrom("", ...ZERO_WIDTH, "\u00A0", "\u3000", "\t", " ", "・", "⋅", "·", "-"),
});
const heading = fc
  .tuple(fc.option(space, { freq: 4 }), status, separator, identifier, separator, title, fc.option(space, { freq: 4 }))
  .chain(([lead, s, a, id, b, t, trail]) =>
    fc.array(edit, { maxLength: 3 }).map((edits) => {
      let text = `${lead ?? ""}${s}${a}${id}${b}${t}${trail ?? ""}`;
      for (const { at, remove, insert } of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + insert + text.slice(i + remove);
      }
      return text.replace(/[\r\n]/g, " ");
    }),
  );

/** What a careful person writes: exactly one ` · ` between the parts, single spaces, nothing invisible. */
const CAREFUL = /^### (?:Open|Deferred) · [a-z]+-\d{4}-\d{2}-\d{2}:PR(?:0|[1-9]\d*) · (\S(?:.*\S)?)$/u;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/;
/** A space other than one U+0020, U+00A0 or U+202F between words (the title's typography). */
const ODD_SPACE = /\s{2,}|[^\S \u00A0\u202F]/;
/** A title must not start with what reads as (the rest of) a separator. */
const SEPARATOR_START = new RegExp(`^(?:[${[...DOT_LOOKALIKES, "|", "\u2013", "\u2014"].join("")}]|-+\\s)`, "u");
/**
 * Spaces and tabs between the `###` marker and the text, and at the end of the line, are Markdown's
 * syntax, not the heading's text: markdownlint's own MD019 and MD009 report them.
 */
const markdownSpacing = (line: string): string => line.replace(/^(#+)[ \t]+/, "$1 ").replace(/[ \t]+$/, "");

const findingsOnHeading = (content: string) =>
  lintPack(content).filter(
    (error) => error.lineNumber === HEADING_LINE && (error.ruleNames[0] === "TL001" || error.ruleNames[0] === "TL002"),
  );

const counts = { careful: 0, fixedToCareful: 0, reported: 0, notTask: 0 };

/** Apply every fix until nothing changes; returns the final text (fails if it never settles). */
function fixUntilStable(content: string): string {
  let current = content;
  for (let pass = 0; pass < 5; pass++) {
    const next = applyAllFixes(current, lintPack(current));
    if (next === current) return current;
    current = next;
  }
  throw new Error(`fixes did not settle after 5 passes: ${JSON.stringify(current)}`);
}

function checkInvariant(text: string): void {
  const content = `${PREFIX}${text}\n`;
  // The invariant is about task headings; other headings (`— t -2025…`) are not the pack's.
  if (!modelOf(content).tasks.some((task) => task.line === HEADING_LINE)) {
    counts.notTask++;
    return;
  }
  const fixed = fixUntilStable(content);
  const line = markdownSpacing(fixed.split("\n")[HEADING_LINE - 1] as string);
  const remaining = findingsOnHeading(fixed);
  if (remaining.length > 0) {
    counts.reported++;
    return;
  }
  // No finding is left: the heading must be exactly what a careful person writes.
  const careful = CAREFUL.exec(line);
  expect(careful, `silent but not careful: ${JSON.stringify(line)} (from ${JSON.stringify(text)})`).not.toBeNull();
  const titleText = (careful as RegExpExecArray)[1] as string;
  expect(INVISIBLE.test(line), JSON.stringify(line)).toBe(false);
  expect(ODD_SPACE.test(titleText), JSON.stringify(line)).toBe(false);
  expect(SEPARATOR_START.test(titleText), JSON.stringify(line)).toBe(false);
  if (fixed === content) counts.careful++;
  else counts.fixedToCareful++;
}

describe("after every fix, a heading is careful or still reported (property)", () => {
  it("over generated and mutated headings with Unicode spaces, doubled and look-alike separators, zero-width characters", () => {
    fc.assert(
      fc.property(heading, (text) => {
        checkInvariant(text);
      }),
      propertyParameters(400),
    );
    // Not vacuous: headings were fixed to the careful form, and others stayed reported.
    expect(counts.fixedToCareful).toBeGreaterThan(0);
    expect(counts.reported).toBeGreaterThan(0);
  });

  // The reproductions of issue 18, kept as examples.
  it.each([
    "Open\u00A0 · \u00A0tv-2025-10-03:PR41 · Title",
    "Open\u00A0·\u00A0tv-2025-10-03:PR41\u202F·\u2009Title",
    "Open\t·\ttv-2025-10-03:PR41 ·\u3000Title",
    "Open ·· tv-2025-10-03:PR41 · · Title",
    "Open - - tv-2025-10-03:PR41 · Title",
    "Open ⋅ tv-2025-10-03:PR41 ∙ Title",
    "Open • tv-2025-10-03:PR41 \u0387 Title",
    "Open・tv-2025-10-03:PR154・Add",
    "Open ･ tv-2025-10-03:PR154 ･ Add",
    "Open\u200B · tv-2025-10-03:PR41 · Title",
    "Op\u200Ben · tv-2025-10-03:PR4\u20601 · Ti\uFEFFtle",
    "\u00A0Open · tv-2025-10-03:PR41 · Title\u200D",
    "Open · tv-2025-10-03:PR41 · Two  spaces",
  ])("%j", (text) => {
    checkInvariant(text);
  });
});
