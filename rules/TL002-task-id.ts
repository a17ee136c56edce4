import { defineRule, type Reporter } from "../src/kit/define.js";
import { hasZeroWidth } from "../src/grammar/heading.js";
import type { ParsedIdentifier } from "../src/grammar/identifier.js";
import { listed } from "../src/messages.js";
import { at, expected, quote, replace, visible } from "../src/kit/messages.js";
import type { Span, Task } from "../src/model/index.js";
import { shared } from "../src/kit/options.js";

/** The prefix is one of the configured ones (fixable when only its case differs). */
function checkPrefix(id: Span, parsed: ParsedIdentifier, prefixes: readonly string[], report: Reporter): void {
  if (prefixes.includes(parsed.prefix)) return;
  const lower = parsed.prefix.toLowerCase();
  const prefix = { ...id, text: parsed.prefix };
  report({
    ...at(prefix),
    detail: expected(`prefix ${listed(prefixes.map(quote), " or ")} (the "prefix" option)`, quote(parsed.prefix)),
    context: id.text,
    ...(prefixes.includes(lower) ? { fix: replace(prefix, lower) } : {}),
  });
}

/** The date is a real calendar date. */
function checkDate(id: Span, parsed: ParsedIdentifier, report: Reporter): void {
  if (parsed.date !== undefined) return;
  report({
    ...at({ line: id.line, column: id.column + parsed.offsets.date, text: parsed.dateText }),
    detail: expected("the PR's creation date as a real calendar date YYYY-MM-DD", `${parsed.dateProblem}`),
    context: id.text,
  });
}

/** The suffix is a real PR number without leading zeros; returns whether it is a number at all. */
function checkSuffix(id: Span, parsed: ParsedIdentifier, report: Reporter): boolean {
  const suffix = parsed.suffix;
  const column = id.column + parsed.offsets.suffix;
  if (suffix.kind === "placeholder") {
    report({
      line: id.line,
      column,
      length: suffix.text.length,
      detail:
        `Placeholder PR number ${quote(suffix.text)}: the identifier policy is to log a task only once its GitHub PR exists; ` +
        `expected PR<number> (e.g. PR41)`,
      context: id.text,
    });
    return false;
  }
  if (suffix.kind === "leading-zero") {
    report({
      ...at({ line: id.line, column, text: suffix.text }),
      detail: expected(`the PR number without leading zeros (PR${suffix.number})`, visible(suffix.text)),
      context: id.text,
    });
  }
  return true;
}

/** TL002 task-id: identifier shape, prefix, calendar date, placeholder PR, uniqueness (spec section 5). */
export default defineRule({
  id: "TL002",
  name: "task-id",
  description: "Task identifier is <prefix>-YYYY-MM-DD:PR<number>, unique",
  tag: "identifier",
  options: {
    prefix: {
      ...shared.prefix,
      description:
        "Allowed identifier prefixes (the owner's initials): one string or an array of strings, lowercase letters.",
    },
    statuses: { ...shared.statuses, description: "Which headings are task headings." },
  },
  check({ model, options, report }) {
    const prefixes = options.prefix;
    const shape = `${prefixes[0]}-YYYY-MM-DD:PR<number>`;
    for (const task of model.tasks) {
      const id = task.id;
      if (id === undefined) {
        report({
          ...at(task.textSpan),
          detail: expected(`an identifier ${shape} in the heading`, "none"),
          context: task.text,
        });
        continue;
      }
      // An invisible character inside the identifier is TL001's finding (its fix removes it).
      if (hasZeroWidth(id.text)) continue;
      if (task.spaceInsideIdentifier) {
        reportSpaceInside(task, id, shape, report);
        continue;
      }
      const parsed = task.identifier;
      if (parsed === undefined) {
        report({ ...at(id), detail: expected(`an identifier ${shape}`, visible(id.text)), context: task.text });
        continue;
      }
      checkPrefix(id, parsed, prefixes, report);
      checkDate(id, parsed, report);
      if (!checkSuffix(id, parsed, report)) continue;
      checkUnique(task, id, model.taskWithIdentity(task.identity as string), report);
    }
  },
});

/** `tv-2025-10-03: PR45`: the identifier as written, up to the end of the word after the space. */
function reportSpaceInside(task: Task, id: Span, shape: string, report: Reporter): void {
  const written = /^\S*\s+\S*/.exec(task.text.slice(id.column - task.textColumn))?.[0] ?? id.text;
  report({
    ...at({ ...id, text: written }),
    detail: expected(`an identifier ${shape}`, `${visible(written)} (a space inside the identifier)`),
    context: task.text,
  });
}

/** The identifier is the first task's with its identity (`PR035` is `PR35`). */
function checkUnique(task: Task, id: Span, first: Task | undefined, report: Reporter): void {
  if (first === undefined || first === task) return;
  report({
    ...at(id),
    detail: expected("a unique identifier", `${visible(id.text)} is already used by the task on line ${first.line}`),
    context: task.text,
  });
}
