/**
 * `maskInline` builds each stage's string in one pass (src/grammar/sentences.ts); this oracle masks
 * character by character, stage by stage, as the rule reads: escapes, code spans, then autolinks,
 * inline and reference links and bare URLs, each stage reading what the stages before it left.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskInline, splitSentences } from "../../src/grammar/sentences.js";
import { checkHeader } from "../../src/grammar/commit.js";

function oracle(text: string): string {
  if (!/[\\`<[]|https?:|www\./.test(text)) return text;
  const chars = [...text.split("")];
  const hide = (start: number, end: number): void => {
    for (let i = start; i < end; i++) if (chars[i] !== "\n") chars[i] = "X";
  };
  for (const match of text.matchAll(/\\[!-/:-@[-`{-~]/g)) hide(match.index, match.index + 2);
  let current = chars.join("");
  for (let i = 0; i < current.length; ) {
    if (current[i] !== "`" || (i > 0 && current[i - 1] === "`")) {
      i++;
      continue;
    }
    let n = 0;
    while (current[i + n] === "`") n++;
    let close = -1;
    for (let j = i + n; j < current.length; j++) {
      if (current[j] !== "`" || current[j - 1] === "`") continue;
      let m = 0;
      while (current[j + m] === "`") m++;
      if (m === n) {
        close = j;
        break;
      }
    }
    if (close === -1) {
      i += n;
      continue;
    }
    hide(i, close + n);
    i = close + n;
  }
  current = chars.join("");
  for (const pattern of [
    /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/g,
    /<[^\s<>@]+@[^\s<>]+>/g,
    /!?\[[^[\]\n]*(?:\n[^[\]\n]*)*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g,
    /!?\[[^[\]]*\]\[[^[\]]*\]/g,
    /(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,:;!?"')\]*_]/g,
  ]) {
    for (const match of current.matchAll(pattern)) hide(match.index, match.index + match[0].length);
    current = chars.join("");
  }
  return current;
}

const pieces = fc.constantFrom(
  "`",
  "``",
  "\\",
  "\\`",
  "[",
  "]",
  "(",
  ")",
  "<",
  ">",
  "@",
  ":",
  ".",
  " ",
  "\n",
  "a",
  "B",
  "x.y",
  "https://e.com/a.b",
  "www.",
  "<https://x.y/z.>",
  "[t](d)",
  "[t][r]",
  "e.g.",
  "et al.",
  "\u{1F600}",
  '"',
);

describe("maskInline against a character-by-character oracle", () => {
  it("masks the same characters on generated Markdown-ish text", () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(maskInline(text)).toBe(oracle(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps `et al.` and the other abbreviations inside one sentence", () => {
    expect(splitSentences("Smith et al. Wrote it. Then more.").length).toBe(2);
    expect(splitSentences("See (e.g. This one). Next.").length).toBe(2);
    expect(splitSentences("Compare A vs. B today. Done.").length).toBe(2);
  });
});

describe("vague subjects, normalised once per list", () => {
  const options = { types: ["fix"], maxLength: 72, allowPlaceholderScope: true };
  const vague = (header: string, vagueSubjects: readonly string[]): boolean =>
    checkHeader(header, { ...options, vagueSubjects }).problems.some((problem) => problem.code === "subject-vague");

  it("sees a change to the same array between calls", () => {
    const subjects = ["update stuff"];
    expect(vague("fix: Update  Stuff.", subjects)).toBe(true);
    expect(vague("fix: tweak things", subjects)).toBe(false);
    subjects[0] = "tweak things";
    expect(vague("fix: tweak things", subjects)).toBe(true);
    expect(vague("fix: update stuff", subjects)).toBe(false);
    subjects.push("misc");
    expect(vague("fix: misc", subjects)).toBe(true);
  });

  it("finds the vague subjects a plain normalise-and-compare finds", () => {
    const normal = (text: string): string =>
      text
        .trim()
        .replace(/\s+/g, " ")
        .replace(/(?<!\.)\.+$/, "")
        .toLowerCase();
    const word = fc.constantFrom("wip", "Update", "stuff", "İ", "\u00a0", " ", "  ", ".", "..", "fix bug", "ΣΑΣ", "\t");
    const subject = fc.array(word, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(subject, { maxLength: 4 }), subject, (subjects, text) => {
        const header = `fix: ${text}`;
        const trimmed = text.trimStart();
        if (trimmed.trimEnd() === "") return;
        expect(vague(header, subjects)).toBe(subjects.some((entry) => normal(entry) === normal(trimmed)));
      }),
      { numRuns: 3000 },
    );
  });

  it("counts a header's length in code points", () => {
    const long = (header: string): boolean =>
      checkHeader(header, { ...options, maxLength: 12, vagueSubjects: [] }).problems.some(
        (problem) => problem.code === "header-max-length",
      );
    expect(long("fix: \u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}")).toBe(false);
    expect(long("fix: abcdefgh")).toBe(true);
  });
});
