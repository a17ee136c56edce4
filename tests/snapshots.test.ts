/**
 * Pinned output: everything a user sees from the pack on every fixture (tests/fixtures/**) and every
 * docs example (docs/rules/*.md), as reviewed text snapshots under tests/__snapshots__/pinned/, one
 * file per fixture and one per docs page: each finding's rule, line, column range, detail, context
 * and fixInfo, and the text after one pass of all fixes (tests/support/pinned.ts). A change of a
 * message, a range or a fix fails here until the snapshot is regenerated and the diff reviewed:
 *
 *   npm run test:update
 *
 * New fixtures and pages are picked up by themselves. Under CI=true vitest writes no snapshot, so a
 * missing one fails the run; a snapshot whose fixture or page is gone fails the orphan check below.
 */
import { type Dirent, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { applyAllFixes, lintPack } from "./harness.js";
import { docPages, docsDir, exampleConfig, examplesOf, fixtureCases } from "./support/cases.js";
import { lineDiff, renderFindings } from "./support/pinned.js";

const SNAPSHOTS = join(import.meta.dirname, "__snapshots__", "pinned");
const REPO = join(import.meta.dirname, "..");

/** Findings and the once-fixed text of one document. */
function pinned(content: string, config: Record<string, unknown>): string {
  const errors = lintPack(content, config);
  return `${renderFindings(content, errors)}\n${lineDiff(content, applyAllFixes(content, errors))}`;
}

const header = (source: string, config: Record<string, unknown>): string =>
  `Pinned output of ${source} (regenerate: npm run test:update, then review the diff)\nConfiguration: ${JSON.stringify(config)}\n\n`;

const fixtureSnapshot = (name: string): string => join(SNAPSHOTS, "fixtures", name.replace(/\.md$/, ".snap"));
const pageSnapshot = (page: string): string => join(SNAPSHOTS, "docs", page.replace(/\.md$/, ".snap"));

const cases = fixtureCases();
const pages = docPages();

describe("pinned output of every fixture", () => {
  for (const { name, content, config } of cases) {
    it(name, async () => {
      await expect(
        header(relative(REPO, join(REPO, "tests", "fixtures", name)), config) + pinned(content, config),
      ).toMatchFileSnapshot(fixtureSnapshot(name));
    });
  }
});

describe("pinned output of every docs example", () => {
  for (const page of pages) {
    it(page, async () => {
      const examples = examplesOf(readFileSync(join(docsDir, page), "utf8"));
      const text = examples
        .map((example) => {
          const config = exampleConfig(page, example);
          return `==== ${example.kind} example at line ${example.line}\nConfiguration: ${JSON.stringify(config)}\n\n${pinned(example.content, config)}`;
        })
        .join("\n");
      await expect(
        `Pinned output of docs/rules/${page} (regenerate: npm run test:update, then review the diff)\n\n${text}`,
      ).toMatchFileSnapshot(pageSnapshot(page));
    });
  }
});

function snapshotFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) =>
    entry.isDirectory() ? snapshotFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe("pinned snapshots", () => {
  it("has no snapshot left whose fixture or docs page is gone (npm run test:update removes them)", () => {
    const wanted = new Set([...cases.map((entry) => fixtureSnapshot(entry.name)), ...pages.map(pageSnapshot)]);
    const orphans = snapshotFiles(SNAPSHOTS)
      .filter((file) => !wanted.has(file))
      .map((file) => relative(REPO, file));
    expect(orphans).toEqual([]);
  });
});
