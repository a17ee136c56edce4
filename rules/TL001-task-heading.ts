import { defineRule } from "../src/factory.js";
import { CANONICAL_SEPARATOR } from "../src/grammar/heading.js";
import { configuredStatus } from "../src/model.js";

/** TL001 task-heading: heading shape, level, section, separator, status, title (spec section 4). */
export default defineRule({
  id: "TL001",
  name: "task-heading",
  description: "Task headings read '<Status> · <identifier> · <Title>', one level below their status section",
  tag: "headings",
  options: {},
  check({ model, options, report }) {
    const expectedStatuses = Object.keys(options.statuses).join(", ");
    for (const task of model.tasks) {
      const whole = { line: task.line, column: task.textColumn, length: Math.max(1, task.text.length), context: task.text };
      const section = task.section;
      if (section === undefined) {
        report({
          ...whole,
          detail: `Expected the task under a status section ("${"#".repeat(Math.max(1, task.level - 1))} <Status> tasks (updated YYYY-MM-DD)"); Actual: no status section above it`,
        });
      } else {
        if (task.level !== section.level + 1) {
          report({
            line: task.line,
            column: task.token.startColumn,
            length: task.textColumn - task.token.startColumn + task.text.length,
            detail: `Expected heading level ${section.level + 1} (one below "${section.text}" on line ${section.line}); Actual: level ${task.level}`,
            context: task.text,
          });
        }
        const own = configuredStatus(options.statuses, task.status?.text);
        if (task.status !== undefined && own !== undefined && own.toLowerCase() !== section.status.text.toLowerCase()) {
          report({
            line: task.line,
            column: task.status.column,
            length: task.status.text.length,
            detail: `Expected status "${section.status.text}" to match the section "${section.text}" on line ${section.line}; Actual: "${task.status.text}"`,
            context: task.text,
          });
        }
      }

      const status = task.status;
      if (status === undefined) {
        report({ ...whole, detail: `Expected a status (${expectedStatuses}) before the identifier; Actual: none` });
      } else {
        const match = configuredStatus(options.statuses, status.text);
        if (match === undefined) {
          report({
            line: status.line,
            column: status.column,
            length: status.text.length,
            detail: `Expected a status of ${expectedStatuses}; Actual: ${status.text}`,
            context: task.text,
          });
        } else if (match !== status.text) {
          report({
            line: status.line,
            column: status.column,
            length: status.text.length,
            detail: `Expected status "${match}"; Actual: "${status.text}"`,
            context: task.text,
            fix: { column: status.column, deleteCount: status.text.length, insertText: match },
          });
        }
      }

      for (const separator of task.separators) {
        if (separator.canonical) continue;
        // At either end of the heading text, the spaces of a canonical separator would be trimmed away
        // by Markdown, so a fix could never converge: report only.
        const atEdge = separator.column === task.textColumn || separator.column + separator.text.length === task.textColumn + task.text.length;
        report({
          line: separator.line,
          column: separator.column,
          length: separator.text.length,
          detail: `Expected separator "${CANONICAL_SEPARATOR}" (middle dot with one space each side); Actual: "${separator.text}"`,
          context: task.text,
          ...(atEdge ? {} : { fix: { column: separator.column, deleteCount: separator.text.length, insertText: CANONICAL_SEPARATOR } }),
        });
      }
      for (const gap of task.parsed.missingSeparators) {
        const column = task.textColumn + gap;
        const spaces = /^\s*/.exec(task.text.slice(gap))?.[0] ?? "";
        report({
          line: task.line,
          column,
          length: Math.max(1, spaces.length),
          detail: `Expected separator "${CANONICAL_SEPARATOR}" between the parts of the heading; Actual: "${spaces}"`,
          context: task.text,
          fix: { column, deleteCount: spaces.length, insertText: CANONICAL_SEPARATOR },
        });
      }

      const title = task.title;
      if (title === undefined) {
        report({ ...whole, detail: "Expected a title after the identifier; Actual: none" });
      } else if (/[^.]\.$/.test(title.text) || title.text === ".") {
        report({
          line: title.line,
          column: title.column + title.text.length - 1,
          length: 1,
          detail: `Expected a title without a trailing period; Actual: "${title.text}"`,
          context: task.text,
        });
      }
    }
  },
});
