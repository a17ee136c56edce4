/**
 * Git reference names: the rules of `git check-ref-format` (git's `check_refname_format` in refs.c)
 * and of `git check-ref-format --branch` (`strbuf_check_branch_ref`), as pure functions that say
 * which rule a name breaks and where.
 *
 * A refname is split at `/` into components. Git rejects:
 *
 * - an empty component (a leading or trailing `/`, or `//`);
 * - a component that begins with `.`, or ends with `.lock`;
 * - `..` anywhere;
 * - ASCII control characters (below U+0020, and U+007F), space, `~`, `^`, `:`, `?`, `*`, `[`, `\`;
 * - the sequence `@{`;
 * - a refname that ends with `.`;
 * - the refname `@`;
 * - a one-level refname (no `/`) unless one-level names are allowed.
 *
 * `--branch <name>` checks `refs/heads/<name>` by those rules and also rejects a name that starts
 * with `-` and the name `HEAD`. Because the check is on `refs/heads/<name>`, the branch name `@` is
 * accepted (only the whole refname `@` is rejected), and a one-level branch name is fine.
 * Inside a repository git first expands previous-branch shorthands such as `@{-1}`; as written text
 * those contain `@{` and are invalid, which is what this module (and git outside a repository) says.
 *
 * Characters from U+0080 up are allowed, as git allows any byte from 0x80 up.
 */
import { codePoint, quote } from "../messages.js";

export type RefRule =
  | "empty-component"
  | "leading-dot"
  | "lock-suffix"
  | "double-dot"
  | "control-character"
  | "forbidden-character"
  | "at-brace"
  | "trailing-dot"
  | "at-sign"
  | "one-level"
  | "leading-dash"
  | "head";

export interface RefProblem {
  readonly rule: RefRule;
  /** 0-based offset of the offending text in the name checked. */
  readonly offset: number;
  readonly length: number;
  /** What git forbids, e.g. `a component may not begin with "."`. */
  readonly message: string;
}

export interface RefFormatOptions {
  /** Accept a refname without `/` (git's `--allow-onelevel`). Default false. */
  readonly allowOnelevel?: boolean;
}

/** Characters git rejects anywhere in a refname besides control characters (`*` too, without `--refspec-pattern`). */
const FORBIDDEN = new Set([" ", "~", "^", ":", "?", "*", "[", "\\"]);

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

function describeChar(char: string): string {
  if (char === " ") return "space";
  if (isControl(char)) return `control character ${codePoint(char)}`;
  return quote(char);
}

/**
 * Every rule of `git check-ref-format` that `refname` breaks, in order of position; empty when git
 * accepts it. Each character problem is listed once per occurrence.
 */
export function checkRefFormat(refname: string, options: RefFormatOptions = {}): RefProblem[] {
  const problems: RefProblem[] = [];
  if (refname === "@") {
    return [{ rule: "at-sign", offset: 0, length: 1, message: 'a refname may not be the single character "@"' }];
  }
  let start = 0;
  let components = 0;
  for (;;) {
    const slash = refname.indexOf("/", start);
    const end = slash === -1 ? refname.length : slash;
    const component = refname.slice(start, end);
    components++;
    if (component === "") {
      // Point at the slash that makes the empty component (or at the end of an empty name).
      const at = slash === -1 ? Math.max(0, start - 1) : slash;
      problems.push({
        rule: "empty-component",
        offset: at,
        length: refname.length === 0 ? 0 : 1,
        message:
          refname.length === 0
            ? "a refname may not be empty"
            : start === 0
              ? 'a refname may not begin with "/"'
              : slash === -1
                ? 'a refname may not end with "/"'
                : 'a refname may not contain "//"',
      });
    } else {
      if (component.startsWith(".")) {
        problems.push({ rule: "leading-dot", offset: start, length: 1, message: 'a component may not begin with "."' });
      }
      if (component.endsWith(".lock")) {
        problems.push({
          rule: "lock-suffix",
          offset: end - 5,
          length: 5,
          message: 'a component may not end with ".lock"',
        });
      }
    }
    for (let i = start; i < end; i++) {
      const char = refname[i] as string;
      const previous = i > start ? refname[i - 1] : undefined;
      if (char === "." && previous === ".") {
        problems.push({ rule: "double-dot", offset: i - 1, length: 2, message: 'a refname may not contain ".."' });
      } else if (char === "{" && previous === "@") {
        problems.push({ rule: "at-brace", offset: i - 1, length: 2, message: 'a refname may not contain "@{"' });
      } else if (isControl(char)) {
        problems.push({
          rule: "control-character",
          offset: i,
          length: 1,
          message: `a refname may not contain a ${describeChar(char)}`,
        });
      } else if (FORBIDDEN.has(char)) {
        problems.push({
          rule: "forbidden-character",
          offset: i,
          length: 1,
          message: `a refname may not contain ${describeChar(char)}`,
        });
      }
    }
    if (slash === -1) break;
    start = slash + 1;
  }
  if (refname.endsWith(".")) {
    problems.push({
      rule: "trailing-dot",
      offset: refname.length - 1,
      length: 1,
      message: 'a refname may not end with "."',
    });
  }
  if (!options.allowOnelevel && components < 2) {
    problems.push({
      rule: "one-level",
      offset: 0,
      length: refname.length,
      message: 'a refname needs at least one "/"',
    });
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

const BRANCH_PREFIX = "refs/heads/";

/**
 * Every rule of `git check-ref-format --branch` that the branch name `name` breaks (offsets in
 * `name`); empty when git accepts it.
 */
export function checkBranchName(name: string): RefProblem[] {
  const problems: RefProblem[] = [];
  if (name.startsWith("-")) {
    problems.push({ rule: "leading-dash", offset: 0, length: 1, message: 'a branch name may not begin with "-"' });
  }
  if (name === "HEAD") {
    problems.push({ rule: "head", offset: 0, length: 4, message: 'a branch may not be named "HEAD"' });
  }
  for (const problem of checkRefFormat(BRANCH_PREFIX + name)) {
    const offset = Math.max(0, problem.offset - BRANCH_PREFIX.length);
    let message = problem.message;
    if (name === "") message = "a branch name may not be empty";
    else if (problem.rule === "empty-component" && problem.offset === BRANCH_PREFIX.length) {
      message = 'a branch name may not begin with "/"';
    }
    problems.push({ ...problem, offset, message });
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

/** Whether `git check-ref-format --branch <name>` accepts `name`. */
export function isValidBranchName(name: string): boolean {
  return checkBranchName(name).length === 0;
}
