/**
 * The inline text of a list item, line by line with exact positions, for rules that search what a
 * field says (PR links, identifier mentions) in every line of its value and of its nested items.
 */
import type { Field, ListItem } from "./model.js";
import { descendants, type Token } from "./tokens.js";

/** One line's worth of inline text: `column` (1-based) is where `text` starts on `line`. */
export interface TextLine {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

/** The item's blocks and nested lists, in document order (each subtree is contiguous and in order). */
function itemRoots(item: ListItem): Token[] {
  return [...item.blocks, ...item.lists.map((list) => list.token)].sort(
    (a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn,
  );
}

/** Paragraph tokens under `roots` (not looking inside paragraphs), in document order. */
function paragraphsOf(roots: readonly Token[]): Token[] {
  const out: Token[] = [];
  const stack: Token[] = [...roots].reverse();
  while (stack.length > 0) {
    const token = stack.pop() as Token;
    if (token.type === "paragraph") {
      out.push(token);
      continue;
    }
    const kids = token.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Token);
  }
  return out;
}

/** Every token of `item` (its blocks and nested lists at any depth), in document order. */
export function itemTokens(item: ListItem): Token[] {
  return descendants(itemRoots(item));
}

/**
 * The source text of every paragraph in `item` (its own and those of nested items at any depth),
 * split into lines, in document order. Code blocks are not paragraphs, so they are left out; code
 * spans, link destinations and autolinks are in. HTML comments are blanked (replaced with spaces, so
 * columns stay right). Text on `from.line` before `from.column` is cut off (a field's label).
 * `keep`, when given, skips paragraphs whose source text it rejects.
 */
export function itemTextLines(
  item: ListItem,
  from?: { readonly line: number; readonly column: number },
  keep?: (paragraphText: string) => boolean,
): TextLine[] {
  const out: TextLine[] = [];
  for (const paragraph of paragraphsOf(itemRoots(item))) {
    // A rule that looks for one kind of text can skip paragraphs that cannot hold it.
    if (keep !== undefined && !keep(paragraph.text)) continue;
    const texts = paragraph.text.split("\n");
    const columns = texts.map((_, i) => (i === 0 ? paragraph.startColumn : 1));
    const comments = paragraph.text.includes("<!--") ? descendants(paragraph.children) : [];
    for (const token of comments) {
      if (token.type !== "htmlText" || !token.text.startsWith("<!--")) continue;
      for (let line = token.startLine; line <= token.endLine; line++) {
        const i = line - paragraph.startLine;
        const text = texts[i];
        if (text === undefined) continue;
        const column = columns[i] as number;
        const start = line === token.startLine ? token.startColumn - column : 0;
        const end = line === token.endLine ? token.endColumn - column : text.length;
        texts[i] = text.slice(0, start) + " ".repeat(Math.max(0, end - start)) + text.slice(end);
      }
    }
    texts.forEach((text, i) => {
      const line = paragraph.startLine + i;
      let column = columns[i] as number;
      let kept = text;
      if (from !== undefined && line === from.line && from.column > column) {
        kept = text.slice(from.column - column);
        column = from.column;
      }
      out.push({ line, column, text: kept });
    });
  }
  return out;
}

/** The text of a field's value and nested items (the label left out). */
export function fieldTextLines(field: Field, keep?: (paragraphText: string) => boolean): TextLine[] {
  return itemTextLines(field.item, { line: field.line, column: field.valueColumn }, keep);
}
