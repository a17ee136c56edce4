/**
 * Every Markdown fixture under tests/fixtures/ is linted with the whole pack; its inline markers must
 * match the findings exactly (rule → line), and fixes must be complete, idempotent and local.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkFixes, entries, lintPack, parseFixture } from "./harness.js";
import { fixtureCases } from "./support/cases.js";

const cases = fixtureCases();

describe("fixtures", () => {
  it("exist", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const { name, content, expected, config, fixedFile } of cases) {
    describe(name, () => {
      it("reports exactly the marked lines", () => {
        expect(entries(lintPack(content, config))).toEqual(expected);
      });

      it("fixes completely, idempotently and locally", () => {
        const result = checkFixes(content, config);
        expect(result.fixableAfter).toEqual([]);
        expect(result.secondPass).toBe(result.fixed);
        expect(result.untouchedChanged).toEqual([]);
        if (fixedFile !== undefined) {
          expect(result.fixed).toBe(parseFixture(readFileSync(fixedFile, "utf8")).content);
        }
      });
    });
  }
});
