/**
 * Every Markdown fixture under tests/fixtures/ is linted with the whole pack; its inline markers must
 * match the findings exactly (rule → line), and fixes must be complete, idempotent and local.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFixes, entries, lintPack, parseFixture } from "./harness.js";

const root = join(import.meta.dirname, "fixtures");

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return fixtureFiles(path);
    return entry.name.endsWith(".md") && !entry.name.endsWith(".fixed.md") ? [path] : [];
  });
}

const files = fixtureFiles(root).sort();

describe("fixtures", () => {
  it("exist", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const name = file.slice(root.length + 1);
    describe(name, () => {
      const { content, expected } = parseFixture(readFileSync(file, "utf8"));
      const configFile = file.replace(/\.md$/, ".json");
      // A fixture under a `TLnnn…` folder runs that rule alone (so that it needs no complete tasks);
      // one under `pack/` runs the whole pack. A sibling JSON file adds configuration.
      const only = /^(TL\d{3})/.exec(name)?.[1];
      const config = {
        ...(only === undefined ? {} : { tasklog: false, [only]: true }),
        ...(existsSync(configFile) ? (JSON.parse(readFileSync(configFile, "utf8")) as Record<string, unknown>) : {}),
      };

      it("reports exactly the marked lines", () => {
        expect(entries(lintPack(content, config))).toEqual(expected);
      });

      it("fixes completely, idempotently and locally", () => {
        const result = checkFixes(content, config);
        expect(result.fixableAfter).toEqual([]);
        expect(result.secondPass).toBe(result.fixed);
        expect(result.untouchedChanged).toEqual([]);
        const fixedFile = file.replace(/\.md$/, ".fixed.md");
        if (existsSync(fixedFile)) {
          expect(result.fixed).toBe(parseFixture(readFileSync(fixedFile, "utf8")).content);
        }
      });
    });
  }
});
