/**
 * One reading of a task log everywhere. The same documents are read three ways and must agree on
 * every task's line, identifier, status, title and fields (label, line, value):
 *
 * - the rules: a probe rule built with the pack's own factory (`defineRule`, so through
 *   `readTaskLog` as every rule) run by markdownlint, which strips front matter and shifts the
 *   reported lines back, exactly as for TL001–TL009;
 * - the API: `parseTaskLog`;
 * - the command: `tasklog export --json` and `tasklog list --json`, in process, over the file on disk
 *   with the configuration beside it.
 *
 * Documents: every fixture (with its configuration), documents with two BOMs, YAML and TOML front
 * matter, CRLF and CR line endings and their combinations, and the corpora when present (gated as
 * every corpus test). The command's front-matter behaviour (`new`, `set-pr` on such a log) is
 * checked at the end.
 */
import { lint } from "markdownlint/sync";
import { describe, expect, it } from "vitest";
import rules from "../rules/index.js";
import {
  API_OPTIONS,
  parseTaskLog,
  TaskLogOptionsError,
  type TaskLogOptions,
  type TaskLogView,
} from "../src/api-entry.js";
import { optionsFromConfig } from "../src/cli/config.js";
import { defineRule } from "../src/kit/define.js";
import { resolveOptions, shared } from "../src/kit/options.js";
import { sandbox } from "./cli/run.js";
import { fixtureCases } from "./support/cases.js";
import { foreignFiles, inGroups, itCorpus, realVersions } from "./support/corpus.js";
import { readFileSync } from "node:fs";

/** What each consumer says about a document: one entry per task and per field, on the file's physical lines. */
type Entry = string;

/** The probe: reports every task and every field the rules' model holds, through the factory's `report`. */
const probe = defineRule({
  id: "TL000",
  name: "cross-consumer-probe",
  description: "Reports the model the rules read (tests only)",
  tag: "probe",
  options: { statuses: shared.statuses },
  check({ model, report }) {
    for (const task of model.tasks) {
      report({
        line: task.line,
        detail: JSON.stringify([
          "task",
          task.id?.text ?? null,
          task.statusName ?? task.status?.text ?? null,
          task.title?.text ?? null,
        ]),
      });
      for (const field of task.fields) {
        report({ line: field.line, detail: JSON.stringify(["field", task.line, field.label, field.value]) });
      }
    }
  },
});

function byRules(content: string, options: TaskLogOptions): Entry[] {
  const results = lint({
    strings: { content },
    customRules: [probe],
    config: { default: false, TL000: options.statuses === undefined ? true : { statuses: options.statuses } },
    handleRuleFailures: false,
    noInlineConfig: true,
  } as never) as unknown as Record<string, { lineNumber: number; errorDetail: string }[]>;
  const out: Entry[] = [];
  // Task entries carry their own line; a field entry names its task's line as the rule saw it, which
  // markdownlint does not shift: shift it as it shifts the report's.
  const found = results["content"] ?? [];
  const offset = frontMatterLength(content);
  for (const error of found) {
    const detail = JSON.parse(error.errorDetail) as unknown[];
    if (detail[0] === "field") detail[1] = (detail[1] as number) + offset;
    out.push(`${error.lineNumber} ${JSON.stringify(detail)}`);
  }
  return out.sort();
}

/** Lines of front matter markdownlint strips (its default pattern: YAML `---`, TOML `+++`, JSON `{`). */
function frontMatterLength(content: string): number {
  const body = content.replace(/^\uFEFF/, "");
  const match = /^(?:---[^\S\r\n]*$[\s\S]+?^---\s*?$|\+\+\+[^\S\r\n]*$[\s\S]+?^\+\+\+\s*?$)(?:\r\n|\r|\n|$)/m.exec(
    body,
  );
  if (match === null || match.index !== 0) return 0;
  return match[0].split(/\r\n|\r|\n/).length - (/(\r\n|\r|\n)$/.test(match[0]) ? 1 : 0);
}

function apiEntries(view: TaskLogView): Entry[] {
  const out: Entry[] = [];
  for (const task of view.tasks) {
    out.push(
      `${task.line} ${JSON.stringify(["task", task.identifier?.text ?? null, task.status ?? task.statusText, task.title])}`,
    );
    for (const field of task.fields)
      out.push(`${field.line} ${JSON.stringify(["field", task.line, field.label, field.value])}`);
  }
  return out.sort();
}

/** What the command's export and list give (no fields list: their values are compared with the API's view). */
async function byCommand(
  content: string,
  config: Record<string, unknown>,
): Promise<{ code: number; exported: unknown; listed: unknown; stderr: string }> {
  const box = sandbox({ "log.md": content, ".markdownlint.json": JSON.stringify(config) });
  const exported = await box.run(["export", "--json", "log.md"]);
  const listed = await box.run(["list", "--json", "log.md"]);
  return {
    code: exported.code,
    exported: exported.code === 0 ? JSON.parse(exported.stdout) : undefined,
    listed: listed.code === 0 ? JSON.parse(listed.stdout) : undefined,
    stderr: exported.stderr,
  };
}

/** The export's task as the API's view makes it (src/cli/list.ts's mapping, written out independently). */
function expectedExport(view: TaskLogView): unknown[] {
  // Absent or blank values are null; template text (`<type>`, `<scope>`) is not a value: null, and
  // named in templatePlaceholders (docs/cli/export.md).
  const template = (text: string): boolean => /<[^<>\s]+>/.test(text);
  const value = (text: string | null): string | null => (text === null || text.trim() === "" ? null : text);
  return view.tasks.map((task) => {
    const branch = value(task.branch);
    const prTitle = value(task.prTitle);
    const kept = task.commits.filter((commit) => !template(commit));
    const placeholders = [
      ...(branch !== null && template(branch) ? ["branch"] : []),
      ...(kept.length < task.commits.length ? ["commits"] : []),
      ...(prTitle !== null && template(prTitle) ? ["prTitle"] : []),
    ];
    return {
      line: task.line,
      status: task.status ?? task.statusText,
      section: task.section,
      identifier: task.identifier?.text ?? null,
      prefix: task.identifier?.prefix ?? null,
      date: task.identifier?.date ?? null,
      pr: task.identifier?.pr ?? null,
      placeholder: task.identifier?.placeholder ?? false,
      title: value(task.title),
      priority: value(task.priority),
      size: value(task.size),
      meta: value(task.meta),
      branch: placeholders.includes("branch") ? null : branch,
      commits: kept.filter((commit) => commit.trim() !== ""),
      prTitle: placeholders.includes("prTitle") ? null : prTitle,
      prUrl: value(task.prUrl),
      templatePlaceholders: placeholders,
    };
  });
}

/** Read `content` three ways and compare. Returns the API's view (for further checks). */
async function agree(content: string, config: Record<string, unknown> = {}): Promise<TaskLogView> {
  const { options: given } = optionsFromConfig(config);
  // A bad option value: the rules report it and use the default, the API refuses it, the command
  // stops with exit code 2. The rules and the API are compared on the options that are valid.
  const problems = resolveOptions(API_OPTIONS, given).problems;
  const options = Object.fromEntries(
    Object.entries(given).filter(([name]) => !problems.some((problem) => problem.option === name)),
  ) as TaskLogOptions;
  if (problems.length > 0) {
    expect(() => parseTaskLog(content, given)).toThrow(TaskLogOptionsError);
    const refused = await sandbox({ "log.md": content, ".markdownlint.json": JSON.stringify(config) }).run([
      "export",
      "--json",
      "log.md",
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/bad configuration/);
    expect(byRules(content, options)).toEqual(apiEntries(parseTaskLog(content, options)));
    return parseTaskLog(content, options);
  }
  const view = parseTaskLog(content, options);
  const rulesSay = byRules(content, options);
  // Rules: the identifier as written in the heading (the API's is null when it does not parse).
  const apiSays = apiEntries(view);
  const normalise = (entries: Entry[]): Entry[] =>
    entries.map((entry) => entry.replace(/^(\d+ \["task",)("[^"]*"|null)/, "$1ID")).sort();
  expect(normalise(rulesSay)).toEqual(normalise(apiSays));
  // Where the API has a parsed identifier, the rules' written one is the same text.
  for (const task of view.tasks) {
    if (task.identifier === null) continue;
    expect(rulesSay).toContain(
      `${task.line} ${JSON.stringify(["task", task.identifier.text, task.status ?? task.statusText, task.title])}`,
    );
  }
  const command = await byCommand(content, config);
  if (!view.isTaskLog) {
    expect(rulesSay).toEqual([]);
    expect(command.code, command.stderr).toBe(2);
    expect(command.stderr).toMatch(/not a task log/);
    return view;
  }
  expect(command.code, command.stderr).toBe(0);
  expect(command.exported).toEqual({ schemaVersion: 1, file: "log.md", tasks: expectedExport(view) });
  expect(command.listed).toEqual(command.exported);
  // Every line is a physical line of the file, and within it.
  const lineCount = content.replace(/^\uFEFF+/, "").split(/\r\n|\r|\n/).length;
  expect(view.lineCount).toBe(lineCount);
  for (const task of view.tasks) expect(task.line).toBeLessThanOrEqual(lineCount);
  return view;
}

/** `value` with every line number (`line`, `endLine`, `sectionLine`, `taskLines`) moved up by `shift`. */
function unshift(value: unknown, shift: number): unknown {
  if (Array.isArray(value)) return value.map((item) => unshift(item, shift));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if ((key === "line" || key === "endLine" || key === "sectionLine") && typeof inner === "number")
        return [key, inner - shift];
      if (key === "taskLines") return [key, (inner as number[]).map((line) => line - shift)];
      return [key, unshift(inner, shift)];
    }),
  );
}

const LOG = [
  "# Tasks",
  "",
  "## Open tasks (updated 2025-10-05)",
  "",
  "### Open · tv-2025-10-03:PR41 · Cache the parsed model",
  "",
  "- **Summary**: Parse once.",
  "- **Priority**: P1",
  "- **Size**: S",
  "- **Meta?**: No.",
  "- **Git plan**:",
  "  - Branch: `perf/model-cache`",
  "  - Commits:",
  "    - `perf(model): cache the parsed model`",
  "- **PR**: Title `perf(model): cache the parsed model`; https://github.com/o/r/pull/41",
  "",
  "### Open · tv-2025-10-04:PR?? · Follow up on tv-2025-10-03:PR41",
  "",
  "- **Priority**: P2",
  "- **PR**: https://github.com/o/r/pull/###",
  "",
];
const LOG_TEXT = `${LOG.join("\n")}`;

/** The shapes whose corrections the one entry applies. */
/** Name, text, and how many lines precede the log's first line (the front matter markdownlint strips, or not). */
const VARIANTS: [string, string, number][] = [
  ["plain", LOG_TEXT, 0],
  ["one BOM", `\uFEFF${LOG_TEXT}`, 0],
  ["two BOMs", `\uFEFF\uFEFF${LOG_TEXT}`, 0],
  ["three BOMs", `\uFEFF\uFEFF\uFEFF${LOG_TEXT}`, 0],
  ["YAML front matter", `---\ntitle: Tasks\ntags: [a, b]\n---\n${LOG_TEXT}`, 4],
  ["TOML front matter", `+++\ntitle = "Tasks"\n[extra]\nkey = 1\n+++\n${LOG_TEXT}`, 5],
  ["CRLF", LOG_TEXT.replaceAll("\n", "\r\n"), 0],
  ["CR", LOG_TEXT.replaceAll("\n", "\r"), 0],
  ["YAML front matter, CRLF", `---\ntitle: Tasks\n---\n${LOG_TEXT}`.replaceAll("\n", "\r\n"), 3],
  ["BOM, TOML front matter, CRLF", `\uFEFF+++\ntitle = "Tasks"\n+++\n${LOG_TEXT}`.replaceAll("\n", "\r\n"), 3],
  // After two BOMs, markdownlint sees no front matter (its `---` follows a BOM): the three lines stay
  // in the document (a setext heading), and every consumer reads them alike.
  ["two BOMs, YAML front matter", `\uFEFF\uFEFF---\ntitle: Tasks\n---\n${LOG_TEXT}`, 3],
];

describe("rules, API and command read the same log", () => {
  for (const [name, text, shift] of VARIANTS) {
    it(`${name}`, async () => {
      const view = await agree(text);
      // The corrections must not change what is read: the same tasks, fields and values as the
      // plain document, on lines shifted by the front matter.
      const plain = parseTaskLog(LOG_TEXT);
      expect(frontMatterLength(text)).toBe(name.startsWith("two BOMs,") ? 0 : shift);
      expect(unshift(view.tasks, shift)).toEqual(plain.tasks);
      expect(unshift(view.sections, shift)).toEqual(plain.sections);
      expect(view.lineCount - shift).toBe(plain.lineCount);
      expect(view.tasks).toHaveLength(2);
      expect(view.tasks[1]?.fields.map((field) => field.label)).toEqual(["Priority", "PR"]);
    });
  }
});

describe("every fixture", () => {
  for (const fixture of fixtureCases()) {
    it(fixture.name, async () => {
      await agree(fixture.content, fixture.config);
    });
  }
});

describe("the corpora", () => {
  itCorpus(
    "the real task log, every version",
    async () => {
      const versions = realVersions();
      expect(versions.length).toBeGreaterThan(0);
      let tasks = 0;
      for (const [, text] of versions) tasks += (await agree(text)).tasks.length;
      expect(tasks).toBeGreaterThan(versions.length);
    },
    240_000,
  );
  for (const [label, group] of inGroups(foreignFiles(), 100)) {
    itCorpus(
      `the foreign corpus, ${label}`,
      async () => {
        // Most of these are no task log: there the rules and the API must say so (the command's refusal
        // is checked on the fixtures), and a task log is read all three ways.
        for (const file of group) {
          const text = readFileSync(file, "utf8");
          if (parseTaskLog(text).isTaskLog) await agree(text);
          else expect(byRules(text, {}), file).toEqual([]);
        }
      },
      240_000,
    );
  }
});

describe("the command on a log with front matter", () => {
  const withFront = (front: string): string => `${front}\n${LOG_TEXT}`;
  const fronts: [string, string, number][] = [
    ["YAML", "---\ntitle: Tasks\nowner: me\n---", 4],
    ["TOML", '+++\ntitle = "Tasks"\n+++', 3],
  ];
  for (const [kind, front, length] of fronts) {
    it(`${kind}: list gives physical lines`, async () => {
      const box = sandbox({ "log.md": withFront(front) });
      const listed = await box.run(["list", "--json", "log.md"]);
      expect(listed.code, listed.stderr).toBe(0);
      const tasks = (JSON.parse(listed.stdout) as { tasks: { line: number }[] }).tasks;
      expect(tasks.map((task) => task.line)).toEqual([5 + length, 17 + length]);
      const lines = box.read("log.md").split("\n");
      for (const task of tasks) expect(lines[task.line - 1]).toMatch(/^### Open · tv-/);
      const table = await box.run(["list", "log.md"]);
      expect(table.stdout.split("\n")[1]).toMatch(new RegExp(`^\\s*${5 + length}\\s+Open`));
    });

    it(`${kind}: set-pr edits the right line and keeps the front matter`, async () => {
      const box = sandbox({ "log.md": withFront(front) });
      const result = await box.run(["set-pr", "--line", String(17 + length), "77", "log.md"]);
      expect(result.stderr).not.toMatch(/tabs/);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`log.md:${17 + length}: identifier: tv-2025-10-04:PR?? -> tv-2025-10-04:PR77`);
      const after = box.read("log.md");
      expect(after.startsWith(`${front}\n`)).toBe(true);
      expect(after).toBe(
        withFront(front)
          .replace("tv-2025-10-04:PR?? · Follow", "tv-2025-10-04:PR77 · Follow")
          .replace("pull/###", "pull/77"),
      );
    });

    it(`${kind}: new adds a task in its section and keeps the front matter`, async () => {
      const box = sandbox({ "log.md": withFront(front) });
      const result = await box.run([
        "new",
        "--status",
        "Open",
        "--title",
        "Write the docs",
        "--date",
        "2025-10-05",
        "log.md",
      ]);
      expect(result.stderr).not.toMatch(/tabs/);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`log.md:${5 + length}: added ### Open · tv-2025-10-05:PR?? · Write the docs`);
      const after = box.read("log.md");
      expect(after.startsWith(`${front}\n# Tasks\n`)).toBe(true);
      expect(after.split("\n")[4 + length]).toBe("### Open · tv-2025-10-05:PR?? · Write the docs");
      // The new log reads the same way everywhere too.
      await agree(after);
    });
  }
});

describe("the checks themselves", () => {
  it("measure front matter as markdownlint does", () => {
    expect(frontMatterLength("---\na: 1\n---\n# x\n")).toBe(3);
    expect(frontMatterLength("+++\na = 1\n+++\r\n# x\n")).toBe(3);
    expect(frontMatterLength("# x\n---\na\n---\n")).toBe(0);
    expect(frontMatterLength("\uFEFF---\na: 1\n---\n# x")).toBe(3);
  });

  it("see a rule whose reading differs", () => {
    // A probe that reads one line off would not agree with the API.
    const wrong = byRules(LOG_TEXT, {}).map((entry) => entry.replace(/^(\d+)/, (n) => String(Number(n) + 1)));
    expect(wrong).not.toEqual(apiEntries(parseTaskLog(LOG_TEXT)));
  });

  it("cover every rule of the pack with the same factory", () => {
    expect(rules.every((rule) => typeof rule.function === "function" && rule.parser === "micromark")).toBe(true);
    expect(probe.parser).toBe("micromark");
  });
});
