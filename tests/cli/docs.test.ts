/**
 * Every example of docs/cli/*.md and README.md is executed, in order, in one fresh folder per page
 * (tests/support/doc-fences.ts says how each block is run), in process on markdownlint 0.42;
 * tests/e2e/docs.e2e.ts runs the same blocks from the packed tarball on markdownlint 0.40, 0.41 and 0.42.
 * Each command's page must run that command at least once.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { lint } from "markdownlint/sync";
import { describe, expect, it } from "vitest";
import { packRules } from "../harness.js";
import { type DocRunner, fencesOf, formatFinding, runFences as runBlocks } from "../support/doc-fences.js";
import { sandbox } from "./run.js";

export { shellWords } from "../support/doc-fences.js";

const docsDir = join(import.meta.dirname, "..", "..", "docs", "cli");

/** The blocks run in process: the command's `runTasklog`, markdownlint 0.42's `lint` with the pack's sources. */
function runFences(text: string, page: string): Promise<Record<string, number>> {
  const box = sandbox();
  const runner: DocRunner = {
    write: box.write,
    read: box.read,
    tasklog: (args, env) => box.run(args, { today: "2025-10-20", env }),
    node: () =>
      Promise.reject(new Error(`${page}: a node script runs from the packed tarball only (tests/e2e/docs.e2e.ts)`)),
    lint: (file) => {
      const results = lint({ files: [join(box.dir, file)], customRules: packRules as never });
      const errors = Object.values(results)[0] ?? [];
      return Promise.resolve(errors.map((error) => formatFinding(file, error)));
    },
  };
  return runBlocks(text, page, runner);
}

const pages = readdirSync(docsDir)
  .filter((file) => file.endsWith(".md") && file !== "README.md")
  .sort();

describe("docs/cli examples", () => {
  it("has a page per command", () => {
    expect(pages).toEqual(["check-pr.md", "export.md", "init.md", "list.md", "new.md", "set-pr.md", "sync.md"]);
  });

  for (const page of pages) {
    it(`${page}: every example gives the output and files it shows`, async () => {
      const command = page.replace(/\.md$/, "");
      const ran = await runFences(readFileSync(join(docsDir, page), "utf8"), page);
      expect(ran[command] ?? 0, `${page} runs tasklog ${command}`).toBeGreaterThan(0);
    });
  }

  it("README.md: the init, new, set-pr and list sequence gives the output and files it shows, in order", async () => {
    const ran = await runFences(readFileSync(join(docsDir, "..", "..", "README.md"), "utf8"), "README.md");
    expect(Object.keys(ran).sort()).toEqual(["init", "list", "new", "set-pr"]);
  });
});

/** The `npx tasklog …` lines of a page's `sh synopsis` blocks (a line ending in `\` goes on). */
function synopses(text: string): string[] {
  return fencesOf(text)
    .filter((fence) => fence.language === "sh" && fence.info === "synopsis")
    .flatMap((fence) => fence.body.replace(/\\\n\s*/g, "").split("\n"))
    .filter((line) => line.startsWith("npx tasklog"));
}

describe("docs/cli synopses", () => {
  for (const page of ["README.md", ...pages]) {
    it(`${page}: each synopsis names the command and only options its --help lists`, async () => {
      const lines = synopses(readFileSync(join(docsDir, page), "utf8"));
      expect(lines.length, page).toBeGreaterThan(0);
      for (const line of lines) {
        const command = /^npx tasklog ([a-z][a-z-]*)/.exec(line)?.[1];
        const help = await sandbox().run(command === undefined ? ["--help"] : [command, "--help"]);
        expect(help.code, line).toBe(0);
        if (command !== undefined) expect(help.stdout, line).toContain(`tasklog ${command}`);
        for (const [flag] of line.matchAll(/--[a-z][a-z-]*/g))
          expect(help.stdout, `${line}: ${flag}`).toMatch(new RegExp(`${flag}(?![a-z-])`));
      }
    });
  }
});
