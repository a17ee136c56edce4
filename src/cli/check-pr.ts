/**
 * `tasklog check-pr [--event <file>] <log>`: does the PR being built (the GitHub Actions event payload,
 * `--event` or $GITHUB_EVENT_PATH) have its task in the log, with the right number, creation date,
 * branch and PR links? Exit 0 when consistent, 1 on a mismatch (2, through CliError, on bad input).
 */
import type { TaskView } from "../api.js";
import { type PullRequestInfo, readEventPullRequest } from "../github/pull-request.js";
import { CliError } from "./errors.js";
import { openLog } from "./log.js";
import {
  compareTask,
  creationDate,
  errorsIn,
  type Finding,
  hasGitPlan,
  findingLines,
  readGitHub,
  readInput,
  shellWord,
  timeZoneOption,
  titleNotes,
} from "./reconcile.js";

export interface CheckPrOptions {
  readonly file: string | undefined;
  readonly event?: string | undefined;
  readonly timezone?: string | undefined;
  readonly json?: boolean;
  readonly config?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
}

export interface CheckPrResult {
  readonly code: 0 | 1;
  readonly out: string[];
  readonly notes: string[];
}

/** The task of `pr` in `tasks`, or the findings that say why there is none. */
export function checkPullRequest(
  tasks: readonly TaskView[],
  pr: PullRequestInfo,
  context: {
    readonly file: string;
    readonly timeZone: string;
    readonly types: readonly string[];
    readonly line: number;
    readonly statuses?: Readonly<Record<string, readonly string[]>>;
  },
): { task: TaskView | null; findings: Finding[] } {
  const { file, timeZone } = context;
  const numbered = tasks.filter((task) => task.identifier?.pr === pr.number);
  if (numbered.length > 1) {
    return {
      task: null,
      findings: [
        {
          severity: "error",
          line: (numbered[0] as TaskView).line,
          code: "duplicate-number",
          message: `${numbered.length} tasks have PR #${pr.number} (lines ${numbered.map((task) => task.line).join(", ")}); one PR has one task`,
        },
      ],
    };
  }
  const task = numbered[0];
  if (task !== undefined) {
    const findings = [
      ...compareTask(task, pr, timeZone, {
        placeholderLinks: "report",
        planned: hasGitPlan(task, context.statuses),
      }),
      ...titleNotes(task, pr, context.types),
    ];
    return { task, findings };
  }
  const byBranch = tasks.filter((candidate) => candidate.branch === pr.headRefName);
  const placeholders = byBranch.filter((candidate) => candidate.identifier?.placeholder === true);
  const date = creationDate(pr, timeZone);
  if (placeholders.length === 1 && byBranch.length === 1) {
    const found = placeholders[0] as TaskView;
    const id = found.identifier;
    const dateFlag = id !== null && id.date !== date ? ` --date ${date}` : "";
    return {
      task: found,
      findings: [
        {
          severity: "error",
          line: found.line,
          code: "placeholder-task",
          message: `no task has PR #${pr.number}; the placeholder task ${id?.text ?? ""} ${JSON.stringify(found.title)} has its branch ${pr.headRefName}`,
          fix: `tasklog set-pr --line ${found.line}${dateFlag} ${pr.number} ${shellWord(file)}`,
        },
        ...titleNotes(found, pr, context.types),
      ],
    };
  }
  if (byBranch.length > 1) {
    return {
      task: null,
      findings: [
        {
          severity: "error",
          line: (byBranch[0] as TaskView).line,
          code: "ambiguous-branch",
          message: `no task has PR #${pr.number}, and ${byBranch.length} tasks have its branch ${pr.headRefName} (lines ${byBranch.map((t) => t.line).join(", ")}); choose one with tasklog set-pr --line <n> ${pr.number} ${shellWord(file)}`,
        },
      ],
    };
  }
  if (byBranch.length === 1) {
    const other = byBranch[0] as TaskView;
    return {
      task: null,
      findings: [
        {
          severity: "error",
          line: other.line,
          code: "branch-elsewhere",
          message: `no task has PR #${pr.number}; its branch ${pr.headRefName} is the branch of ${other.identifier?.text ?? `the task on line ${other.line}`}`,
        },
      ],
    };
  }
  const mentioning = tasks.filter((candidate) => candidate.fields.some((f) => f.value.includes(pr.headRefName)));
  return {
    task: null,
    findings: [
      {
        severity: "error",
        line: mentioning[0]?.line ?? context.line,
        code: "no-task",
        message:
          mentioning.length === 0
            ? `no task has PR #${pr.number}, and no task mentions its branch ${pr.headRefName}; log it (tasklog new --pr ${pr.number} --date ${date} …)`
            : `no task has PR #${pr.number}; its branch ${pr.headRefName} is mentioned, not as a Git plan branch, by the task on line${mentioning.length === 1 ? "" : "s"} ${mentioning.map((t) => t.line).join(", ")}`,
      },
    ],
  };
}

export async function runCheckPr(options: CheckPrOptions): Promise<CheckPrResult> {
  const env = options.env ?? process.env;
  const eventPath = options.event ?? (env["GITHUB_EVENT_PATH"] === "" ? undefined : env["GITHUB_EVENT_PATH"]);
  if (eventPath === undefined) {
    throw new CliError(
      "no event file: pass --event <file> (a pull_request event payload) or run in GitHub Actions, which sets GITHUB_EVENT_PATH",
    );
  }
  const timeZone = timeZoneOption(options.timezone);
  const pr = readGitHub(
    () => readEventPullRequest(readInput(eventPath, "the event file"), env["GITHUB_EVENT_NAME"]),
    eventPath,
  );
  const log = await openLog(options.file, options.config);
  const { view, file } = log;
  const open = view.sections[0]?.line ?? 1;
  const { task, findings } = checkPullRequest(view.tasks, pr, {
    file,
    timeZone,
    types: view.options.types,
    line: open,
    statuses: view.options.statuses,
  });
  const consistent = errorsIn(findings) === 0;
  const code = consistent ? 0 : 1;
  if (options.json === true) {
    const document = {
      schemaVersion: 1,
      file,
      pr,
      timezone: timeZone,
      creationDate: creationDate(pr, timeZone),
      task: task === null ? null : { line: task.line, identifier: task.identifier?.text ?? null, title: task.title },
      consistent,
      findings,
    };
    return { code, out: [JSON.stringify(document, null, 2)], notes: [...log.notes] };
  }
  const out = findingLines(file, findings, env, "tasklog check-pr");
  if (consistent && task !== null) {
    out.unshift(
      `${file}:${task.line}: PR #${pr.number} (${pr.headRefName}, created ${creationDate(pr, timeZone)}) has its task ${task.identifier?.text ?? ""}`,
    );
  }
  return { code, out, notes: [...log.notes] };
}
