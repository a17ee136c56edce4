/**
 * What `tasklog check-pr` and `tasklog sync` share: reading the GitHub input (a file or standard
 * input), comparing one numbered task with its PR, and printing findings as `file:line: message`
 * lines, GitHub Actions annotations or JSON.
 */
import { readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { TaskView } from "../api.js";
import { checkHeader, DEFAULT_MAX_LENGTH, DEFAULT_VAGUE_SUBJECTS } from "../grammar/commit.js";
import { formatAnnotation } from "../github/annotations.js";
import { checkTimeZone, dateIn, GitHubInputError, type PullRequestInfo, repositoryOf } from "../github/pull-request.js";
import { CliError } from "./errors.js";

export interface Finding {
  readonly severity: "error" | "note";
  /** The line it concerns (null: the file as a whole). */
  readonly line: number | null;
  /** A stable name of the kind of finding (`date`, `branch`, `no-task`, …; docs/cli/check-pr.md). */
  readonly code: string;
  readonly message: string;
  /** A command that fixes it, when there is one. */
  readonly fix?: string;
}

/** Read a command's input file (`-`: standard input). */
export function readInput(path: string, what: string): string {
  try {
    if (path === "-") return readFileSync(0, "utf8");
    if (!statSync(path).isFile()) throw new CliError(`${what} is not a file`, path);
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, path);
  }
}

/** Run a reader of GitHub input; its errors become exit-code-2 errors naming the input. */
export function readGitHub<T>(read: () => T, source: string): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof GitHubInputError) throw new CliError(error.message, source);
    throw error;
  }
}

export function timeZoneOption(value: string | undefined): string {
  if (value === undefined) return "UTC";
  return readGitHub(() => checkTimeZone(value), "--timezone");
}

/** A word for a shell command line, quoted when it needs it. */
export function shellWord(word: string): string {
  return /^[\w./:@%+=-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The PR's creation date as the identifier should hold it. */
export function creationDate(pr: PullRequestInfo, timeZone: string): string {
  return dateIn(pr.createdAt, timeZone);
}

const zoneNote = (timeZone: string): string => (timeZone === "UTC" ? "UTC" : timeZone);

/**
 * What differs between a numbered task and its PR: the identifier's date, the Git plan branch, the PR
 * links (number and repository). `fillLinks`: placeholder links are left to the caller (sync fills them).
 */
/** A task's PR link still holding a template placeholder, where `pr` is the task's PR. */
export function placeholderLinkFinding(link: TaskView["links"][number], pr: PullRequestInfo): Finding {
  return {
    severity: "error",
    line: link.line,
    code: "placeholder-link",
    message: `the PR link in ${link.field} is a placeholder (${link.text}); PR #${pr.number} is ${pr.url}`,
  };
}

export function compareTask(
  task: TaskView,
  pr: PullRequestInfo,
  timeZone: string,
  options: { readonly placeholderLinks: "report" | "skip"; readonly planned: boolean },
): Finding[] {
  const findings: Finding[] = [];
  const id = task.identifier;
  if (id === null) return findings;
  const created = creationDate(pr, timeZone);
  if (id.date !== created) {
    findings.push({
      severity: "error",
      line: task.line,
      code: "date",
      message: `${id.text}: the date ${id.date} is not PR #${pr.number}'s creation date ${created} (${zoneNote(timeZone)}; created ${pr.createdAt})`,
    });
  }
  if (task.branch === null) {
    if (options.planned)
      findings.push({
        severity: "note",
        line: task.line,
        code: "no-branch",
        message: `${id.text} has no Git plan branch; PR #${pr.number}'s head branch is ${pr.headRefName}`,
      });
  } else if (task.branch !== pr.headRefName) {
    findings.push({
      severity: "error",
      line: task.line,
      code: "branch",
      message: `${id.text}: the Git plan branch ${task.branch} is not PR #${pr.number}'s head branch ${pr.headRefName}`,
    });
  }
  const repository = repositoryOf(pr.url);
  for (const link of task.links) {
    if (link.kind === "placeholder") {
      if (options.placeholderLinks === "report") {
        findings.push(placeholderLinkFinding(link, pr));
      }
      continue;
    }
    const linked = repositoryOf(link.text);
    const elsewhere = repository !== undefined && linked !== undefined && linked !== repository;
    if (link.number !== pr.number || elsewhere || link.kind === "issue") {
      findings.push({
        severity: "error",
        line: link.line,
        code: "link",
        message: `the ${link.kind === "issue" ? "issue" : "PR"} link in ${link.field} (${link.text}) does not point at PR #${pr.number} (${pr.url})`,
      });
    }
  }
  return findings;
}

/** Whether the task's status template has a Git plan (Deferred tasks have none, so no branch to compare). */
export function hasGitPlan(task: TaskView, statuses: Readonly<Record<string, readonly string[]>> | undefined): boolean {
  if (task.branch !== null) return true;
  const fields = task.status === null ? undefined : statuses?.[task.status];
  return fields === undefined || fields.some((field) => field.toLowerCase() === "git plan");
}

/** Notes on the PR title: not a Conventional Commits header, or not the task's PR title. */
export function titleNotes(task: TaskView | null, pr: PullRequestInfo, types: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const line = task?.line ?? null;
  const { problems } = checkHeader(pr.title, {
    types,
    maxLength: DEFAULT_MAX_LENGTH,
    vagueSubjects: DEFAULT_VAGUE_SUBJECTS,
    allowPlaceholderScope: false,
  });
  if (problems.length > 0) {
    findings.push({
      severity: "note",
      line,
      code: "title-format",
      message: `PR #${pr.number}'s title ${JSON.stringify(pr.title)} is not a Conventional Commits header: ${(problems[0] as { message: string }).message}`,
    });
  }
  if (task?.prTitle != null && task.prTitle !== pr.title) {
    findings.push({
      severity: "note",
      line,
      code: "title-differs",
      message: `PR #${pr.number}'s title ${JSON.stringify(pr.title)} differs from the task's PR title ${JSON.stringify(task.prTitle)}`,
    });
  }
  return findings;
}

/** The path annotations name: relative to GITHUB_WORKSPACE (the repository) when the file is inside it. */
export function annotationPath(file: string, env: NodeJS.ProcessEnv): string {
  const workspace = env["GITHUB_WORKSPACE"];
  let path = file;
  if (workspace !== undefined && workspace !== "") {
    const inside = relative(workspace, resolve(file));
    if (inside !== "" && !inside.startsWith("..") && !isAbsolute(inside)) path = inside;
  }
  return path.split(sep).join("/");
}

export function findingLine(file: string, finding: Finding): string {
  const where = finding.line === null ? `${file}:` : `${file}:${finding.line}:`;
  const fix = finding.fix === undefined ? "" : `; fix: ${finding.fix}`;
  return `${where} ${finding.severity === "note" ? "note: " : ""}${finding.message}${fix}`;
}

/** The text lines of the findings, each followed by its annotation under GITHUB_ACTIONS=true. */
export function findingLines(
  file: string,
  findings: readonly Finding[],
  env: NodeJS.ProcessEnv,
  title: string,
): string[] {
  const actions = env["GITHUB_ACTIONS"] === "true";
  const path = annotationPath(file, env);
  return findings.flatMap((finding) => {
    const line = findingLine(file, finding);
    if (!actions) return [line];
    const fix = finding.fix === undefined ? "" : `\nFix: ${finding.fix}`;
    return [
      line,
      formatAnnotation({
        level: finding.severity === "error" ? "error" : "notice",
        file: path,
        line: finding.line ?? undefined,
        title,
        message: `${finding.message}${fix}`,
      }),
    ];
  });
}

export const errorsIn = (findings: readonly Finding[]): number =>
  findings.filter((finding) => finding.severity === "error").length;
