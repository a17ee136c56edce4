/**
 * The one message shape of the pack: "Expected <what the convention wants>; Actual: <what is there>".
 * Rules build every detail with `expected`, so that messages read alike and a tool can split them.
 */
import type { Span } from "../model/types.js";

/** `Expected ${what}; Actual: ${actual}`. */
export function expected(what: string, actual: string): string {
  return `Expected ${what}; Actual: ${actual}`;
}

/** Text in double quotes, as messages show what was written. */
export const quote = (text: string): string => `"${text}"`;

/** The report position of a span: its line, its column and its length. */
export function at(span: Span): { readonly line: number; readonly column: number; readonly length: number } {
  return { line: span.line, column: span.column, length: span.text.length };
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
