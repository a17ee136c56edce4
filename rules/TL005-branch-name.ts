import { BRANCH_EXAMPLE, BRANCH_PLACEHOLDER, FIELD, sameName } from "../src/convention.js";
import { defineRule, type Reporter } from "../src/kit/define.js";
import { checkPlanBranch, type GitPlan, type LabeledItem } from "../src/model/index.js";
import { at, expected, quote } from "../src/kit/messages.js";
import type { StatusFields } from "../src/model/index.js";
import { shared } from "../src/kit/options.js";

/** The statuses whose required fields include the Git plan (Open, by default): their tasks need a branch. */
function statusesNeedingBranch(statuses: StatusFields): ReadonlySet<string> {
  return new Set(
    Object.keys(statuses).filter((status) => (statuses[status] ?? []).some((field) => sameName(field, FIELD.gitPlan))),
  );
}

/** The value of a label (or the label, when the value is empty) as a report position. */
function valueAt(item: LabeledItem): { line: number; column: number; length: number } {
  const value = item.valueText;
  return value === ""
    ? { line: item.line, column: item.labelColumn, length: item.labelLength }
    : { line: item.line, column: item.valueColumn, length: value.length };
}

/** The branch name is in a code span, and it follows the convention and git's rules. */
function checkBranch(branch: LabeledItem, types: readonly string[], report: Reporter): void {
  const code = branch.leadingCode;
  if (code === undefined) {
    const value = branch.valueText;
    report({
      ...valueAt(branch),
      detail: expected(
        `the branch name in a code span, e.g. \`${BRANCH_EXAMPLE}\``,
        value === "" ? "nothing" : quote(value),
      ),
    });
    return;
  }
  for (const problem of checkPlanBranch(code.text, types)) {
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
}

/** One `Branch:` item per plan; a status that requires the plan requires the branch. */
function checkPlan(plan: GitPlan, required: boolean, types: readonly string[], report: Reporter): void {
  const [first, ...others] = plan.branches;
  if (first === undefined) {
    if (!required) return;
    report({
      ...at(plan.field.labelSpan),
      detail: expected(
        `a nested "Branch:" item with the branch name in a code span (\`${BRANCH_PLACEHOLDER}\`)`,
        "none",
      ),
      context: plan.field.labelSpan.text,
    });
    return;
  }
  checkBranch(first, types, report);
  for (const branch of others) {
    report({
      line: branch.line,
      column: branch.labelColumn,
      length: branch.labelLength,
      detail: expected('one "Branch:" item under the Git plan', `another one (the first is on line ${first.line})`),
    });
  }
}

/** TL005 branch-name: the Git plan's `Branch:` item (spec section 7). */
export default defineRule({
  id: "TL005",
  name: "branch-name",
  description: "Git plan branch is <type>/<scope>-<desc>, a valid ref",
  tag: "git",
  options: {
    types: {
      ...shared.types,
      description: "Branch types (the Conventional Commits types; TL006 uses them for commits).",
    },
    statuses: {
      ...shared.statuses,
      description: "A task whose status lists `Git plan` among its fields needs a branch.",
    },
  },
  check({ model, options, report }) {
    const needing = statusesNeedingBranch(options.statuses);
    for (const task of model.tasks) {
      const required = task.statusName !== undefined && needing.has(task.statusName);
      for (const plan of task.gitPlans) checkPlan(plan, required, options.types, report);
    }
  },
});
