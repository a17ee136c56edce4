/**
 * The typed API (`markdownlint-rule-tasklog/api`): `parseTaskLog` reads what the generator built, in
 * plain data (no tokens), the same with CRLF and a byte order mark, with the rules' options.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTaskLog, resolveTaskLogOptions, TaskLogOptionsError } from "../src/api-entry.js";
import { buildTaskLog, seededRandom, validTaskLogArbitrary } from "./support/generate.js";
import { realLogGate } from "./support/real-log.js";
import { propertyParameters } from "./support/settings.js";

describe("parseTaskLog", () => {
  it("throws a TypeError for anything but a string (null is not a document that is not a task log)", () => {
    for (const [input, got] of [
      [null, "null"],
      [undefined, "undefined"],
      [42, "number"],
      [Buffer.from("# Tasks"), "object"],
      [["## Open tasks"], "an array"],
    ] as const) {
      expect(() => parseTaskLog(input as unknown as string)).toThrow(
        new TypeError(`parseTaskLog expects the document's text as a string; got ${got}`),
      );
    }
    expect(parseTaskLog("").isTaskLog).toBe(false);
  });

  it("reads every section and task the generator built (property)", () => {
    fc.assert(
      fc.property(validTaskLogArbitrary(8), (log) => {
        const view = parseTaskLog(log.text);
        expect(view.isTaskLog).toBe(true);
        expect(view.sections.map((section) => [section.line, section.status, section.stamp?.text])).toEqual(
          log.sections.map((section) => [section.line, section.status, section.stamp]),
        );
        expect(
          view.tasks.map((task) => [
            task.line,
            task.status,
            task.identifier?.text,
            task.identifier?.pr,
            task.identifier?.date,
            task.title,
            task.sectionLine,
          ]),
        ).toEqual(
          log.tasks.map((task) => [
            task.line,
            task.status,
            task.id,
            task.number,
            task.date,
            task.title,
            task.sectionLine,
          ]),
        );
        log.tasks.forEach((task, i) => {
          expect(view.tasks[i]?.fields.map((field) => [field.label, field.line])).toEqual(
            task.fields.map((field) => [field.label, field.line]),
          );
        });
        for (const section of view.sections) {
          expect(section.taskLines).toEqual(
            view.tasks.filter((task) => task.sectionLine === section.line).map((task) => task.line),
          );
        }
      }),
      propertyParameters(40),
    );
  });

  it("returns plain data: JSON round-trips it unchanged (no tokens, no functions, no cycles)", () => {
    const view = parseTaskLog(buildTaskLog(seededRandom(3), 6).text);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it("gives the same view for CRLF line endings and a byte order mark", () => {
    const text = buildTaskLog(seededRandom(5), 5).text;
    expect(parseTaskLog(`\uFEFF${text.replace(/\n/g, "\r\n")}`)).toEqual(parseTaskLog(text));
  });

  it("reads the Git plan, PR title and links, priority, size and meta of a task", () => {
    const view = parseTaskLog(`# Log

## Deferred tasks (updated 2025-10-03)

### Deferred · tv-2025-10-03:PR?? · Wait for the badge

- **Summary**: Wait.
- **Priority**: P2
- **Size**: XS
- **Meta?**: No.
- **Dependencies**: After \`tv-2025-10-01:PR7\` and tv-2025-10-02:PR??.
- **PR status**: \`<https://github.com/<org>/<repo>/pull/###>\`; also <https://github.com/acme/app/pull/9>.

## Open tasks (updated 2025-10-03)

### Open · tv-2025-10-01:PR7 · Plan

- **Git plan**:
  - Branch: \`feat/cli-commands\`
  - Commits:
    - \`feat(cli): add new\` (files)
    - \`test(cli): cover new\`
- **PR**: Title \`feat: add the command\`.
`);
    const [deferred, open] = view.tasks;
    expect(deferred).toMatchObject({
      status: "Deferred",
      identifier: {
        text: "tv-2025-10-03:PR??",
        prefix: "tv",
        date: "2025-10-03",
        pr: null,
        suffix: "PR??",
        placeholder: true,
        line: 5,
        column: 16,
      },
      priority: "P2",
      size: "XS",
      meta: "No.",
      branch: null,
      commits: [],
      prUrl: "https://github.com/acme/app/pull/9",
    });
    expect(deferred?.links.map((link) => [link.kind, link.number, link.numberPlaceholder])).toEqual([
      ["placeholder", null, { line: 12, column: 57, text: "###" }],
      ["pr", 9, null],
    ]);
    expect(deferred?.mentions.map((mention) => [mention.text, mention.line, mention.column, mention.field])).toEqual([
      ["tv-2025-10-01:PR7", 11, 28, "Dependencies"],
      ["tv-2025-10-02:PR??", 11, 51, "Dependencies"],
    ]);
    expect(open).toMatchObject({
      branch: "feat/cli-commands",
      commits: ["feat(cli): add new", "test(cli): cover new"],
      prTitle: "feat: add the command",
      priority: null,
      section: "Open",
    });
  });

  it("reads what the model reads for the rules: reference links (TL007), nested mentions (TL009), `**Branch** :` (TL005)", () => {
    const view = parseTaskLog(`# Log

## Open tasks (updated 2025-10-03)

### Open · tv-2025-10-03:PR35 · Plan

- **Git plan**:
  - **Branch** : \`feat/api-view\`
  - Commits:
    - \`feat(api): read the model\`
- **PR**: [PR 35][pr35]
- **Next steps**:
  - After tv-2025-10-01:PR7.
- Not a field: tv-2025-10-02:PR8.

[pr35]: https://github.com/acme/app/pull/35
`);
    const [task] = view.tasks;
    expect(task).toMatchObject({
      branch: "feat/api-view",
      commits: ["feat(api): read the model"],
      prUrl: "https://github.com/acme/app/pull/35",
    });
    expect(task?.links).toEqual([
      {
        line: 11,
        column: 11,
        text: "https://github.com/acme/app/pull/35",
        field: "PR",
        reference: "pr35",
        kind: "pr",
        number: 35,
        numberPlaceholder: null,
      },
    ]);
    expect(task?.mentions.map((mention) => [mention.text, mention.line, mention.field])).toEqual([
      ["tv-2025-10-01:PR7", 13, "Next steps"],
      ["tv-2025-10-02:PR8", 14, null],
    ]);
  });

  it("says when a document is not a task log", () => {
    const view = parseTaskLog("# Readme\n\nSome text.\n");
    expect(view).toMatchObject({ isTaskLog: false, sections: [], tasks: [], lineCount: 4 });
  });

  it("takes the rules' options: statuses, prefix, types, host; rejects a bad value", () => {
    const text =
      "# Log\n\n## Doing tasks (updated 2025-10-01)\n\n### Doing · ab-2025-10-01:PR1 · First\n\n- **Owner**: Me.\n";
    // Without the configuration, "Doing" is no status (its section counts by its stamp) and "Owner" no field.
    expect(
      parseTaskLog(text).tasks.map((task) => [task.status, task.section, task.fields.map((field) => field.name)]),
    ).toEqual([[null, "Doing", [null]]]);
    const view = parseTaskLog(text, { statuses: { Doing: ["Owner"] }, prefix: "ab" });
    expect(
      view.tasks.map((task) => [task.status, task.identifier?.prefix, task.fields.map((field) => field.name)]),
    ).toEqual([["Doing", "ab", ["Owner"]]]);
    expect(view.options.prefix).toEqual(["ab"]);
    expect(resolveTaskLogOptions({ host: "github.example.com" }).host).toEqual(["github.example.com"]);
    expect(() => parseTaskLog(text, { prefix: "A1" })).toThrow(TaskLogOptionsError);
    expect(() => parseTaskLog(text, { colour: "red" } as never)).toThrow(/Unknown option "colour"/);
  });

  it("reads the real log (gated)", () => {
    const real = realLogGate("parseTaskLog on the real log");
    if (real === undefined) return;
    const view = parseTaskLog(real.text);
    expect(view.isTaskLog).toBe(true);
    const headings = real.text.split("\n").flatMap((line, i) => (/^### (Open|Deferred) · /.test(line) ? [i + 1] : []));
    expect(view.tasks.map((task) => task.line)).toEqual(headings);
    expect(view.tasks.every((task) => task.identifier !== null && task.title !== null)).toBe(true);
  });
});
