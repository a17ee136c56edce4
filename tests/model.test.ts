import { describe, expect, it } from "vitest";
import { fieldValueInline } from "../src/markdown/nodes.js";
import { type Field, getTaskLog } from "../src/model/index.js";
import { modelOf, paramsOf } from "./harness.js";

const log = `---
title: front matter never yields tasks
---
# Log

## Open tasks (updated 2025-10-05)

### Open · tv-2025-10-03:PR41 · First task

- **Summary**: One sentence with \`code\`
  continued on a second line.
- **Meta?:** No.
- priority: P1
- **Next steps**:
  1. Step one.
  1. Step two.

<!-- markdownlint-disable-next-line TL003 -->
- **Latest baseline (2025-10-05)**: numbers
- Free text item that is not a field.
- **Bold** without a colon is not a field.

\`\`\`markdown
### Open · tv-2025-10-03:PR99 · Inside code
\`\`\`

## Notes

### Open · tv-2025-10-04:PR42 · Outside any section

## Deferred tasks

### Deferred · tv-2025-10-04:PR43 · Third
`;

describe("task-log model", () => {
  const model = modelOf(log);

  // Lines are counted after the front matter, as in markdownlint's tokens (markdownlint adds the
  // front matter's length to every reported line).
  it("detects a task log and finds the status sections", () => {
    expect(model.isTaskLog).toBe(true);
    expect(model.sections.map((s) => [s.line, s.level, s.status.text, s.stamp?.text])).toEqual([
      [3, 2, "Open", "2025-10-05"],
      [28, 2, "Deferred", undefined],
    ]);
  });

  it("finds task headings outside code, with parts, positions and sections", () => {
    expect(
      model.tasks.map((t) => [t.line, t.level, t.status?.text, t.id?.text, t.title?.text, t.section?.line]),
    ).toEqual([
      [5, 3, "Open", "tv-2025-10-03:PR41", "First task", 3],
      [26, 3, "Open", "tv-2025-10-04:PR42", "Outside any section", undefined],
      [30, 3, "Deferred", "tv-2025-10-04:PR43", "Third", 28],
    ]);
    const first = model.tasks[0];
    expect(first?.id).toEqual({ line: 5, column: 12, text: "tv-2025-10-03:PR41" });
    expect(first?.identifier?.suffix).toEqual({ kind: "number", number: 41, text: "PR41" });
    expect(first?.endLine).toBe(23);
    expect(model.sections[0]?.tasks.map((t) => t.line)).toEqual([5]);
  });

  it("collects fields across lists split by a comment, with label forms and values", () => {
    const fields = model.tasks[0]?.fields ?? [];
    expect(fields.map((f) => [f.line, f.label, f.name, f.form])).toEqual([
      [7, "Summary", "Summary", "canonical"],
      [9, "Meta?", "Meta?", "colon-inside"],
      [10, "priority", "Priority", "plain"],
      [11, "Next steps", "Next steps", "canonical"],
      [16, "Latest baseline (2025-10-05)", undefined, "canonical"],
    ]);
    expect(fields[0]?.value).toBe("One sentence with `code`\ncontinued on a second line.");
    expect(fields[0]?.labelSpan).toEqual({ line: 7, column: 3, text: "**Summary**:" });
    expect(fields[0]?.valueColumn).toBe(16);
    expect(fieldValueInline(fields[0] as Field).some((t) => t.type === "codeText")).toBe(true);
    expect(fields[1]?.labelSpan.text).toBe("**Meta?:**");
    expect(fields[1]?.value).toBe("No.");
    expect(fields[2]?.labelSpan.text).toBe("priority:");
    expect(fields[3]?.item.lists[0]?.ordered).toBe(true);
    expect(fields[3]?.item.lists[0]?.items.map((i) => i.line)).toEqual([12, 13]);
    expect(fields[4]?.labelDate).toEqual({ line: 16, column: 22, text: "2025-10-05" });
  });

  it("is built once per token array and statuses configuration", () => {
    const params = paramsOf(log);
    expect(getTaskLog(params)).toBe(getTaskLog(params));
    expect(getTaskLog(params, { Open: ["Summary"] })).not.toBe(getTaskLog(params));
  });

  it("ignores documents without a status section or an identifier-shaped heading", () => {
    const plain = modelOf(
      "# Title\n\n## Open questions\n\n- **Summary**: x\n\n```\n### Open · tv-2025-10-03:PR1 · In code\n```\n",
    );
    expect(plain.isTaskLog).toBe(false);
    expect(plain.tasks).toEqual([]);
    expect(modelOf("<!--\n### Open · tv-2025-10-03:PR1 · In a comment\n-->\n").isTaskLog).toBe(false);
    expect(modelOf("    ### Open · tv-2025-10-03:PR1 · Indented code\n").isTaskLog).toBe(false);
    expect(modelOf("---\ntitle: Open · tv-2025-10-03:PR1 · x\n---\n# Doc\n").isTaskLog).toBe(false);
  });

  it("reads a status section from a level-2 heading only (spec section 3)", () => {
    for (const level of ["#", "###", "####"]) {
      const other = modelOf(`${level} Open tasks (updated 2025-10-03)\n\n- [ ] Reply to the review\n`);
      expect(other.isTaskLog, level).toBe(false);
      expect(other.sections, level).toEqual([]);
    }
    expect(modelOf("Open tasks (updated 2025-10-03)\n===\n").isTaskLog).toBe(false);
    expect(modelOf("Open tasks (updated 2025-10-03)\n---\n").sections.map((section) => section.line)).toEqual([1]);
    const log = modelOf(
      "## Open tasks (updated 2025-10-03)\n\n### Deferred tasks (updated 2025-10-03)\n\n### Open · tv-2025-10-03:PR1 · A\n\n# Deferred tasks\n\n### Deferred · tv-2025-10-03:PR2 · B\n",
    );
    expect(log.sections.map((section) => [section.line, section.level])).toEqual([[1, 2]]);
    expect(log.tasks.map((task) => task.section?.line)).toEqual([1, undefined]);
  });

  it("uses the configured statuses for detection and sections", () => {
    const custom = modelOf("## Doing tasks (updated 2025-10-05)\n\n### Doing - something\n", { Doing: ["Summary"] });
    expect(custom.isTaskLog).toBe(true);
    expect(custom.tasks[0]?.section?.status.text).toBe("Doing");
    // Not a configured status, but a status section all the same (its `(updated …)` stamp); the heading
    // below it is no task (no identifier, no configured status).
    const unknown = modelOf("## Doing tasks (updated 2025-10-05)\n\n### Doing - something\n");
    expect(unknown.isTaskLog).toBe(true);
    expect(unknown.tasks).toEqual([]);
    expect(modelOf("## Doing tasks\n\n### Doing - something\n").isTaskLog).toBe(false);
  });

  it("holds no token at run time: every value reachable from the model (properties and getters) is token-free", () => {
    const model = getTaskLog(paramsOf(log));
    // Read every task's lazy parts, so that their objects are reachable too.
    for (const task of model.tasks) void [task.gitPlans, task.prTitles, task.prLinks, task.mentions];
    const seen = new Set<unknown>();
    const stack: unknown[] = [model];
    const tokenLike: string[] = [];
    while (stack.length > 0) {
      const value = stack.pop();
      if (typeof value !== "object" || value === null || seen.has(value)) continue;
      seen.add(value);
      if ("startLine" in value && "children" in value) tokenLike.push(JSON.stringify(Object.keys(value)));
      const names = new Set(Object.getOwnPropertyNames(value));
      for (
        let proto = Object.getPrototypeOf(value);
        proto !== null && proto !== Object.prototype;
        proto = Object.getPrototypeOf(proto)
      ) {
        for (const name of Object.getOwnPropertyNames(proto)) if (name !== "constructor") names.add(name);
      }
      for (const name of names) {
        const got = (value as Record<string, unknown>)[name];
        if (typeof got !== "function") stack.push(got);
      }
      for (const symbol of Object.getOwnPropertySymbols(value)) stack.push((value as Record<symbol, unknown>)[symbol]);
    }
    expect(seen.size).toBeGreaterThan(50);
    expect(tokenLike).toEqual([]);
    // The readers still get them, through src/markdown/nodes.ts.
    expect(fieldValueInline(model.tasks[0]?.fields[0] as Field).length).toBeGreaterThan(0);
  });
});
