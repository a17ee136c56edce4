/**
 * Properties of the writing commands on generated valid logs:
 * - `tasklog new` only inserts one task (and moves its section's stamp forward), and the linter then
 *   reports only the fields the command listed as left to fill in (and the placeholder PR number
 *   when no --pr was given);
 * - `tasklog set-pr` changes nothing but the named identifier, the task's PR links and the mentions:
 *   turning a task's number into a placeholder everywhere and back with set-pr gives the log back
 *   byte for byte.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTaskLog } from "../../src/api-entry.js";
import { lintPack } from "../harness.js";
import { sandbox } from "../cli/run.js";
import { validTaskLogArbitrary } from "../support/generate.js";
import { propertyParameters } from "../support/settings.js";

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const STAMP = /\(updated \d{4}-\d{2}-\d{2}\)/;

const request = fc.record({
  status: fc.constantFrom("Open", "Deferred", "open"),
  title: fc
    .array(fc.constantFrom("Add", "tasklog", "command", "fix", "the", "parser", "CI", "matrix"), {
      minLength: 1,
      maxLength: 5,
    })
    .map((words) => words.join(" ")),
  pr: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
  day: fc.integer({ min: 0, max: 900 }),
  priority: fc.option(fc.constantFrom("P0", "p1", "P3"), { nil: undefined }),
  size: fc.option(fc.constantFrom("XS", "m", "L"), { nil: undefined }),
});

function dateOf(day: number): string {
  return new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

describe("tasklog new (property)", () => {
  it("inserts one task, and the linter reports only what it lists as left to fill in", async () => {
    await fc.assert(
      fc.asyncProperty(validTaskLogArbitrary(5), request, async (log, ask) => {
        const box = sandbox({ "tv-tasks.md": log.text });
        const date = dateOf(ask.day);
        const args = ["new", "--status", ask.status, "--title", ask.title, "--date", date];
        if (ask.pr !== undefined) args.push("--pr", String(ask.pr));
        if (ask.priority !== undefined) args.push("--priority", ask.priority);
        if (ask.size !== undefined) args.push("--size", ask.size);
        const result = await box.run([...args, "tv-tasks.md"]);
        const status = ask.status === "open" ? "Open" : ask.status;
        const section = log.sections.find((candidate) => candidate.status === status);
        const clash = log.tasks.some((task) => task.id === `tv-${date}:PR${ask.pr}`);
        if (section === undefined || clash) {
          expect(result.code).toBe(2);
          expect(box.read("tv-tasks.md")).toBe(log.text);
          return;
        }
        expect(result.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("note: "))).toEqual([]);
        expect(result.code).toBe(0);
        const after = box.read("tv-tasks.md");

        // Only an insertion, apart from the section's stamp, which moved to the newer date.
        const newStamp = section.stamp < date ? date : section.stamp;
        expect(after.split("\n")[section.line - 1]).toBe(`## ${status} tasks (updated ${newStamp})`);
        const mask = (text: string): string[] =>
          text.split("\n").map((line, i) => (i === section.line - 1 ? line.replace(STAMP, "") : line));
        const before = mask(log.text);
        const now = mask(after);
        let i = 0;
        while (i < before.length && before[i] === now[i]) i++;
        expect(now.slice(i + now.length - before.length)).toEqual(before.slice(i));

        // The new task, as the API reads it; every finding is on a field left to fill in.
        const heading = Number(/^tv-tasks\.md:(\d+): added /.exec(result.stdout)?.[1]);
        const task = parseTaskLog(after).tasks.find((candidate) => candidate.line === heading);
        expect(task?.title).toBe(ask.title);
        expect(task?.section).toBe(status);
        const toFill =
          /^left for you to fill in: (.*)$/m
            .exec(result.stdout)?.[1]
            ?.split(", ")
            .map((entry) => entry.replace(/ \(line \d+\)$/, "")) ?? [];
        const allowed = new Set<number>();
        for (const field of task?.fields ?? []) {
          if (!toFill.includes(field.label)) continue;
          for (let line = field.line; line <= field.endLine; line++) allowed.add(line);
        }
        for (const error of lintPack(after)) {
          const placeholder = ask.pr === undefined && error.ruleNames[0] === "TL002" && error.lineNumber === heading;
          expect(
            placeholder || allowed.has(error.lineNumber),
            `${error.ruleNames[0]}:${error.lineNumber} ${error.errorDetail}\n${result.stdout}`,
          ).toBe(true);
        }
        // Each field it lists does get a finding or is a field no rule checks the value of.
        expect(toFill.includes("Priority")).toBe(
          ask.priority === undefined && (task?.fields.some((field) => field.label === "Priority") ?? false),
        );
      }),
      propertyParameters(40),
    );
  });
});

describe("tasklog set-pr (property)", () => {
  it("undoes a placeholder byte for byte: only the identifier, the task's links and mentions change", async () => {
    await fc.assert(
      fc.asyncProperty(validTaskLogArbitrary(6), fc.nat(), fc.nat(), async (log, pick, where) => {
        const task = log.tasks[pick % log.tasks.length];
        if (task === undefined) return;
        const lines = log.text.split("\n");
        // The task's body ends before the next heading.
        const nextHeading = lines.findIndex((text, i) => i >= task.line && /^#{1,6} /.test(text));
        const end = nextHeading === -1 ? lines.length : nextHeading;
        const placeholderId = task.id.replace(/PR\d+$/, "PR??");
        // The task's own links lose their number; every mention of the identifier becomes the placeholder.
        const own = new RegExp(`/pull/${task.number}(?!\\d)`, "g");
        const withLinks = lines
          .map((line, i) => (i >= task.line - 1 && i < end ? line.replace(own, "/pull/###") : line))
          .join("\n");
        const damaged = withLinks.replace(new RegExp(`${escapeRegExp(task.id)}(?!\\d)`, "g"), placeholderId);
        const expectedChanges =
          damaged.split(placeholderId).length -
          1 +
          (withLinks.split("/pull/###").length - log.text.split("/pull/###").length);

        const box = sandbox({ "tv-tasks.md": damaged });
        const line = task.line + (where % (end - task.line + 1));
        const result = await box.run(["set-pr", "--line", String(line), String(task.number), "tv-tasks.md"]);
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        expect(box.read("tv-tasks.md")).toBe(log.text);
        expect(result.stdout.trimEnd().split("\n")).toHaveLength(expectedChanges);
      }),
      propertyParameters(60),
    );
  });
});
