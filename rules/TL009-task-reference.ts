import { defineRule } from "../src/factory.js";
import { findMentions, mayMention, parseIdentifier, type ParsedIdentifier } from "../src/grammar/identifier.js";
import { fieldTextLines, itemTextLines } from "../src/itemtext.js";
import type { Field, ListItem, Task } from "../src/model.js";

/** Identity of an identifier with a PR number: prefix, date and number (`PR035` is `PR35`). */
function identity(parsed: ParsedIdentifier | undefined): string | undefined {
  if (parsed === undefined || parsed.suffix.kind === "placeholder") return undefined;
  return `${parsed.prefix}-${parsed.dateText}:PR${parsed.suffix.number}`;
}

/** TL009 task-reference: identifiers mentioned in a task's fields name a task of the file (spec section 9). */
export default defineRule({
  id: "TL009",
  name: "task-reference",
  description: "Identifiers mentioned in a task's fields name another task of the same file",
  tag: "references",
  options: {},
  check({ model, report }) {
    const byIdentity = new Map<string, Task>();
    for (const task of model.tasks) {
      const key = identity(task.identifier);
      if (key !== undefined && !byIdentity.has(key)) byIdentity.set(key, task);
    }
    for (const task of model.tasks) {
      const own = identity(task.identifier);
      const fieldOf = new Map<ListItem, Field>(task.fields.map((field) => [field.item, field]));
      for (const list of task.lists) {
        for (const item of list.items) {
          const field = fieldOf.get(item);
          const lines = field === undefined ? itemTextLines(item, undefined, mayMention) : fieldTextLines(field, mayMention);
          for (const text of lines) {
            for (const mention of findMentions(text.text)) {
              const parsed = parseIdentifier(mention.text);
              const at = { line: text.line, column: text.column + mention.index, length: mention.text.length, context: mention.text };
              if (parsed === undefined) continue;
              if (parsed.suffix.kind === "placeholder") {
                report({
                  ...at,
                  detail:
                    `Expected the identifier of a task in this file; Actual: ${mention.text} is a placeholder ` +
                    `("${parsed.suffix.text}" is not PR<number>) and names no task (tasks are logged once their GitHub PR exists)`,
                });
                continue;
              }
              const key = identity(parsed) as string;
              if (key === own) {
                report({ ...at, detail: `Expected another task's identifier; Actual: ${mention.text} is this task's own identifier` });
                continue;
              }
              if (byIdentity.has(key)) continue;
              const number = parsed.suffix.number;
              const near = model.tasks.filter((other) => {
                const suffix = other.identifier?.suffix;
                return other !== task && suffix !== undefined && suffix.kind !== "placeholder" && suffix.number === number;
              });
              const hint = near.length === 1 ? ` (the task on line ${near[0]?.line} is ${near[0]?.identifier?.text})` : "";
              report({
                ...at,
                detail: `Expected the identifier of a task in this file; Actual: no task is ${mention.text}${hint}`,
              });
            }
          }
        }
      }
    }
  },
});
