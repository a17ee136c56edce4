/**
 * The shared corpora (read once per test file), found by tests/support/corpus-location.mjs:
 * `TASKLOG_CORPUS` or `../shared/corpus` beside the checkout. When the corpus is absent the tests that
 * need it are skipped (tests/support/global-setup.ts prints the one line that says so, and how to
 * provide it); under `CI=true` its absence fails the run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { corpusOrSkip } from "./corpus-location.mjs";

const { corpus, skip } = corpusOrSkip();

/** The reason corpus tests are skipped (the corpus is absent, not CI), or false when they run. */
export const corpusSkip: string | false = skip;
export const corpusDir: string | null = corpus.dir;
/** The real task-log versions (a path that does not exist when the corpus is absent). */
export const realDir = corpus.dir === null ? join("corpus-not-found", "real") : corpus.realDir;
const foreignDir = corpus.dir === null ? null : corpus.foreignDir;

export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return /\.(md|markdown)$/i.test(entry.name) ? [path] : [];
  });
}

/** File names of the real versions, oldest first (none when the corpus is absent). */
export function realVersionNames(): string[] {
  if (corpus.dir === null) return [];
  return readdirSync(realDir)
    .filter((file) => /^tv-tasks\.v\d+\.md$/.test(file))
    .sort();
}

/** The forty real versions, oldest first: [file name, text] (none when the corpus is absent). */
export function realVersions(): [string, string][] {
  return realVersionNames().map((file) => [file, readFileSync(join(realDir, file), "utf8")]);
}

/** One real version's text, by file name (e.g. "tv-tasks.v40.md"); only call it in corpus tests. */
export function readReal(file: string): string {
  return readFileSync(join(realDir, file), "utf8");
}

/** The foreign corpus's Markdown files (none when the corpus is absent). */
export function foreignFiles(): string[] {
  return foreignDir === null ? [] : markdownFiles(foreignDir).sort();
}

/**
 * The files in groups of `size`, each labelled by its range ("files 1–50 of 797"): one test per group
 * keeps a report near its file and no test holding the lint of the whole corpus (timeouts under load).
 */
export function inGroups(files: readonly string[], size = 50): [string, string[]][] {
  const groups: [string, string[]][] = [];
  for (let start = 0; start < files.length; start += size) {
    const group = files.slice(start, start + size);
    groups.push([`files ${start + 1}–${start + group.length} of ${files.length}`, group]);
  }
  return groups;
}

const SKIPPED = "skipped: the corpus was not found (see the `corpus not found` line of this run)";

/** A `describe` that needs the corpus: skipped (one placeholder test) when it is absent. */
export function describeCorpus(name: string, body: () => void): void {
  if (skip === false) describe(name, body);
  else describe.skip(name, () => it(SKIPPED, () => {}));
}

/** An `it` that needs the corpus: skipped when it is absent. */
export function itCorpus(name: string, body: () => void, timeout?: number): void {
  if (skip === false) it(name, body, timeout);
  else it.skip(name, body, timeout);
}
