import { defineRule, type Reporter } from "../src/kit/define.js";
import { expected, visible } from "../src/kit/messages.js";
import { identityOf, type IdentifierMention, type Task, type TaskLog } from "../src/model/index.js";
import { shared } from "../src/kit/options.js";

/** A placeholder mention, briefly, pointing at the TL002 finding on the heading that carries it. */
function placeholderProblem(model: TaskLog, mention: IdentifierMention): string {
  const holder = model.tasks.find((other) => other.identifier?.text === mention.text);
  return expected(
    "the identifier of a task in this file",
    `placeholder ${visible(mention.text)}` +
      (holder === undefined
        ? " (a placeholder names no task; TL002 reports such identifiers on task headings)"
        : `, as on the task heading on line ${holder.line} (TL002 reports the placeholder there)`),
  );
}

/** What is wrong with a mention in `task`, or undefined when it names another task of the file. */
function mentionProblem(model: TaskLog, task: Task, mention: IdentifierMention): string | undefined {
  const suffix = mention.identifier.suffix;
  if (suffix.kind === "placeholder") return placeholderProblem(model, mention);
  const key = identityOf(mention.identifier) as string;
  if (key === task.identity)
    return expected("another task's identifier", `${visible(mention.text)} is this task's own identifier`);
  if (model.taskWithIdentity(key) !== undefined) return undefined;
  const near = model.tasksNumbered(suffix.number).filter((other) => other !== task);
  const hint = near.length === 1 ? ` (the task on line ${near[0]?.line} is ${near[0]?.identifier?.text})` : "";
  return expected("the identifier of a task in this file", `no task is ${visible(mention.text)}${hint}`);
}

function checkTask(model: TaskLog, task: Task, report: Reporter): void {
  for (const mention of task.mentions) {
    const detail = mentionProblem(model, task, mention);
    if (detail === undefined) continue;
    report({ line: mention.line, column: mention.column, length: mention.text.length, context: mention.text, detail });
  }
}

/** TL009 task-reference: identifiers mentioned in a task's fields name a task of the file (spec section 9). */
export default defineRule({
  id: "TL009",
  name: "task-reference",
  description: "Identifiers in fields name tasks of this file",
  tag: "references",
  options: {
    statuses: {
      ...shared.statuses,
      description:
        "Which headings are task headings; every task heading of the file can be named, whatever its status or section.",
    },
  },
  check({ model, report }) {
    for (const task of model.tasks) checkTask(model, task, report);
  },
});
