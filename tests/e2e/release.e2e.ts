/**
 * The release command: `npm run release -- <version>` (release-it, .release-it.json) in a clone of
 * the repository's HEAD bumps package.json, turns the changelog's Unreleased section into the
 * version's, writes src/version.ts (the help URLs' tag), the package's pins in the pre-commit forms of the README and the
 * docs and the schemas' help URLs, commits, and makes the tag `v<version>` that those name. Nothing is
 * pushed or published (push and publish are separate steps, documented in CONTRIBUTING.md).
 */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { OWN_PIN } from "../../scripts/release-version.mjs";
import { ROOT, run, runOrThrow } from "./support.js";

it("bumps, writes the changelog, the version and every pin, commits and tags v<version>", () => {
  const clone = join(mkdtempSync(join(tmpdir(), "tasklog-release-")), "repo");
  runOrThrow("git", ["clone", "-q", ROOT, clone], { cwd: ROOT });
  symlinkSync(join(ROOT, "node_modules"), join(clone, "node_modules"));
  // The ignore pattern `node_modules/` matches folders, not this symlink: keep it out of the status.
  writeFileSync(join(clone, ".git", "info", "exclude"), "node_modules\n");
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "Release Test",
    GIT_AUTHOR_EMAIL: "release@example.com",
    GIT_COMMITTER_NAME: "Release Test",
    GIT_COMMITTER_EMAIL: "release@example.com",
  };
  const before = JSON.parse(readFileSync(join(clone, "package.json"), "utf8")) as { version: string };
  const [major, minor] = before.version.split(".").map(Number) as [number, number];
  const next = `${major}.${minor + 1}.0`;
  const result = run("npm", ["run", "release", "--", next, "--ci"], { cwd: clone, env });
  expect(result.status, result.stdout + result.stderr).toBe(0);

  const read = (file: string): string => readFileSync(join(clone, file), "utf8");
  expect((JSON.parse(read("package.json")) as { version: string }).version).toBe(next);
  expect(read("src/version.ts")).toContain(`export const VERSION = "${next}";`);
  const changelog = read("CHANGELOG.md");
  expect(changelog).toMatch(
    new RegExp(`^## \\[Unreleased\\]\\n\\n## \\[${next.replaceAll(".", "\\.")}\\] - \\d{4}-\\d{2}-\\d{2}$`, "m"),
  );
  expect(changelog).toContain(`/compare/v${next}...HEAD`);
  for (const file of ["docs/hosts.md", "docs/cli/init.md"]) {
    const pins = [...read(file).matchAll(OWN_PIN)].map((match) => match[0]);
    expect(pins.length, file).toBeGreaterThan(0);
    for (const pin of pins) expect(pin, file).toBe(`markdownlint-rule-tasklog@${next}`);
  }
  // Another repository's rev (markdownlint-cli2's hook) is left as it was.
  expect(read("docs/hosts.md")).toContain("repo: https://github.com/DavidAnson/markdownlint-cli2\n    rev: v0.20.0");
  expect(read("docs/hosts.md")).toContain(`markdownlint-rule-tasklog@${next}`);
  expect(read("schema/markdownlint-config.schema.json")).toContain(`/blob/v${next}/docs/rules/TL001-task-heading.md`);
  expect(runOrThrow("git", ["tag", "--points-at", "HEAD"], { cwd: clone }).trim()).toBe(`v${next}`);
  expect(runOrThrow("git", ["log", "-1", "--format=%s"], { cwd: clone }).trim()).toBe(`chore(release): v${next}`);
  expect(runOrThrow("git", ["status", "--porcelain"], { cwd: clone }).trim()).toBe("");
});
