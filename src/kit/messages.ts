/**
 * The rule-facing end of the message path: report positions from the model's spans. The message
 * shape itself, "Expected <what the convention wants>; Actual: <what is there>", and the quoting and
 * clamping of values live in src/messages.ts (re-exported here), which the grammars use too, so that
 * every message of the pack reads alike and a tool can split them.
 */
import type { Span } from "../model/types.js";
import type { Fix } from "./define.js";

export { clamp, codePoint, expected, listed, quote, visible } from "../messages.js";

/** The report position of a span: its line, its column and its length. */
export function at(span: Span): { readonly line: number; readonly column: number; readonly length: number } {
  return { line: span.line, column: span.column, length: span.text.length };
}

/** The fix that replaces the text of `span` (on its line) with `text`. */
export function replace(span: Span, text: string): Fix {
  return { line: span.line, column: span.column, deleteCount: span.text.length, insertText: text };
}

/** `at(span)` with the span's text as the report's context. */
export function atWithContext(span: Span): {
  readonly line: number;
  readonly column: number;
  readonly length: number;
  readonly context: string;
} {
  return { ...at(span), context: span.text };
}
