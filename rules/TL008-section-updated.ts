import { defineRule, type Reporter } from "../src/kit/define.js";
import { checkDate } from "../src/grammar/date.js";
import { at, expected, quote, visible } from "../src/kit/messages.js";
import type { Section } from "../src/model/index.js";
import { shared } from "../src/kit/options.js";

/** The newest identifier date among the section's tasks. */
function newestTask(section: Section): { date: string; line: number } | undefined {
  let newest: { date: string; line: number } | undefined;
  for (const task of section.tasks) {
    const date = task.identifier?.date?.text;
    if (date !== undefined && (newest === undefined || date > newest.date)) newest = { date, line: task.line };
  }
  return newest;
}

/** The section has a stamp with a real date, not older than its newest task. */
function checkSection(section: Section, report: Reporter): void {
  const stamp = section.stamp;
  if (stamp === undefined) {
    const group = section.group;
    report({
      ...at(group ?? section.textSpan),
      detail: expected(
        `"${section.status.text} tasks (updated YYYY-MM-DD)"`,
        group === undefined ? "no stamp" : quote(group.text),
      ),
      context: section.text,
    });
    return;
  }
  const checked = checkDate(stamp.text);
  if (!checked.ok) {
    report({
      ...at(stamp),
      detail: expected("a real calendar date YYYY-MM-DD in the stamp", checked.reason),
      context: section.text,
    });
    return;
  }
  const newest = newestTask(section);
  if (newest !== undefined && newest.date > checked.date.text) {
    report({
      ...at(stamp),
      detail: expected(
        `a stamp on or after ${newest.date} (the newest identifier date in this section, line ${newest.line})`,
        visible(stamp.text),
      ),
      context: section.text,
    });
  }
}

/** TL008 section-updated: the `(updated YYYY-MM-DD)` stamp of each status section (spec section 3). */
export default defineRule({
  id: "TL008",
  name: "section-updated",
  description: "Status section has a current '(updated YYYY-MM-DD)' stamp",
  tag: "dates",
  options: { statuses: { ...shared.statuses, description: "The statuses whose sections must carry a stamp." } },
  check({ model, report }) {
    for (const section of model.sections) checkSection(section, report);
  },
});
