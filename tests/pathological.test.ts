/**
 * Pathological input: 1 MB lines, 100 000 task headings, lists and block quotes nested as deep as
 * markdownlint parses within seconds, and nesting far deeper than that (token trees built from parsed
 * pieces). The pack must never throw or overflow the stack and must behave correctly; its speed is
 * measured by the benchmark (`npm run bench`, `npm run bench:regex`), not here.
 *
 * Also a static check of src/ and rules/: no function calls itself (recursion over a token tree is
 * unbounded), and no call spreads an array into arguments (`Math.max(...xs)` overflows the stack on
 * large arrays).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { getTaskLog, type List } from "../src/model/index.js";
import type { Token } from "../src/markdown/tokens.js";
import { entries, lintPack, type LintError } from "./harness.js";
import { checkFixSafety, reportProblems } from "./support/checks.js";
import { cloneTokens, parse, runPack, type MutableToken } from "./support/tokens.js";

const MB = 1_000_000;
const HEAD = "# Log\n\n## Open tasks (updated 2025-10-03)\n\n### Open · tv-2025-10-03:PR1 · Title\n\n";
/** Config for every rule: an Open task needs only a Summary (so that small tasks are complete). */
const SUMMARY_ONLY = { statuses: { Open: ["Summary"] } };
const packConfig = (options: Record<string, unknown>): Record<string, unknown> => ({ tasklog: options });

const on = (errors: readonly LintError[], rule: string, line?: number): LintError[] =>
  errors.filter((error) => error.ruleNames[0] === rule && (line === undefined || error.lineNumber === line));

function lintChecked(content: string, config: Record<string, unknown> = {}): LintError[] {
  const errors = lintPack(content, config);
  expect(reportProblems(content, errors)).toEqual([]);
  return errors;
}

/** Depth of the deepest list under `lists` (iterative). */
function depthOf(lists: readonly List[]): number {
  let deepest = 0;
  const work = lists.map((list) => ({ list, depth: 1 }));
  while (work.length > 0) {
    const { list, depth } = work.pop() as (typeof work)[number];
    deepest = Math.max(deepest, depth);
    for (const item of list.items) for (const sub of item.lists) work.push({ list: sub, depth: depth + 1 });
  }
  return deepest;
}

describe("static review of src/ and rules/", () => {
  const root = join(import.meta.dirname, "..");
  const files = ["src", "src/grammar", "rules"].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((file) => file.endsWith(".ts"))
      .map((file) => join(root, dir, file)),
  );
  const program = ts.createProgram(files, { noLib: true, noResolve: true, target: ts.ScriptTarget.ES2022, types: [] });
  const checker = program.getTypeChecker();
  const sources = program.getSourceFiles().filter((file) => files.includes(file.fileName));

  it("reads every source file", () => {
    expect(sources.length).toBe(files.length);
    expect(files.length).toBeGreaterThan(10);
  });

  it("no function calls itself (walks over tokens must be iterative)", () => {
    const recursive: string[] = [];
    for (const file of sources) {
      const visit = (node: ts.Node, enclosing: readonly ts.Symbol[]): void => {
        let inner = enclosing;
        const name =
          ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)
            ? node.name
            : (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent)
              ? node.parent.name
              : undefined;
        const symbol = name === undefined ? undefined : checker.getSymbolAtLocation(name);
        if (symbol !== undefined) inner = [...enclosing, symbol];
        if (ts.isCallExpression(node)) {
          const callee = checker.getSymbolAtLocation(
            ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression,
          );
          if (callee !== undefined && enclosing.includes(callee)) {
            const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
            recursive.push(`${file.fileName.slice(root.length + 1)}:${line + 1} ${node.expression.getText(file)}`);
          }
        }
        ts.forEachChild(node, (child) => visit(child, inner));
      };
      visit(file, []);
    }
    expect(recursive).toEqual([]);
  });

  it("no call spreads an array into its arguments (a large array overflows the stack)", () => {
    const spreads: string[] = [];
    for (const file of sources) {
      const visit = (node: ts.Node): void => {
        if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.some(ts.isSpreadElement)) {
          const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
          spreads.push(`${file.fileName.slice(root.length + 1)}:${line + 1} ${node.getText(file).slice(0, 60)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    expect(spreads).toEqual([]);
  });
});

describe("1 MB lines", () => {
  it("a one-sentence Summary of 1 MB is one sentence", () => {
    const errors = lintChecked(`${HEAD}- **Summary**: ${"a".repeat(MB)}.\n`, packConfig(SUMMARY_ONLY));
    expect(entries(errors)).toEqual([]);
  });

  it("a Summary of 1 MB of spaces between two words is one sentence", () => {
    const errors = lintChecked(`${HEAD}- **Summary**: a${" ".repeat(MB)}b.\n`, packConfig(SUMMARY_ONLY));
    expect(entries(errors)).toEqual([]);
  });

  it("a task title of 1 MB is a title", () => {
    const errors = lintChecked(
      `${HEAD.replace("Title", "T".repeat(MB))}- **Summary**: Do it.\n`,
      packConfig(SUMMARY_ONLY),
    );
    expect(entries(errors)).toEqual([]);
  });

  it("a 1 MB heading of letters (the identifier shape's worst case) is neither task nor section", () => {
    const errors = lintChecked(`${HEAD}- **Summary**: Do it.\n\n## ${"aZ".repeat(MB / 2)}\n`, packConfig(SUMMARY_ONLY));
    expect(entries(errors)).toEqual([]);
  });

  it("a separator of 1 MB of tabs is reported and fixed", () => {
    const content = `## Open tasks (updated 2025-10-03)\n\n### Open${"\t".repeat(MB)}\u00B7 tv-2025-10-03:PR1 \u00B7 Title\n\n- **Summary**: Do it.\n`;
    const safety = checkFixSafety(content, packConfig(SUMMARY_ONLY));
    expect(reportProblems(content, safety.errors)).toEqual([]);
    expect(entries(safety.errors)).toEqual(["TL001:3"]);
    expect(safety.problems).toEqual([]);
    expect(safety.fixed.split("\n")[2]).toBe("### Open \u00B7 tv-2025-10-03:PR1 \u00B7 Title");
  });

  it("a commit header ending in 1 MB of periods is reported", () => {
    const content = `${HEAD}- **Summary**: Do it.\n- **Git plan**:\n  - Branch: \`feat/add-x\`\n  - Commits:\n    - \`feat: add x${".".repeat(MB)}\`\n`;
    const errors = lintChecked(content, packConfig({ statuses: { Open: ["Summary", "Git plan"] } }));
    expect(on(errors, "TL006", 11).length).toBeGreaterThan(0);
    expect(entries(errors).filter((entry) => !entry.startsWith("TL006"))).toEqual([]);
  });

  it("a field of 1 MB of identifier-like mentions: each unknown mention reported on its line", () => {
    const content = `${HEAD}- **Summary**: Do it.\n- **Dependencies**: ${"tv-2025-10-03:PR7 ".repeat(MB / 18)}\n`;
    const errors = lintChecked(content, packConfig({ statuses: { Open: ["Summary", "Dependencies"] } }));
    expect(entries(errors)).toEqual(["TL009:8"]);
  });

  it("a validation command of 1 MB in a code span is a command", () => {
    const content = `${HEAD}- **Summary**: Do it.\n- **Validation**: \`${"x".repeat(MB)}\`\n`;
    expect(entries(lintChecked(content, packConfig({ statuses: { Open: ["Summary", "Validation"] } })))).toEqual([]);
  });

  it("a PR field of 1 MB of URL fragments: no throw, well-placed reports", () => {
    lintChecked(`${HEAD}- **Summary**: Do it.\n- **PR**: ${"https://github.com/".repeat(MB / 19)}\n`);
  });

  it("a Summary of 100 000 unclosed brackets (markdownlint's own parse of 1 MB takes seconds)", () => {
    lintChecked(`${HEAD}- **Summary**: ${"[".repeat(100_000)}\n`, packConfig(SUMMARY_ONLY));
  });
});

describe("100 000 task headings (tokens of a parsed task, cloned)", () => {
  const prefix = "# Log\n\n## Open tasks (updated 2025-10-03)\n\n";
  const chunk = "### Open · tv-2025-10-03:PR1000000 · Task\n\n- **Summary**: Do it.\n\n";
  const prefixParsed = parse(prefix);
  const chunkParsed = parse(chunk);
  const prefixLines = prefix.split("\n").length - 1;
  const chunkLines = chunk.split("\n").length - 1;

  /** `count` tasks with PR numbers 1000000 + k; `duplicate` makes the last one reuse the first's. */
  function build(count: number, duplicate: boolean): { text: () => string; lines: string[]; tokens: MutableToken[] } {
    const numberOf = (k: number): string => String(duplicate && k === count - 1 ? 1_000_000 : 1_000_000 + k);
    const lines = prefix.split("\n").slice(0, prefixLines);
    const tokens = cloneTokens(prefixParsed.tokens, 0);
    for (let k = 0; k < count; k++) {
      const number = numberOf(k);
      const rename = (value: string): string => value.replaceAll("1000000", number);
      for (const line of chunk.split("\n").slice(0, chunkLines)) lines.push(rename(line));
      for (const token of cloneTokens(chunkParsed.tokens, prefixLines + k * chunkLines, rename)) tokens.push(token);
    }
    lines.push("");
    return { text: () => lines.join("\n"), lines, tokens };
  }

  it("the cloned tokens give exactly what markdownlint's own parse gives (40 tasks)", () => {
    const small = build(40, true);
    const config = packConfig(SUMMARY_ONLY);
    const real = lintPack(small.text(), config);
    const cloned = runPack(small.lines, small.tokens, SUMMARY_ONLY);
    const shape = (errors: readonly LintError[]) =>
      errors
        .map((error) => [error.ruleNames[0], error.lineNumber, error.errorDetail, error.errorRange, error.fixInfo])
        .map((entry) => JSON.stringify(entry))
        .sort();
    expect(shape(cloned)).toEqual(shape(real));
    expect(entries(real)).toEqual([`TL002:${prefixLines + 39 * chunkLines + 1}`]);
  });

  it("100 000 complete tasks: no throw, and only the one duplicate identifier is reported", () => {
    const count = 100_000;
    const big = build(count, true);
    Object.freeze(big.tokens);
    const errors = runPack(big.lines, big.tokens, SUMMARY_ONLY);
    expect(entries(errors)).toEqual([`TL002:${prefixLines + (count - 1) * chunkLines + 1}`]);
    const model = getTaskLog(
      { lines: big.lines, parsers: { micromark: { tokens: big.tokens as unknown as readonly Token[] } } },
      SUMMARY_ONLY.statuses,
    );
    expect(model.tasks).toHaveLength(count);
    expect(model.sections[0]?.tasks).toHaveLength(count);
  });
});

describe("nesting as deep as markdownlint parses within seconds", () => {
  it("a field with a list nested 250 deep", () => {
    const depth = 250;
    const nested = Array.from({ length: depth }, (_, i) => `${"  ".repeat(i + 1)}- step ${i}\n`).join("");
    const content = `${HEAD}- **Summary**: Do it.\n${nested}`;
    const parsed = parse(content);
    const errors = runPack(parsed.lines, parsed.tokens, SUMMARY_ONLY);
    expect(reportProblems(content, errors)).toEqual([]);
    expect(entries(errors)).toEqual([]);
    const task = getTaskLog(
      { lines: parsed.lines, parsers: { micromark: { tokens: parsed.tokens } } },
      SUMMARY_ONLY.statuses,
    ).tasks[0];
    expect(task?.fields.map((field) => field.label)).toEqual(["Summary"]);
    expect(depthOf(task?.fields[0]?.item.lists ?? [])).toBe(depth);
  });

  it("block quotes nested 2 000 deep inside a task and a task heading inside them", () => {
    const content = `${HEAD}- **Summary**: Do it.\n\n${">".repeat(2000)} ### Open · tv-2025-10-03:PR2 · Quoted\n`;
    // A heading inside a block quote is not part of the log's outline.
    expect(entries(lintChecked(content, packConfig(SUMMARY_ONLY)))).toEqual([]);
  });

  it("block quotes and lists alternating 150 deep, a field at every level", () => {
    const lines = Array.from({ length: 150 }, (_, i) => `${"> ".repeat(i)}- **Summary**: Level ${i}.`);
    const content = `${HEAD}- **Summary**: Do it.\n\n${lines.join("\n")}\n`;
    const errors = lintChecked(content, packConfig(SUMMARY_ONLY));
    // Only the top-level list belongs to the task: its first Summary; the next list's is a duplicate.
    expect(entries(errors).every((entry) => entry.startsWith("TL003:"))).toBe(true);
  });
});

describe("nesting far deeper than the parser reaches (chained tokens)", () => {
  it("a field with a list nested 50 000 deep: no stack overflow, every level seen", () => {
    const depth = 50_000;
    const head = `${HEAD}- **Summary**: Do it.\n`;
    const parsed = parse(head);
    const headLines = head.split("\n").length - 1; // the field is on line headLines
    const lines = head.split("\n").slice(0, headLines);
    for (let i = 1; i <= depth; i++) lines.push(`${"  ".repeat(i)}- x`);
    lines.push("");
    const tokens = cloneTokens(parsed.tokens, 0);
    const field = tokens.findLast((token) => token.type === "listUnordered") as MutableToken;
    const make = (
      type: string,
      line: number,
      startColumn: number,
      endColumn: number,
      text: string,
      parent: MutableToken | null,
    ): MutableToken => {
      const token: MutableToken = {
        type,
        startLine: line,
        startColumn,
        endLine: line,
        endColumn,
        text,
        children: [],
        parent,
      };
      parent?.children.push(token);
      return token;
    };
    let parent = field;
    for (let i = 1; i <= depth; i++) {
      const line = headLines + i;
      const column = 2 * i + 1;
      make("lineEnding", line - 1, (lines[line - 2] as string).length + 1, 1, "\n", parent);
      // (micromark emits one indent token per level; one that spans the indentation is enough here.)
      make("listItemIndent", line, 1, column, "  ".repeat(i), parent);
      const list = make("listUnordered", line, column, column + 3, "- x", parent);
      list.endLine = headLines + depth;
      const prefix = make("listItemPrefix", line, column, column + 2, "- ", list);
      make("listItemMarker", line, column, column + 1, "-", prefix);
      make("listItemPrefixWhitespace", line, column + 1, column + 2, " ", prefix);
      const content = make("content", line, column + 2, column + 3, "x", list);
      const paragraph = make("paragraph", line, column + 2, column + 3, "x", content);
      make("data", line, column + 2, column + 3, "x", paragraph);
      parent = list;
    }
    field.endLine = headLines + depth;
    const errors = runPack(lines, tokens, SUMMARY_ONLY);
    expect(entries(errors)).toEqual([]);
    const model = getTaskLog(
      { lines, parsers: { micromark: { tokens: tokens as unknown as readonly Token[] } } },
      SUMMARY_ONLY.statuses,
    );
    expect(depthOf(model.tasks[0]?.fields[0]?.item.lists ?? [])).toBe(depth);
  });
});
