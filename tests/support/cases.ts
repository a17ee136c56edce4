/**
 * The documents whose output is tested and pinned: every fixture under tests/fixtures/ (with the
 * configuration it runs with) and every fenced example of docs/rules/*.md. tests/fixtures.test.ts and
 * tests/docs.test.ts check them; tests/snapshots.test.ts pins their every finding and fix.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFixture } from "../harness.js";

export const fixturesDir = join(import.meta.dirname, "..", "fixtures");
export const docsDir = join(import.meta.dirname, "..", "..", "docs", "rules");

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return fixtureFiles(path);
    return entry.name.endsWith(".md") && !entry.name.endsWith(".fixed.md") ? [path] : [];
  });
}

export interface FixtureCase {
  /** Path under tests/fixtures/, e.g. "TL001-task-heading/headings.md". */
  readonly name: string;
  readonly file: string;
  /** The Markdown with its `{TLnnn}` markers removed. */
  readonly content: string;
  /** Expected `RULE:line` entries, sorted. */
  readonly expected: string[];
  readonly config: Record<string, unknown>;
  /** The sibling `<name>.fixed.md`, when there is one. */
  readonly fixedFile: string | undefined;
}

/** Every fixture, sorted by path. */
export function fixtureCases(): FixtureCase[] {
  return fixtureFiles(fixturesDir)
    .sort()
    .map((file) => {
      const name = file.slice(fixturesDir.length + 1);
      const { content, expected } = parseFixture(readFileSync(file, "utf8"));
      const configFile = file.replace(/\.md$/, ".json");
      const fixedFile = file.replace(/\.md$/, ".fixed.md");
      // A fixture under a `TLnnn…` folder runs that rule alone (so that it needs no complete tasks);
      // one under `pack/` runs the whole pack. A sibling JSON file adds configuration.
      const only = /^(TL\d{3})/.exec(name)?.[1];
      const config = {
        ...(only === undefined ? {} : { tasklog: false, [only]: true }),
        ...(existsSync(configFile) ? (JSON.parse(readFileSync(configFile, "utf8")) as Record<string, unknown>) : {}),
      };
      return { name, file, content, expected, config, fixedFile: existsSync(fixedFile) ? fixedFile : undefined };
    });
}

export interface Example {
  readonly kind: "correct" | "incorrect";
  readonly config: Record<string, unknown>;
  readonly content: string;
  readonly line: number;
}

/** Fenced examples of a docs page (fences of three or more backticks or tildes). */
export function examplesOf(page: string): Example[] {
  const lines = page.split("\n");
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})markdown[ \t]+(correct|incorrect)\b[ \t]*(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] as string).startsWith(fence)) body.push(lines[j++] as string);
    const extra = (open[3] as string).trim();
    out.push({
      kind: open[2] as "correct" | "incorrect",
      config: extra === "" ? {} : (JSON.parse(extra) as Record<string, unknown>),
      content: `${body.join("\n")}\n`,
      line: i + 1,
    });
    i = j;
  }
  return out;
}

/** The rule pages, `TLnnn-<name>.md`, sorted. */
export function docPages(): string[] {
  return readdirSync(docsDir)
    .filter((file) => /^TL\d{3}-.*\.md$/.test(file))
    .sort();
}

/** The configuration a page's example runs with: the page's rule alone, plus the example's own. */
export function exampleConfig(page: string, example: Example): Record<string, unknown> {
  return { tasklog: false, [page.slice(0, 5)]: true, ...example.config };
}
