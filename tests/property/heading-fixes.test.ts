/**
 * Heading fixes never change meaning, as a property over generated and mutated task headings: three
 * passes of the pack's fixes leave what the model reads as the task's status, identifier and title as
 * they were, except the text a fix names (the status's case, the prefix's case, the separators, the
 * title's runs of spaces); the first pass is already a fixed point; and a heading whose parts do not
 * read unambiguously is not touched by TL001 at all.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unreadablePart } from "../../src/grammar/heading.js";
import { DEFAULT_STATUSES, type Task } from "../../src/model/index.js";
import { applyAllFixes, lintPack, modelOf, type LintError } from "../harness.js";
import { propertyParameters } from "../support/settings.js";

const STATUSES = Object.keys(DEFAULT_STATUSES);
const PREFIX = "## Open tasks (updated 2025-10-05)\n\n### ";
const HEADING_LINE = 3;

const status = fc.constantFrom(
  "Open",
  "open",
  "OPEN",
  "Deferred",
  "deferred",
  "Why",
  "Closed",
  "",
  "Open -",
  "Open source",
  "Open:",
);
const separator = fc.constantFrom(
  " · ",
  " - ",
  " – ",
  " — ",
  " | ",
  " • ",
  "·",
  " ·",
  "· ",
  "  ·  ",
  " ",
  "  ",
  "",
  " -",
  "- ",
  "\u2013",
);
const identifier = fc.constantFrom(
  "tv-2025-10-03:PR41",
  "TV-2025-10-03:PR41",
  "Tv-2025-10-03:PR7",
  "tv-2025-10-03:PR??",
  "tv-2025-02-30:PR7",
  "tv-2025-10-03:PR041",
  "tv-2025-10-03: PR45",
  "tv-2025-10-03:PR 42",
  "tv 2025-10-03:PR43",
  "-tv-2025-10-03:PR41",
  "tv-2025-10-03:",
  "tv-2025-10-03:PR",
  "`tv-2025-10-03:PR1`",
  "tv-2025-10-03:PR4 2",
  "xy-2025-10-03:fixtures",
  "",
);
const title = fc.constantFrom(
  "Fix the sampler seed",
  "PR45 follow-up",
  "42 things",
  "took three weeks",
  "",
  "Title — with a dash · and a dot",
  "· leading dot",
  "Title.",
  "- dash first",
  "*emphasis* and `code`",
  "? why",
  "#hash",
);
/** Small edits anywhere in the heading: the damage editors and merges do. */
const edit = fc.record({
  at: fc.nat({ max: 200 }),
  remove: fc.nat({ max: 2 }),
  insert: fc.constantFrom("", " ", "·", "-", ":", "\u2013", "|", "PR", "#", "  ", "4", "tv-"),
});
const heading = fc
  .tuple(status, separator, identifier, separator, title, fc.array(edit, { maxLength: 2 }))
  .map(([s, a, id, b, t, edits]) => {
    let text = `${s}${a}${id}${b}${t}`;
    for (const { at, remove, insert } of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i + remove);
    }
    return text.replace(/[\r\n]/g, " ");
  });

interface Reading {
  readonly status: string | undefined;
  readonly id: string | undefined;
  readonly title: string | undefined;
}

function taskAt(content: string): Task | undefined {
  return modelOf(content).tasks.find((task) => task.line === HEADING_LINE);
}

const readingOf = (task: Task | undefined): Reading | undefined =>
  task === undefined ? undefined : { status: task.status?.text, id: task.id?.text, title: task.title?.text };

const fixesOf = (errors: readonly LintError[], rule: string): LintError[] =>
  errors.filter(
    (error) =>
      error.ruleNames[0] === rule &&
      error.fixInfo !== null &&
      (error.fixInfo.lineNumber ?? error.lineNumber) === HEADING_LINE,
  );

/** The prefix of an identifier in lowercase (what TL002's prefix fix writes). */
const lowerPrefix = (id: string): string => id.replace(/^[A-Za-z]+(?=-)/, (prefix) => prefix.toLowerCase());

/** A title with each run of white space other than one space or no-break space as one space. */
const squeezed = (text: string | undefined): string | undefined =>
  text?.replace(/\s+/g, (run) => (/^[ \u00A0\u202F]$/.test(run) ? run : " "));

const counts = { fixed: 0, withheld: 0 };

function checkHeading(text: string): void {
  const content = `${PREFIX}${text}\n`;
  const task = taskAt(content);
  const before = readingOf(task);
  const errors = lintPack(content);
  const passes = [content];
  let current = content;
  let currentErrors = errors;
  for (let pass = 0; pass < 3; pass++) {
    current = applyAllFixes(current, currentErrors);
    passes.push(current);
    currentErrors = lintPack(current);
  }
  // One pass is a fixed point: the second and third change nothing.
  expect(passes[2]).toBe(passes[1]);
  expect(passes[3]).toBe(passes[1]);
  const after = readingOf(taskAt(current));
  if (before === undefined) {
    expect(after).toBeUndefined();
    expect(current).toBe(content);
    return;
  }
  expect(after).toBeDefined();
  const read = after as Reading;
  const headingFixes = fixesOf(errors, "TL001");
  const unclear = unreadablePart((task as Task).parsed, STATUSES);
  if (unclear !== undefined) {
    // What cannot be read is not touched by the heading fixes.
    expect(headingFixes).toEqual([]);
    counts.withheld++;
  } else if (headingFixes.length > 0) {
    counts.fixed++;
  }
  // The title changes only by TL001's spacing fixes (a run of spaces becomes one space).
  expect(squeezed(read.title)).toBe(squeezed(before.title));
  if (read.title !== before.title)
    expect(headingFixes.some((fix) => fix.errorDetail?.includes("one space"))).toBe(true);
  // The identifier changes only by TL002's prefix case fix.
  if (fixesOf(errors, "TL002").length > 0) expect(read.id).toBe(lowerPrefix(before.id as string));
  else expect(read.id).toBe(before.id);
  // The status changes only to its configured spelling.
  if (read.status !== before.status) {
    expect(unclear).toBeUndefined();
    expect(read.status).toBe(STATUSES.find((known) => known.toLowerCase() === before.status?.toLowerCase()));
  }
}

describe("heading fixes keep the heading's meaning (property)", () => {
  it("over generated and mutated headings, three passes of fixes", () => {
    fc.assert(
      fc.property(heading, (text) => {
        checkHeading(text);
      }),
      propertyParameters(400),
    );
    // Not vacuous: both kinds of heading were generated.
    expect(counts.fixed).toBeGreaterThan(0);
    expect(counts.withheld).toBeGreaterThan(0);
  });

  // The reproductions of issue 10, and counterexamples, kept as examples.
  it.each([
    "Open · tv-2025-10-03: PR45 · Fix the sampler seed",
    "Open · tv-2025-10-03:PR 42 · Title",
    "Open · tv 2025-10-03:PR43 · Title",
    "Open -tv-2025-10-03:PR41  Title",
    "Why tv-2025-10-03:PR41 took three weeks",
    "open - tv-2025-10-03:PR41 - Title",
    "Open tv-2025-10-03:PR41 Title",
    // A `#` title would become the heading's closing sequence once the separator has its spaces.
    "Open · Tv-2025-10-03:PR7 ·# ",
  ])("%s", (text) => {
    checkHeading(text);
  });
});
