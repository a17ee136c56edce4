/**
 * CRLF and BOM inputs give the same findings as LF inputs, and fixes keep the document's line endings.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyAllFixes, lintPack, parseFixture } from "./harness.js";
import { corpusSkip, readReal } from "./support/corpus.js";
const fixture = join(import.meta.dirname, "fixtures", "TL001-task-heading", "headings.md");

const strip = (errors: ReturnType<typeof lintPack>) =>
  errors.map(({ lineNumber, ruleNames, errorDetail, errorRange, fixInfo }) => ({
    lineNumber,
    ruleNames,
    errorDetail,
    errorRange,
    fixInfo,
  }));

// The real versions when the corpus is there (tests/support/corpus.ts); the fixture always.
const samples: Record<string, string> = {
  ...(corpusSkip === false
    ? { "tv-tasks.v40.md": readReal("tv-tasks.v40.md"), "tv-tasks.v10.md": readReal("tv-tasks.v10.md") }
    : {}),
  "TL001 fixture": parseFixture(readFileSync(fixture, "utf8")).content,
};

describe("line endings and byte order mark", () => {
  for (const [name, lf] of Object.entries(samples)) {
    const crlf = lf.replace(/\n/g, "\r\n");
    const expected = strip(lintPack(lf));

    it(`${name}: has findings to compare`, () => {
      expect(expected.length).toBeGreaterThan(0);
    });

    it(`${name}: CRLF gives the same findings as LF`, () => {
      expect(strip(lintPack(crlf))).toEqual(expected);
    });

    it(`${name}: a BOM gives the same findings`, () => {
      expect(strip(lintPack(`\uFEFF${lf}`))).toEqual(expected);
      expect(strip(lintPack(`\uFEFF${crlf}`))).toEqual(expected);
    });

    it(`${name}: fixes on CRLF keep CRLF and match the LF fixes`, () => {
      const fixedLf = applyAllFixes(lf, lintPack(lf));
      const fixedCrlf = applyAllFixes(crlf, lintPack(crlf));
      expect(fixedCrlf).toBe(fixedLf.replace(/\n/g, "\r\n"));
      expect(fixedCrlf.replace(/\r\n/g, "")).not.toMatch(/\n/);
    });
  }
});
