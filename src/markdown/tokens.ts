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
 *   merges text), its label's brackets as `data` and the label's own inline tokens kept.
 * - Line endings: markdownlint 0.40 and 0.41 (micromark 4.0.2) keep a document's `\r\n` and `\r` in
 *   the tokens' texts, 0.42 (micromark 4.0.3) gives `\n`; every text here has `\n`.
 * - Runs of text: the versions cut one run of plain text into several `data` tokens in different
 *   places (0.42 at an unpaired `*` or `_` run, `Title**: x`; 0.40 before a colon inside a link
 *   label, `[https://x]`); here touching `data` siblings are one token, as each version has them
 *   elsewhere.
 *
 * Positions never change. A tree without either passes through as is (the same array).
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
  /** The copies of `children` under `parent`, text directives spelled out; queues the copies' own children. */
  const expand = (children: readonly Token[], parent: Building): void => {
    const out = parent.children;
    // [token, inside a directive's marker, name or attributes]; explicit stack, in document order.
    const stack: [Token, boolean][] = [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as Token, false]);
    while (stack.length > 0) {
      const [token, inside] = stack.pop() as [Token, boolean];
      const kids = token.children;
      if (token.type === TEXT_DIRECTIVE || (inside && token.type !== "directiveTextLabelString" && kids.length > 0)) {
        for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i] as Token, true]);
      } else if (inside && token.type === "directiveTextLabelString") {
        // The label's content is ordinary inline content (strong, code, links, nested directives).
        for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i] as Token, false]);
      } else if (inside) {
        out.push(copy(token, parent, token.type === "lineEnding" ? "lineEnding" : "data"));
      } else {
        const made = copy(token, parent);
        out.push(made);
        work.push([token, made]);
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
