/**
 * Valid task logs built from the spec's template get no report at all from the whole pack.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entries, lintPack } from "../harness.js";
import { generateTaskLog, validTaskLogArbitrary } from "../support/generate.js";
import { propertyParameters } from "../support/settings.js";

describe("valid generated logs (property)", () => {
  it("get no report from any rule of the pack", () => {
    fc.assert(
      fc.property(validTaskLogArbitrary(8), (log) => {
        const errors = lintPack(log.text);
        expect(errors.map((error) => `${error.ruleNames[0]}:${error.lineNumber} ${error.errorDetail ?? ""}`)).toEqual(
          [],
        );
      }),
      propertyParameters(60),
    );
  });

  it("generateTaskLog is deterministic and its logs are task logs with the requested number of tasks", () => {
    const text = generateTaskLog(12, 7);
    expect(generateTaskLog(12, 7)).toBe(text);
    expect(generateTaskLog(12, 8)).not.toBe(text);
    expect(text.match(/^### (Open|Deferred) · tv-\d{4}-\d{2}-\d{2}:PR\d+ · /gm)).toHaveLength(12);
    // A damaged copy is reported, so "no report" above is not vacuous.
    expect(entries(lintPack(text.replace(" · tv-", " - tv-")))).not.toEqual([]);
  });
});
