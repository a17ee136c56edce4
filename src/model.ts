/**
 * The task-log model: built once per document from markdownlint's micromark tokens and shared by
 * every rule of the pack (cached by the frozen token array markdownlint passes to all of them).
 *
 * The model holds what the spec (CONVENTION.md) talks about: status sections, task headings with the
 * positions of their parts, and each task's fields with their values. It does not judge anything;
 * the rules do.
 */
import { childOfType, HEADING_TYPES, LIST_TYPES, type Token } from "./tokens.js";
import { looksLikeTaskHeading, parseSectionHeading, parseTaskHeading, type ParsedTaskHeading } from "./grammar/heading.js";
import { parseIdentifier, type ParsedIdentifier } from "./grammar/identifier.js";

/** A piece of text on one line. `column` is 1-based, as markdownlint's. */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

export interface Heading {
  readonly token: Token;
  readonly line: number;
  readonly level: number;
  /** The heading's text as written (after `### `), raw Markdown. */
  readonly text: string;
  /** 1-based column of the first character of `text`. */
  readonly textColumn: number;
}

export interface Section extends Heading {
  readonly status: Span;
  /** The parenthesised group after `tasks`, e.g. `(updated 2025-10-03)`. */
  readonly group: Span | undefined;
  /** The stamp's date text, e.g. `2025-10-03`. */
  readonly stamp: Span | undefined;
  readonly tasks: Task[];
}

export interface List {
  readonly token: Token;
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
  endLine: number;
  /** The item's first paragraph, if it starts with one. */
  paragraph: Token | undefined;
  /** Block tokens of the item other than nested lists (content, code, HTML, …). */
  readonly blocks: Token[];
  /** Nested lists, in order. */
  readonly lists: List[];
}

export type LabelForm = "canonical" | "colon-inside" | "spaced-colon" | "plain";

export interface Field {
  /** The label as written, without emphasis markers and colon, e.g. `Meta?`. */
  readonly label: string;
  /** The known field this label names (matched case-insensitively), e.g. `Meta?`; undefined when unknown. */
  readonly name: string | undefined;
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
  /** Inline tokens of the item's first paragraph that start at or after the value. */
  readonly valueInline: readonly Token[];
  readonly item: ListItem;
}

export interface Task extends Heading {
  readonly parsed: ParsedTaskHeading;
  readonly status: Span | undefined;
  readonly id: Span | undefined;
  readonly identifier: ParsedIdentifier | undefined;
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
}

export interface TaskLog {
  /** Spec section 2: at least one task-shaped heading outside code, comments and front matter. */
  readonly isTaskLog: boolean;
  readonly lines: readonly string[];
  readonly headings: readonly Heading[];
  readonly sections: readonly Section[];
  readonly tasks: readonly Task[];
}

/** Statuses and the fields each requires, in template order. */
export type StatusFields = Readonly<Record<string, readonly string[]>>;

export const DEFAULT_STATUSES: StatusFields = Object.freeze({
  Open: Object.freeze(["Summary", "Priority", "Size", "Meta?", "Dependencies", "Next steps", "Validation", "Git plan", "PR"]),
  Deferred: Object.freeze(["Summary", "Priority", "Size", "Meta?", "Dependencies", "References", "Holding pattern", "PR status"]),
});

/** The configured status that `text` names (matched case-insensitively), in its configured spelling. */
export function configuredStatus(statuses: StatusFields, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const lower = text.toLowerCase();
  return Object.keys(statuses).find((status) => status.toLowerCase() === lower);
}

export interface ModelParams {
  readonly lines: readonly string[];
  readonly parsers: { readonly micromark?: { readonly tokens: readonly Token[] } };
}

const cache = new WeakMap<readonly Token[], Map<string, TaskLog>>();
/** The cache key of a statuses configuration (configurations are frozen, so one key per object). */
const statusKeys = new WeakMap<StatusFields, string>();

/** The model of the document in `params`, built once per token array and statuses configuration. */
export function getTaskLog(params: ModelParams, statuses: StatusFields = DEFAULT_STATUSES): TaskLog {
  const tokens = params.parsers.micromark?.tokens ?? [];
  let key = statusKeys.get(statuses);
  if (key === undefined) {
    key = JSON.stringify(statuses);
    statusKeys.set(statuses, key);
  }
  let byKey = cache.get(tokens);
  if (byKey === undefined) {
    byKey = new Map();
    cache.set(tokens, byKey);
  }
  let model = byKey.get(key);
  if (model === undefined) {
    model = buildTaskLog(tokens, params.lines, statuses);
    byKey.set(key, model);
  }
  return model;
}

function headingOf(token: Token): Heading {
  let level = 1;
  let textToken: Token | undefined;
  if (token.type === "atxHeading") {
    level = childOfType(token, "atxHeadingSequence")?.text.length ?? 1;
    textToken = childOfType(token, "atxHeadingText");
  } else {
    const underline = childOfType(token, "setextHeadingLine");
    level = underline?.text.trim().startsWith("-") ? 2 : 1;
    textToken = childOfType(token, "setextHeadingText");
  }
  if (textToken === undefined) {
    return { token, line: token.startLine, level, text: "", textColumn: token.endColumn };
  }
  // A setext heading's text can span lines: the first line is the heading's text here.
  const text = textToken.text.split("\n")[0] as string;
  return { token, line: textToken.startLine, level, text, textColumn: textToken.startColumn };
}

function span(heading: Heading, part: { offset: number; text: string } | undefined): Span | undefined {
  return part === undefined ? undefined : { line: heading.line, column: heading.textColumn + part.offset, text: part.text };
}

function buildList(root: Token): List {
  const make = (token: Token): List => ({ token, ordered: token.type === "listOrdered", line: token.startLine, items: [] });
  const top = make(root);
  const work: List[] = [top];
  while (work.length > 0) {
    const list = work.pop() as List;
    let current: ListItem | undefined;
    for (const child of list.token.children) {
      if (child.type === "listItemPrefix") {
        current = {
          ordered: list.ordered,
          line: child.startLine,
          markerColumn: child.startColumn,
          contentColumn: child.endColumn,
          endLine: child.startLine,
          paragraph: undefined,
          blocks: [],
          lists: [],
        };
        list.items.push(current);
        continue;
      }
      if (current === undefined) continue;
      if (child.type === "lineEnding" || child.type === "lineEndingBlank" || child.type === "listItemIndent") continue;
      if (LIST_TYPES.has(child.type)) {
        const sub = make(child);
        current.lists.push(sub);
        work.push(sub);
      } else {
        if (current.paragraph === undefined && current.blocks.length === 0 && child.type === "content") {
          current.paragraph = childOfType(child, "paragraph");
        }
        current.blocks.push(child);
      }
      current.endLine = Math.max(current.endLine, child.endLine);
    }
  }
  return top;
}

/** Strip continuation-line indentation from a paragraph's source text. */
function unindent(text: string): string {
  return text.replace(/\n[ \t]*/g, "\n");
}

const PLAIN_LABEL = /^([A-Za-z][A-Za-z ?]*?):(?=\s|$)/;
const LABEL_DATE = /\((\d{4}-\d{2}-\d{2})\)$/;

function fieldOf(item: ListItem, known: ReadonlyMap<string, string>): Field | undefined {
  const paragraph = item.paragraph;
  if (paragraph === undefined || paragraph.startLine !== item.line) return undefined;
  const inline = paragraph.children;
  const first = inline[0];
  if (first === undefined) return undefined;
  let label: string;
  let form: LabelForm;
  let labelEnd: number; // 1-based column just after the label's colon (or closing `**`)
  let nextIndex = 1;
  if (first.type === "strong" && first.startLine === first.endLine) {
    const inner = first.text.slice(2, -2);
    const after = inline[1];
    if (inner.endsWith(":")) {
      label = inner.slice(0, -1).trimEnd();
      form = "colon-inside";
      labelEnd = first.endColumn;
    } else if (after !== undefined && after.type === "data" && after.text.startsWith(":")) {
      label = inner;
      form = "canonical";
      labelEnd = first.endColumn + 1;
    } else if (after !== undefined && after.type === "data" && /^[ \t]+:/.test(after.text)) {
      // `**Label** :`: a field all the same, in a non-canonical form.
      label = inner;
      form = "spaced-colon";
      labelEnd = first.endColumn + after.text.indexOf(":") + 1;
    } else {
      return undefined;
    }
  } else if (first.type === "data") {
    const match = PLAIN_LABEL.exec(first.text);
    if (!match || !known.has((match[1] as string).toLowerCase())) return undefined;
    label = match[1] as string;
    form = "plain";
    labelEnd = first.startColumn + label.length + 1;
    nextIndex = 0;
  } else {
    return undefined;
  }
  if (label.trim() === "") return undefined;
  const line = item.line;
  const newline = paragraph.text.indexOf("\n");
  const lineText = newline === -1 ? paragraph.text : paragraph.text.slice(0, newline);
  const offsetInLine = labelEnd - paragraph.startColumn;
  const rest = lineText.slice(offsetInLine);
  const valueColumn = labelEnd + (rest.length - rest.trimStart().length);
  const dateMatch = label.endsWith(")") ? LABEL_DATE.exec(label) : null;
  const labelStart = first.startColumn;
  const labelText = lineText.slice(0, labelEnd - paragraph.startColumn);
  const valueText = paragraph.text.slice(offsetInLine);
  const value = (newline === -1 ? valueText : unindent(valueText)).trim();
  // Tokens that reach past the value's start (the first may also hold the colon: `data ": value"`).
  const valueInline = inline.slice(nextIndex).filter((token) => token.endLine > line || token.endColumn > valueColumn);
  return {
    label,
    name: known.get(label.toLowerCase()),
    form,
    line,
    labelSpan: { line, column: labelStart, text: labelText },
    labelDate: dateMatch
      ? { line, column: labelStart + (form === "plain" ? 0 : 2) + (dateMatch.index as number) + 1, text: dateMatch[1] as string }
      : undefined,
    valueColumn,
    value,
    valueInline,
    item,
  };
}

function buildTaskLog(tokens: readonly Token[], lines: readonly string[], statuses: StatusFields): TaskLog {
  const statusNames = Object.keys(statuses);
  const known = new Map<string, string>();
  for (const fields of Object.values(statuses)) {
    for (const field of fields) if (!known.has(field.toLowerCase())) known.set(field.toLowerCase(), field);
  }

  // Top-level headings only: a heading inside a block quote or list item is not part of the log's outline.
  const headings: Heading[] = [];
  const headingIndex: number[] = [];
  tokens.forEach((token, index) => {
    if (HEADING_TYPES.has(token.type)) {
      headings.push(headingOf(token));
      headingIndex.push(index);
    }
  });

  const taskShaped = headings.map((heading) => looksLikeTaskHeading(heading.text, statusNames));
  const isTaskLog = taskShaped.includes(true);
  if (!isTaskLog) return { isTaskLog, lines, headings, sections: [], tasks: [] };

  const sections: Section[] = [];
  const tasks: Task[] = [];
  let openSection: Section | undefined;
  headings.forEach((heading, h) => {
    if (taskShaped[h] === true) {
      const parsed = parseTaskHeading(heading.text);
      const start = (headingIndex[h] as number) + 1;
      const end = h + 1 < headings.length ? (headingIndex[h + 1] as number) : tokens.length;
      const endLine = h + 1 < headings.length ? (headings[h + 1] as Heading).token.startLine - 1 : lines.length;
      const lists: List[] = [];
      for (let i = start; i < end; i++) {
        const token = tokens[i] as Token;
        if (LIST_TYPES.has(token.type)) lists.push(buildList(token));
      }
      const fields: Field[] = [];
      for (const list of lists) {
        for (const item of list.items) {
          const field = fieldOf(item, known);
          if (field !== undefined) fields.push(field);
        }
      }
      const id = span(heading, parsed.id);
      const task: Task = {
        ...heading,
        parsed,
        status: span(heading, parsed.status),
        id,
        identifier: id === undefined ? undefined : parseIdentifier(id.text),
        title: span(heading, parsed.title),
        separators: parsed.separators.map((separator) => ({
          line: heading.line,
          column: heading.textColumn + separator.offset,
          text: separator.text,
          canonical: separator.canonical,
        })),
        section: openSection,
        endLine: Math.max(heading.line, endLine),
        lists,
        fields,
      };
      tasks.push(task);
      openSection?.tasks.push(task);
      return;
    }
    // A non-task heading at or above the open section's level closes it.
    if (openSection !== undefined && heading.level <= openSection.level) openSection = undefined;
    const parsedSection = parseSectionHeading(heading.text, statusNames);
    if (parsedSection !== undefined) {
      const section: Section = {
        ...heading,
        status: span(heading, parsedSection.status) as Span,
        group: span(heading, parsedSection.group),
        stamp: span(heading, parsedSection.stamp),
        tasks: [],
      };
      sections.push(section);
      openSection = section;
    }
  });
  return { isTaskLog, lines, headings, sections, tasks };
}
