/**
 * `tasklog sync --prs <file|-> [--write] <log>`: reconcile the log with `gh pr list --json …`.
 * Placeholder tasks whose Git plan branch is exactly one PR's head branch get that PR (set-pr's edit:
 * identifier number and creation date, placeholder PR links, mentions); numbered tasks are compared
 * with their PR (number, date, branch, links, merged or closed). Ambiguity is reported, never guessed.
 * Without --write it prints the plan and changes nothing. Exit 1 when something is left for a person.
 */
import type { SectionView, TaskView } from "../api.js";
import { checkDate } from "../grammar/date.js";
import { type PullRequestInfo, readPrList } from "../github/pull-request.js";
import { documentText } from "./document.js";
import { CliError } from "./errors.js";
import { openLog } from "./log.js";
import { editFile } from "./write.js";
import {
  compareTask,
  creationDate,
  errorsIn,
  type Finding,
  hasGitPlan,
  findingLines,
  placeholderLinkFinding,
  readGitHub,
  readInput,
  shellWord,
  timeZoneOption,
} from "./reconcile.js";
import { applyEdits, type PrEdit, planPrNumber } from "./setpr.js";

export interface SyncOptions {
  readonly file: string | undefined;
  readonly prs: string | undefined;
  readonly write?: boolean;
  readonly timezone?: string | undefined;
  readonly json?: boolean;
  readonly config?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
}

export interface SyncChange extends PrEdit {
  /** The PR the change comes from. */
  readonly pr: number;
}

export interface SyncPlan {
  readonly changes: SyncChange[];
  readonly findings: Finding[];
  /** Notes of set-pr's edit (mentions left alone). */
  readonly notes: string[];
}

const plural = (count: number, word: string): string =>
  `${count} ${word}${count === 1 ? "" : /(?:s|x|ch|sh)$/.test(word) ? "es" : "s"}`;

/** What sync would change and report for `tasks` and the PR list. */
export function planSync(
  tasks: readonly TaskView[],
  prs: readonly PullRequestInfo[],
  context: {
    readonly file: string;
    readonly timeZone: string;
    readonly lines?: readonly string[];
    readonly statuses?: Readonly<Record<string, readonly string[]>>;
    readonly sections?: readonly SectionView[];
  },
): SyncPlan {
  const { file, timeZone } = context;
  const planned = (task: TaskView): boolean => hasGitPlan(task, context.statuses);
  const byNumber = new Map(prs.map((pr) => [pr.number, pr]));
  const byBranch = new Map<string, PullRequestInfo[]>();
  for (const pr of prs) byBranch.set(pr.headRefName, [...(byBranch.get(pr.headRefName) ?? []), pr]);
  const tasksByBranch = new Map<string, TaskView[]>();
  for (const task of tasks) {
    if (task.branch !== null) tasksByBranch.set(task.branch, [...(tasksByBranch.get(task.branch) ?? []), task]);
  }
  const changes: SyncChange[] = [];
  const findings: Finding[] = [];
  const notes: string[] = [];
  const claimed = new Map<number, TaskView>();
  for (const task of tasks) if (task.identifier?.pr != null) claimed.set(task.identifier.pr, task);
  const range =
    prs.length === 0
      ? "the list is empty"
      : `the list has ${plural(prs.length, "PR")}, #${Math.min(...prs.map((p) => p.number))}–#${Math.max(...prs.map((p) => p.number))}`;

  for (const task of tasks) {
    const id = task.identifier;
    if (id === null) continue;
    if (id.placeholder) {
      if (task.branch === null) {
        if (!planned(task)) continue;
        findings.push({
          severity: "note",
          line: task.line,
          code: "no-branch",
          message: `${id.text} ${JSON.stringify(task.title)} has no Git plan branch to find its PR by; set it with tasklog set-pr --line ${task.line} <number> ${shellWord(file)}`,
        });
        continue;
      }
      const candidates = byBranch.get(task.branch) ?? [];
      const sharing = tasksByBranch.get(task.branch) ?? [];
      if (candidates.length === 0) {
        findings.push({
          severity: "note",
          line: task.line,
          code: "no-pr",
          message: `${id.text} ${JSON.stringify(task.title)}: no PR in the list has the head branch ${task.branch}`,
        });
        continue;
      }
      if (candidates.length > 1) {
        findings.push({
          severity: "error",
          line: task.line,
          code: "ambiguous-branch",
          message: `${id.text}: ${candidates.length} PRs have the head branch ${task.branch} (${candidates.map((p) => `#${p.number} ${p.state}`).join(", ")}); choose one with tasklog set-pr --line ${task.line} <number> ${shellWord(file)}`,
        });
        continue;
      }
      if (sharing.length > 1) {
        findings.push({
          severity: "error",
          line: task.line,
          code: "shared-branch",
          message: `${id.text}: ${sharing.length} tasks have the branch ${task.branch} (lines ${sharing.map((t) => t.line).join(", ")}); PR #${(candidates[0] as PullRequestInfo).number} is left for you to place`,
        });
        continue;
      }
      const pr = candidates[0] as PullRequestInfo;
      const holder = claimed.get(pr.number);
      if (holder !== undefined) {
        findings.push({
          severity: "error",
          line: task.line,
          code: "number-taken",
          message: `${id.text}: PR #${pr.number} (branch ${task.branch}) is already the number of ${holder.identifier?.text ?? ""} on line ${holder.line}`,
        });
        continue;
      }
      const date = creationDate(pr, timeZone);
      let plan: ReturnType<typeof planPrNumber>;
      try {
        plan = planPrNumber(tasks, task, { number: pr.number, date, url: pr.url }, file, context.lines);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        findings.push({ severity: "error", line: task.line, code: "refused", message: error.message });
        continue;
      }
      claimed.set(pr.number, task);
      changes.push(...plan.edits.map((edit) => ({ ...edit, pr: pr.number })));
      notes.push(...plan.notes.filter((note) => !note.includes(" also has PR ")));
      continue;
    }
    const pr = byNumber.get(id.pr as number);
    if (pr === undefined) {
      findings.push({
        severity: "error",
        line: task.line,
        code: "no-pr",
        message: `${id.text}: no PR #${id.pr} in the list (${range})`,
      });
      continue;
    }
    findings.push(...compareTask(task, pr, timeZone, { placeholderLinks: "skip", planned: planned(task) }));
    // Placeholder links of a numbered task: the PR is known, so its URL goes in.
    for (const link of task.links) {
      if (link.kind !== "placeholder" || link.reference !== null) continue;
      const number = /\/pull\/(\d+)/.exec(link.text)?.[1];
      const after = (context.lines?.[link.line - 1] ?? "").charAt(link.column - 1 + link.text.length);
      if ((number !== undefined && Number(number) !== pr.number) || !/^(?:$|[\s>)`.,;])/.test(after)) {
        findings.push(placeholderLinkFinding(link, pr));
        continue;
      }
      changes.push({
        line: link.line,
        column: link.column,
        before: link.text,
        after: pr.url,
        what: `PR link in ${link.field}`,
        pr: pr.number,
      });
    }
    if (pr.state !== "open") {
      findings.push({
        severity: "note",
        line: task.line,
        code: pr.state,
        message:
          pr.state === "merged"
            ? `PR #${pr.number} was merged${pr.mergedAt === null ? "" : ` on ${creationDate({ ...pr, createdAt: pr.mergedAt }, timeZone)}`}: ${id.text} is probably done`
            : `PR #${pr.number} is closed: ${id.text} is probably done`,
      });
    }
  }
  // A new identifier date later than its section's (updated …) stamp moves the stamp forward, as `new` does.
  const latest = new Map<number, { date: string; pr: number }>();
  for (const change of changes) {
    if (change.what !== "identifier") continue;
    const task = tasks.find((candidate) => candidate.line === change.line);
    const date = /-(\d{4}-\d{2}-\d{2}):/.exec(change.after)?.[1];
    if (task?.sectionLine == null || date === undefined) continue;
    const seen = latest.get(task.sectionLine);
    if (seen === undefined || seen.date < date) latest.set(task.sectionLine, { date, pr: change.pr });
  }
  for (const [line, { date, pr }] of latest) {
    const stamp = context.sections?.find((section) => section.line === line)?.stamp;
    if (stamp == null || !checkDate(stamp.text).ok || stamp.text >= date) continue;
    changes.push({
      line: stamp.line,
      column: stamp.column,
      before: stamp.text,
      after: date,
      what: "section stamp",
      pr,
    });
  }
  changes.sort((a, b) => a.line - b.line || a.column - b.column);
  findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { changes, findings, notes };
}

export async function runSync(options: SyncOptions): Promise<{ code: 0 | 1; out: string[]; notes: string[] }> {
  const env = options.env ?? process.env;
  if (options.prs === undefined) {
    throw new CliError(
      "the PR list is required: tasklog sync --prs <file|-> <log>, the output of gh pr list --state all --limit 1000 --json number,title,headRefName,createdAt,url,state,mergedAt",
    );
  }
  const timeZone = timeZoneOption(options.timezone);
  const prsPath = options.prs;
  const prs = readGitHub(() => readPrList(readInput(prsPath, "the PR list")), prsPath === "-" ? "(stdin)" : prsPath);
  const file = options.file;
  const run = (text: string | undefined) => syncText(text, options, prs, timeZone, env);
  // With --write the log is read and written under the write lock (src/cli/write.ts); a plan only reads it.
  if (options.write === true && file !== undefined) return await editFile(file, (input) => run(input.text));
  return (await run(undefined)).value;
}

type SyncResult = { code: 0 | 1; out: string[]; notes: string[] };

async function syncText(
  text: string | undefined,
  options: SyncOptions,
  prs: readonly PullRequestInfo[],
  timeZone: string,
  env: NodeJS.ProcessEnv,
): Promise<{ text: string | undefined; value: SyncResult }> {
  const log = await openLog(options.file, options.config, true, text);
  const { view, document, file } = log;
  const plan = planSync(view.tasks, prs, {
    file,
    timeZone,
    lines: document.lines,
    statuses: view.options.statuses,
    sections: view.sections,
  });
  const write = options.write === true && plan.changes.length > 0;
  if (write) applyEdits(document, plan.changes);
  const written = write ? documentText(document) : undefined;
  const code = errorsIn(plan.findings) === 0 ? 0 : 1;
  const placed = plan.changes.filter((change) => change.what === "identifier").length;
  const notes = [...log.notes, ...plan.notes];
  if (options.json === true) {
    const result = {
      schemaVersion: 1,
      file,
      timezone: timeZone,
      written: write,
      changes: plan.changes,
      findings: plan.findings,
      notes: plan.notes,
    };
    return { text: written, value: { code, out: [JSON.stringify(result, null, 2)], notes: [...log.notes] } };
  }
  const out = [
    ...plan.changes.map(
      (change) => `${file}:${change.line}: PR #${change.pr}: ${change.what}: ${change.before} -> ${change.after}`,
    ),
    ...findingLines(file, plan.findings, env, "tasklog sync"),
  ];
  const errors = errorsIn(plan.findings);
  const summary = `${plural(placed, "task")} given ${placed === 1 ? "its" : "their"} PR, ${plural(plan.changes.length, "change")} in all; ${plural(errors, "mismatch")}, ${plural(plan.findings.length - errors, "note")}`;
  out.push(
    plan.changes.length === 0
      ? `${summary}; nothing to change`
      : write
        ? `${summary}; written`
        : `${summary} (dry run: nothing was written; --write applies it)`,
  );
  return { text: written, value: { code, out, notes } };
}
