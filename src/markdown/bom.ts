/**
 * Documents that start with more than one byte order mark. markdownlint removes one BOM from the text
 * it splits into `lines`; micromark removes one more from what it parses. So with two or three BOMs,
 * micromark's positions are one character off markdownlint's text on line 1, and every token's `text`
 * (sliced from markdownlint's text at micromark's offsets) is shifted by one character: headings,
 * labels and values would all read wrong and give false findings.
 *
 * `correctedParams` gives the rules a copy of the token tree whose texts are cut from `lines` at the
 * tokens' own positions, with the line-1 columns moved past the remaining BOM. It is built once per
 * token array (all rules share it) and only for such documents; other documents pass through as is.
 * Fixes stay withheld on these documents (the factory's rule), since the hosts apply them to texts
 * that differ by BOMs.
 *
 * One BOM: markdownlint removes it before it splits `lines` and parses, so a rule's columns count from
 * the first character after it, and nothing in the parameters says the file had one. The hosts then
 * disagree on which text they edit: markdownlint-cli2 `--fix` and markdownlint-cli `--fix` read the
 * file again and call markdownlint's `applyFixes` on the raw text, BOM included, so on line 1 every
 * edit lands one column to the left (`### open · …` became `###Openn · …`, no heading any more, and
 * repeated runs ate `PR41` → `PR4` → `PR`); the VS Code extension applies the same fixes to the
 * editor's text, which has no BOM, where the columns are right. A fix cannot be written so that both
 * readings give the same text, and a rule cannot tell which host runs it or whether there was a BOM,
 * so neither shifting the columns nor keeping them is safe: the pack offers no fix on a file's first
 * physical line (`fixableLine`), in any document. The finding is still reported. Only a file
 * that starts with a task or section heading loses a fix by this (a task log starts with its title).
 */
import { type ModelParams, type Token, tokensOf } from "./tokens.js";

const BOM = "\uFEFF";

const corrected = new WeakMap<readonly Token[], readonly Token[]>();

/**
 * May a fix edit the file's physical line `line` (1-based, front matter counted)? Not line 1: a host may
 * apply it to the text with the BOM that markdownlint removed before the rules ran (see above).
 */
export function fixableLine(line: number): boolean {
  return line !== 1;
}

/** Does markdownlint's text still start with a BOM (the document had two or more)? */
export function hasExtraBom(lines: readonly string[]): boolean {
  return (lines[0] ?? "").startsWith(BOM);
}

/** The line ending the document uses (the first one found in the tokens' text), `\n` by default. */
function lineEndingOf(tokens: readonly Token[]): string {
  for (const token of tokens) {
    const match = /\r\n|\r|\n/.exec(token.text);
    if (match !== null) return match[0];
  }
  return "\n";
}

/** The text of `lines` from (startLine, startColumn) to (endLine, endColumn), 1-based, end exclusive. */
function textBetween(lines: readonly string[], ending: string, start: [number, number], end: [number, number]): string {
  const [startLine, startColumn] = start;
  const [endLine, endColumn] = end;
  if (startLine === endLine) return (lines[startLine - 1] ?? "").slice(startColumn - 1, endColumn - 1);
  const parts = [(lines[startLine - 1] ?? "").slice(startColumn - 1)];
  for (let line = startLine + 1; line < endLine; line++) parts.push(lines[line - 1] ?? "");
  parts.push((lines[endLine - 1] ?? "").slice(0, endColumn - 1));
  return parts.join(ending);
}

/** A token under construction: `Token`'s fields, writable, with children and parent of its own kind. */
type MutableToken = { -readonly [K in Exclude<keyof Token, "children" | "parent">]: Token[K] } & {
  children: MutableToken[];
  parent: MutableToken | null;
};

/** A copy of the token tree with line-1 columns shifted by `shift` and texts cut from `lines`. */
function retext(tokens: readonly Token[], lines: readonly string[], shift: number): Token[] {
  const ending = lineEndingOf(tokens);
  const copy = (token: Token, parent: MutableToken | null): MutableToken => {
    const startColumn = token.startColumn + (token.startLine === 1 ? shift : 0);
    const endColumn = token.endColumn + (token.endLine === 1 ? shift : 0);
    return {
      type: token.type,
      startLine: token.startLine,
      startColumn,
      endLine: token.endLine,
      endColumn,
      text: textBetween(lines, ending, [token.startLine, startColumn], [token.endLine, endColumn]),
      children: [],
      parent,
    };
  };
  const roots = tokens.map((token) => copy(token, null));
  // Explicit stack: deeply nested documents must not overflow the call stack.
  const stack: [Token, MutableToken][] = tokens.map((token, index) => [token, roots[index] as MutableToken]);
  while (stack.length > 0) {
    const [original, made] = stack.pop() as [Token, MutableToken];
    for (const child of original.children) {
      const childCopy = copy(child, made);
      made.children.push(childCopy);
      stack.push([child, childCopy]);
    }
  }
  return roots as Token[];
}

/** `params`, or for a document with two or more BOMs a copy whose tokens match `lines`. */
export function correctedParams<P extends ModelParams>(params: P): P {
  if (!hasExtraBom(params.lines)) return params;
  const tokens = tokensOf(params);
  let fixed = corrected.get(tokens);
  if (fixed === undefined) {
    fixed = retext(tokens, params.lines, 1);
    corrected.set(tokens, fixed);
  }
  return { ...params, parsers: { ...params.parsers, micromark: { ...params.parsers.micromark, tokens: fixed } } };
}
