import { defineRule, type Reporter } from "../src/kit/define.js";
import { CANONICAL_SEPARATOR, hasZeroWidth, type Stray, visibleText } from "../src/grammar/heading.js";
import { listed } from "../src/messages.js";
import { at, expected, quote, replace, visible } from "../src/kit/messages.js";
import type { Task } from "../src/model/index.js";
import { shared } from "../src/kit/options.js";

/** The task sits one level below a status section of its own status. */
function checkSection(task: Task, report: Reporter): void {
  const section = task.section;
  if (section === undefined) {
    const shape = `"${"#".repeat(Math.max(1, task.level - 1))} <Status> tasks (updated YYYY-MM-DD)"`;
    report({
      ...at(task.textSpan),
      context: task.text,
      detail: expected(`the task under a status section (${shape})`, "no status section above it"),
    });
    return;
  }
  if (task.level !== section.level + 1) {
    report({
      line: task.line,
      column: task.startColumn,
      length: task.textColumn - task.startColumn + task.text.length,
      detail: expected(
        `heading level ${section.level + 1} (one below "${section.text}" on line ${section.line})`,
        `level ${task.level}`,
      ),
      context: task.text,
    });
  }
  const status = task.status;
  if (
    status !== undefined &&
    task.statusName !== undefined &&
    task.statusName.toLowerCase() !== section.status.text.toLowerCase()
  ) {
    report({
      ...at(status),
      detail: expected(
        `status "${section.status.text}" to match the section "${section.text}" on line ${section.line}`,
        quote(status.text),
      ),
      context: task.text,
    });
  }
}

/** ` (no fix: <what could not be read>)` when the heading fixes are withheld, else empty. */
const noFix = (task: Task): string => (task.unclear === undefined ? "" : ` (no fix: ${task.unclear})`);

/**
 * The heading names a configured status, spelled as configured (fixable where status, identifier and
 * title read unambiguously; otherwise the finding says what could not be read).
 */
function checkStatus(task: Task, statuses: readonly string[], report: Reporter): void {
  const statusList = listed(statuses);
  const status = task.status;
  if (status === undefined) {
    report({
      ...at(task.textSpan),
      context: task.text,
      detail: expected(`a status (${statusList}) before the identifier`, "none"),
    });
    return;
  }
  const name = task.statusName;
  if (name === undefined) {
    // `Op\u200Ben`: the invisible character is the problem, reported (and fixed) by checkStrays.
    const shown = visibleText(status.text).toLowerCase();
    if (hasZeroWidth(status.text) && statuses.some((known) => known.toLowerCase() === shown)) return;
    report({ ...at(status), detail: expected(`a status of ${statusList}`, visible(status.text)), context: task.text });
  } else if (name !== status.text) {
    report({
      ...at(status),
      detail: expected(`status "${name}"`, `${quote(status.text)}${noFix(task)}`),
      context: task.text,
      ...(task.unclear === undefined ? { fix: replace(status, name) } : {}),
    });
  }
}

/**
 * Parts are separated by " · " (fixable on an unambiguous reading, unless at an edge of the heading,
 * where Markdown trims spaces).
 */
function checkSeparators(task: Task, report: Reporter): void {
  const canonical = `"${CANONICAL_SEPARATOR}"`;
  for (const separator of task.separators) {
    if (separator.canonical) continue;
    const atEdge =
      separator.column === task.textColumn ||
      separator.column + separator.text.length === task.textColumn + task.text.length;
    report({
      ...at(separator),
      detail: expected(
        `separator ${canonical} (middle dot with one space each side)`,
        `${quote(separator.text)}${noFix(task)}`,
      ),
      context: task.text,
      ...(atEdge || task.unclear !== undefined ? {} : { fix: replace(separator, CANONICAL_SEPARATOR) }),
    });
  }
  for (const gap of task.parsed.gaps) {
    const spaces = { line: task.line, column: task.textColumn + gap.offset, text: gap.text };
    report({
      ...at(spaces),
      detail: expected(
        `separator ${canonical} between the parts of the heading`,
        `${quote(spaces.text)}${noFix(task)}`,
      ),
      context: task.text,
      ...(task.unclear === undefined ? { fix: replace(spaces, CANONICAL_SEPARATOR) } : {}),
    });
  }
}

/** The code points of `text`, e.g. `U+00A0 U+0020`. */
const codePoints = (text: string): string =>
  [...text].map((char) => `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`).join(" ");

const STRAY_EXPECTED: Record<Stray["kind"], string> = {
  edge: "no white space or invisible character at either end of the heading",
  space: "one space between the title's words",
  invisible: "no invisible character in the heading",
};

/**
 * Why a stray is kept as written although the heading reads unambiguously: the spacing of a title
 * with code or HTML may be meant, and a joiner (U+200C, U+200D) beside a character outside ASCII may
 * be part of an emoji sequence or of a script's spelling.
 */
function keeps(text: string, stray: Stray, title: string): string | undefined {
  if (stray.kind === "space" && /[`<]/.test(title)) return "the title holds code or HTML";
  if (stray.kind !== "invisible" || !/[\u200C\u200D]/.test(stray.text)) return undefined;
  const beside = (text[stray.offset - 1] ?? "") + (text[stray.offset + stray.text.length] ?? "");
  return /[^ -~]/.test(beside) ? "a joiner between characters outside ASCII may be meant" : undefined;
}

/**
 * White space and invisible characters no part of the heading holds (outside the separators): at
 * either end of the heading, a run inside the title other than one space, a zero-width character
 * inside a word. Fixable on an unambiguous reading: deleted, or (inside the title) one space; a title
 * with code or HTML keeps its spacing, which may be meant.
 */
function checkStrays(task: Task, report: Reporter): void {
  const title = task.title?.text ?? "";
  for (const stray of task.parsed.strays) {
    const column = task.textColumn + stray.offset;
    const insertText = stray.kind === "space" ? " " : "";
    const keep = keeps(task.text, stray, title);
    const why = task.unclear === undefined && keep !== undefined ? ` (no fix: ${keep})` : noFix(task);
    report({
      line: task.line,
      column,
      length: stray.text.length,
      detail: expected(STRAY_EXPECTED[stray.kind], `"${stray.text}" (${codePoints(stray.text)})${why}`),
      context: task.text,
      ...(task.unclear === undefined && keep === undefined
        ? { fix: { column, deleteCount: stray.text.length, insertText } }
        : {}),
    });
  }
}

/** The heading has a title, without a trailing period. */
function checkTitle(task: Task, report: Reporter): void {
  const title = task.title;
  if (title === undefined) {
    report({ ...at(task.textSpan), context: task.text, detail: expected("a title after the identifier", "none") });
  } else if (/[^.]\.$/.test(title.text) || title.text === ".") {
    report({
      line: title.line,
      column: title.column + title.text.length - 1,
      length: 1,
      detail: expected("a title without a trailing period", quote(title.text)),
      context: task.text,
    });
  }
}

/** TL001 task-heading: heading shape, level, section, separator, status, title (spec section 4). */
export default defineRule({
  id: "TL001",
  name: "task-heading",
  description: "Task heading reads '<Status> · <identifier> · <Title>'",
  tag: "headings",
  options: {
    statuses: { ...shared.statuses, description: "The statuses a heading may carry (and the fields each requires)." },
  },
  check({ model, options, report }) {
    const statuses = Object.keys(options.statuses);
    for (const task of model.tasks) {
      checkSection(task, report);
      checkStatus(task, statuses, report);
      checkSeparators(task, report);
      checkStrays(task, report);
      checkTitle(task, report);
    }
  },
});
