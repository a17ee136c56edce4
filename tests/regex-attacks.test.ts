import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectPatterns, countSteps, parsePattern, stepGrowth } from "../scripts/regex-analysis.js";
import { boundedCopy, parseJsonc, whereKey } from "../src/cli/config-read.js";
import { TITLE_BEFORE_CODE } from "../src/convention.js";
import { maskInline } from "../src/grammar/sentences.js";
import { PLAIN } from "../src/markdown/label.js";

/**
 * Work, not time: every pattern of the pack runs on the attack shapes of its ambiguous loops
 * (scripts/regex-analysis.ts) in a model of a backtracking engine that counts its steps. Four times the
 * input must cost about four times the steps (a quadratic pattern costs sixteen). The former patterns
 * of issue 18, kept here only as references, show that the check fails on them.
 */

/** The former quadratic patterns (issue 18), as the references the linear ones must read like. */
const FORMER = {
  plain: /^([A-Za-z][A-Za-z ?]*?)([ \t]*):/,
  titleBeforeCode: /(?:^|[\s:;,(])title(?:[ \t]+suggestion)?[ \t]*:?[ \t]*$/i,
  /** The former lineOfKey's pattern, for the key `default` (the configuration reader has no pattern now). */
  key: /^\s*default\s*:/m,
  /** The former section-heading pattern (cubic; src/grammar/heading.ts is a scanner now). */
  section: /^([\p{L}][\p{L}\p{N} -]*?)[ \t]+tasks\b[ \t]*(\((.*)\))?[ \t]*$/iu,
};
/** The largest growth of steps from 150 to 600 characters over the attack shapes of `shapesOf`. */
const worstGrowth = (regex: RegExp, shapesOf: RegExp = regex) => stepGrowth(regex, shapesOf);

/** Linear: 4× the input costs at most 6× the steps (quadratic: ~16×). */
const LINEAR_GROWTH = 6;

describe("regular expressions on their attack shapes (steps counted, not timed)", () => {
  it("the step model finds the same first match as the engine", () => {
    const patterns = [PLAIN, TITLE_BEFORE_CODE, FORMER.plain, FORMER.titleBeforeCode, FORMER.key, FORMER.section];
    const text = fc
      .array(
        fc.constantFrom("a", "Z", " ", "\t", "\n", ":", "?", "!", "title", "suggestion", "tasks", "default", "("),
        {
          maxLength: 12,
        },
      )
      .map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(text, (input) => {
        for (const regex of patterns) {
          const real = new RegExp(regex.source, regex.flags.replace("g", "")).exec(input);
          const model = countSteps(regex, input).match;
          expect(model).toEqual(real === null ? undefined : { index: real.index, end: real.index + real[0].length });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the former patterns are quadratic (or worse) on the shapes the analyser derives", () => {
    expect(worstGrowth(FORMER.plain).label).toBe('a( )ⁿ two loops take it+""');
    for (const regex of Object.values(FORMER)) expect(worstGrowth(regex).growth).toBeGreaterThan(12);
  });

  it("the new patterns are linear on their own shapes and on the former patterns' shapes", () => {
    expect(worstGrowth(PLAIN, FORMER.plain).growth).toBeLessThanOrEqual(LINEAR_GROWTH);
    expect(worstGrowth(PLAIN).growth).toBeLessThanOrEqual(LINEAR_GROWTH);
    expect(worstGrowth(TITLE_BEFORE_CODE, FORMER.titleBeforeCode).growth).toBeLessThanOrEqual(LINEAR_GROWTH);
    expect(worstGrowth(TITLE_BEFORE_CODE).growth).toBeLessThanOrEqual(LINEAR_GROWTH);
  });

  it("every pattern of src/ and rules/ is linear on its attack shapes", () => {
    const { found } = collectPatterns(join(import.meta.dirname, ".."));
    expect(found.length).toBeGreaterThan(100);
    const slow: string[] = [];
    let analysed = 0;
    for (const { where, regex } of found) {
      try {
        parsePattern(regex);
      } catch {
        continue; // syntax the analyser does not read (none today; the bench lists them)
      }
      analysed++;
      const worst = worstGrowth(regex);
      if (worst.growth > LINEAR_GROWTH) slow.push(`${where} /${regex.source}/ ${worst.label}: ${worst.growth}×`);
    }
    expect(analysed).toBe(found.length);
    expect(slow).toEqual([]);
  });

  it("the new patterns read every input as the former ones did", () => {
    const text = (pieces: string[]) =>
      fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((parts) => parts.join(""));
    const groups = (match: RegExpExecArray | null) => (match === null ? null : [match.index, ...match]);
    fc.assert(
      fc.property(text(["a", "Bc", " ", "\t", ":", "?", "::", "!", "-", "é"]), (input) => {
        expect(groups(PLAIN.exec(input))).toEqual(groups(FORMER.plain.exec(input)));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(text(["title", "Title", "suggestion", " ", "\t", ":", "(", ";", "x", "\n"]), (input) => {
        expect(TITLE_BEFORE_CODE.test(input)).toBe(FORMER.titleBeforeCode.test(input));
      }),
      { numRuns: 2000 },
    );
  });

  it("a configuration key's line comes from one pass (the JSONC reader's positions, a line index for YAML)", () => {
    // The former `lineOfKey` searched with /^\s*<key>\s*:/m, quadratic on runs of line breaks; the
    // configuration reader (src/cli/config-read.ts) now records each key's line as it reads.
    const size = 1 << 20;
    const json = parseJsonc(`{${"\n".repeat(size)}"default": true}`, "x.json") as object;
    expect(whereKey(json, "default")).toEqual({ file: "x.json", line: size + 1 });
    const yaml = boundedCopy({ default: 2 }, "x.yaml", `${" \n".repeat(size / 2)}default: 2`) as object;
    expect(whereKey(yaml, "default")).toEqual({ file: "x.yaml", line: size / 2 + 1 });
  });

  it("the new patterns answer the attack shapes at 64 KB (the size of the issue) as the former would", () => {
    const size = 64 * 1024;
    expect(PLAIN.exec(`a${" ".repeat(size)}!`)).toBeNull();
    expect(PLAIN.exec(`a${" ".repeat(size)}:`)?.slice(1)).toEqual(["a", " ".repeat(size)]);
    expect(TITLE_BEFORE_CODE.test(`title${" ".repeat(size)}!`)).toBe(false);
    expect(TITLE_BEFORE_CODE.test(`See title${" \t".repeat(size / 2)}: `)).toBe(true);
  });

  it("code spans are matched in one pass over the backtick runs, as the former closer search did", () => {
    /** The former reading: escapes, then each run's closer searched in the rest of the text. */
    const former = (text: string): string => {
      const units = text.split("");
      for (const match of text.matchAll(/\\[!-/:-@[-`{-~]/g)) units.splice(match.index, 2, "X", "X");
      const masked = units.join("");
      const runs = /`+/g;
      let run: RegExpExecArray | null;
      while ((run = runs.exec(masked)) !== null) {
        const open = run[0];
        const closer = new RegExp(`(?<!\`)${open}(?!\`)`, "g");
        closer.lastIndex = run.index + open.length;
        const close = closer.exec(masked);
        if (close === null) continue;
        for (let i = run.index; i < close.index + open.length; i++) if (units[i] !== "\n") units[i] = "X";
        runs.lastIndex = close.index + open.length;
      }
      return units.join("");
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("`", "``", "```", "x", " ", "\n", "\\", "."), { maxLength: 24 }),
        (parts) => {
          const input = parts.join("");
          expect(maskInline(input)).toBe(former(input));
        },
      ),
      { numRuns: 3000 },
    );
    // The attack shape of the former search: runs of every length from 800 down to 1, none closed
    // (320 KB; the former search read the rest of the text once per run).
    let text = "";
    for (let length = 800; length >= 1; length--) text += `${"`".repeat(length)}x`;
    expect(maskInline(text)).toBe(text);
    expect(maskInline(`${text}\``)).toBe(`${text.slice(0, -2)}XXX`);
  });
});
