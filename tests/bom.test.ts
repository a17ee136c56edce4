/**
 * Two or three byte order marks: markdownlint strips one and micromark another, so the tokens' texts
 * are one character off (src/markdown/bom.ts). The findings must still be those of the document without them
 * (no false findings, none lost), and no fix is offered.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack, parseFixture } from "./harness.js";

const fixture = (name: string): string =>
  parseFixture(readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")).content;

const samples: Record<string, string> = {
  "TL001 headings": fixture("TL001-task-heading/headings.md"),
  "TL003 label forms": fixture("TL003-task-fields/label-form.md"),
  "TL004 values": fixture("TL004-task-values/priority-size.md"),
  "TL007 links": fixture("TL007-pr-link/links.md"),
};

const strip = (errors: ReturnType<typeof lintPack>) =>
  errors.map(({ lineNumber, ruleNames, errorDetail, errorRange }) => ({
    lineNumber,
    rule: ruleNames[0],
    errorDetail,
    errorRange,
  }));

describe("several byte order marks", () => {
  for (const [name, lf] of Object.entries(samples)) {
    for (const ending of ["\n", "\r\n"]) {
      const text = lf.replace(/\n/g, ending);
      const expected = strip(lintPack(text));
      for (const count of [2, 3]) {
        it(`${name} (${JSON.stringify(ending)}), ${count} BOMs: the findings without them, no fix`, () => {
          expect(expected.length).toBeGreaterThan(0);
          const errors = lintPack("\uFEFF".repeat(count) + text);
          expect(strip(errors)).toEqual(expected);
          expect(errors.filter((error) => error.fixInfo !== null)).toEqual([]);
        });
      }
    }
  }
});
