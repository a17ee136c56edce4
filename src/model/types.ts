/**
 * The task-log model's public types (see src/markdown/build.ts for how they are read): spans, values
 * and structure only. No public type holds a micromark token: the readers' own node types
 * (src/markdown/nodes.ts) keep them in ECMAScript private fields, and `ModelParams` names them
 * `unknown`, so a rule that reads a token does not compile (tests/types/no-tokens.ts, compiled by
 * `npm run typecheck`, proves it) and finds none at run time.
 */
import type { LabelForm, StatusFields } from "../convention.js";
import type { ParsedTaskHeading } from "../grammar/heading.js";
import type { ParsedIdentifier } from "../grammar/identifier.js";

/**
 * What the model is read from: markdownlint's rule parameters (the part the pack uses). The tokens
 * are opaque on purpose: only the markdown readers (src/markdown/) read them.
 */
export interface ModelParams {
  readonly lines: readonly string[];
  /** The front matter markdownlint removed from `lines` (absent outside markdownlint: none). */
  readonly frontMatterLines?: readonly string[];
  readonly parsers: { readonly micromark?: { readonly tokens: readonly unknown[] } };
}

/** A piece of text on one line. `column` is 1-based, as markdownlint's. */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

export interface Heading {
  readonly line: number;
  /** 1-based column where the heading starts (its `#` marks). */
  readonly startColumn: number;
  readonly level: number;
  /** The heading's text as written (after `### `), raw Markdown. */
  readonly text: string;
  /** 1-based column of the first character of `text`. */
  readonly textColumn: number;
  /** `text` as a span. */
  readonly textSpan: Span;
}

export interface Section extends Heading {
  readonly status: Span;
  /** The configured status the section names, in its configured spelling. */
  readonly statusName: string | undefined;
  /** The parenthesised group after `tasks`, e.g. `(updated 2025-10-03)`. */
  readonly group: Span | undefined;
  /** The stamp's date text, e.g. `2025-10-03`. */
  readonly stamp: Span | undefined;
  readonly tasks: Task[];
}

export interface List {
  readonly ordered: boolean;
  readonly line: number;
  readonly items: ListItem[];
}

export interface ListItem {
  readonly ordered: boolean;
  /** Line of the list marker. */
  readonly line: number;
  readonly markerColumn: number;
  /** 1-based column where the item's content starts (after the marker and its space). */
  readonly contentColumn: number;
  /** Last line holding the item's own content or nested blocks. */
  readonly endLine: number;
  /** Nested lists, in order. */
  readonly lists: List[];
}

export interface Field {
  /** The label as written, without emphasis markers and colon, e.g. `Meta?`. */
  readonly label: string;
  /** The known field this label names (matched case-insensitively), e.g. `Meta?`; undefined when unknown. */
  readonly name: string | undefined;
  /** `label` in lowercase (the key the field's lookups use, and `name` in lowercase when `name` is defined), worked out once. */
  readonly key: string;
  readonly form: LabelForm;
  readonly line: number;
  /** The whole label including `**` and the colon. */
  readonly labelSpan: Span;
  /** For a label ending in a parenthesised date (`Latest baseline (2025-10-05)`): the date text. */
  readonly labelDate: Span | undefined;
  /** Where the value starts (first non-space after the colon); on the label line. */
  readonly valueColumn: number;
  /**
   * The value: the item's own paragraph after the label, continuation lines joined with `\n` and
   * their indentation removed. Nested lists are not included (see `item.lists`).
   */
  readonly value: string;
  /** The value's first line (empty when the value starts on a later line or is empty). */
  readonly firstLine: string;
  /** Does the value go on past its first line (continuation lines, nested lists or other blocks)? */
  readonly multiPart: boolean;
  /** Is there anything after the label: text, nested lists or other blocks of the item? */
  readonly hasValue: boolean;
  /** Does the value (its text, later blocks or nested lists) hold code: a code span or a code block? */
  readonly hasCommand: boolean;
  readonly item: ListItem;
  /** Does this field name `name` (its canonical name or its label, case-insensitively)? */
  is(name: string): boolean;
}

/** The status a task's required fields come from, and those fields in template order. */
export interface Template {
  readonly status: string;
  readonly fields: readonly string[];
  /** `fields` in lowercase, index for index. */
  readonly keys: readonly string[];
  /** Lowercase field name → its index in `fields` (the last one, for a field listed twice). */
  readonly order: ReadonlyMap<string, number>;
}

/** An identifier mentioned in a task's fields (spec section 9). */
export interface IdentifierMention extends Span {
  readonly identifier: ParsedIdentifier;
  /** The field whose item (nested lists included) holds the mention; undefined in a list item that is not a field. */
  readonly field: Field | undefined;
}

/** A URL in a `PR` or `PR status` field, written out or through a reference link. */
export interface PrLinkMention extends Span {
  readonly field: Field;
  /** The URL (for a reference link: its definition's destination). */
  readonly url: string;
  /** For a reference link `[text][label]`: the label; the span is the link's first line. */
  readonly reference: string | undefined;
  readonly context: string;
}

export interface Task extends Heading {
  readonly parsed: ParsedTaskHeading;
  readonly status: Span | undefined;
  /** The configured status the heading names, in its configured spelling (undefined: none or unknown). */
  readonly statusName: string | undefined;
  /** Own status's template; the section's when the heading has no status; undefined for an unknown status. */
  readonly template: Template | undefined;
  readonly id: Span | undefined;
  /** The parsed identifier; undefined when it does not parse or has a space inside (`tv-2025-10-03: PR45`). */
  readonly identifier: ParsedIdentifier | undefined;
  /** `prefix-date:PRn` of an identifier with a PR number (`PR035` is `PR35`), for lookups. */
  readonly identity: string | undefined;
  /** Whether the identifier is written with a space inside (`tv-2025-10-03: PR45`, `…:PR 42`). */
  readonly spaceInsideIdentifier: boolean;
  /**
   * Why the heading's parts cannot be read unambiguously as a configured status, an identifier and a
   * non-empty title (undefined when they can); the heading fixes are offered only on a clear reading.
   */
  readonly unclear: string | undefined;
  readonly title: Span | undefined;
  readonly separators: readonly (Span & { readonly canonical: boolean })[];
  /** The status section the task sits in (the latest one not closed by another heading). */
  readonly section: Section | undefined;
  /** Last line of the task's body (the line before the next heading, or the document end). */
  readonly endLine: number;
  /** Top-level lists of the body (a comment between items splits a list; all count). */
  readonly lists: readonly List[];
  /** Fields, in document order, across all top-level lists of the body. */
  readonly fields: readonly Field[];
  /** Every `Git plan` field with its `Branch:` and `Commits:` items (two when a heading was deleted). */
  readonly gitPlans: readonly GitPlan[];
  /** The PR titles the `PR` fields give. */
  readonly prTitles: readonly PrTitle[];
  /** URLs in the `PR` and `PR status` fields, in order (written-out ones of a field before its reference links). */
  readonly prLinks: readonly PrLinkMention[];
  /** Identifiers mentioned in the task's list items (labels left out), in document order. */
  readonly mentions: readonly IdentifierMention[];
}

export interface TaskLog {
  /**
   * Spec section 2: outside code, comments and front matter, a status section heading or a heading
   * carrying an identifier-shaped token.
   */
  readonly isTaskLog: boolean;
  readonly lines: readonly string[];
  readonly statuses: StatusFields;
  readonly headings: readonly Heading[];
  readonly sections: readonly Section[];
  readonly tasks: readonly Task[];
  /** The first task whose `identity` is `key`. */
  taskWithIdentity(key: string): Task | undefined;
  /** Tasks whose identifier has PR number `number`, in document order. */
  tasksNumbered(number: number): readonly Task[];
}

/** Identity of an identifier with a PR number: prefix, date and number (`PR035` is `PR35`). */
export function identityOf(parsed: ParsedIdentifier | undefined): string | undefined {
  if (parsed === undefined || parsed.suffix.kind === "placeholder") return undefined;
  return `${parsed.prefix}-${parsed.dateText}:PR${parsed.suffix.number}`;
}

// ---------------------------------------------------------------------------------------------
// Git plans and PR titles (read by src/markdown/gitplan.ts)

export interface Position {
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export interface CodeSpan {
  /** The code as CommonMark reads it: one space of padding on both sides removed, line endings as spaces. */
  readonly text: string;
  /** Where `text` starts. */
  readonly line: number;
  readonly column: number;
  /** Source position of the character at `offset` in `text` (the end of the code for `offset === text.length`). */
  readonly position: (offset: number) => Position;
}

/** A nested list item that starts with a label and a colon: `Branch: …`, `**Branch**: …`, `**Branch:** …`, `**Branch** : …`. */
export interface LabeledItem {
  readonly item: ListItem;
  /** The label as written, without emphasis and colon. */
  readonly label: string;
  readonly line: number;
  readonly labelColumn: number;
  /** Length of the label including emphasis markers and colon. */
  readonly labelLength: number;
  /** 1-based column of the first non-space character after the colon (end of the label when none). */
  readonly valueColumn: number;
  /** The value's text on the item's paragraph (continuation lines joined with spaces), trimmed. */
  readonly valueText: string;
  /** The code span the value starts with, if it starts with one. */
  readonly leadingCode: CodeSpan | undefined;
}

/** One planned commit: an item nested under `Commits:`. */
export interface CommitEntry {
  readonly line: number;
  readonly contentColumn: number;
  /** The Conventional Commits header the item starts with, in a code span. */
  readonly code: CodeSpan | undefined;
  /** The item's first line of text (when it does not start with a code span). */
  readonly text: string;
}

export interface CommitsItem extends LabeledItem {
  /** The commits nested under the item, in order. */
  readonly entries: readonly CommitEntry[];
}

export interface GitPlan {
  readonly field: Field;
  /** Labeled items nested under the field, in order. */
  readonly items: readonly LabeledItem[];
  /** `Branch:` items (label matched case-insensitively). */
  readonly branches: readonly LabeledItem[];
  /** `Commits:` (or `Commit:`) items. */
  readonly commits: readonly CommitsItem[];
}

export interface PrTitle {
  /** The `PR` field. */
  readonly field: Field;
  readonly code: CodeSpan;
  /** `inline`: `- **PR**: Title \`…\``; `suggestion`: a nested `Title suggestion:` (or `Title:`) item. */
  readonly source: "inline" | "suggestion";
}

export type BranchProblemKind = "placeholder" | "git" | "shape" | "type" | "kebab" | "words";

export interface BranchProblem {
  readonly kind: BranchProblemKind;
  /** 0-based offset in the branch name. */
  readonly offset: number;
  readonly length: number;
  /** "Expected …; Actual: …". */
  readonly message: string;
}
