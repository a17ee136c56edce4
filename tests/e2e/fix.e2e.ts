/**
 * `markdownlint-cli2 --fix` end to end, on both hosts, from the packed tarball: a log broken in ways
 * the spec calls fixable (plus one that is not) is fixed on disk to exactly the clean log with only
 * the unfixable break left, nothing else changes (line endings included), and a second run reports
 * only the unfixable finding. Each break belongs to a rule; a break is made only when the pack has
 * that rule, so a rule added later joins the test by itself.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack, ruleIds } from "../harness.js";
import { CLEAN_LOG, HOSTS, cli2Config, context, formatDefault, replaceOnce, runCli, sorted, workspace } from "./support.js";

interface Break {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
  readonly fixable: boolean;
}

/** Breaks of the clean log (each `from` occurs once in it). */
const BREAKS: readonly Break[] = [
  { rule: "TL001", from: "### Open · tv-2025-10-03:PR41 · Establish", to: "### Open - tv-2025-10-03:PR41 · Establish", fixable: true },
  { rule: "TL001", from: "### Deferred · tv-2025-10-03:PR35", to: "### deferred · tv-2025-10-03:PR35", fixable: true },
  { rule: "TL003", from: "- **Priority**: P1", to: "- **Priority:** P1", fixable: true },
  { rule: "TL004", from: "- **Size**: S", to: "- **Size**: s", fixable: true },
  { rule: "TL004", from: "- **Meta?**: Yes — safeguards", to: "- **Meta?**: Yes - safeguards", fixable: true },
  { rule: "TL006", from: "`test(regression): reorganize regression tests`", to: "`test(regression): reorganize regression tests.`", fixable: true },
  { rule: "TL008", from: "## Open tasks (updated 2025-10-05)", to: "## Open tasks (updated 2025-10-04)", fixable: false },
];

const active = BREAKS.filter((item) => ruleIds.includes(item.rule));
const apply = (text: string, breaks: readonly Break[]): string => breaks.reduce((out, item) => replaceOnce(out, item.from, item.to), text);
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split("\n").length;

const BROKEN = apply(CLEAN_LOG, active);
/** What --fix must leave: the clean log with only the unfixable breaks. */
const FIXED = apply(CLEAN_LOG, active.filter((item) => !item.fixable));
const crlf = (text: string): string => text.replace(/\n/g, "\r\n");

describe("the broken log (library)", () => {
  it("has a fixable finding of the break's rule on each fixable break, and only unfixable findings once fixed", () => {
    expect(active.filter((item) => item.fixable).length).toBeGreaterThanOrEqual(2);
    const errors = lintPack(BROKEN);
    for (const item of active) {
      const line = lineOf(BROKEN, item.to);
      const onLine = errors.filter((error) => error.ruleNames[0] === item.rule && (error.fixInfo?.lineNumber ?? error.lineNumber) === line);
      expect(onLine.length, `${item.rule} on line ${line}`).toBeGreaterThan(0);
      expect(onLine.some((error) => error.fixInfo !== null), `${item.rule} on line ${line} fixable`).toBe(item.fixable);
    }
    expect(lintPack(FIXED).every((error) => error.fixInfo === null)).toBe(true);
  });
});

describe.each(HOSTS)("markdownlint-cli2 $cli2 --fix on Node $nodeMajor", (spec) => {
  for (const [name, convert] of [["LF", (text: string) => text], ["CRLF", crlf]] as const) {
    it(`fixes the fixable findings on disk, changes nothing else, and leaves the unfixable ones (${name})`, () => {
      const host = context().hosts[spec.id];
      const dir = workspace(host.dir, { ".markdownlint-cli2.jsonc": cli2Config({ default: false, tasklog: true }) });
      const file = join(dir, "tv-tasks.md");
      writeFileSync(file, convert(BROKEN));

      const fix = runCli(host, dir, ["--fix", "tv-tasks.md"]);
      expect(fix.stderr).not.toMatch(/Unable to import|threw an exception/);
      expect(readFileSync(file, "utf8")).toBe(convert(FIXED));
      // What --fix still reports is what the library reports on the fixed text: nothing fixable.
      const remaining = lintPack(FIXED);
      expect(remaining.every((error) => error.fixInfo === null)).toBe(true);
      expect(sorted(fix.lines)).toEqual(sorted(remaining.map((error) => formatDefault("tv-tasks.md", error))));
      expect(fix.status).toBe(remaining.length > 0 ? 1 : 0);

      const again = runCli(host, dir, ["tv-tasks.md"]);
      expect(readFileSync(file, "utf8")).toBe(convert(FIXED));
      expect(sorted(again.lines)).toEqual(sorted(fix.lines));
      const unfixable = active.filter((item) => !item.fixable).map((item) => `${item.rule}:${lineOf(FIXED, item.to)}`);
      expect(sorted(again.lines.map((line) => /^[^:]+:(\d+)(?::\d+)? \w+ (TL\d{3})\//.exec(line)).map((match) => `${match?.[2]}:${match?.[1]}`))).toEqual(sorted(unfixable));
      expect(again.status).toBe(1);
    });
  }
});
