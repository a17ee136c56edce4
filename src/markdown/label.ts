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
   * Bold forms only: how many more colons follow the label's colon before a space or the line end
   * (`**Summary:**:`, `**Priority**::`). A field takes them into its label, so that its fix leaves one;
   * nested items leave them in the value.
   */
  readonly extraColons: number;
}

const PLAIN = /^([A-Za-z][A-Za-z ?]*?)([ \t]*):/;
const SPACED_COLON = /^[ \t]+:/;
const COLONS = /^:+/;

/** Colons at the start of `text` followed by whitespace, or by the line end when `text` ends (`next`). */
function extraColonsOf(text: string, next: Token | undefined): number {
  const colons = COLONS.exec(text)?.[0].length ?? 0;
  if (colons === 0) return 0;
  const after = text[colons];
  const ends = after === undefined ? next === undefined || next.type === "lineEnding" : /\s/.test(after);
  return ends ? colons : 0;
}

/** The label that `inline` (a paragraph's children) starts with, or undefined. */
export function parseLabel(inline: readonly Token[]): RawLabel | undefined {
  const first = inline[0];
  if (first === undefined) return undefined;
  if (first.type === "data") {
    const match = PLAIN.exec(first.text);
    if (match === null) return undefined;
    const after = first.text[match[0].length];
    return {
      form: "plain",
      text: match[1] as string,
      gap: match[2] as string,
      spaced: after === undefined || /\s/.test(after),
      start: first.startColumn,
      end: first.startColumn + match[0].length,
      next: 1,
      remainder: first.text.slice(match[0].length),
      extraColons: 0,
    };
  }
  if (first.type !== "strong" || first.startLine !== first.endLine) return undefined;
  const inner = first.text.slice(2, -2);
  const start = first.startColumn;
  if (inner.endsWith(":")) {
    const text = inner.slice(0, -1).trim();
    const after = inline[1];
    const extraColons = after?.type === "data" ? extraColonsOf(after.text, inline[2]) : 0;
    return text === "" ? undefined : bold("colon-inside", text, start, first.endColumn, 1, "", extraColons);
  }
  const after = inline[1];
  if (after === undefined || after.type !== "data") return undefined;
  const text = inner.trim();
  if (text === "") return undefined;
  if (after.text.startsWith(":")) {
    const remainder = after.text.slice(1);
    const extraColons = extraColonsOf(remainder, inline[2]);
    return bold("canonical", text, start, first.endColumn + 1, 2, remainder, extraColons);
  }
  if (SPACED_COLON.test(after.text)) {
    const colon = after.text.indexOf(":");
    const remainder = after.text.slice(colon + 1);
    return bold(
      "spaced-colon",
      text,
      start,
      first.endColumn + colon + 1,
      2,
      remainder,
      extraColonsOf(remainder, inline[2]),
    );
  }
  return undefined;
}

/** A label of a bold form (one object, one shape). */
function bold(
  form: LabelForm,
  text: string,
  start: number,
  end: number,
  next: number,
  remainder: string,
  extraColons: number,
): RawLabel {
  return { form, text, gap: "", spaced: true, start, end, next, remainder, extraColons };
}
