/**
 * The model's token-bearing objects. The public types (src/model/types.ts) hold spans, values and
 * structure only; the micromark tokens a list, an item or a field was read from live here, in
 * ECMAScript private fields (`#token`), which no code outside these classes can reach, not even with
 * a cast. The markdown readers (src/markdown/) get them through the accessor functions below, whose
 * module only they import (tests/architecture.test.ts checks that; tests/types/ proves a rule that
 * names a token does not compile).
 */
import type { Field, List, ListItem } from "../model/types.js";
import type { Token } from "./tokens.js";

/** The list token of a model list (every list is built by src/markdown/build.ts as a ListNode). */
export let listToken: (list: List) => Token;
/** The first paragraph of a model list item, if the item starts with one. */
export let itemParagraph: (item: ListItem) => Token | undefined;
/** Block tokens of a model list item other than nested lists (content, code, HTML, …). */
export let itemBlocks: (item: ListItem) => readonly Token[];
/** Inline tokens of a field's first paragraph that start at or after the value. */
export let fieldValueInline: (field: Field) => readonly Token[];

export class ListNode implements List {
  readonly #token: Token;
  readonly ordered: boolean;
  readonly line: number;
  readonly items: ItemNode[] = [];

  constructor(token: Token) {
    this.#token = token;
    this.ordered = token.type === "listOrdered";
    this.line = token.startLine;
  }

  static {
    listToken = (list) => (list as ListNode).#token;
  }
}

/** The one empty array every item without blocks or nested lists shares until it gets one (frozen). */
const NONE: never[] = Object.freeze([]) as never[];

export class ItemNode implements ListItem {
  #paragraph: Token | undefined = undefined;
  #blocks: Token[] = NONE;
  endLine: number;
  /** Nested lists; most items have none, so they share one frozen empty array (`addList` replaces it). */
  lists: ListNode[] = NONE;

  constructor(
    readonly ordered: boolean,
    readonly line: number,
    readonly markerColumn: number,
    readonly contentColumn: number,
  ) {
    this.endLine = line;
  }

  /** Add a block token of the item (not a nested list); the first `content` block gives the paragraph. */
  addBlock(block: Token, paragraph: Token | undefined): void {
    if (this.#blocks === NONE) {
      this.#paragraph = paragraph;
      this.#blocks = [block];
    } else {
      this.#blocks.push(block);
    }
  }

  /** Add a nested list of the item. */
  addList(list: ListNode): void {
    if (this.lists === NONE) this.lists = [list];
    else this.lists.push(list);
  }

  /** How many blocks the item has besides nested lists. */
  get blockCount(): number {
    return this.#blocks.length;
  }

  static {
    itemParagraph = (item) => (item as ItemNode).#paragraph;
    itemBlocks = (item) => (item as ItemNode).#blocks;
  }
}

/** The token part of a field: its paragraph's inline tokens, read into `fieldValueInline` on first use. */
export class FieldTokens {
  readonly #inline: readonly Token[];
  readonly #holder: number;
  #valueTokens: readonly Token[] | undefined = undefined;

  /** `inline`: the paragraph's inline tokens; `holder`: the index of the one holding the colon. */
  constructor(inline: readonly Token[], holder: number) {
    this.#inline = inline;
    this.#holder = holder;
  }

  static {
    fieldValueInline = (field) => {
      const self = field as unknown as FieldTokens;
      if (self.#valueTokens !== undefined) return self.#valueTokens;
      const { line, valueColumn } = field;
      const out: Token[] = [];
      for (let index = self.#holder; index < self.#inline.length; index++) {
        const token = self.#inline[index] as Token;
        if (token.endLine > line || token.endColumn > valueColumn) out.push(token);
      }
      self.#valueTokens = out;
      return out;
    };
  }
}
