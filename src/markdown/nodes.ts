/**
 * The model's objects as the markdown readers see them: the public types (src/model/types.ts) plus
 * the micromark tokens they were read from. Only src/markdown/ imports this file; the model hands
 * out the same objects typed as the public, token-free types.
 */
import type { Field, Heading, List, ListItem } from "../model/types.js";
import type { Token } from "./tokens.js";

export interface HeadingNode extends Heading {
  /** The heading token. */
  readonly token: Token;
}

export interface ListNode extends List {
  readonly token: Token;
  readonly items: ItemNode[];
}

export interface ItemNode extends ListItem {
  endLine: number;
  /** The item's first paragraph, if it starts with one. */
  paragraph: Token | undefined;
  /** Block tokens of the item other than nested lists (content, code, HTML, …). */
  readonly blocks: Token[];
  readonly lists: ListNode[];
}

export interface FieldNode extends Field {
  /** Inline tokens of the item's first paragraph that start at or after the value. */
  readonly valueInline: readonly Token[];
  readonly item: ItemNode;
}

/** The reader's view of a model field (every field is built by src/markdown/build.ts as a FieldNode). */
export function fieldNode(field: Field): FieldNode {
  return field as FieldNode;
}

/** The reader's view of a model list item (every item is built by src/markdown/build.ts as an ItemNode). */
export function itemNode(item: ListItem): ItemNode {
  return item as ItemNode;
}

/** The reader's view of a model heading (every heading is built by src/markdown/build.ts as a HeadingNode). */
export function headingNode(heading: Heading): HeadingNode {
  return heading as HeadingNode;
}
