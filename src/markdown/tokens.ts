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

/** The micromark tokens of `params` (markdownlint's frozen tree), for the markdown readers. */
export function tokensOf(params: ModelParams): readonly Token[] {
  return (params.parsers.micromark?.tokens ?? []) as readonly Token[];
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
