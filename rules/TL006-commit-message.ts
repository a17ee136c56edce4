import { COMMIT_PLACEHOLDER, HEADER_MAX_LENGTH, VAGUE_SUBJECTS } from "../src/convention.js";
import { defineRule, type Report, type Reporter } from "../src/kit/define.js";
import type { CodeSpan, CommitsItem } from "../src/model/index.js";
import { checkHeader, type CommitOptions, type CommitProblem } from "../src/grammar/commit.js";
import { expected, quote, replace } from "../src/kit/messages.js";
import { boolean, integer, shared, strings } from "../src/kit/options.js";

/** The report of one header problem, on `line` (ranged and fixed where the code span allows). */
function problemReport(code: CodeSpan, line: number, what: string, problem: CommitProblem): Report {
  const start = code.position(problem.offset);
  const end = code.position(problem.offset + Math.max(1, problem.length) - 1);
  const ranged = start.line === line && end.line === line && problem.offset < code.text.length;
  const entry: { -readonly [K in keyof Report]: Report[K] } = {
    line,
    detail: `${what}: ${problem.message}`,
    context: code.text,
  };
  if (ranged) {
    entry.column = start.column;
    entry.length = end.column - start.column + 1;
  }
  const fix = problem.fix;
  if (fix !== undefined) {
    const from = code.position(fix.offset);
    const to = code.position(fix.offset + Math.max(1, fix.deleteCount) - 1);
    if (from.line === to.line)
      entry.fix = replace({ ...from, text: code.text.slice(fix.offset, fix.offset + fix.deleteCount) }, fix.insertText);
  }
  return entry;
}

/** Every problem of the header in `code`. */
function checkCode(code: CodeSpan, line: number, what: string, options: CommitOptions, report: Reporter): void {
  const { problems } = checkHeader(code.text, options);
  // "Feat" is one problem (its case, fixable) when "feat" is a known type, not also an unknown type.
  const fixableCase = problems.some(
    (problem) =>
      problem.code === "type-case" &&
      options.types.includes(code.text.slice(problem.offset, problem.offset + problem.length).toLowerCase()),
  );
  for (const problem of problems) {
    if (fixableCase && problem.code === "type-enum") continue;
    report(problemReport(code, line, what, problem));
  }
}

/** A `Commits:` item holds a nested list of commits, each starting with its header in a code span. */
function checkCommits(commits: CommitsItem, options: CommitOptions, report: Reporter): void {
  if (commits.entries.length === 0) {
    if (commits.leadingCode !== undefined) {
      checkCode(commits.leadingCode, commits.line, "Commit header", options, report);
      return;
    }
    const value = commits.valueText;
    report({
      line: commits.line,
      column: value === "" ? commits.labelColumn : commits.valueColumn,
      length: value === "" ? commits.labelLength : value.length,
      detail: expected(
        "a nested list of commits, each starting with a Conventional Commits header in a code span",
        value === "" ? "an empty list" : quote(value),
      ),
    });
    return;
  }
  for (const entry of commits.entries) {
    if (entry.code !== undefined) {
      checkCode(entry.code, entry.line, "Commit header", options, report);
      continue;
    }
    report({
      line: entry.line,
      column: entry.contentColumn,
      length: entry.text.length,
      detail: expected(
        `the commit to start with its Conventional Commits header in a code span (\`${COMMIT_PLACEHOLDER}\`)`,
        entry.text === "" ? "nothing" : quote(entry.text),
      ),
    });
  }
}

/** TL006 commit-message: commit headers under the Git plan and the PR title (spec section 7). */
export default defineRule({
  id: "TL006",
  name: "commit-message",
  description: "Commits and PR title are Conventional Commits headers",
  tag: "git",
  options: {
    header_max_length: integer({
      default: HEADER_MAX_LENGTH,
      description: "Maximum length of a commit header or PR title, in characters.",
    }),
    vague_subjects: strings({
      default: VAGUE_SUBJECTS,
      description:
        "Subjects that say nothing about the change (compared case-insensitively, ignoring a trailing period).",
    }),
    allow_placeholder_scope: boolean({
      default: true,
      description: "Allow a placeholder scope such as `<module>` in a planned commit or PR title.",
    }),
    types: { ...shared.types, description: "Commit types (TL005 uses them for branches)." },
  },
  check({ model, options, report }) {
    const commitOptions: CommitOptions = {
      types: options.types,
      maxLength: options.header_max_length,
      vagueSubjects: options.vague_subjects,
      allowPlaceholderScope: options.allow_placeholder_scope,
    };
    for (const task of model.tasks) {
      for (const plan of task.gitPlans) {
        for (const commits of plan.commits) checkCommits(commits, commitOptions, report);
      }
      for (const title of task.prTitles) checkCode(title.code, title.field.line, "PR title", commitOptions, report);
    }
  },
});
