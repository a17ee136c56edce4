/**
 * The pack's tags are its own: markdownlint's built-in tags (`headings`, `links`, …) switch built-in
 * rules on and off, and a user who writes `"headings": false` means markdownlint's heading rules, not
 * TL001. The built-in tags are read from markdownlint's own configuration schema, so a tag that a later
 * markdownlint adds is checked too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack, packRules } from "./harness.js";

const schemaPath = join(
  import.meta.dirname,
  "..",
  "node_modules",
  "markdownlint",
  "schema",
  "markdownlint-config-schema.json",
);
const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as { properties: Record<string, { description?: string }> };
/** A tag's entry in markdownlint's schema is described as "<tag> : MD001, MD003, …". */
const builtInTags = Object.entries(schema.properties)
  .filter(([key, value]) => /^[a-z_]+ : MD\d{3}/.test(value.description ?? "") && !/^MD\d{3}$/.test(key))
  .map(([key]) => key);

/** A log on which every rule of the pack reports. */
const broken = [
  "# Tasks",
  "",
  "## Open tasks (updated 2025-01-01)",
  "",
  "### open - tv-2025-10-03:PR?? - Title",
  "",
  "- **Summary**: One. Two. Three. Four.",
  "- **Priority**: P9",
  "- **Size**: M",
  "- **Dependencies**: tv-2025-01-01:PR99",
  "- **Next steps**:",
  "  1. Do it.",
  "- **Validation**: `npm test`",
  "- **Git plan**:",
  "  - Branch: `Feature/Bad Name`",
  "  - Commits:",
  "    - `Feat: Did things.`",
  "- **PR**: [feat: x](https://github.com/<owner>/<repo>/pull/7)",
  "",
].join("\n");

describe("tags", () => {
  it("reads markdownlint's built-in tags from its schema", () => {
    expect(builtInTags).toEqual(expect.arrayContaining(["headings", "links", "code", "whitespace"]));
    expect(builtInTags.length).toBeGreaterThan(20);
  });

  it("gives every rule only tags of the pack's own", () => {
    for (const rule of packRules) {
      expect(rule.tags[0]).toBe("tasklog");
      for (const tag of rule.tags) expect(tag).toMatch(/^tasklog(?:-[a-z]+)?$/);
      for (const tag of rule.tags) expect(builtInTags).not.toContain(tag);
    }
  });

  it("keeps every rule reporting when every built-in tag is switched off", () => {
    const all = new Set(lintPack(broken).map((error) => error.ruleNames[0]));
    expect([...all].sort()).toEqual(packRules.map((rule) => rule.id));
    const off = Object.fromEntries(builtInTags.map((tag) => [tag, false]));
    const withOff = new Set(lintPack(broken, off).map((error) => error.ruleNames[0]));
    expect([...withOff].sort()).toEqual([...all].sort());
  });

  it("switches the pack, or one of its groups, off by its own tags", () => {
    expect(lintPack(broken, { tasklog: false })).toEqual([]);
    const withoutHeadings = lintPack(broken, { "tasklog-headings": false }).map((error) => error.ruleNames[0]);
    expect(withoutHeadings).not.toContain("TL001");
    expect(withoutHeadings).toContain("TL002");
  });
});
