/**
 * A small editor of JSON with comments and trailing commas (JSONC, as VS Code and markdownlint-cli2
 * read it), for `tasklog init`: it changes one value of a file and keeps every other byte (comments,
 * formatting, key order, line endings) as it was.
 *
 * - `parseTree(text)`: the file's syntax tree, every node with its offsets in `text` (a `JsoncError`
 *   with the line on a syntax error).
 * - `find(root, path)` / `toValue(node)`: a node by its path of keys and indices; a node's value.
 * - `insertMemberEdits(text, path, key, value)` / `insertItemEdits(text, path, value)`: the edits that
 *   add a key to the object at `path` (after its last member) or an item to the array at `path` (after
 *   its last item), in the container's own layout: a new line with the last member's indentation when
 *   the container spans lines, `, "key": value` when it is on one line. Every edit is an insertion:
 *   the original text is a subsequence of the result. A comment on the last member's line stays on it.
 * - `replaceValueEdits(text, path, value)`: the edit that replaces the value at `path`, nothing else.
 * - `removeMemberEdits(text, path)`: the edit that removes a member (its line, when it has one alone).
 * - `applyEdits(text, edits)`.
 * New text uses the file's most common line ending (`\n` when it has none).
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Member {
  readonly key: string;
  readonly keyStart: number;
  readonly value: Node;
  /** The offset of the comma after the member's value, when there is one. */
  readonly comma: number | undefined;
}

export interface Item {
  readonly value: Node;
  readonly comma: number | undefined;
}

export type Node =
  | { readonly kind: "object"; readonly start: number; readonly end: number; readonly members: readonly Member[] }
  | { readonly kind: "array"; readonly start: number; readonly end: number; readonly items: readonly Item[] }
  | { readonly kind: "scalar"; readonly start: number; readonly end: number; readonly value: JsonValue };

/** The deepest nesting read (a deeper text is refused, never a stack overflow). */
export const MAX_JSONC_DEPTH = 64;

/** White space as jsonc-parser's scanner knows it (what VS Code and markdownlint-cli2 accept): Unicode spaces and the BOM included. */
const isSpace = (code: number): boolean =>
  code === 0x20 ||
  code === 0x09 ||
  code === 0x0b ||
  code === 0x0c ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200b) ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;
const isBreak = (code: number): boolean => code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;

/** The 1-based line of `offset` (`\r\n`, `\r`, `\n`, U+2028 and U+2029 each end a line). */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isBreak(code) && !(code === 0x0d && text.charCodeAt(i + 1) === 0x0a)) line++;
  }
  return line;
}

export class JsoncError extends Error {
  readonly line: number;
  /** The message without its line (callers that print the line themselves). */
  readonly reason: string;
  constructor(reason: string, text: string, offset: number) {
    const line = lineOf(text, offset);
    super(`${reason} (line ${line})`);
    this.name = "JsoncError";
    this.line = line;
    this.reason = reason;
  }
}

/** One change of the text: `remove` characters at `offset` replaced by `text`. */
export interface Edit {
  readonly offset: number;
  readonly remove: number;
  readonly text: string;
}

export type Path = readonly (string | number)[];

/** The offset after white space and comments from `i`. */
function skip(text: string, i: number): number {
  for (;;) {
    const code = text.charCodeAt(i);
    if (isSpace(code) || isBreak(code)) {
      i++;
    } else if (code === 0x2f && text[i + 1] === "/") {
      while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
    } else if (code === 0x2f && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) throw new JsoncError("unclosed comment", text, i);
      i = end + 2;
    } else {
      return i;
    }
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function parseString(text: string, i: number): { value: string; end: number } {
  let j = i + 1;
  while (j < text.length && text[j] !== '"') {
    if (text[j] === "\n" || text[j] === "\r") break;
    j += text[j] === "\\" ? 2 : 1;
  }
  if (text[j] !== '"') throw new JsoncError("unterminated string", text, i);
  try {
    return { value: JSON.parse(text.slice(i, j + 1)) as string, end: j + 1 };
  } catch {
    throw new JsoncError("invalid string", text, i);
  }
}

function parseValue(text: string, start: number, depth = 0): Node {
  const i = skip(text, start);
  const char = text[i];
  if ((char === "{" || char === "[") && depth >= MAX_JSONC_DEPTH) {
    throw new JsoncError(`values are nested more than ${MAX_JSONC_DEPTH} deep`, text, i);
  }
  if (char === "{") {
    const members: Member[] = [];
    let j = skip(text, i + 1);
    while (text[j] !== "}") {
      if (text[j] !== '"') throw new JsoncError(`expected a key or }`, text, j);
      const keyStart = j;
      const key = parseString(text, j);
      const colon = skip(text, key.end);
      if (text[colon] !== ":") throw new JsoncError("expected :", text, colon);
      const value = parseValue(text, colon + 1, depth + 1);
      j = skip(text, value.end);
      let comma: number | undefined;
      if (text[j] === ",") {
        comma = j;
        j = skip(text, j + 1);
      } else if (text[j] !== "}") {
        throw new JsoncError("expected , or }", text, j);
      }
      members.push({ key: key.value, keyStart, value, comma });
    }
    return { kind: "object", start: i, end: j + 1, members };
  }
  if (char === "[") {
    const items: Item[] = [];
    let j = skip(text, i + 1);
    while (text[j] !== "]") {
      const value = parseValue(text, j, depth + 1);
      j = skip(text, value.end);
      let comma: number | undefined;
      if (text[j] === ",") {
        comma = j;
        j = skip(text, j + 1);
      } else if (text[j] !== "]") {
        throw new JsoncError("expected , or ]", text, j);
      }
      items.push({ value, comma });
    }
    return { kind: "array", start: i, end: j + 1, items };
  }
  if (char === '"') {
    const { value, end } = parseString(text, i);
    return { kind: "scalar", start: i, end, value };
  }
  for (const [word, value] of [
    ["true", true],
    ["false", false],
    ["null", null],
  ] as const) {
    if (text.startsWith(word, i)) return { kind: "scalar", start: i, end: i + word.length, value };
  }
  NUMBER.lastIndex = i;
  const number = NUMBER.exec(text);
  if (number !== null) return { kind: "scalar", start: i, end: i + number[0].length, value: Number(number[0]) };
  throw new JsoncError(i >= text.length ? "the text ends where a value was expected" : "a value was expected", text, i);
}

/** The syntax tree of a JSONC text (`undefined` when it holds no value: empty, or only comments). */
export function parseTree(text: string): Node | undefined {
  const first = skip(text, 0);
  if (first >= text.length) return undefined;
  const root = parseValue(text, first);
  const rest = skip(text, root.end);
  if (rest < text.length) throw new JsoncError("unexpected text after the value", text, rest);
  return root;
}

export function toValue(node: Node): JsonValue {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "array") return node.items.map((item) => toValue(item.value));
  const out: { [key: string]: JsonValue } = {};
  for (const member of node.members) {
    // defineProperty: a "__proto__" key is an own property, as JSON.parse makes it.
    Object.defineProperty(out, member.key, {
      value: toValue(member.value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The node at `path` (the last member of a duplicated key, as JSON.parse reads it). */
export function find(root: Node | undefined, path: Path): Node | undefined {
  let node = root;
  for (const step of path) {
    if (node === undefined) return undefined;
    if (typeof step === "number") {
      node = node.kind === "array" ? node.items[step]?.value : undefined;
    } else {
      node = node.kind === "object" ? node.members.findLast((member) => member.key === step)?.value : undefined;
    }
  }
  return node;
}

function memberAt(root: Node | undefined, path: Path): { parent: Node & { kind: "object" }; index: number } {
  const parent = find(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (parent?.kind !== "object" || typeof key !== "string") throw new Error(`no member at ${path.join(".")}`);
  const index = parent.members.findLastIndex((member) => member.key === key);
  if (index < 0) throw new Error(`no member at ${path.join(".")}`);
  return { parent, index };
}

/** The file's most common line ending (`\n` when it has none). */
export function lineEnding(text: string): string {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/\r\n|\n|\r/g)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  let best = "\n";
  for (const [ending, count] of counts) if (count > (counts.get(best) ?? 0)) best = ending;
  return best;
}

/** The white space that starts the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== "\n" && text[start - 1] !== "\r") start--;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? "";
}

const hasBreak = (text: string, from: number, to: number): boolean => /[\n\r]/.test(text.slice(from, to));

/** The file's indentation unit: the first indented line's white space, two spaces by default. */
function indentUnit(text: string): string {
  return /(?:^|[\n\r])([ \t]+)\S/.exec(text)?.[1] ?? "  ";
}

/** From `i`, past spaces and comments that end on the same line, when only those are left on it; else `i`. */
function endOfLineTrail(text: string, i: number): number {
  let j = i;
  for (;;) {
    while (text[j] === " " || text[j] === "\t") j++;
    if (text[j] === "/" && text[j + 1] === "/") {
      while (j < text.length && text[j] !== "\n" && text[j] !== "\r") j++;
      return j;
    }
    if (text[j] === "/" && text[j + 1] === "*") {
      const end = text.indexOf("*/", j + 2);
      if (end < 0 || hasBreak(text, j, end)) return i;
      j = end + 2;
      continue;
    }
    return j >= text.length || text[j] === "\n" || text[j] === "\r" ? j : i;
  }
}

/** A value as JSON text, its later lines indented by `indent` (`multiline: false`: on one line, `{ "a": 1 }`). */
export function render(value: JsonValue, indent: string, unit: string, eol: string, multiline = true): string {
  if (!multiline) return renderInline(value);
  return JSON.stringify(value, null, unit).replace(/\n/g, `${eol}${indent}`);
}

function renderInline(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(renderInline).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([key, entry]) => `${JSON.stringify(key)}: ${renderInline(entry)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** Insertions that add an entry (`entry(indent, multiline)`'s text) after the last one of a container. */
function appendEdits(
  text: string,
  container: { start: number; end: number },
  last: { start: number; end: number; comma: number | undefined } | undefined,
  entry: (indent: string, multiline: boolean) => string,
): Edit[] {
  const eol = lineEnding(text);
  const unit = indentUnit(text);
  const outer = lineIndent(text, container.start);
  if (last === undefined) {
    const close = container.end - 1;
    // On a new line after the opening bracket; the closing one on its own line unless it already is.
    const tail = hasBreak(text, container.start + 1, close) ? "" : `${eol}${outer}`;
    return [
      { offset: container.start + 1, remove: 0, text: `${eol}${outer}${unit}${entry(outer + unit, true)}${tail}` },
    ];
  }
  const multiline = hasBreak(text, container.start + 1, last.start);
  if (!multiline) {
    if (last.comma !== undefined) return [{ offset: last.comma + 1, remove: 0, text: ` ${entry(outer, false)},` }];
    return [{ offset: last.end, remove: 0, text: `, ${entry(outer, false)}` }];
  }
  const indent = lineIndent(text, last.start);
  if (last.comma !== undefined) {
    const at = endOfLineTrail(text, last.comma + 1);
    return [{ offset: at, remove: 0, text: `${eol}${indent}${entry(indent, true)},` }];
  }
  const at = endOfLineTrail(text, last.end);
  const line = `${eol}${indent}${entry(indent, true)}`;
  if (at === last.end) return [{ offset: at, remove: 0, text: `,${line}` }];
  return [
    { offset: last.end, remove: 0, text: "," },
    { offset: at, remove: 0, text: line },
  ];
}

/** The edits that add `key: value` to the object at `path` (which must not have `key`). */
export function insertMemberEdits(text: string, path: Path, key: string, value: JsonValue): Edit[] {
  const root = parseTree(text);
  const node = find(root, path);
  if (node?.kind !== "object") throw new Error(`not an object at ${path.join(".") || "the top"}`);
  if (node.members.some((member) => member.key === key)) throw new Error(`the key ${key} exists`);
  const last = node.members[node.members.length - 1];
  const unit = indentUnit(text);
  const eol = lineEnding(text);
  return appendEdits(
    text,
    node,
    last === undefined ? undefined : { start: last.keyStart, end: last.value.end, comma: last.comma },
    (indent, multiline) => `${JSON.stringify(key)}: ${render(value, indent, unit, eol, multiline)}`,
  );
}

/** The edits that add `value` after the last item of the array at `path`. */
export function insertItemEdits(text: string, path: Path, value: JsonValue): Edit[] {
  const node = find(parseTree(text), path);
  if (node?.kind !== "array") throw new Error(`not an array at ${path.join(".") || "the top"}`);
  const last = node.items[node.items.length - 1];
  const unit = indentUnit(text);
  const eol = lineEnding(text);
  return appendEdits(
    text,
    node,
    last === undefined ? undefined : { start: last.value.start, end: last.value.end, comma: last.comma },
    (indent, multiline) => render(value, indent, unit, eol, multiline),
  );
}

/** The edit that replaces the value at `path` (on one line when the old value was). */
export function replaceValueEdits(text: string, path: Path, value: JsonValue): Edit[] {
  const node = find(parseTree(text), path);
  if (node === undefined) throw new Error(`no value at ${path.join(".")}`);
  const multiline = hasBreak(text, node.start, node.end);
  const rendered = render(value, lineIndent(text, node.start), indentUnit(text), lineEnding(text), multiline);
  return [{ offset: node.start, remove: node.end - node.start, text: rendered }];
}

/** The edit that removes the member at `path` with its comma (its whole line when it stands alone on it). */
export function removeMemberEdits(text: string, path: Path): Edit[] {
  const { parent, index } = memberAt(parseTree(text), path);
  const member = parent.members[index] as Member;
  const previous = parent.members[index - 1];
  const isLast = index === parent.members.length - 1;
  if (isLast && member.comma === undefined && previous !== undefined && previous.comma !== undefined) {
    // The last member: from the previous member's comma to this value's end.
    return [{ offset: previous.comma, remove: member.value.end - previous.comma, text: "" }];
  }
  let from = member.keyStart;
  let to = member.comma === undefined ? member.value.end : member.comma + 1;
  const lineStart = from - lineIndent(text, from).length;
  const alone =
    (lineStart === 0 || /[\n\r]/.test(text[lineStart - 1] as string)) && text.slice(lineStart, from).trim() === "";
  let after = to;
  while (text[after] === " " || text[after] === "\t") after++;
  if (alone && (after >= text.length || text[after] === "\n" || text[after] === "\r")) {
    from = lineStart;
    to = after + (text.startsWith("\r\n", after) ? 2 : after < text.length ? 1 : 0);
  } else {
    to = after;
  }
  return [{ offset: from, remove: to - from, text: "" }];
}

/** Apply edits (offsets in the original text; they must not overlap). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, edit.offset) + edit.text + out.slice(edit.offset + edit.remove);
  }
  return out;
}
