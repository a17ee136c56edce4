/**
 * The one message path (src/messages.ts): written text is quoted as a JSON string, invisible and
 * odd-space characters are shown by their escapes, look-alikes of the middle dot by their code
 * points, and clamping keeps a message readable.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { clamp, codePoint, expected, quote, visible } from "../src/messages.js";
import { lintPack } from "./harness.js";

const INVISIBLE = [
  ...["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"], // zero-width
  ...["\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"], // bidi controls
  ...["\u2066", "\u2067", "\u2068", "\u2069"], // bidi isolates
  ...["\u00a0", "\u202f", "\u3000", "\u205f"], // no-break and odd spaces
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)), // U+2000–U+200A
];
const DOT_LOOKALIKES = ["\u22c5", "\u2219", "\u2022", "\u0387", "\u30fb", "\uff65", "\u2027", "\u2e31", "\ua78f"];

/** The quoted part of `quote`'s result (without the code-point note). */
const quotedPart = (shown: string): string => (/^".*"/s.exec(shown) as RegExpExecArray)[0];

describe("quote", () => {
  it("quotes ordinary text as a JSON string, as before", () => {
    expect(quote("Open")).toBe('"Open"');
    expect(quote('say "hi" \\ there')).toBe('"say \\"hi\\" \\\\ there"');
    expect(quote("a\tb")).toBe('"a\\tb"');
    expect(quote(" · ")).toBe('" · "');
  });

  it("shows every invisible or odd-space character by its escape", () => {
    expect(quote("Open\u200b")).toBe('"Open\\u200b"');
    expect(quote("Open\u00a0· tv")).toBe('"Open\\u00a0· tv"');
    for (const char of INVISIBLE) {
      const hex = char.charCodeAt(0).toString(16).padStart(4, "0");
      expect(quote(`a${char}b`), codePoint(char)).toBe(`"a\\u${hex}b"`);
    }
  });

  it("names each distinct look-alike of the middle dot by its code point, once", () => {
    expect(quote(" \u22c5 ")).toBe('" ⋅ " (U+22C5 ⋅)');
    expect(quote("a \u2022 b \u2022 c \u30fb d")).toBe('"a • b • c ・ d" (U+2022 •, U+30FB ・)');
    for (const char of DOT_LOOKALIKES) expect(quote(char)).toBe(`"${char}" (${codePoint(char)} ${char})`);
    expect(quote("\u00b7")).toBe('"·"');
  });

  it("reads back as the written text, and leaves nothing invisible in the message", () => {
    const piece = fc.constantFrom(...INVISIBLE, ...DOT_LOOKALIKES, "a", " ", '"', "\\", "\n", "·", "\u{1f600}");
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        const shown = quote(text);
        expect(JSON.parse(quotedPart(shown))).toBe(text);
        for (const char of INVISIBLE) expect(shown.includes(char)).toBe(false);
      }),
    );
  });
});

describe("visible", () => {
  it("leaves ordinary text as it is and quotes text with invisible or look-alike characters", () => {
    expect(visible("Opne")).toBe("Opne");
    expect(visible('a "b"')).toBe('a "b"');
    expect(visible("Open\u200b")).toBe('"Open\\u200b"');
    expect(visible("PR4\u22c55")).toBe('"PR4⋅5" (U+22C5 ⋅)');
  });
});

describe("clamp and expected", () => {
  it("cut to the maximum with the given ellipsis", () => {
    expect(clamp("abcdef", 6)).toBe("abcdef");
    expect(clamp("abcdefg", 6)).toBe("abcde…");
    expect(clamp("abcdefg", 6, "...")).toBe("abc...");
    expect(expected("x", "y")).toBe("Expected x; Actual: y");
  });
});

describe("in a rule's message", () => {
  it("a zero-width space says where it is", () => {
    // Before the separator, it is part of the separator (TL001 fixes the whole run).
    const log = "# Log\n\n## Open tasks (updated 2025-10-05)\n\n### Open\u200b · tv-2025-10-03:PR41 · Title\n";
    const details = lintPack(log, { tasklog: false, TL001: true }).map((error) => error.errorDetail);
    expect(details).toContain('Expected separator " · " (middle dot with one space each side); Actual: "\\u200b · "');
  });
});

describe("one message path", () => {
  it("no string in src/ or rules/ writes the Expected/Actual wording itself (src/messages.ts `expected` does)", () => {
    const root = join(import.meta.dirname, "..");
    const files = ["src", "rules"].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
        .filter((name) => name.endsWith(".ts"))
        .map((name) => join(dir, name)),
    );
    const handWritten: string[] = [];
    for (const file of files) {
      if (file === join("src", "messages.ts")) continue;
      const source = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        const text = ts.isStringLiteralLike(node)
          ? node.text
          : ts.isTemplateExpression(node)
            ? node.head.text
            : undefined;
        if (text !== undefined && /^Expected |; Actual: |; found /.test(text))
          handWritten.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${text}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(files.length).toBeGreaterThan(40);
    expect(handWritten).toEqual([]);
  });
});
