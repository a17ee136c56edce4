import { describe, expect, it } from "vitest";
import {
  checkPlanBranch,
  gitPlansOf,
  labeledItemOf,
  leadingCodeOf,
  nestedItems,
  prTitlesOf,
} from "../src/markdown/gitplan.js";
import type { Task } from "../src/model/index.js";
import { DEFAULT_TYPES } from "../src/kit/options.js";
import { modelOf } from "./harness.js";

const log = [
  "# Log",
  "",
  "## Open tasks (updated 2025-10-05)",
  "",
  "### Open · tv-2025-10-03:PR41 · Plan",
  "",
  "- **Summary**: Something.",
  "- **Git plan**:",
  "  - Branch: `test/regression-suite` (rebased)",
  "  - **Commits**:",
  "    - `docs(tests): add readme` (`tests/README.md`)",
  "    - Free text",
  "  - **Status:** pending",
  "  - not a label",
  "- **PR**: Title `test: establish regression suite`; body.",
  "  - Title suggestion: ``  feat: x  ``",
  "  - Body outline",
  "",
  "### Open · tv-2025-10-03:PR42 · Second block",
  "",
  "- **git plan**:",
  "  - Commit: `build(x): adopt y`",
  "- **Git plan**:",
  "  - Branch:",
  "- **PR**: [`refactor: a link is not a title`](https://github.com/o/r/pull/42)",
  "- **PR**: Title: `fix: with a colon`",
  "",
].join("\n");

const model = modelOf(log);
const task = (index: number): Task => model.tasks[index] as Task;

describe("Git plan items", () => {
  it("finds the Branch and Commits items of every Git plan field", () => {
    const [plan] = gitPlansOf(task(0));
    expect(plan?.field.line).toBe(8);
    expect(plan?.items.map((item) => [item.label, item.line])).toEqual([
      ["Branch", 9],
      ["Commits", 10],
      ["Status", 13],
    ]);
    expect(plan?.branches.map((item) => item.line)).toEqual([9]);
    expect(plan?.commits.map((item) => item.line)).toEqual([10]);
    const plans = gitPlansOf(task(1));
    expect(plans.map((p) => [p.field.line, p.branches.length, p.commits.length])).toEqual([
      [21, 0, 1],
      [23, 1, 0],
    ]);
  });

  it("reads an item's label, value and leading code span with positions", () => {
    const branch = gitPlansOf(task(0))[0]?.branches[0];
    expect(branch).toMatchObject({
      label: "Branch",
      labelColumn: 5,
      labelLength: 7,
      valueColumn: 13,
      valueText: "`test/regression-suite` (rebased)",
    });
    expect(branch?.leadingCode).toMatchObject({ text: "test/regression-suite", line: 9, column: 14 });
    expect(branch?.leadingCode?.position(5)).toEqual({ line: 9, column: 19 });
    const empty = gitPlansOf(task(1))[1]?.branches[0];
    expect(empty).toMatchObject({ valueText: "", leadingCode: undefined });
    const commit = gitPlansOf(task(1))[0]?.commits[0];
    expect(commit?.leadingCode?.text).toBe("build(x): adopt y");
  });

  it("reads bold labels with the colon outside or inside", () => {
    const items = gitPlansOf(task(0))[0]?.items ?? [];
    expect(items[1]).toMatchObject({ label: "Commits", labelLength: 12 });
    expect(items[2]).toMatchObject({ label: "Status", labelLength: 11, valueText: "pending" });
  });

  it("finds the commit items and the code span each starts with", () => {
    const commits = gitPlansOf(task(0))[0]?.commits[0];
    const items = commits === undefined ? [] : nestedItems(commits.item);
    expect(items.map((item) => leadingCodeOf(item)?.text)).toEqual(["docs(tests): add readme", undefined]);
    expect(labeledItemOf(nestedItems(task(0).fields[1]!.item)[3]!)).toBeUndefined();
  });
});

describe("PR titles", () => {
  it("finds `Title` code spans and nested title suggestions, with CommonMark padding removed", () => {
    expect(
      prTitlesOf(task(0)).map((title) => [
        title.source,
        title.field.line,
        title.code.text,
        title.code.line,
        title.code.column,
      ]),
    ).toEqual([
      ["inline", 15, "test: establish regression suite", 15, 18],
      ["suggestion", 15, " feat: x ", 16, 26],
    ]);
  });

  it("accepts `Title:` and ignores a code span in a link", () => {
    expect(prTitlesOf(task(1)).map((title) => title.code.text)).toEqual(["fix: with a colon"]);
  });
});

describe("branch convention", () => {
  const kinds = (name: string): string[] => checkPlanBranch(name, DEFAULT_TYPES).map((problem) => problem.kind);

  it("accepts <type>/<scope>-<desc> in lowercase kebab-case", () => {
    for (const name of [
      "test/regression-suite",
      "refactor/pep420-migration",
      "docs/related-details-rollout",
      "ci/test-speedup",
    ]) {
      expect(checkPlanBranch(name, DEFAULT_TYPES), name).toEqual([]);
    }
  });

  it("names each problem with its position", () => {
    expect(checkPlanBranch("feature/parser-errors", DEFAULT_TYPES)).toEqual([
      {
        kind: "type",
        offset: 0,
        length: 7,
        message: `Expected a branch type of ${DEFAULT_TYPES.join(", ")}; Actual: "feature"`,
      },
    ]);
    expect(checkPlanBranch("refactor/src-layout-ml_playgound", DEFAULT_TYPES)).toEqual([
      {
        kind: "kebab",
        offset: 9,
        length: 23,
        message:
          'Expected lowercase kebab-case after "refactor/" (words of a-z and 0-9 joined by single "-"); Actual: "src-layout-ml_playgound"',
      },
    ]);
    expect(kinds("feat/parser")).toEqual(["words"]);
    expect(kinds("no-mock")).toEqual(["shape"]);
    expect(kinds("feat/")).toEqual(["shape", "git"]);
    expect(kinds("/parser-errors")).toEqual(["git", "shape"]);
    expect(kinds("<type>/<scope>-<desc>")).toEqual(["placeholder"]);
    expect(checkPlanBranch("feat/parser..errors", DEFAULT_TYPES)).toEqual([
      expect.objectContaining({ kind: "kebab", offset: 5 }),
      {
        kind: "git",
        offset: 11,
        length: 2,
        message:
          'Expected a valid git branch name (git check-ref-format --branch: a refname may not contain ".."); Actual: "feat/parser..errors"',
      },
    ]);
    expect(kinds("feat/Parser-errors")).toEqual(["kebab"]);
    expect(kinds("Feat/parser-errors")).toEqual(["type"]);
    expect(kinds("feature/parser-errors")).toEqual(["type"]);
    expect(checkPlanBranch("feature/parser-errors", ["feature"])).toEqual([]);
  });
});
