/**
 * The one label parser: reads `Label:` at the start of a list item's first paragraph, in every form
 * the convention knows (`LABEL_FORMS`): `**Label**:`, `**Label:**`, `**Label** :` and plain `Label:`.
 * Fields (`- **Priority**: P1`) and nested items (`- Branch: \`feat/x-y\``) both go through it; each
 * then applies its own policy (a plain field label must name a known field, see model.ts).
 */
import type { LabelForm } from "../convention.js";
import type { Token } from "./tokens.js";

export interface RawLabel {
  readonly form: LabelForm;
  /** The label without emphasis and colon, trimmed. */
  readonly text: string;
  /** Plain form only: the spaces or tabs between the label and its colon (`Branch :`). */
  readonly gap: string;
  /** Plain form only: whether the colon ends its text or is followed by whitespace. */
  readonly spaced: boolean;
  /** 1-based column of the label's first character (its `**`). */
  readonly start: number;
  /** 1-based column just after the colon (or after the closing `**` of `**Label:**`). */
  readonly end: number;
  /** Index in the paragraph's inline tokens of the first token after the one holding the colon. */
  readonly next: number;
  /** Text of the token holding the colon after the colon (empty for `**Label:**`). */
  readonly remainder: string;
  /**
   * How many characters after the label's colon still belong to the label form: a run of more colons
   * and white space (any Unicode space, tabs) up to its last colon (`**Summary:** :`,
   * `**Priority:**:P1`, `**Size** ::M`). A field takes them into its label, so that its fix leaves
   * exactly one colon; nested items leave them in the value. A colon that opens an emoji shortcode
   * (`:tada:`) at the value's start is the value's.
   */
  readonly extraColons: number;
}

// The label ends at a letter or `?` (or is one letter), so that the blanks before the colon are the gap
// alone: with a lazy label (`[A-Za-z ?]*?` then `[ \t]*`) both could take them, quadratic on a long
// run of spaces without a colon.
export const PLAIN = /^([A-Za-z](?:[A-Za-z ?]*[A-Za-z?])?)([ \t]*):/;
/** White space (not a line break) and then the colon: `**Size** :`, `**Size**\u00a0:`. */
const SPACED_COLON = /^[^\S\r\n]+:/u;
/** Colons and white space (not a line break) after the label's colon. */
const COLON_RUN = /^[:\s]*/u;
/** An emoji shortcode (`:tada:`, `:+1:`): its colon is the value's, not the label's. */
const SHORTCODE = /^:[\w+-]+:/u;

/**
 * The characters of `text` (what follows the label's colon in its token) that belong to the label:
 * its leading run of colons and white space, up to the last colon of the run.
 */
function extraColonsOf(text: string): number {
  const run = COLON_RUN.exec(text)?.[0] ?? "";
  let last = run.lastIndexOf(":");
  // A colon right before the value that opens `:name:` belongs to the value.
  if (last === run.length - 1 && last >= 0 && SHORTCODE.test(text.slice(last))) last = run.lastIndexOf(":", last - 1);
  return last + 1;
}

const RUN_ONLY = /^[:\s]*$/u;

/**
 * The text after the label's colon on its line: token `from`'s text without its first `skip`
 * characters, then the next tokens' texts while the run of colons and white space goes on. Read as
 * text whatever the tokens are: markdownlint 0.40's parser reads `:P1` after `**Priority:**` as a
 * directive, 0.42's as data.
 */
function runText(inline: readonly Token[], from: number, skip: number): string {
  let text = "";
  for (let index = from; index < inline.length; index++) {
    const token = inline[index] as Token;
    if (token.type === "lineEnding") break;
    const part = index === from ? token.text.slice(skip) : token.text;
    text += part;
    if (!RUN_ONLY.test(part)) break;
  }
  return text;
}

/**
 * `text` without its trailing colons and white space, trimmed. A loop from the end: an unanchored
 * `/[:\s]+$/` would rescan every inner run of colons and spaces, quadratic in a long label.
 */
function withoutTrailingColons(text: string): string {
  let end = text.length;
  while (end > 0 && /[:\s]/u.test(text[end - 1] as string)) end--;
  return text.slice(0, end).trim();
}

/** The label that `inline` (a paragraph's children) starts with, or undefined. */
export function parseLabel(inline: readonly Token[]): RawLabel | undefined {
  const first = inline[0];
  if (first === undefined) return undefined;
  if (first.type === "data") {
    // A plain label's colon is in the first token (most nested items have none).
    const match = first.text.includes(":") ? PLAIN.exec(first.text) : null;
    if (match === null) return undefined;
    const remainder = first.text.slice(match[0].length);
    const run = runText(inline, 0, match[0].length);
    const extraColons = extraColonsOf(run);
    const after = run[extraColons];
    return {
      form: "plain",
      text: match[1] as string,
      gap: match[2] as string,
      spaced: after === undefined || /\s/.test(after),
      start: first.startColumn,
      end: first.startColumn + match[0].length,
      next: 1,
      remainder,
      extraColons,
    };
  }
  if (first.type !== "strong" || first.startLine !== first.endLine) return undefined;
  const inner = first.text.slice(2, -2);
  const start = first.startColumn;
  if (inner.endsWith(":")) {
    // Every colon and space before the closing `**` is the label form's (`**Summary: :**`).
    const text = withoutTrailingColons(inner);
    if (text === "") return undefined;
    const extraColons = extraColonsOf(runText(inline, 1, 0));
    return strongLabel("colon-inside", text, start, first.endColumn, 1, "", extraColons);
  }
  const after = inline[1];
  if (after === undefined || after.type !== "data") return undefined;
  const text = inner.trim();
  if (text === "") return undefined;
  if (after.text.startsWith(":")) {
    const remainder = after.text.slice(1);
    const extraColons = extraColonsOf(runText(inline, 1, 1));
    return strongLabel("canonical", text, start, first.endColumn + 1, 2, remainder, extraColons);
  }
  if (SPACED_COLON.test(after.text)) {
    const colon = after.text.indexOf(":");
    const extraColons = extraColonsOf(runText(inline, 1, colon + 1));
    return strongLabel(
      "spaced-colon",
      text,
      start,
      first.endColumn + colon + 1,
      2,
      after.text.slice(colon + 1),
      extraColons,
    );
  }
  return undefined;
}

/** A bold label (no gap; always followed by white space or the end, as far as the form goes): one object, one shape. */
function strongLabel(
  form: RawLabel["form"],
  text: string,
  start: number,
  end: number,
  next: number,
  remainder: string,
  extraColons: number,
): RawLabel {
  return { form, text, gap: "", spaced: true, start, end, next, remainder, extraColons };
}
