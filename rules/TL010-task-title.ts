import { defineRule, type Reporter } from "../src/kit/define.js";
import { at, expected } from "../src/kit/messages.js";
import type { Task } from "../src/model/index.js";
import { integer } from "../src/kit/options.js";

/** The title is at most `max` characters (code points) long. */
function checkTitleLength(task: Task, max: number, report: Reporter): void {
  const title = task.title;
  if (title === undefined) return;
  const length = [...title.text].length;
  if (length <= max) return;
  report({ ...at(title), detail: expected(`a title of at most ${max} characters`, `${length}`), context: task.text });
}

/** TL010 task-title: a task's title is short. */
export default defineRule({
  id: "TL010",
  name: "task-title",
  description: "Task title is at most a line's worth of characters",
  tag: "headings",
  options: {
    max_length: integer({ default: 72, description: "The most characters a task's title may hold." }),
  },
  check({ model, options, report }) {
    for (const task of model.tasks) checkTitleLength(task, options.max_length, report);
  },
});
