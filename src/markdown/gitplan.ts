/**
 * The Git plan of a task (spec section 7) read off the task-log model: the `Branch:` and
 * `Commits:` items nested under a `Git plan` field, the PR title of a `PR` field, and the code spans
 * that hold them, with the source position of every character (so that rules can range and fix
 * what they find). Also the branch-name convention `<type>/<scope>-<desc>` as a pure function.
 */
import {
  BRANCH_EXAMPLE,
  BRANCH_LABEL,
  BRANCH_PLACEHOLDER,
  COMMITS_LABEL,
  TITLE_BEFORE_CODE,
  TITLE_LABEL,
} from "../convention.js";
import { checkBranchName } from "../grammar/refname.js";
import { parseLabel } from "./label.js";
import { expected, listed, quote } from "../messages.js";
import type {
  BranchProblem,
  CodeSpan,
  CommitsItem,
  Field,
  GitPlan,
  LabeledItem,
  List,
  ListItem,
  Position,
  PrTitle,
  Task,
} from "../model/types.js";
import { fieldValueInline, itemParagraph } from "./nodes.js";
import type { Token } from "./tokens.js";

/** A code span token (`codeText`) with its text and character positions. */
export function codeSpanOf(token: Token): CodeSpan {
  // The text's pieces (`codeTextData` and `lineEnding` children); positions are computed on demand.
  let text = "";
  const pieces: Token[] = [];
  for (const child of token.children) {
    if (child.type === "codeTextData") {
      if (child.text.length === 0) continue;
      text += child.text;
      pieces.push(child);
    } else if (child.type === "lineEnding") {
      text += " ";
      pieces.push(child);
    }
  }
  const closing = token.children[token.children.length - 1];
  const end: Position =
    closing !== undefined && closing.type === "codeTextSequence"
      ? { line: closing.startLine, column: closing.startColumn }
      : { line: token.endLine, column: token.endColumn };
  const position = (offset: number): Position => {
    if (!Number.isInteger(offset) || offset < 0) return end;
    let rest = offset;
    for (const piece of pieces) {
      const length = piece.type === "lineEnding" ? 1 : piece.text.length;
      if (rest < length) return { line: piece.startLine, column: piece.startColumn + rest };
      rest -= length;
    }
    return end;
  };
  const first = pieces[0];
  return {
    text,
    line: first === undefined ? end.line : first.startLine,
    column: first === undefined ? end.column : first.startColumn,
    position,
  };
}

/** The label and value of a nested item (the one label parser, every form), or undefined when it has none. */
export function labeledItemOf(item: ListItem): LabeledItem | undefined {
  const paragraph = itemParagraph(item);
  if (paragraph === undefined || paragraph.startLine !== item.line) return undefined;
  const inline = paragraph.children;
  const raw = parseLabel(inline);
  if (raw === undefined) return undefined;
  const remainder = raw.remainder;
  const labelLength = raw.end - raw.start;
  let valueColumn = raw.end;
  let leadingCode: CodeSpan | undefined;
  if (remainder.trim() !== "") {
    valueColumn = raw.end + (remainder.length - remainder.trimStart().length);
  } else {
    let next: Token | undefined;
    for (let index = raw.next; index < inline.length && next === undefined; index++) {
      const token = inline[index] as Token;
      if (!(token.type === "lineEnding" || (token.type === "data" && token.text.trim() === ""))) next = token;
    }
    if (next !== undefined && next.type === "codeText") leadingCode = codeSpanOf(next);
    if (next !== undefined && next.startLine === item.line) {
      valueColumn = next.startColumn + (next.type === "data" ? next.text.length - next.text.trimStart().length : 0);
    }
  }
  let joined = remainder;
  for (let index = raw.next; index < inline.length; index++) joined += (inline[index] as Token).text;
  const valueText = (joined.includes("\n") ? joined.replace(/(?<!\s)\s*\n\s*/g, " ") : joined).trim();
  return {
    item,
    label: raw.text,
    line: item.line,
    labelColumn: raw.start,
    labelLength,
    valueColumn,
    valueText,
    leadingCode,
  };
}

/** Items of the lists nested directly in `item`. */
export function nestedItems(item: ListItem): readonly ListItem[] {
  const lists = item.lists;
  if (lists.length === 0) return NO_ITEMS;
  return lists.length === 1 ? (lists[0] as List).items : lists.flatMap((list) => list.items);
}

const NO_ITEMS: readonly ListItem[] = Object.freeze([]);

/** The code span an item starts with, if its first paragraph starts with one on the item's line. */
export function leadingCodeOf(item: ListItem): CodeSpan | undefined {
  const first = itemParagraph(item)?.children[0];
  return first !== undefined && first.type === "codeText" && first.startLine === item.line
    ? codeSpanOf(first)
    : undefined;
}

/** A `Git plan` field with its items (called by the model's walk of a task). */
export function readGitPlan(field: Field): GitPlan {
  const items: LabeledItem[] = [];
  const branches: LabeledItem[] = [];
  const commits: CommitsItem[] = [];
  for (const nested of nestedItems(field.item)) {
    const item = labeledItemOf(nested);
    if (item === undefined) continue;
    items.push(item);
    if (BRANCH_LABEL.test(item.label)) branches.push(item);
    if (COMMITS_LABEL.test(item.label)) {
      commits.push({
        ...item,
        entries: nestedItems(item.item).map((entry) => ({
          line: entry.line,
          contentColumn: entry.contentColumn,
          code: leadingCodeOf(entry),
          text: firstLineOf(itemParagraph(entry)?.text ?? ""),
        })),
      });
    }
  }
  return { field, items, branches, commits };
}

function firstLineOf(text: string): string {
  const newline = text.indexOf("\n");
  return newline === -1 ? text : text.slice(0, newline);
}

/** Every `Git plan` field of a task (a task may hold two when a heading was deleted), with its items. */
export function gitPlansOf(task: Task): readonly GitPlan[] {
  return task.gitPlans;
}

/** The PR titles a `PR` field gives (called by the model's walk of a task). */
export function readPrTitles(field: Field): PrTitle[] {
  const out: PrTitle[] = [];
  const inline = fieldValueInline(field);
  for (let i = 1; i < inline.length; i++) {
    const token = inline[i] as Token;
    const before = inline[i - 1] as Token;
    if (token.type === "codeText" && before.type === "data" && TITLE_BEFORE_CODE.test(before.text)) {
      out.push({ field, code: codeSpanOf(token), source: "inline" });
    }
  }
  for (const item of nestedItems(field.item)) {
    const labeled = labeledItemOf(item);
    if (labeled !== undefined && TITLE_LABEL.test(labeled.label.trim()) && labeled.leadingCode !== undefined) {
      out.push({ field, code: labeled.leadingCode, source: "suggestion" });
    }
  }
  return out;
}

/** The PR titles a task's `PR` fields give. */
export function prTitlesOf(task: Task): readonly PrTitle[] {
  return task.prTitles;
}

// ---------------------------------------------------------------------------------------------
// The branch-name convention.

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXAMPLE = BRANCH_EXAMPLE;

/**
 * Problems of a Git plan branch name: `<type>/<scope>-<desc>` with a type of `types`, lowercase
 * kebab-case with at least two words after the slash, and a valid git branch name. A template
 * placeholder (`<type>/<scope>-<desc>`) is one problem and nothing else is said about it.
 */
export function checkPlanBranch(name: string, types: readonly string[]): BranchProblem[] {
  const quoted = quote(name);
  if (/<[^<>]*>/.test(name)) {
    return [
      {
        kind: "placeholder",
        offset: 0,
        length: name.length,
        message: expected(`a real branch name such as "${EXAMPLE}"`, `the template placeholder ${quoted}`),
      },
    ];
  }
  const problems: BranchProblem[] = [];
  const git = checkBranchName(name)[0];
  if (git !== undefined) {
    problems.push({
      kind: "git",
      offset: git.offset,
      length: Math.max(1, git.length),
      message: expected(`a valid git branch name (git check-ref-format --branch: ${git.message})`, quoted),
    });
  }
  const slash = name.indexOf("/");
  if (slash <= 0 || slash === name.length - 1) {
    problems.push({
      kind: "shape",
      offset: 0,
      length: name.length,
      message: expected(`${BRANCH_PLACEHOLDER}, e.g. "${EXAMPLE}"`, quoted),
    });
    return problems.sort((a, b) => a.offset - b.offset);
  }
  const type = name.slice(0, slash);
  if (!types.includes(type)) {
    problems.push({
      kind: "type",
      offset: 0,
      length: type.length,
      message: expected(`a branch type of ${listed(types)}`, quote(type)),
    });
  }
  const rest = name.slice(slash + 1);
  if (!KEBAB.test(rest)) {
    problems.push({
      kind: "kebab",
      offset: slash + 1,
      length: rest.length,
      message: expected(
        `lowercase kebab-case after "${type}/" (words of a-z and 0-9 joined by single "-")`,
        quote(rest),
      ),
    });
  } else if (!rest.includes("-")) {
    problems.push({
      kind: "words",
      offset: slash + 1,
      length: rest.length,
      message: expected(`at least two words after "${type}/" (<scope>-<desc>)`, quote(rest)),
    });
  }
  return problems.sort((a, b) => a.offset - b.offset);
}
