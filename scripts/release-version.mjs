#!/usr/bin/env node
/**
 * Part of `npm run release` (release-it's after:bump hook): writes the new version everywhere the
 * repository names it besides package.json and CHANGELOG.md, so the commit and the tag `v<version>`
 * that release-it makes next agree with each other:
 * - src/version.ts, from which the rules' help URLs point at this version's docs (`blob/v<version>/`);
 * - in the README and docs/: every `markdownlint-rule-tasklog@<version>` (the `additional_dependencies`
 *   of the pre-commit hooks); other packages' versions and revs, such as markdownlint-cli2's, are theirs.
 * Usage: node scripts/release-version.mjs <version>
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const SEMVER = String.raw`\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?`;
/** A pin of this package (`markdownlint-rule-tasklog@1.2.3`). */
export const OWN_PIN = new RegExp(String.raw`\bmarkdownlint-rule-tasklog@${SEMVER}`, "g");
const root = join(import.meta.dirname, "..");

/** The text with every pin of this package set to `version`. */
export function withVersion(text, version) {
  return text.replace(OWN_PIN, `markdownlint-rule-tasklog@${version}`);
}

function walk(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

function main(version) {
  if (!new RegExp(`^${SEMVER}$`).test(version)) {
    process.stderr.write(`release-version: expected a version such as 1.2.3, got ${JSON.stringify(version)}\n`);
    return 2;
  }
  writeFileSync(
    join(root, "src/version.ts"),
    `/** The package's version (scripts/release-version.mjs writes it on every release; a test checks it equals package.json's). */\nexport const VERSION = "${version}";\n`,
  );
  for (const file of ["README.md", ...walk("docs")]) {
    const text = readFileSync(join(root, file), "utf8");
    const next = withVersion(text, version);
    if (next !== text) writeFileSync(join(root, file), next);
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv[2] ?? "");
}
