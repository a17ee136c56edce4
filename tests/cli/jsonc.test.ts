/**
 * The JSONC editor of `tasklog init` (src/cli/jsonc.ts): on generated JSONC (random layout, comments
 * that look like JSON, trailing commas, CRLF), inserting a key or an item then parsing equals the
 * parsed original plus that key or item, and every edit is an insertion (the original text is kept
 * byte for byte around it); plus the layouts the command meets in real files.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyEdits,
  type Edit,
  insertItemEdits,
  insertMemberEdits,
  JsoncError,
  parseTree,
  removeMemberEdits,
  replaceValueEdits,
  toValue,
  type JsonValue,
  type Path,
} from "../../src/cli/jsonc.js";

const COMMENTS = ['/* { "x": ], */', "/**/", "/* a\n b */"];
const LINE_COMMENTS = ['// "y": } ,', "//", "// ]"];

/** JSONC text of `value`, its layout drawn from `pick` (multi-line or not, comments, trailing commas). */
function format(value: JsonValue, pick: () => number, indent: string, unit: string, eol: string): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const entries: [string | undefined, JsonValue][] = Array.isArray(value)
    ? value.map((item) => [undefined, item])
    : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return pick() % 3 === 0 ? `${open} ${close}` : `${open}${close}`;
  const multiline = pick() % 2 === 0;
  const inner = multiline ? indent + unit : indent;
  const parts = entries.map(([key, entry], i) => {
    let text = "";
    if (pick() % 5 === 0) text += `${COMMENTS[pick() % COMMENTS.length]} `;
    if (key !== undefined) text += `${JSON.stringify(key)}${pick() % 4 === 0 ? " " : ""}: `;
    text += format(entry, pick, inner, unit, eol);
    const last = i === entries.length - 1;
    if (!last || pick() % 3 === 0) text += ",";
    if (multiline && pick() % 4 === 0) text += ` ${LINE_COMMENTS[pick() % LINE_COMMENTS.length]}`;
    return text;
  });
  if (!multiline) return `${open} ${parts.join(" ")} ${close}`;
  return `${open}${eol}${parts.map((part) => `${inner}${part}`).join(eol)}${eol}${indent}${close}`;
}

const json = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value)) as JsonValue);
const object = fc.dictionary(fc.string({ maxLength: 6 }), json, { maxKeys: 5 });

/** Every path to a node of `kind` in `value`. */
function pathsOf(value: JsonValue, kind: "object" | "array", path: (string | number)[] = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  const here = (kind === "array") === Array.isArray(value) ? [path] : [];
  const children = Array.isArray(value)
    ? value.flatMap((item, i) => pathsOf(item, kind, [...path, i]))
    : Object.entries(value).flatMap(([key, entry]) => pathsOf(entry, kind, [...path, key]));
  return [...here, ...children];
}

function at(value: JsonValue, path: Path): JsonValue {
  let node = value;
  for (const step of path) node = (node as Record<string | number, JsonValue>)[step] as JsonValue;
  return node;
}

const layout = fc.record({
  choices: fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
  unit: fc.constantFrom("  ", "    ", "\t"),
  eol: fc.constantFrom("\n", "\r\n"),
  lead: fc.constantFrom("", "// Written by hand.\n", "/* a */ "),
});

function render(value: JsonValue, options: { choices: number[]; unit: string; eol: string; lead: string }): string {
  let i = 0;
  const pick = (): number => options.choices[i++ % options.choices.length] as number;
  return `${options.lead.replace("\n", options.eol)}${format(value, pick, "", options.unit, options.eol)}${options.eol}`;
}

/** The original text is what is left of `result` after removing the inserted text of `edits`. */
function expectInsertionsOnly(original: string, edits: readonly Edit[], result: string): void {
  expect(edits.every((edit) => edit.remove === 0)).toBe(true);
  const inserted = edits.reduce((sum, edit) => sum + edit.text.length, 0);
  expect(result.length).toBe(original.length + inserted);
}

describe("the JSONC editor, on generated JSONC", () => {
  it("the generated text parses to its value (the oracle of the properties below)", () => {
    fc.assert(
      fc.property(object, layout, (value, options) => {
        const tree = parseTree(render(value, options));
        expect(tree === undefined ? undefined : toValue(tree)).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it("inserting a key: parsed, the original plus the key; every other byte kept", () => {
    fc.assert(
      fc.property(object, layout, fc.nat(), fc.string({ maxLength: 6 }), json, (value, options, which, key, added) => {
        const paths = pathsOf(value, "object");
        const path = paths[which % paths.length] as Path;
        const target = at(value, path) as Record<string, JsonValue>;
        fc.pre(!Object.hasOwn(target, key));
        const text = render(value, options);
        const edits = insertMemberEdits(text, path, key, added);
        const result = applyEdits(text, edits);
        expectInsertionsOnly(text, edits, result);
        const expected = structuredClone(value);
        Object.defineProperty(at(expected, path), key, {
          value: added,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        expect(toValue(parseTree(result) as never)).toEqual(expected);
        expect(JSON.stringify(toValue(parseTree(result) as never))).toBe(JSON.stringify(expected));
        // The inserted text uses the file's line ending.
        if (options.eol === "\r\n" && !text.includes("/* a\n")) {
          for (const edit of edits) expect(edit.text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("inserting an item: parsed, the original plus the item at the end; every other byte kept", () => {
    fc.assert(
      fc.property(
        object.map((value) => ({ ...value, list: [1, "two"] as JsonValue })),
        layout,
        fc.nat(),
        json,
        (value, options, which, added) => {
          const paths = pathsOf(value, "array");
          const path = paths[which % paths.length] as Path;
          const text = render(value, options);
          const edits = insertItemEdits(text, path, added);
          const result = applyEdits(text, edits);
          expectInsertionsOnly(text, edits, result);
          const expected = structuredClone(value);
          (at(expected, path) as JsonValue[]).push(added);
          expect(JSON.stringify(toValue(parseTree(result) as never))).toBe(JSON.stringify(expected));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("replacing a value or removing a member changes only that member", () => {
    fc.assert(
      fc.property(
        object.filter((value) => Object.keys(value).length > 0),
        layout,
        fc.nat(),
        json,
        (value, options, which, replacement) => {
          const keys = Object.keys(value);
          const key = keys[which % keys.length] as string;
          const text = render(value, options);
          const replaced = applyEdits(text, replaceValueEdits(text, [key], replacement));
          expect(JSON.stringify(toValue(parseTree(replaced) as never))).toBe(
            JSON.stringify({ ...value, [key]: replacement }),
          );
          const removed = applyEdits(text, removeMemberEdits(text, [key]));
          const rest = Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
          const tree = parseTree(removed);
          expect(JSON.stringify(tree === undefined ? undefined : toValue(tree))).toBe(JSON.stringify(rest));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the JSONC editor, on the layouts of real settings files", () => {
  const settings = [
    "// My settings",
    "{",
    '  "editor.fontSize": 14, // big',
    '  "files.eol": "\\n",',
    '  "json.schemas": [',
    '    { "fileMatch": ["*.x"], "url": "./x.json" }, // mine',
    "  ],",
    "}",
    "",
  ].join("\n");

  it("a key after a trailing comma with a comment: a new line, the comment stays where it was", () => {
    const result = applyEdits(
      settings,
      insertMemberEdits(settings, [], "editor.codeActionsOnSave", { "source.fixAll.markdownlint": "explicit" }),
    );
    expect(result).toBe(
      settings.replace(
        "  ],\n}",
        '  ],\n  "editor.codeActionsOnSave": {\n    "source.fixAll.markdownlint": "explicit"\n  },\n}',
      ),
    );
  });

  it("an item after the last one, in the array's indentation", () => {
    const result = applyEdits(settings, insertItemEdits(settings, ["json.schemas"], { url: "y" }));
    expect(result).toContain(
      '    { "fileMatch": ["*.x"], "url": "./x.json" }, // mine\n    {\n      "url": "y"\n    },\n  ],',
    );
  });

  it("a one-line object gets the key on its line; a comment after the last member stays on its line", () => {
    expect(applyEdits('{ "mine": true }\n', insertMemberEdits('{ "mine": true }\n', [], "k", ["a", "b"]))).toBe(
      '{ "mine": true, "k": ["a", "b"] }\n',
    );
    const text = '{\r\n\t"a": 1 // one\r\n}\r\n';
    expect(applyEdits(text, insertMemberEdits(text, [], "k", { b: 2 }))).toBe(
      '{\r\n\t"a": 1, // one\r\n\t"k": {\r\n\t\t"b": 2\r\n\t}\r\n}\r\n',
    );
  });

  it("an empty object or array gets its first entry on a new line", () => {
    expect(applyEdits("{}\n", insertMemberEdits("{}\n", [], "k", 1))).toBe('{\n  "k": 1\n}\n');
    const text = '{\n  "a": [],\n  "b": {\n    // nothing yet\n  }\n}\n';
    expect(applyEdits(text, insertItemEdits(text, ["a"], "x"))).toBe(
      '{\n  "a": [\n    "x"\n  ],\n  "b": {\n    // nothing yet\n  }\n}\n',
    );
    expect(applyEdits(text, insertMemberEdits(text, ["b"], "c", true))).toBe(
      '{\n  "a": [],\n  "b": {\n    "c": true\n    // nothing yet\n  }\n}\n',
    );
  });

  it("removing a member takes its line; replacing a value keeps its layout", () => {
    expect(applyEdits(settings, removeMemberEdits(settings, ["files.eol"]))).toBe(
      settings.replace('  "files.eol": "\\n",\n', ""),
    );
    expect(applyEdits(settings, replaceValueEdits(settings, ["editor.fontSize"], 12))).toBe(
      settings.replace("14", "12"),
    );
  });

  it("a syntax error names its line; an empty file or one of comments holds no value", () => {
    expect(() => parseTree('{\n  "a": 1\n  "b": 2\n}')).toThrow(JsoncError);
    expect(() => parseTree('{\n  "a": 1\n  "b": 2\n}')).toThrow(/line 3/);
    expect(() => parseTree("{ /* open")).toThrow(/unclosed comment/);
    expect(parseTree("")).toBeUndefined();
    expect(parseTree("// nothing\n")).toBeUndefined();
  });
});
