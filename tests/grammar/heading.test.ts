import { describe, expect, it } from "vitest";
import {
  DOT_LOOKALIKES,
  findSeparators,
  looksLikeTaskHeading,
  parseSectionHeading,
  parseTaskHeading,
  shadowOf,
  spaceInsideIdentifier,
  unreadablePart,
} from "../../src/grammar/heading.js";

const statuses = ["Open", "Deferred"];

describe("task heading grammar", () => {
  it("splits a canonical heading into its parts", () => {
    const parsed = parseTaskHeading("Open · tv-2025-10-03:PR41 · Establish regression test suite");
    expect(parsed.status).toEqual({ offset: 0, text: "Open" });
    expect(parsed.id).toEqual({ offset: 7, text: "tv-2025-10-03:PR41" });
    expect(parsed.title).toEqual({ offset: 28, text: "Establish regression test suite" });
    expect(parsed.separators.map((s) => [s.offset, s.text, s.canonical])).toEqual([
      [4, " · ", true],
      [25, " · ", true],
    ]);
    expect(parsed.missingSeparators).toEqual([]);
  });

  it("finds separator look-alikes but not the hyphens of the identifier", () => {
    expect(findSeparators("Open - tv-2025-10-03:PR41 – Title").map((s) => s.text)).toEqual([" - ", " – "]);
    expect(findSeparators("Open—tv-2025-10-03:PR41 | Title").map((s) => s.text)).toEqual(["—", " | "]);
    expect(findSeparators("Open·tv-2025-10-03:PR41 • Title").map((s) => s.text)).toEqual(["·", " • "]);
    expect(findSeparators("tv-2025-10-03:PR41")).toEqual([]);
  });

  it("keeps later separators in the title", () => {
    expect(parseTaskHeading("Open · tv-2025-10-03:PR41 · Title — with a dash · and a dot").title?.text).toBe(
      "Title — with a dash · and a dot",
    );
  });

  it("notices a missing separator between identifier and title", () => {
    const parsed = parseTaskHeading("Open · tv-2025-10-03:PR41 Title words");
    expect(parsed.id?.text).toBe("tv-2025-10-03:PR41");
    expect(parsed.missingSeparators).toEqual([25]);
    expect(parsed.title?.text).toBe("Title words");
  });

  it("handles a missing status, identifier or title", () => {
    expect(parseTaskHeading("tv-2025-10-03:PR41 · Title")).toMatchObject({
      status: undefined,
      id: { text: "tv-2025-10-03:PR41" },
      title: { text: "Title" },
    });
    expect(parseTaskHeading("Open · Title without identifier")).toMatchObject({
      id: undefined,
      title: { text: "Title without identifier" },
    });
    expect(parseTaskHeading("Open · tv-2025-10-03:PR41")).toMatchObject({
      id: { text: "tv-2025-10-03:PR41" },
      title: undefined,
    });
    expect(parseTaskHeading("Open tv-2025-10-03:PR41 Title")).toMatchObject({
      status: { text: "Open" },
      id: { text: "tv-2025-10-03:PR41" },
      title: { text: "Title" },
      missingSeparators: [4, 23],
    });
  });

  it("detects task-shaped headings (spec section 2)", () => {
    expect(looksLikeTaskHeading("Open · tv-2025-10-03:PR41 · Title", statuses)).toBe(true);
    expect(looksLikeTaskHeading("open - something", statuses)).toBe(true);
    expect(looksLikeTaskHeading("Completed · tv-2025-10-04:PR43 · Adopt", statuses)).toBe(true);
    expect(looksLikeTaskHeading("Open source - why", statuses)).toBe(false);
    expect(looksLikeTaskHeading("Options - foo", statuses)).toBe(false);
    expect(looksLikeTaskHeading("Open tasks (updated 2025-10-03)", statuses)).toBe(false);
    expect(looksLikeTaskHeading("· Open", statuses)).toBe(false);
  });
});

describe("status section heading grammar", () => {
  it("parses a stamped section with positions", () => {
    expect(parseSectionHeading("Open tasks (updated 2025-10-03)", statuses)).toEqual({
      status: { offset: 0, text: "Open" },
      group: { offset: 11, text: "(updated 2025-10-03)" },
      stamp: { offset: 20, text: "2025-10-03" },
    });
  });

  it("recognises a configured status without a stamp, in any case", () => {
    expect(parseSectionHeading("Deferred tasks", statuses)).toEqual({
      status: { offset: 0, text: "Deferred" },
      group: undefined,
      stamp: undefined,
    });
    expect(parseSectionHeading("open Tasks", statuses)?.status.text).toBe("open");
    expect(parseSectionHeading("Open tasks (2025-10-03)", statuses)).toMatchObject({
      group: { text: "(2025-10-03)" },
      stamp: undefined,
    });
  });

  it("recognises an unconfigured status only with an (updated …) stamp", () => {
    expect(parseSectionHeading("Completed tasks (updated 2025-10-04)", statuses)?.status.text).toBe("Completed");
    expect(parseSectionHeading("Completed tasks", statuses)).toBeUndefined();
    expect(parseSectionHeading("Notes", statuses)).toBeUndefined();
    expect(parseSectionHeading("Agent-Ready, Granular Refactoring Prompts (Copy/Paste)", statuses)).toBeUndefined();
  });
});

describe("reading a task heading unambiguously", () => {
  const why = (text: string) => unreadablePart(parseTaskHeading(text), statuses);

  it("reads a status, an identifier and a title, with or without separators", () => {
    for (const text of [
      "Open · tv-2025-10-03:PR41 · Title",
      "open - tv-2025-10-03:PR41 - Title",
      "Open tv-2025-10-03:PR41 Title",
      "Open · tv-2025-10-03:PR?? Title",
      "Deferred · tv-2025-02-30:PR41 · A date that does not exist is still an identifier",
    ]) {
      expect(why(text), text).toBeUndefined();
    }
  });

  it("keeps a part with a space inside, between two separators, as the identifier", () => {
    expect(parseTaskHeading("Open · tv-2025-10-03: PR45 · Fix the sampler seed")).toMatchObject({
      id: { text: "tv-2025-10-03: PR45" },
      title: { text: "Fix the sampler seed" },
      missingSeparators: [],
    });
    expect(parseTaskHeading("Open · tv 2025-10-03:PR43 · Title").id?.text).toBe("tv 2025-10-03:PR43");
    // A complete identifier followed by words: the title starts after a missing separator.
    expect(parseTaskHeading("Open · tv-2025-10-03:PR41 Title · more")).toMatchObject({
      id: { text: "tv-2025-10-03:PR41" },
      title: { text: "Title · more" },
    });
  });

  it("says what could not be read", () => {
    expect(why("Open · tv-2025-10-03: PR45 · Title")).toBe("a space inside the identifier");
    expect(why("Open · tv-2025-10-03:PR 42 · Title")).toBe("a space inside the identifier");
    expect(why("Open · tv-2025-10-03: PR45 Title")).toBe("a space inside the identifier");
    expect(why("Open · tv-2025-10-03:PR4 2 Title")).toBe("a space inside the identifier");
    expect(why("Open · tv-2025-10-03:x Title")).toBe('cannot tell where the identifier "tv-2025-10-03:x" ends');
    expect(why("Why tv-2025-10-03:PR41 took three weeks")).toBe('"Why" is not a configured status');
    expect(why("Open -tv-2025-10-03:PR41  Title")).toBe('"Open -" is not a configured status');
    expect(why("tv-2025-10-03:PR41 · Title")).toBe("no status before the identifier");
    expect(why("Open · Title only")).toBe("the heading has no identifier");
    expect(why("Open · `tv-2025-10-03:PR41` · Title")).toBe('"`tv-2025-10-03:PR41`" does not read as an identifier');
    expect(why("Open · tv-2025-10-03: · Title")).toBe('"tv-2025-10-03:" does not read as an identifier');
    expect(why("Open · tv-2025-10-03:PR41")).toBe("the heading has no title");
    expect(why("Open · tv-2025-10-03:PR41 ·#")).toBe("the title would read as the heading's closing #s");
    expect(spaceInsideIdentifier(parseTaskHeading("Open · tv-2025-10-03:PR41 Title"))).toBe(false);
  });
});

describe("separators written with Unicode spaces, doubled, or with dot look-alikes (issue 18)", () => {
  const ID = "tv-2025-10-03:PR41";

  it("reads the shadow text unit for unit: spaces, dots, and zero-width characters by where they stand", () => {
    const text = "Op\u200Ben\u00A0\u22C5\u200Btv\u3000x\u200D";
    const shadow = shadowOf(text);
    expect(shadow.length).toBe(text.length);
    // Inside a word a zero-width character stays; beside a space, a dot or an end it is a space.
    expect(shadow).toBe("Op\u200Ben \u00B7 tv x ");
    expect(shadowOf("a\u{10101}b")).toBe("a\u00B7\u00B7b");
  });

  it("takes every white space around the mark into the separator", () => {
    for (const space of [
      "\u00A0",
      "\u202F",
      "\u2000",
      "\u2005",
      "\u2009",
      "\u200A",
      "\u3000",
      "\t",
      " \u00A0",
      "\t\t ",
    ]) {
      const text = `Open${space}·${space}${ID}${space}·${space}Title`;
      const parsed = parseTaskHeading(text);
      expect(
        parsed.separators.map((s) => s.text),
        JSON.stringify(space),
      ).toEqual([`${space}·${space}`, `${space}·${space}`]);
      expect(parsed.separators.every((s) => !s.canonical)).toBe(true);
      expect([parsed.status?.text, parsed.id?.text, parsed.title?.text]).toEqual(["Open", ID, "Title"]);
      expect(parsed.strays).toEqual([]);
      expect(unreadablePart(parsed, statuses)).toBeUndefined();
    }
  });

  it("reads a doubled separator as one", () => {
    for (const doubled of [" ·· ", " · · ", " - - ", " -- ", " ·- ", " —· ", "·\u00A0·", " | | "]) {
      const parsed = parseTaskHeading(`Open${doubled}${ID}${doubled}Title`);
      expect(
        parsed.separators.map((s) => s.text),
        doubled,
      ).toEqual([doubled, doubled]);
      expect([parsed.status?.text, parsed.id?.text, parsed.title?.text]).toEqual(["Open", ID, "Title"]);
      expect(spaceInsideIdentifier(parsed)).toBe(false);
    }
  });

  it("reads every confusable of the middle dot as a separator, never as part of the parts", () => {
    expect(DOT_LOOKALIKES).toHaveLength(13);
    for (const dot of DOT_LOOKALIKES) {
      for (const text of [`Open ${dot} ${ID} ${dot} Title`, `Open${dot}tv-2025-10-03:PR154${dot}Add`]) {
        const parsed = parseTaskHeading(text);
        expect(parsed.status?.text, text).toBe("Open");
        expect(parsed.id?.text, text).toMatch(/^tv-2025-10-03:PR(41|154)$/);
        expect(parsed.title?.text, text).toMatch(/^(Title|Add)$/);
        expect(parsed.separators.map((s) => s.canonical)).toEqual([
          dot === "\u00B7" && text.includes(" "),
          dot === "\u00B7" && text.includes(" "),
        ]);
      }
    }
    expect(looksLikeTaskHeading("Open ⋅ questions from the review", statuses)).toBe(true);
  });

  it("keeps the hyphens of the identifier and a dash inside the title", () => {
    expect(parseTaskHeading(`Open · ${ID} · Title — with a dash · and a dot`).title?.text).toBe(
      "Title — with a dash · and a dot",
    );
    expect(parseTaskHeading(`Open · ${ID} -dash`).title?.text).toBe("-dash");
  });

  it("finds the white space and invisible characters no part holds", () => {
    const strays = (text: string) => parseTaskHeading(text).strays.map((s) => [s.kind, s.text]);
    expect(strays(`\u00A0Open · ${ID} · Title\u200B`)).toEqual([
      ["edge", "\u00A0"],
      ["edge", "\u200B"],
    ]);
    expect(strays(`Open · ${ID} · Two  spaces\tand a tab`)).toEqual([
      ["space", "  "],
      ["space", "\t"],
    ]);
    expect(strays(`Open · ${ID} · One\u00A0no-break\u202Fspace is typography`)).toEqual([]);
    expect(strays(`Op\u200Ben · tv-2025-10-03:PR4\u20601 · Ti\uFEFFtle`)).toEqual([
      ["invisible", "\u200B"],
      ["invisible", "\u2060"],
      ["invisible", "\uFEFF"],
    ]);
    // Beside a separator a zero-width character is part of it.
    expect(strays(`Open\u200B · ${ID} ·\u2060 Title`)).toEqual([]);
  });

  it("reads a status or an identifier through a zero-width character inside it, and no space inside", () => {
    const parsed = parseTaskHeading("Op\u200Ben · tv-2025-10-03:PR4\uFEFF1 · Title");
    expect(spaceInsideIdentifier(parsed)).toBe(false);
    expect(unreadablePart(parsed, statuses)).toBeUndefined();
    expect(spaceInsideIdentifier(parseTaskHeading("Open · tv-2025-10-03:\u00A0PR41 · Title"))).toBe(true);
  });
});
