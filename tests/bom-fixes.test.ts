/**
 * Fixes on line 1 after a byte order mark (issue 18). markdownlint removes one BOM before the rules
 * run, so a rule's columns on line 1 count from the character after it; markdownlint-cli2 `--fix`
 * (and markdownlint-cli) then apply the fixes with markdownlint's `applyFixes` to the raw file text,
 * BOM included, where every line-1 edit lands one column to the left (`### open · …` became
 * `###Openn · …`). A rule cannot see a single BOM, and the VS Code extension applies the same fixes to
 * a text without it, so the pack offers no fix on a file's first physical line (src/markdown/bom.ts).
 *
 * Checked here through `applyFixes` (markdownlint 0.42 and the extension's 0.40) on the raw text, as
 * markdownlint-cli2 calls it, and through the real markdownlint-cli2 `--fix` run as a process on a
 * temporary file (the rules bundled from source with rolldown, as the package's build does), with
 * none, one and several BOMs: line 1 is never edited and stays reported, the other lines are fixed as
 * without a BOM, and repeated runs change nothing more.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyFixes } from "markdownlint";
import { applyFixes as applyFixes040 } from "markdownlint-040";
import { build } from "rolldown";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintPack } from "./harness.js";

const BOM = "\uFEFF";
const ROOT = join(import.meta.dirname, "..");

/** Logs whose first line carries fixable findings, and the same log with every other fix applied. */
const CASES: Record<string, { readonly text: string; readonly fixed: string }> = {
  "a task heading on line 1 (status case, separators)": {
    text: [
      "### open - tv-2025-10-03:PR41 - Establish regression test suite",
      "",
      "- **Summary:** Consolidate regression tests.",
      "- **priority**: p0",
      "",
    ].join("\n"),
    fixed: [
      "### open - tv-2025-10-03:PR41 - Establish regression test suite",
      "",
      "- **Summary**: Consolidate regression tests.",
      "- **Priority**: P0",
      "",
    ].join("\n"),
  },
  "an identifier prefix in the wrong case on line 1": {
    text: ["### Open · TV-2025-10-03:PR41 · Establish regression test suite", "", "- **size**: m", ""].join("\n"),
    fixed: ["### Open · TV-2025-10-03:PR41 · Establish regression test suite", "", "- **Size**: M", ""].join("\n"),
  },
};

const firstLine = (text: string): string => text.split(/\r\n|\r|\n/)[0] as string;

/** What the file holds after `passes` runs of lint + `applyFixes` on the raw text (markdownlint-cli2's way). */
function fixRaw(raw: string, apply: typeof applyFixes, passes: number): string[] {
  const texts: string[] = [];
  let current = raw;
  for (let pass = 0; pass < passes; pass++) {
    current = apply(current, lintPack(current) as never);
    texts.push(current);
  }
  return texts;
}

describe("no fix on a file's first line", () => {
  for (const [name, { text, fixed }] of Object.entries(CASES)) {
    for (const ending of ["\n", "\r\n"]) {
      const lf = text.replace(/\n/g, ending);
      const want = fixed.replace(/\n/g, ending);
      it(`${name} (${JSON.stringify(ending)}): reported on line 1, but no fix names line 1`, () => {
        for (const boms of ["", BOM, BOM + BOM]) {
          const errors = lintPack(boms + lf);
          expect(errors.some((error) => error.lineNumber === 1)).toBe(true);
          const onLine1 = errors.filter(
            (error) => error.fixInfo !== null && (error.fixInfo.lineNumber ?? error.lineNumber) === 1,
          );
          expect(onLine1, JSON.stringify(boms)).toEqual([]);
        }
      });

      for (const [host, apply] of [
        ["markdownlint 0.42", applyFixes],
        ["markdownlint 0.40", applyFixes040 as unknown as typeof applyFixes],
      ] as const) {
        it(`${name} (${JSON.stringify(ending)}): ${host} applyFixes on the raw text leaves line 1 as written`, () => {
          // No BOM and one BOM: the other lines are fixed; two or three: nothing is (bom.test.ts).
          for (const [boms, expected] of [
            ["", want],
            [BOM, BOM + want],
            [BOM + BOM, BOM + BOM + lf],
            [BOM + BOM + BOM, BOM + BOM + BOM + lf],
          ] as const) {
            const passes = fixRaw(boms + lf, apply, 3);
            expect(passes[0], `${boms.length} BOMs`).toBe(expected);
            expect(passes[1], `${boms.length} BOMs, second pass`).toBe(expected);
            expect(passes[2], `${boms.length} BOMs, third pass`).toBe(expected);
            expect(firstLine(passes[2] as string)).toBe(firstLine(boms + lf));
            // The finding on line 1 is still there (after three BOMs, one is left in micromark's text
            // and line 1 is no heading to anyone: no finding, and nothing fixed either).
            if (boms.length < 3)
              expect(lintPack(passes[2] as string).some((error) => error.lineNumber === 1)).toBe(true);
          }
          // The editor's view (VS Code strips the BOM from the text it hands the extension) agrees.
          expect(apply(lf, lintPack(BOM + lf) as never)).toBe(want);
        });
      }
    }
  }

  it("a fix on the first line after front matter is offered (the file's first line is the front matter's)", () => {
    const text = "---\ntitle: Log\n---\n### open - tv-2025-10-03:PR41 - Title\n";
    for (const boms of ["", BOM]) {
      const errors = lintPack(boms + text);
      expect(errors.filter((error) => error.fixInfo !== null).map((error) => error.lineNumber)).toContain(4);
      expect(applyFixes(boms + text, errors as never)).toBe(
        `${boms}---\ntitle: Log\n---\n### Open · tv-2025-10-03:PR41 · Title\n`,
      );
    }
  });
});

describe("markdownlint-cli2 --fix as a process", () => {
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tasklog-bom-"));
    await build({
      input: join(ROOT, "rules", "index.ts"),
      platform: "node",
      external: [/^node:/],
      output: { file: join(dir, "rules.mjs"), format: "esm" },
      logLevel: "silent",
    });
    writeFileSync(
      join(dir, ".markdownlint-cli2.jsonc"),
      JSON.stringify({ config: { default: false, tasklog: true }, customRules: ["./rules.mjs"] }),
    );
  });
  afterAll(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  const cli2 = (args: readonly string[]) =>
    spawnSync(
      process.execPath,
      [join(ROOT, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs"), ...args],
      {
        cwd: dir,
        encoding: "utf8",
      },
    );

  for (const [name, { text, fixed }] of Object.entries(CASES)) {
    it(`${name}: three runs with one BOM fix the other lines once and never touch line 1`, () => {
      const file = join(dir, "tv-tasks.md");
      writeFileSync(file, BOM + text);
      for (let run = 1; run <= 3; run++) {
        const result = cli2(["--fix", "tv-tasks.md"]);
        expect(result.stderr, `run ${run}`).not.toMatch(/Unable to import|threw an exception|Error:/);
        expect(readFileSync(file, "utf8"), `run ${run}`).toBe(BOM + fixed);
        // The line-1 findings are still reported (markdownlint-cli2 prints them on standard error).
        expect(result.stderr, `run ${run}`).toMatch(/^tv-tasks\.md:1(?::\d+)? /m);
      }
    });

    it(`${name}: with two BOMs nothing is fixed, and the findings stay`, () => {
      const file = join(dir, "tv-tasks.md");
      writeFileSync(file, BOM + BOM + text);
      for (let run = 1; run <= 2; run++) {
        const result = cli2(["--fix", "tv-tasks.md"]);
        expect(readFileSync(file, "utf8"), `run ${run}`).toBe(BOM + BOM + text);
        expect(result.stderr, `run ${run}`).toMatch(/^tv-tasks\.md:1(?::\d+)? /m);
      }
    });
  }
});
