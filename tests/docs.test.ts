/**
 * Every example in docs/rules/*.md is executed: a fenced block whose info string is
 * `markdown incorrect` must make the page's rule report at least once, and one marked
 * `markdown correct` must give that rule nothing. JSON after the marker is rule configuration,
 * e.g. ```markdown incorrect {"TL002": {"prefix": ["ab"]}}
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack, modelOf, packRules } from "./harness.js";
import { type Fence, fencesOf } from "./support/doc-fences.js";
import { docPages, docsDir, exampleConfig, examplesOf } from "./support/cases.js";

const pages = docPages();

describe("rule docs", () => {
  it("has one page per rule, named <ID>-<name>.md", () => {
    const expected = packRules.map((rule) => `${rule.names[0]}-${rule.names[1]}.md`).sort();
    expect(pages).toEqual(expected);
  });

  for (const page of pages) {
    const id = page.slice(0, 5);
    const examples = examplesOf(readFileSync(join(docsDir, page), "utf8"));
    describe(page, () => {
      it("has at least one incorrect and one correct example", () => {
        expect(examples.some((example) => example.kind === "incorrect")).toBe(true);
        expect(examples.some((example) => example.kind === "correct")).toBe(true);
      });
      for (const example of examples) {
        it(`${example.kind} example at line ${example.line}`, () => {
          const findings = lintPack(example.content, exampleConfig(page, example)).filter(
            (error) => error.ruleNames[0] === id,
          );
          if (example.kind === "incorrect") expect(findings.length).toBeGreaterThan(0);
          else expect(findings).toEqual([]);
        });
      }
    });
  }
});

/**
 * Every fenced block of README.md and docs/**\/*.md says how it is checked, in its info string:
 * - docs/rules/*.md: `markdown correct` / `markdown incorrect` (above);
 * - README.md and docs/cli/*.md: `file=<name>` (written), `console` (run, output compared),
 *   `result=<name>` (compared with the file afterwards) and `lint=<name>` (findings of that file):
 *   executed in order by tests/cli/docs.test.ts in process and by tests/e2e/docs.e2e.ts from the packed
 *   tarball on markdownlint 0.40, 0.41 and 0.42 (tests/support/doc-fences.ts);
 * - `clean`: a task log the pack reports nothing on (below; tests/e2e/docs.e2e.ts on every version);
 * - `synopsis` (docs/cli/*.md): each `npx tasklog <command>` line names only options the command's
 *   `--help` lists (tests/cli/docs.test.ts);
 * - `config`: a markdownlint or markdownlint-cli2 configuration, validated against markdownlint's
 *   schema and the pack's by tests/schema.test.ts and as VS Code does by tests/e2e/editor-schema.e2e.ts;
 * - `e2e=tests/e2e/<file>`: read from this page and run by that end-to-end test (from the packed tarball);
 * - `illustrative="<reason>"`: shown, not executed, with the reason (where the same thing is tested).
 * An unclassified block fails.
 */
const root = join(import.meta.dirname, "..");

/** README.md and every page under docs/, sorted. */
function pagesWithBlocks(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(`${dir}/${entry.name}`) : entry.name.endsWith(".md") ? [`${dir}/${entry.name}`] : [],
    );
  return ["README.md", ...walk("docs").sort()];
}

/** How a block is checked, or undefined when it is not. */
export function classOf(page: string, fence: Fence): string | undefined {
  const { language, info } = fence;
  if (page.startsWith("docs/rules/") && language === "markdown" && /^(correct|incorrect)\b/.test(info))
    return "example";
  const executedPage = page === "README.md" || /^docs\/cli\/[^/]+\.md$/.test(page);
  if (executedPage && (language === "console" || /(^|\s)(file|result|lint)=\S/.test(info))) return "executed";
  if (language === "markdown" && info === "clean") return "clean";
  if (/^docs\/cli\/[^/]+\.md$/.test(page) && language === "sh" && info === "synopsis") return "synopsis";
  if (info === "config" && /^(json|jsonc|yaml)$/.test(language)) return "config";
  if (/^illustrative="[^"]{10,}"$/.test(info)) return "illustrative";
  const e2e = /^e2e=(tests\/e2e\/\S+\.(?:e2e|precommit)\.ts)$/.exec(info)?.[1];
  if (
    e2e !== undefined &&
    existsSync(join(root, e2e)) &&
    readFileSync(join(root, e2e), "utf8").includes(page.split("/").pop() as string)
  )
    return "e2e";
  return undefined;
}

describe("the blocks of README.md and docs/", () => {
  const pages = pagesWithBlocks();
  it("finds the pages", () => {
    expect(pages).toContain("docs/CONVENTION.md");
    expect(pages).toContain("docs/cli/init.md");
    expect(pages.length).toBeGreaterThan(20);
  });

  for (const page of pages) {
    const fences = fencesOf(readFileSync(join(root, page), "utf8"));
    it(`${page}: every block is executed, validated or declared illustrative with a reason`, () => {
      const unclassified = fences
        .filter((fence) => classOf(page, fence) === undefined)
        .map((fence) => `${page}:${fence.line}: ${fence.language} ${fence.info}`);
      expect(unclassified).toEqual([]);
    });
    for (const fence of fences.filter((fence) => classOf(page, fence) === "clean")) {
      it(`${page}:${fence.line}: the pack reports nothing on the clean task log`, () => {
        expect(lintPack(fence.body, { tasklog: true })).toEqual([]);
        // A task log, not Markdown the pack stays silent on.
        expect(modelOf(fence.body).tasks.length).toBeGreaterThan(0);
      });
    }
  }
});
