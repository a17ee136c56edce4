#!/usr/bin/env node
/**
 * Part of `npm run release` (release-it's after:bump hook): writes the new version everywhere the
 * repository names it besides package.json and CHANGELOG.md, so the commit and the tag `v<version>`
 * that release-it makes next agree with each other:
 * - src/version.ts, from which the rules' help URLs point at this version's docs (`blob/v<version>/`);
 * - the `rev: v<version>` of every pre-commit example in the README and docs/.
 * Usage: node scripts/release-version.mjs <version>
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const version = process.argv[2] ?? "";
if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
  process.stderr.write(`release-version: expected a version such as 1.2.3, got ${JSON.stringify(version)}\n`);
  process.exit(2);
}
const root = join(import.meta.dirname, "..");
const write = (file, text) => writeFileSync(join(root, file), text);

write(
  "src/version.ts",
  `/** The package's version (scripts/release-version.mjs writes it on every release; a test checks it equals package.json's). */\nexport const VERSION = "${version}";\n`,
);

const markdown = ["README.md", ...walk("docs")];
for (const file of markdown) {
  const text = readFileSync(join(root, file), "utf8");
  const next = text.replace(/^(\s*rev: )v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/gm, `$1v${version}`);
  if (next !== text) write(file, next);
}

function walk(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}
