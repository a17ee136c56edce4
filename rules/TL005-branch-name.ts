import { defineRule } from "../src/factory.js";
import { checkPlanBranch, gitPlansOf } from "../src/gitplan.js";
import { configuredStatus } from "../src/model.js";

/** TL005 branch-name: the Git plan's `Branch:` item (spec section 7). */
export default defineRule({
  id: "TL005",
  name: "branch-name",
  description: "The Git plan names its branch in a code span as <type>/<scope>-<desc>, a valid git branch name",
  tag: "git",
  options: {},
  check({ model, options, report }) {
    for (const task of model.tasks) {
      // A status whose required fields include the Git plan (Open, by default) needs a branch in it.
      const status = configuredStatus(options.statuses, task.status?.text);
      const needsBranch =
        status !== undefined && (options.statuses[status] ?? []).some((field) => field.toLowerCase() === "git plan");
      for (const plan of gitPlansOf(task)) {
        const label = plan.field.labelSpan;
        if (plan.branches.length === 0) {
          if (needsBranch) {
            report({
              line: plan.field.line,
              column: label.column,
              length: label.text.length,
              detail: 'Expected a nested "Branch:" item with the branch name in a code span (`<type>/<scope>-<desc>`); Actual: none',
              context: label.text,
            });
          }
          continue;
        }
        plan.branches.forEach((branch, index) => {
          if (index > 0) {
            report({
              line: branch.line,
              column: branch.labelColumn,
              length: branch.labelLength,
              detail: `Expected one "Branch:" item under the Git plan; Actual: another one (the first is on line ${plan.branches[0]?.line})`,
            });
            return;
          }
          const code = branch.leadingCode;
          if (code === undefined) {
            const value = branch.valueText;
            report({
              line: branch.line,
              column: value === "" ? branch.labelColumn : branch.valueColumn,
              length: value === "" ? branch.labelLength : value.length,
              detail: `Expected the branch name in a code span, e.g. \`feat/parser-error-messages\`; Actual: ${value === "" ? "nothing" : JSON.stringify(value)}`,
            });
            return;
          }
          for (const problem of checkPlanBranch(code.text, options.types)) {
            const start = code.position(problem.offset);
            const end = code.position(problem.offset + problem.length - 1);
            const ranged = start.line === branch.line && end.line === branch.line;
            report({
              line: branch.line,
              ...(ranged ? { column: start.column, length: end.column - start.column + 1 } : {}),
              detail: problem.message,
              context: code.text,
            });
          }
        });
      }
    }
  },
});
