/**
 * `gh pr list --json number,title,headRefName,createdAt,url,state,mergedAt`-shaped lists built from a
 * task log's own tasks, as the repository behind a consistent log would print them: every task with a
 * identifier has one PR, created on its identifier's date, from its Git plan branch (a numbered task
 * without one: a branch of its own, `task/<number>`); a numbered task's PR has its number (and the
 * repository of its PR links), a placeholder task with a Git plan branch the next free number.
 * Used by the reconcile tests on generated logs and on the real corpus, and by scripts/demo-github.ts.
 */
import type { TaskView } from "../../src/api.js";

export interface GhPr {
  readonly number: number;
  readonly title: string;
  readonly headRefName: string;
  readonly createdAt: string;
  readonly url: string;
  readonly state: "OPEN" | "MERGED" | "CLOSED";
  readonly mergedAt: string | null;
}

export interface GhListEntry {
  readonly pr: GhPr;
  /** The task's heading line. */
  readonly line: number;
  readonly placeholder: boolean;
}

const DEFAULT_REPOSITORY = "https://github.com/acme/app";

/** The repository URL of a task's own PR links (`https://github.com/<owner>/<repo>`), if any. */
function repositoryOf(task: TaskView): string | undefined {
  for (const link of task.links) {
    const match = /^(https?:\/\/[^/\s]+\/[^/\s<>]+\/[^/\s<>]+)\/pull\//.exec(link.text);
    if (match !== null && !/[<>]/.test(match[1] as string)) return match[1] as string;
  }
  return undefined;
}

/**
 * One PR per task with a valid identifier date (placeholder tasks: only with a Git plan branch). A number two tasks share is
 * given to the first only (GitHub numbers are unique). `firstFree`: the number the first placeholder
 * task gets (default: one above the highest number in the log).
 */
export function ghListFor(tasks: readonly TaskView[], firstFree?: number): GhListEntry[] {
  const used = new Set<number>();
  for (const task of tasks) if (task.identifier?.pr != null) used.add(task.identifier.pr);
  let next = firstFree ?? Math.max(0, ...used) + 1;
  const out: GhListEntry[] = [];
  for (const task of tasks) {
    const id = task.identifier;
    if (id === null || !id.validDate) continue;
    let number = id.pr;
    const placeholder = number === null;
    if (placeholder && task.branch === null) continue;
    if (number === null) {
      while (used.has(next)) next++;
      number = next++;
      used.add(number);
    } else if (out.some((entry) => entry.pr.number === number)) continue;
    out.push({
      line: task.line,
      placeholder,
      pr: {
        number,
        title: task.prTitle ?? `chore: ${task.title ?? "task"}`,
        headRefName: task.branch ?? `task/${number}`,
        createdAt: `${id.date}T12:00:00Z`,
        url: `${repositoryOf(task) ?? DEFAULT_REPOSITORY}/pull/${number}`,
        state: "OPEN",
        mergedAt: null,
      },
    });
  }
  return out;
}

/** A `pull_request` event payload holding only the fields check-pr reads (the runner's has more). */
export function eventFor(pr: GhPr): string {
  return JSON.stringify({
    action: "synchronize",
    number: pr.number,
    pull_request: {
      number: pr.number,
      title: pr.title,
      state: pr.state === "OPEN" ? "open" : "closed",
      created_at: pr.createdAt,
      merged_at: pr.mergedAt,
      html_url: pr.url,
      head: { ref: pr.headRefName },
    },
  });
}
