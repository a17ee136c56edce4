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
import { lintPack } from "../harness.js";
import { BROKEN, FIXED, active, crlf, lineOf } from "./broken.js";
import { HOSTS, cli2Config, context, formatDefault, runCli, sorted, workspace } from "./support.js";

describe("the broken log (library)", () => {
  it("has a fixable finding of the break's rule on each fixable break, and only unfixable findings once fixed", () => {
    expect(active.filter((item) => item.fixable).length).toBeGreaterThanOrEqual(2);
    const errors = lintPack(BROKEN);
    for (const item of active) {
      const line = lineOf(BROKEN, item.to);
      const onLine = errors.filter(
        (error) => error.ruleNames[0] === item.rule && (error.fixInfo?.lineNumber ?? error.lineNumber) === line,
      );
      expect(onLine.length, `${item.rule} on line ${line}`).toBeGreaterThan(0);
      expect(
        onLine.some((error) => error.fixInfo !== null),
        `${item.rule} on line ${line} fixable`,
      ).toBe(item.fixable);
    }
    expect(lintPack(FIXED).every((error) => error.fixInfo === null)).toBe(true);
  });
});

describe.each(HOSTS)("markdownlint-cli2 $cli2 --fix on Node $nodeMajor", (spec) => {
  for (const [name, convert] of [
    ["LF", (text: string) => text],
    ["CRLF", crlf],
  ] as const) {
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
      expect(
        sorted(
          again.lines
            .map((line) => /^[^:]+:(\d+)(?::\d+)? \w+ (TL\d{3})\//.exec(line))
            .map((match) => `${match?.[2]}:${match?.[1]}`),
        ),
      ).toEqual(sorted(unfixable));
      expect(again.status).toBe(1);
    });
  }
});
