/**
 * Fix safety, as a property: applying all fixes once leaves no fixable finding; a second pass changes
 * nothing; no line that no fix names changes; the text outside the fixes is byte-identical; line
 * endings and the byte order mark are preserved.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFixSafety } from "../support/checks.js";
import { itCorpus, realVersions } from "../support/corpus.js";
import { validTaskLogArbitrary } from "../support/generate.js";
import { applyMutations, mutationArbitrary, nearMissMutationArbitrary, type Mutation } from "../support/mutate.js";
import { propertyParameters } from "../support/settings.js";

const real = realVersions();

/** Mostly near misses (what fixes repair), some general damage, sometimes CRLF and a BOM. */
const damage: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof({ weight: 4, arbitrary: nearMissMutationArbitrary }, { weight: 1, arbitrary: mutationArbitrary }),
  { minLength: 1, maxLength: 10 },
);

describe("fix safety (property)", () => {
  it("on damaged generated logs", () => {
    fc.assert(
      fc.property(validTaskLogArbitrary(4), damage, (log, mutations) => {
        expect(checkFixSafety(applyMutations(log.text, mutations)).problems).toEqual([]);
      }),
      propertyParameters(60),
    );
  });

  itCorpus("on damaged real corpus versions", () => {
    fc.assert(
      fc.property(fc.nat({ max: real.length - 1 }), damage, (version, mutations) => {
        expect(checkFixSafety(applyMutations((real[version] as [string, string])[1], mutations)).problems).toEqual([]);
      }),
      propertyParameters(25),
    );
  });

  it("the damage is repaired: a fixable near miss on a generated log is fixed back", () => {
    // Guards against a vacuous property: damage that the pack fixes does reach the fixes.
    const log = "## Open tasks (updated 2025-10-03)\n\n### open - tv-2025-10-03:PR1 - Title\n";
    const result = checkFixSafety(log);
    expect(result.problems).toEqual([]);
    expect(result.fixed).toBe("## Open tasks (updated 2025-10-03)\n\n### Open · tv-2025-10-03:PR1 · Title\n");
  });

  // Counterexamples the properties found, kept as examples.
  it("a separator at either end of a heading is reported without a fix (its spaces would be trimmed)", () => {
    for (const heading of ["### \u2013 tv-2025-10-03:PR1 · Title", "### Open ·", "###  · tv-2025-10-03:PR1 · Title"]) {
      const log = `## Open tasks (updated 2025-10-03)\n\n${heading}\n`;
      expect(checkFixSafety(log).problems).toEqual([]);
    }
  });

  it("two byte order marks (markdownlint strips one, micromark the other): findings, but no fix", () => {
    const log = "\uFEFF\uFEFF# Log\n\n## Open tasks (updated 2025-10-03)\n\n### Open - tv-2025-10-03:PR1 - Title\n";
    const result = checkFixSafety(log);
    expect(result.problems).toEqual([]);
    expect(result.fixed).toBe(log);
  });
});
