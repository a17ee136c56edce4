/** The shared corpora (read once per test file). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const corpusDir = join(import.meta.dirname, "..", "..", "..", "shared", "corpus");
export const realDir = join(corpusDir, "real");

export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return /\.(md|markdown)$/i.test(entry.name) ? [path] : [];
  });
}

/** The forty real versions, oldest first: [file name, text]. */
export function realVersions(): [string, string][] {
  return readdirSync(realDir)
    .filter((file) => /^tv-tasks\.v\d+\.md$/.test(file))
    .sort()
    .map((file) => [file, readFileSync(join(realDir, file), "utf8")]);
}

export function foreignFiles(): string[] {
  return markdownFiles(join(corpusDir, "foreign")).sort();
}
