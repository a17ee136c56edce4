/**
 * The options table of every docs page is generated from the rule's declarations: this test fails
 * when a page drifts from them. `npm run docs:options` (TASKLOG_WRITE_DOCS=1) rewrites the tables.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packRules } from "./harness.js";
import { optionsBlock, withOptionsBlock } from "./support/options-docs.js";

const docsDir = join(import.meta.dirname, "..", "docs", "rules");
const write = process.env["TASKLOG_WRITE_DOCS"] === "1";

describe("options tables of the docs", () => {
  for (const rule of packRules) {
    const file = join(docsDir, `${rule.id}-${rule.ruleName}.md`);
    it(`${rule.id}: the table is generated from the declarations`, () => {
      const page = readFileSync(file, "utf8");
      const generated = withOptionsBlock(page, optionsBlock(rule.options));
      expect(generated, `${file} has no generated options block`).toBeDefined();
      if (write && generated !== page) writeFileSync(file, generated as string);
      else expect(page, `${file}: run npm run docs:options`).toBe(generated);
    });
  }
});
