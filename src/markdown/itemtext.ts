/**
 * The inline text of a list item, line by line with exact positions, for the model's walk of a task
 * (PR links, identifier mentions in every line of a value and of its nested items).
 */
import type { ListItem } from "../model/types.js";
import { itemBlocks, listToken } from "./nodes.js";
import { descendants, type Token } from "./tokens.js";

/** One line's worth of inline text: `column` (1-based) is where `text` starts on `line`. */
export interface TextLine {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

/** The item's blocks and nested lists, in document order (each subtree is contiguous and in order). */
function itemRoots(item: ListItem): Token[] {
  const blocks = itemBlocks(item);
  // Blocks and lists are each in document order: only a mix of both needs sorting.
  if (item.lists.length === 0) return blocks.slice();
  const lists = item.lists.map(listToken);
  if (blocks.length === 0) return lists;
  return [...blocks, ...lists].sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn);
}

/**
 * One walk of an item: its paragraphs (its own and those of nested items at any depth, not looking
 * inside them), in document order; with `withLinks`, also every `link` token of the item at any
 * depth (inside paragraphs, headings or table cells), in document order. Written into `paragraphs`
 * and `links` (emptied first), so that a walk over many items reuses two arrays.
 */
export function itemParagraphs(item: ListItem, withLinks: boolean, paragraphs: Token[], links: Token[]): void {
  paragraphs.length = 0;
  links.length = 0;
  const stack: Token[] = itemRoots(item);
  stack.reverse();
  while (stack.length > 0) {
    const token = stack.pop() as Token;
    if (token.type === "paragraph") {
      paragraphs.push(token);
      if (!withLinks) continue;
    } else if (token.type === "link" && withLinks) {
      links.push(token);
    }
    const kids = token.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Token);
  }
}

/**
 * The source text of a paragraph split into lines. Code blocks are not paragraphs, so they are left
 * out; code spans, link destinations and autolinks are in. HTML comments are blanked (replaced with
 * spaces, so columns stay right). Text on `from.line` before `from.column` is cut off (a field's label).
 */
export function paragraphLines(
  paragraph: Token,
  from?: { readonly line: number; readonly column: number },
): TextLine[] {
  const out: TextLine[] = [];
  const texts = paragraph.text.split("\n");
  const columnOf = (i: number): number => (i === 0 ? paragraph.startColumn : 1);
  const comments = paragraph.text.includes("<!--") ? descendants(paragraph.children) : [];
  for (const token of comments) {
    if (token.type !== "htmlText" || !token.text.startsWith("<!--")) continue;
    for (let line = token.startLine; line <= token.endLine; line++) {
      const i = line - paragraph.startLine;
      const text = texts[i];
      if (text === undefined) continue;
      const column = columnOf(i);
      const start = line === token.startLine ? token.startColumn - column : 0;
      const end = line === token.endLine ? token.endColumn - column : text.length;
      texts[i] = text.slice(0, start) + " ".repeat(Math.max(0, end - start)) + text.slice(end);
    }
  }
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    const line = paragraph.startLine + i;
    let column = columnOf(i);
    let kept = text;
    if (from !== undefined && line === from.line && from.column > column) {
      kept = text.slice(from.column - column);
      column = from.column;
    }
    out.push({ line, column, text: kept });
  }
  return out;
}
