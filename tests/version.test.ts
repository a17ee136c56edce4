/** src/version.ts (the rules' help URLs name its release tag) is package.json's version: `npm run release` writes both. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { DOCS_BASE } from "../src/factory.js";
import { VERSION } from "../src/version.js";

it("names package.json's version, and the help URLs point at that release's docs", () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as { version: string };
  expect(VERSION).toBe(pkg.version);
  expect(DOCS_BASE).toMatch(new RegExp(`/blob/v${VERSION.replaceAll(".", "\\.")}/docs/rules/$`));
});
