/** src/version.ts (the rules' help URLs name its release tag) is package.json's version: `npm run release` writes both. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { DOCS_BASE } from "../src/kit/define.js";
import { OWN_PIN } from "../scripts/release-version.mjs";
import { VERSION } from "../src/version.js";

it("names package.json's version, and the help URLs point at that release's docs", () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as { version: string };
  expect(VERSION).toBe(pkg.version);
  expect(DOCS_BASE).toMatch(new RegExp(`/blob/v${VERSION.replaceAll(".", "\\.")}/docs/rules/$`));
});

it("pins the package at this version in the pre-commit forms of the docs", () => {
  // The pre-commit forms are in docs/hosts.md (the README links there) and init's output.
  for (const file of ["docs/hosts.md", "docs/cli/init.md"]) {
    const text = readFileSync(join(import.meta.dirname, "..", file), "utf8");
    expect([...text.matchAll(OWN_PIN)].length, file).toBeGreaterThan(0);
    for (const pin of text.matchAll(/markdownlint-rule-tasklog@(\d[^"'`\s\]]*)/g)) expect(pin[1], file).toBe(VERSION);
  }
});
