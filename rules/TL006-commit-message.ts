import { defineRule, type Report } from "../src/factory.js";
import { gitPlansOf, leadingCodeOf, nestedItems, prTitlesOf, type CodeSpan } from "../src/gitplan.js";
import { checkHeader, DEFAULT_MAX_LENGTH, DEFAULT_VAGUE_SUBJECTS, type CommitOptions } from "../src/grammar/commit.js";
import { option } from "../src/options.js";

/** TL006 commit-message: commit headers under the Git plan and the PR title (spec section 7). */
export default defineRule({
  id: "TL006",
  name: "commit-message",
  description: "Planned commits and the PR title are Conventional Commits headers '<type>(<scope>)!: <subject>'",
  tag: "git",
  options: {
    header_max_length: option<number>({
      kind: "integer",
      default: DEFAULT_MAX_LENGTH,
      description: "Maximum length of a commit header or PR title, in characters.",
    }),
    vague_subjects: option<readonly string[]>({
      kind: "strings",
      default: DEFAULT_VAGUE_SUBJECTS,
      description: "Subjects that say nothing about the change (compared case-insensitively, ignoring a trailing period).",
    }),
    allow_placeholder_scope: option<boolean>({
      kind: "boolean",
      default: true,
      description: "Allow a placeholder scope such as `<module>` in a planned commit or PR title.",
    }),
  },
  check({ model, options, report }) {
    const commitOptions: CommitOptions = {
      types: options.types,
      maxLength: options.header_max_length,
      vagueSubjects: options.vague_subjects,
      allowPlaceholderScope: options.allow_placeholder_scope,
    };

    /** Report every problem of the header in `code`, on `line` (ranges and fixes where they fit). */
    const checkCode = (code: CodeSpan, line: number, what: string): void => {
      const { problems } = checkHeader(code.text, commitOptions);
      // "Feat" is one problem (its case, fixable) when "feat" is a known type, not also an unknown type.
      const fixableCase = problems.find((problem) => problem.code === "type-case" && commitOptions.types.includes(code.text.slice(problem.offset, problem.offset + problem.length).toLowerCase()));
      for (const problem of problems) {
        if (fixableCase !== undefined && problem.code === "type-enum") continue;
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
          if (from.line === to.line) {
            entry.fix = { line: from.line, column: from.column, deleteCount: fix.deleteCount, insertText: fix.insertText };
          }
        }
        report(entry);
      }
    };

    for (const task of model.tasks) {
      for (const plan of gitPlansOf(task)) {
        for (const commits of plan.commits) {
          const items = nestedItems(commits.item);
          if (items.length === 0) {
            if (commits.leadingCode !== undefined) {
              checkCode(commits.leadingCode, commits.line, "Commit header");
              continue;
            }
            const value = commits.valueText;
            report({
              line: commits.line,
              column: value === "" ? commits.labelColumn : commits.valueColumn,
              length: value === "" ? commits.labelLength : value.length,
              detail: `Expected a nested list of commits, each starting with a Conventional Commits header in a code span; Actual: ${value === "" ? "an empty list" : JSON.stringify(value)}`,
            });
            continue;
          }
          for (const item of items) {
            const code = leadingCodeOf(item);
            if (code !== undefined) {
              checkCode(code, item.line, "Commit header");
              continue;
            }
            const text = item.paragraph?.text.split("\n")[0] ?? "";
            report({
              line: item.line,
              column: item.contentColumn,
              length: Math.max(1, text.length),
              detail: `Expected the commit to start with its Conventional Commits header in a code span (\`<type>(<scope>): <subject>\`); Actual: ${text === "" ? "nothing" : JSON.stringify(text)}`,
            });
          }
        }
      }
      for (const title of prTitlesOf(task)) {
        checkCode(title.code, title.field.line, "PR title");
      }
    }
  },
});
