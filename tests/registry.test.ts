/**
 * The structure that keeps adding a rule to four files (CONTRIBUTING.md): the rule file, its docs page,
 * its fixtures and the index. Every rule file is in the index, and every rule of the index has its
 * file, its page (with the generated options block) and fixtures that show it reporting; no rule
 * reads micromark tokens (rules ask the model).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packRules } from "./harness.js";
import { BEGIN } from "./support/options-docs.js";

const root = join(import.meta.dirname, "..");
const ruleFiles = readdirSync(join(root, "rules"))
  .filter((file) => /^TL\d{3}-.+\.ts$/.test(file))
  .sort();

describe("rule registry", () => {
  it("lists every rule file in rules/index.ts, in id order, and nothing else", () => {
    expect(packRules.map((rule) => `${rule.id}-${rule.ruleName}.ts`)).toEqual(ruleFiles);
  });

  it("gives every rule a unique TLnnn id and a kebab-case name", () => {
    const ids = packRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of packRules) {
      expect(rule.id).toMatch(/^TL\d{3}$/);
      expect(rule.ruleName).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.names).toEqual([rule.id, rule.ruleName]);
      expect(rule.tags[0]).toBe("tasklog");
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.information.href.endsWith(`/docs/rules/${rule.id}-${rule.ruleName}.md`)).toBe(true);
    }
  });

  for (const rule of packRules) {
    const base = `${rule.id}-${rule.ruleName}`;
    describe(base, () => {
      it("has its docs page with the generated options block", () => {
        const page = join(root, "docs", "rules", `${base}.md`);
        expect(existsSync(page), page).toBe(true);
        const text = readFileSync(page, "utf8");
        expect(text.startsWith(`# ${rule.id} - ${rule.ruleName}\n`)).toBe(true);
        expect(text).toContain(BEGIN);
      });

      it("has fixtures that show it reporting", () => {
        const dir = join(root, "tests", "fixtures", base);
        expect(existsSync(dir), dir).toBe(true);
        const markers = readdirSync(dir)
          .filter((file) => file.endsWith(".md") && !file.endsWith(".fixed.md"))
          .some((file) => readFileSync(join(dir, file), "utf8").includes(`{${rule.id}}`));
        expect(markers, `no {${rule.id}} marker in ${dir}`).toBe(true);
      });

      it("asks the model, never micromark tokens", () => {
        const source = readFileSync(join(root, "rules", `${base}.ts`), "utf8");
        expect(source).not.toMatch(/from "\.\.\/src\/markdown\//);
        expect(source).not.toMatch(/\bparsers\b|\.token\b|\.children\b|\bvalueInline\b|\.paragraph\b|\.blocks\b/);
        expect(source).toMatch(/export default defineRule\(/);
      });
    });
  }
});
