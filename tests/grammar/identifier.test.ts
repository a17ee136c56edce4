import { describe, expect, it } from "vitest";
import {
  findMentions,
  IDENTIFIER_SHAPE,
  parseIdentifier,
  parsePrSuffix,
  prNumberOf,
} from "../../src/grammar/identifier.js";

describe("identifier grammar", () => {
  it("parses a well-formed identifier with part offsets", () => {
    const parsed = parseIdentifier("tv-2025-10-03:PR35");
    expect(parsed).toMatchObject({
      prefix: "tv",
      dateText: "2025-10-03",
      date: { year: 2025, month: 10, day: 3 },
      dateProblem: undefined,
      suffix: { kind: "number", number: 35 },
      offsets: { prefix: 0, date: 3, suffix: 14 },
    });
    expect(prNumberOf("tv-2025-10-03:PR35")).toBe(35);
  });

  it("classifies placeholder suffixes", () => {
    for (const suffix of ["PR??", "PR###", "PRxx", "PR", "fixtures", "mutation", "", "pr35", "PR3a"]) {
      expect(parsePrSuffix(suffix)).toEqual({ kind: "placeholder", text: suffix });
    }
    expect(prNumberOf("tv-2025-10-03:PR??")).toBeUndefined();
  });

  it("flags leading zeros but keeps the number", () => {
    expect(parsePrSuffix("PR035")).toEqual({ kind: "leading-zero", number: 35, text: "PR035" });
    expect(parsePrSuffix("PR0")).toEqual({ kind: "number", number: 0, text: "PR0" });
  });

  it("reports impossible and template dates", () => {
    expect(parseIdentifier("tv-2025-02-30:PR1")).toMatchObject({
      date: undefined,
      dateProblem: expect.stringContaining("does not exist"),
    });
    expect(parseIdentifier("tv-YYYY-MM-DD:PR###")).toMatchObject({ date: undefined, suffix: { kind: "placeholder" } });
  });

  it("returns undefined for text without the identifier outline", () => {
    for (const text of ["Title", "tv2025-10-03:PR1", "tv-2025-10-03", "-2025-10-03:PR1", "tv-2025 10-03:PR1"]) {
      expect(parseIdentifier(text)).toBeUndefined();
    }
  });

  it("detects identifier-shaped text (spec section 2)", () => {
    expect(IDENTIFIER_SHAPE.test("Open · tv-2025-10-03:PR41 · Title")).toBe(true);
    expect(IDENTIFIER_SHAPE.test("In progress · tv-2025-10-05:mutation · x")).toBe(true);
    expect(IDENTIFIER_SHAPE.test("Open · tv-YYYY-MM-DD:PR### · <Short title>")).toBe(false);
    expect(IDENTIFIER_SHAPE.test("Release 2025-10-03")).toBe(false);
  });

  it("finds mentions in running text with their offsets", () => {
    const text =
      "Stabilized badge (deferred `tv-2025-10-03:PR35`); epic (`tv-2025-10-03:PR??`), not xtv_2025-10-03:PR1.";
    expect(findMentions(text)).toEqual([
      { text: "tv-2025-10-03:PR35", index: 28 },
      { text: "tv-2025-10-03:PR??", index: 57 },
    ]);
    expect(findMentions("tv-YYYY-MM-DD:PR### and nothing else")).toEqual([]);
  });
});
