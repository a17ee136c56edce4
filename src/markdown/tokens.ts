/**
 * The few helpers the model needs over markdownlint's micromark token tree.
 *
 * markdownlint hands every custom rule with `parser: "micromark"` the same frozen array of tokens.
 * Each token knows its type, its 1-based start/end line and column, its source text and its
 * children. (markdownlint's tokens also know their parent; the readers never walk up, and the trees
 * `sameOnEveryHost` gives share untouched subtrees with markdownlint's, whose `parent` is the
 * original's, so `Token` has no `parent`.) Nothing here recurses: walks use an explicit stack so that deeply nested input
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

/** A token under construction: `Token`'s fields, writable; its children are copies or untouched tokens. */
type Building = { -readonly [K in Exclude<keyof Token, "children">]: Token[K] } & {
  children: (Building | Token)[];
};

const LINE_ENDINGS = /\r\n?/g;
const TEXT_DIRECTIVE = "directiveText";
/** CommonMark label matching: case-insensitive, inner whitespace collapsed (link labels and their definitions). */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase().toUpperCase();
}

/** Space tokens micromark gives between a directive's attributes (text on the other versions). */
const DIRECTIVE_SPACES = new Set(["lineSuffix", "whitespace"]);

/**
 * The tokens whose subtree holds something markdownlint 0.42 would not give (a text directive, a CR
 * in a text, touching `data` siblings), with every ancestor of such a token: what `sameOnEveryHost`
 * copies. Empty when the tree is 0.42's already. One depth-first walk that keeps only the path from
 * the root to the current token; a token that differs marks the path up to the first marked one.
 */
function changedTokens(tokens: readonly Token[]): Set<Token> {
  const changed = new Set<Token>();
  // Every character of the document is in a top-level token's text (or between them, outside any).
  let withCr = false;
  for (const token of tokens) if (token.text.includes("\r")) withCr = true;
  const path: Token[] = [];
  const next: number[] = [];
  const markPath = (): void => {
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const token = path[depth] as Token;
      if (changed.has(token)) return;
      changed.add(token);
    }
  };
  for (const root of tokens) {
    if (root.type === TEXT_DIRECTIVE || (withCr && root.text.includes("\r"))) changed.add(root);
    path.push(root);
    next.push(0);
    while (path.length > 0) {
      const depth = path.length - 1;
      const kids = (path[depth] as Token).children;
      const at = next[depth] as number;
      if (at === kids.length) {
        path.pop();
        next.pop();
        continue;
      }
      next[depth] = at + 1;
      const kid = kids[at] as Token;
      if (at > 0 && mergeable(kids[at - 1] as Token, kid)) markPath();
      if (kid.type === TEXT_DIRECTIVE || (withCr && kid.text.includes("\r"))) {
        markPath();
        changed.add(kid);
      }
      if (kid.children.length > 0) {
        path.push(kid);
        next.push(0);
      }
    }
  }
  return changed;
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
 * Positions never change. A tree that needs none of this passes through as is (the same array); a
 * tree that does is copied only along the paths to what changes: a subtree with nothing to change is
 * markdownlint's own (a text directive in one heading copies that heading, not the document).
 */
export function sameOnEveryHost(tokens: readonly Token[]): readonly Token[] {
  const changed = changedTokens(tokens);
  if (changed.size === 0) return tokens;
  const made = new WeakSet<Building>();
  const copy = (token: Token, type = token.type): Building => {
    const building: Building = {
      type,
      startLine: token.startLine,
      startColumn: token.startColumn,
      endLine: token.endLine,
      endColumn: token.endColumn,
      text: token.text.includes("\r") ? token.text.replace(LINE_ENDINGS, "\n") : token.text,
      children: [],
    };
    made.add(building);
    return building;
  };
  /** `token` into `parent`'s children: itself when nothing under it changes, else a copy queued for its children. */
  const keep = (token: Token, parent: Building): Building | Token => {
    if (!changed.has(token)) {
      parent.children.push(token);
      return token;
    }
    const building = copy(token);
    parent.children.push(building);
    work.push([token, building]);
    return building;
  };
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
        const data: Building = {
          type: "data",
          startLine: line,
          startColumn: column,
          endLine: line,
          endColumn: toColumn,
          text: text.slice(offset(line, column), offset(line, toColumn)),
          children: [],
        };
        made.add(data);
        parent.children.push(data);
      }
    };
    // [token, inside the label's text]; explicit stack, in document order.
    const stack: [Token, boolean][] = [...directive.children].reverse().map((token) => [token, false]);
    while (stack.length > 0) {
      const [token, inLabel] = stack.pop() as [Token, boolean];
      if (token === label && (reference !== undefined || shortcut)) {
        textUpTo(token.startLine, token.startColumn);
        const link = linkOf(token, reference);
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
      keep(token, parent);
      line = token.endLine;
      column = token.endColumn;
    }
    textUpTo(directive.endLine, directive.endColumn);
    return reference !== undefined;
  };
  /** A token of `type` at `token`'s place (its text, no children yet). */
  const at = (token: Token, type: string): Building => copy(token, type);
  /**
   * The link the other versions read over a directive's label: `label` (its brackets and text), and
   * for a reference link the `reference` part 0.40 read as a link of its own.
   */
  const linkOf = (label: Token, reference: Token | undefined): Building => {
    const end = reference ?? label;
    const link = at(label, "link");
    link.endLine = end.endLine;
    link.endColumn = end.endColumn;
    link.text = `${label.text}${reference?.text ?? ""}`.replace(LINE_ENDINGS, "\n");
    const part = (from: Token, type: string, marker: string, inner: string): Building => {
      const made = at(from, type);
      for (const child of from.children) {
        const piece = at(child, child === from.children[0] || child === from.children.at(-1) ? marker : inner);
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
        keep(child, parent);
      }
    }
    // One run of text is one `data` token (the pieces of a directive, and runs split apart).
    let kept = 0;
    for (const token of out) {
      const before = out[kept - 1];
      if (before !== undefined && mergeable(before, token)) {
        // markdownlint's own tokens are frozen: the merged run is a copy.
        const run = made.has(before as Building) ? (before as Building) : copy(before);
        run.endColumn = token.endColumn;
        run.text += token.text;
        out[kept - 1] = run;
      } else {
        out[kept++] = token;
      }
    }
    out.length = kept;
  };
  const root = copy(tokens[0] as Token);
  const work: [Token, Building][] = [];
  expand(tokens, root);
  const roots = root.children;
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
  const children = token.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Token;
    if (child.type === type) return child;
  }
  return undefined;
}

export const LIST_TYPES = new Set(["listOrdered", "listUnordered"]);
export const HEADING_TYPES = new Set(["atxHeading", "setextHeading"]);
