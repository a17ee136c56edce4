import { defineRule } from "../src/factory.js";
import { checkDate } from "../src/grammar/date.js";
import { configuredStatus, type Field, type StatusFields, type Task } from "../src/model.js";
import { option } from "../src/options.js";

/**
 * The status a task's required fields come from: its own status (matched case-insensitively; an
 * unknown status has no template, TL001 reports it), or its section's when the heading has no status.
 */
function templateOf(task: Task, statuses: StatusFields): { status: string; fields: readonly string[] } | undefined {
  const status = configuredStatus(statuses, task.status !== undefined ? task.status.text : task.section?.status.text);
  return status === undefined ? undefined : { status, fields: statuses[status] as readonly string[] };
}

const quote = (text: string): string => `"${text}"`;

/** TL003 task-fields: required, duplicated, out-of-order and unknown fields; label form (spec section 6). */
export default defineRule({
  id: "TL003",
  name: "task-fields",
  description: "Tasks hold their status's fields, once each, in template order, with '**Label**:' labels",
  tag: "fields",
  options: {
    allowed: option<readonly string[]>({
      kind: "strings",
      default: Object.freeze([]),
      description:
        "Extra field labels allowed in any task besides the status's fields (matched case-insensitively; written as listed). They may appear anywhere, once each.",
      check: (value) => (value.every((entry) => entry.trim() !== "" && !/[*:\n]/.test(entry)) ? undefined : "labels without `*`, `:` or line breaks"),
    }),
  },
  check({ model, options, report }) {
    const statuses = options.statuses;
    const known = new Set(Object.values(statuses).flatMap((fields) => fields.map((field) => field.toLowerCase())));
    const allowed = new Map(options.allowed.map((label) => [label.trim().toLowerCase(), label.trim()]));

    for (const task of model.tasks) {
      const template = templateOf(task, statuses);
      const inTemplate = new Map((template?.fields ?? []).map((field, index) => [field.toLowerCase(), index]));
      const seen = new Map<string, Field>();
      let latest: { field: Field; index: number } | undefined;

      for (const field of task.fields) {
        const labelRange = { line: field.line, column: field.labelSpan.column, length: field.labelSpan.text.length, context: field.labelSpan.text };
        const key = field.label.toLowerCase();
        const dated = field.labelDate !== undefined && field.name === undefined;
        // What the label should read, or undefined for an unknown label.
        let canonical: string | undefined;
        if (field.name !== undefined && (template === undefined || inTemplate.has(key) || allowed.has(key))) {
          canonical = field.name;
        } else if (allowed.has(key)) {
          canonical = allowed.get(key) as string;
        } else if (dated) {
          canonical = field.label;
        }

        if (canonical === undefined) {
          const expected = template === undefined
            ? `a field of a configured status (${[...new Set(Object.values(statuses).flat())].join(", ")})${allowed.size > 0 ? `, an allowed label (${[...allowed.values()].join(", ")})` : ""} or a dated label such as "Latest baseline (YYYY-MM-DD)"`
            : `a field of ${template.status} tasks (${template.fields.join(", ")})${allowed.size > 0 ? `, an allowed label (${[...allowed.values()].join(", ")})` : ""} or a dated label such as "Latest baseline (YYYY-MM-DD)"`;
          const other = field.name !== undefined && known.has(key) ? ` (a field of other statuses)` : "";
          report({ ...labelRange, detail: `Expected ${expected}; Actual: unknown label ${quote(field.label)}${other}` });
          continue;
        }

        const wanted = `**${canonical}**:`;
        if (field.labelSpan.text !== wanted) {
          const why = [
            ...(field.form === "colon-inside"
              ? ["colon inside the bold label"]
              : field.form === "spaced-colon"
                ? ["space before the colon"]
                : field.form === "plain"
                  ? ["label not bold"]
                  : []),
            ...(field.label !== canonical ? ["wrong case"] : []),
          ].join(", ");
          report({
            ...labelRange,
            detail: `Expected label ${quote(wanted)}; Actual: ${quote(field.labelSpan.text)} (${why})`,
            fix: { column: field.labelSpan.column, deleteCount: field.labelSpan.text.length, insertText: wanted },
          });
        }

        if (dated) {
          const date = field.labelDate;
          if (date !== undefined) {
            const checked = checkDate(date.text);
            if (!checked.ok) {
              report({
                line: date.line,
                column: date.column,
                length: date.text.length,
                detail: `Expected a real calendar date YYYY-MM-DD in the label; Actual: ${checked.reason}`,
                context: field.labelSpan.text,
              });
            }
          }
          continue; // dated labels may appear anywhere and any number of times
        }

        const earlier = seen.get(canonical.toLowerCase());
        if (earlier !== undefined) {
          report({
            ...labelRange,
            detail: `Expected one ${quote(canonical)} field per task; Actual: another on line ${earlier.line} (a second block of fields: was a task heading deleted?)`,
          });
          continue;
        }
        seen.set(canonical.toLowerCase(), field);

        const index = inTemplate.get(canonical.toLowerCase());
        if (index === undefined || template === undefined) continue;
        if (latest !== undefined && index < latest.index) {
          const before = latest.field.name ?? latest.field.label;
          report({
            ...labelRange,
            detail: `Expected ${quote(canonical)} before ${quote(before)} (line ${latest.field.line}), as in the ${template.status} template (${template.fields.join(", ")}); Actual: after it`,
          });
        } else {
          latest = { field, index };
        }
      }

      if (template === undefined) continue;
      const missing = template.fields.filter((field) => !seen.has(field.toLowerCase()));
      for (const field of missing) {
        report({
          line: task.line,
          column: task.textColumn,
          length: Math.max(1, task.text.length),
          detail: `Expected field ${quote(field)} (required for ${template.status} tasks); Actual: missing`,
          context: task.text,
        });
      }
    }
  },
});
