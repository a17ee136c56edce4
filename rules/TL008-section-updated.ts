import { defineRule } from "../src/factory.js";
import { checkDate } from "../src/grammar/date.js";

/** TL008 section-updated: the `(updated YYYY-MM-DD)` stamp of each status section (spec section 3). */
export default defineRule({
  id: "TL008",
  name: "section-updated",
  description: "Status sections carry an '(updated YYYY-MM-DD)' stamp that is a real date and not older than their newest task",
  tag: "dates",
  options: {},
  check({ model, report }) {
    for (const section of model.sections) {
      const stamp = section.stamp;
      if (stamp === undefined) {
        const group = section.group;
        report({
          line: section.line,
          column: group?.column ?? section.textColumn,
          length: group?.text.length ?? section.text.length,
          detail: `Expected "${section.status.text} tasks (updated YYYY-MM-DD)"; Actual: ${group === undefined ? "no stamp" : `"${group.text}"`}`,
          context: section.text,
        });
        continue;
      }
      const checked = checkDate(stamp.text);
      if (!checked.ok) {
        report({
          line: section.line,
          column: stamp.column,
          length: stamp.text.length,
          detail: `Expected a real calendar date YYYY-MM-DD in the stamp; Actual: ${checked.reason}`,
          context: section.text,
        });
        continue;
      }
      let newest: { date: string; line: number } | undefined;
      for (const task of section.tasks) {
        const date = task.identifier?.date?.text;
        if (date !== undefined && (newest === undefined || date > newest.date)) newest = { date, line: task.line };
      }
      if (newest !== undefined && newest.date > checked.date.text) {
        report({
          line: section.line,
          column: stamp.column,
          length: stamp.text.length,
          detail: `Expected a stamp on or after ${newest.date} (the newest identifier date in this section, line ${newest.line}); Actual: ${stamp.text}`,
          context: section.text,
        });
      }
    }
  },
});
