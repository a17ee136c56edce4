/**
 * The few helpers the model needs over markdownlint's micromark token tree.
 *
 * markdownlint hands every custom rule with `parser: "micromark"` the same frozen array of tokens.
 * Each token knows its type, its 1-based start/end line and column, its source text, its children
 * and its parent. Nothing here recurses: walks use an explicit stack so that deeply nested input
 * cannot overflow the call stack.
 */

export interface Token {
  readonly type: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly text: string;
  readonly children: readonly Token[];
  readonly parent: Token | null;
}

/**
 * What the model is read from: markdownlint's rule parameters (the part the pack uses), as the
 * public model names them (src/model/types.ts: the tokens are opaque there).
 */
import type { ModelParams } from "../model/types.js";

export type { ModelParams };

/**
 * The micromark tokens of `params`, for the markdown readers: markdownlint's frozen tree as
 * markdownlint 0.42 gives it, whichever version (0.40, 0.41 or 0.42) parsed the document (see
 * `sameOnEveryHost`). Built once per token array: every rule and the model get the same array.
 */
export function tokensOf(params: ModelParams): readonly Token[] {
  const raw = (params.parsers.micromark?.tokens ?? []) as readonly Token[];
  let read = readable.get(raw);
  if (read === undefined) {
    read = sameOnEveryHost(raw);
    readable.set(raw, read);
  }
  return read;
}

const readable = new WeakMap<readonly Token[], readonly Token[]>();

/** A token under construction: `Token`'s fields, writable, with children and parent of its own kind. */
type Building = { -readonly [K in Exclude<keyof Token, "children" | "parent">]: Token[K] } & {
  children: Building[];
  parent: Building | null;
};

const LINE_ENDINGS = /\r\n?/g;
const TEXT_DIRECTIVE = "directiveText";
/** CommonMark label matching: case-insensitive, inner whitespace collapsed (as build.ts matches them). */
function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase().toUpperCase();
}

/** Space tokens micromark gives between a directive's attributes (text on the other versions). */
const DIRECTIVE_SPACES = new Set(["lineSuffix", "whitespace"]);

/** Does the tree hold a token that markdownlint 0.42 would not give (a text directive, a CR in a text)? */
function differsFromCurrent(tokens: readonly Token[]): boolean {
  // Every character of the document is in a top-level token's text (or between them, outside any).
  if (tokens.some((token) => token.text.includes("\r"))) return true;
  for (const token of descendants(tokens)) {
    if (token.type === TEXT_DIRECTIVE) return true;
    const kids = token.children;
    for (let i = 1; i < kids.length; i++) if (mergeable(kids[i - 1] as Token, kids[i] as Token)) return true;
  }
  return false;
}

/** Two sibling `data` tokens that touch: one run of text, which the versions split in different places. */
function mergeable(before: { type: string; endLine: number; endColumn: number }, token: Token | Building): boolean {
  return (
    before.type === "data" &&
    token.type === "data" &&
    before.endLine === token.startLine &&
    before.endColumn === token.startColumn
  );
}

/**
 * The token tree as markdownlint 0.42 reads the document (docs/hosts.md, "Every host says the same"):
 *
 * - Text directives: markdownlint 0.40 parses `:name`, `:name[label]` and `:name{attributes}` inside
 *   text as `directiveText` tokens (0.41 and 0.42 do not), so `**Priority**:P1`, `**Size**:\tM` and
 *   `tv-2025-10-03:PR1` in a paragraph hold one. Each becomes the plain text it is on 0.41 and
 *   0.42: its marker, name and attributes as `data` (merged with the data beside it, as micromark
 *   merges text), its label's brackets as `data` and the label's own inline tokens kept; a label
 *   that is a reference link there (`:name[text][ref]`, `:name[ref]` with a definition) is that
 *   link. Left as text: an inline link right after the name (`:name[text](url)`), whose URL the
 *   readers take from the text anyway.
 * - Line endings: markdownlint 0.40 and 0.41 (micromark 4.0.2) keep a document's `\r\n` and `\r` in
 *   the tokens' texts, 0.42 (micromark 4.0.3) gives `\n`; every text here has `\n`.
 * - Runs of text: the versions cut one run of plain text into several `data` tokens in different
 *   places (0.42 at an unpaired `*` or `_` run, `Title**: x`; 0.40 before a colon inside a link
 *   label, `[https://x]`); here touching `data` siblings are one token, as each version has them
 *   elsewhere.
 *
 * Positions never change. A tree that needs none of this passes through as is (the same array).
 */
export function sameOnEveryHost(tokens: readonly Token[]): readonly Token[] {
  if (!differsFromCurrent(tokens)) return tokens;
  const copy = (token: Token, parent: Building | null, type = token.type): Building => ({
    type,
    startLine: token.startLine,
    startColumn: token.startColumn,
    endLine: token.endLine,
    endColumn: token.endColumn,
    text: token.text.replace(LINE_ENDINGS, "\n"),
    children: [],
    parent,
  });
  /**
   * A text directive as the text it is, into `parent`'s children: the tokens inside it that are not
   * the directive's own (its label's inline content, line endings, continuation prefixes such as a
   * list item's indent or `> `) are kept; the text between them (marker, name, brackets, braces,
   * attributes, including the spaces micromark gives no token) becomes `data`. Its label is a link
   * where the other versions make one: a reference link's text when the link 0.40 found follows it
   * (`:name[text][ref]`), a shortcut reference when a definition names it (`:name[ref]`). Returns
   * whether it took `next` (that link) in.
   */
  const spellOut = (directive: Token, parent: Building, next: Token | undefined): boolean => {
    const label = directive.children.find((child) => child.type === "directiveTextLabel");
    const labelText = label?.children.find((child) => child.type === "directiveTextLabelString");
    const reference =
      label !== undefined &&
      next?.type === "link" &&
      next.startLine === label.endLine &&
      next.startColumn === label.endColumn &&
      next.children.length === 1 &&
      next.children[0]?.type === "label"
        ? next
        : undefined;
    const shortcut =
      reference === undefined &&
      label !== undefined &&
      labelText !== undefined &&
      !(
        directive.endLine === label.endLine &&
        directive.endColumn === label.endColumn &&
        /^[[(]/.test(next?.text ?? "")
      ) &&
      definedLabels().has(normalizeLabel(labelText.text));
    const text = directive.text.replace(LINE_ENDINGS, "\n");
    const starts = [0];
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
    const offset = (line: number, column: number): number =>
      (starts[line - directive.startLine] ?? text.length) +
      column -
      (line === directive.startLine ? directive.startColumn : 1);
    let line = directive.startLine;
    let column = directive.startColumn;
    const textUpTo = (toLine: number, toColumn: number): void => {
      if (toLine === line && toColumn > column) {
        parent.children.push({
          type: "data",
          startLine: line,
          startColumn: column,
          endLine: line,
          endColumn: toColumn,
          text: text.slice(offset(line, column), offset(line, toColumn)),
          children: [],
          parent,
        });
      }
    };
    // [token, inside the label's text]; explicit stack, in document order.
    const stack: [Token, boolean][] = [...directive.children].reverse().map((token) => [token, false]);
    while (stack.length > 0) {
      const [token, inLabel] = stack.pop() as [Token, boolean];
      if (token === label && (reference !== undefined || shortcut)) {
        textUpTo(token.startLine, token.startColumn);
        const link = linkOf(token, reference, parent);
        parent.children.push(link);
        line = link.endLine;
        column = link.endColumn;
        continue;
      }
      // The directive's own tokens, and the spaces between its attributes, are text.
      if (token.type.startsWith(TEXT_DIRECTIVE) || (!inLabel && DIRECTIVE_SPACES.has(token.type))) {
        const label = inLabel || token.type === "directiveTextLabelString";
        for (let i = token.children.length - 1; i >= 0; i--) stack.push([token.children[i] as Token, label]);
        continue;
      }
      textUpTo(token.startLine, token.startColumn);
      const made = copy(token, parent);
      parent.children.push(made);
      work.push([token, made]);
      line = token.endLine;
      column = token.endColumn;
    }
    textUpTo(directive.endLine, directive.endColumn);
    return reference !== undefined;
  };
  /** A token of `type` at `token`'s place (its text, no children yet). */
  const at = (token: Token, type: string, parent: Building): Building => copy(token, parent, type);
  /**
   * The link the other versions read over a directive's label: `label` (its brackets and text), and
   * for a reference link the `reference` part 0.40 read as a link of its own.
   */
  const linkOf = (label: Token, reference: Token | undefined, parent: Building): Building => {
    const end = reference ?? label;
    const link: Building = {
      ...at(label, "link", parent),
      endLine: end.endLine,
      endColumn: end.endColumn,
      text: `${label.text}${reference?.text ?? ""}`.replace(LINE_ENDINGS, "\n"),
    };
    const part = (from: Token, type: string, marker: string, inner: string): Building => {
      const made = at(from, type, link);
      for (const child of from.children) {
        const piece = at(child, child === from.children[0] || child === from.children.at(-1) ? marker : inner, made);
        made.children.push(piece);
        if (piece.type === inner) work.push([child, piece]);
      }
      return made;
    };
    link.children.push(part(label, "label", "labelMarker", "labelText"));
    const referenceLabel = reference?.children[0];
    if (referenceLabel !== undefined)
      link.children.push(part(referenceLabel, "reference", "referenceMarker", "referenceString"));
    return link;
  };
  let defined: Set<string> | undefined;
  /** The labels the document's link reference definitions define, normalized. */
  const definedLabels = (): Set<string> => {
    defined ??= new Set(
      descendants(tokens)
        .filter((token) => token.type === "definitionLabelString")
        .map((token) => normalizeLabel(token.text)),
    );
    return defined;
  };
  /** The copies of `children` under `parent`, text directives spelled out; queues the copies' own children. */
  const expand = (children: readonly Token[], parent: Building): void => {
    const out = parent.children;
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as Token;
      if (child.type === TEXT_DIRECTIVE) {
        if (spellOut(child, parent, children[index + 1])) index++;
      } else {
        const made = copy(child, parent);
        out.push(made);
        work.push([child, made]);
      }
    }
    // One run of text is one `data` token (the pieces of a directive, and runs split apart).
    let kept = 0;
    for (const token of out) {
      const before = out[kept - 1];
      if (before !== undefined && mergeable(before, token)) {
        before.endColumn = token.endColumn;
        before.text += token.text;
      } else {
        out[kept++] = token;
      }
    }
    out.length = kept;
  };
  const root: Building = { ...copy(tokens[0] as Token, null), children: [] };
  const work: [Token, Building][] = [];
  expand(tokens, root);
  const roots = root.children;
  for (const token of roots) token.parent = null;
  while (work.length > 0) {
    const [original, made] = work.pop() as [Token, Building];
    expand(original.children, made);
  }
  return roots as readonly Token[];
}

/** Every descendant of `roots` (not the roots' parents), in document order, pre-order. */
export function descendants(roots: readonly Token[]): Token[] {
  const out: Token[] = [];
  const stack: Token[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i] as Token);
  while (stack.length > 0) {
    const token = stack.pop() as Token;
    out.push(token);
    const kids = token.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Token);
  }
  return out;
}

/** The first direct child of `token` of the given type. */
export function childOfType(token: Token, type: string): Token | undefined {
  for (const child of token.children) if (child.type === type) return child;
  return undefined;
}

export const LIST_TYPES = new Set(["listOrdered", "listUnordered"]);
export const HEADING_TYPES = new Set(["atxHeading", "setextHeading"]);
