import { defineRule } from "../src/factory.js";

/** TL002 task-id: identifier shape, prefix, calendar date, placeholder PR, uniqueness (spec section 5). */
export default defineRule({
  id: "TL002",
  name: "task-id",
  description: "Task identifiers are <prefix>-YYYY-MM-DD:PR<number>, with a real date and PR number, unique in the file",
  tag: "identifier",
  options: {},
  check({ model, options, report }) {
    const prefixes = options.prefix;
    const shape = `${prefixes[0]}-YYYY-MM-DD:PR<number>`;
    const firstUse = new Map<string, number>();
    for (const task of model.tasks) {
      const id = task.id;
      if (id === undefined) {
        report({
          line: task.line,
          column: task.textColumn,
          length: task.text.length,
          detail: `Expected an identifier ${shape} in the heading; found none`,
          context: task.text,
        });
        continue;
      }
      const parsed = task.identifier;
      if (parsed === undefined) {
        report({
          line: id.line,
          column: id.column,
          length: id.text.length,
          detail: `Expected an identifier ${shape}; Actual: ${id.text}`,
          context: task.text,
        });
        continue;
      }
      if (!prefixes.includes(parsed.prefix)) {
        const lower = parsed.prefix.toLowerCase();
        report({
          line: id.line,
          column: id.column,
          length: parsed.prefix.length,
          detail: `Expected prefix ${prefixes.map((p) => `"${p}"`).join(" or ")}; Actual: "${parsed.prefix}"`,
          context: id.text,
          ...(prefixes.includes(lower) ? { fix: { column: id.column, deleteCount: parsed.prefix.length, insertText: lower } } : {}),
        });
      }
      if (parsed.date === undefined) {
        report({
          line: id.line,
          column: id.column + parsed.offsets.date,
          length: parsed.dateText.length,
          detail: `Expected the PR's creation date as a real calendar date YYYY-MM-DD; Actual: ${parsed.dateProblem}`,
          context: id.text,
        });
      }
      const suffix = parsed.suffix;
      const suffixColumn = id.column + parsed.offsets.suffix;
      if (suffix.kind === "placeholder") {
        report({
          line: id.line,
          column: suffixColumn,
          length: Math.max(1, suffix.text.length),
          detail:
            `Placeholder PR number "${suffix.text}": the identifier policy is to log a task only once its GitHub PR exists; ` +
            `expected PR<number> (e.g. PR41)`,
          context: id.text,
        });
        continue;
      }
      if (suffix.kind === "leading-zero") {
        report({
          line: id.line,
          column: suffixColumn,
          length: suffix.text.length,
          detail: `Expected the PR number without leading zeros (PR${suffix.number}); Actual: ${suffix.text}`,
          context: id.text,
        });
      }
      const key = `${parsed.prefix}-${parsed.dateText}:PR${suffix.number}`;
      const first = firstUse.get(key);
      if (first !== undefined) {
        report({
          line: id.line,
          column: id.column,
          length: id.text.length,
          detail: `Expected a unique identifier; Actual: ${id.text} is already used by the task on line ${first}`,
          context: task.text,
        });
      } else {
        firstUse.set(key, task.line);
      }
    }
  },
});
