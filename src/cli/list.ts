/**
 * `tasklog list` and `tasklog export --json`: every task of a log with its status, identifier, date,
 * PR number, title, priority, size, meta, branch, commits, PR URL and line; filtered by status,
 * priority and size; a table for people, JSON (docs/cli/export.schema.json) for tools.
 */
import type { TaskView } from "../api.js";
import { PRIORITIES, SIZES } from "../convention.js";
import { listed } from "../messages.js";
import { CliError } from "./errors.js";
import { didYouMean } from "../kit/suggest.js";
import { openLog } from "./log.js";

/** One task in the export (docs/cli/export.schema.json): the view's own values, the identifier's parts flattened. */
export interface ExportedTask
  extends Pick<
    TaskView,
    "line" | "status" | "section" | "title" | "priority" | "size" | "meta" | "branch" | "commits" | "prTitle" | "prUrl"
  > {
  readonly identifier: string | null;
  readonly prefix: string | null;
  readonly date: string | null;
  readonly pr: number | null;
  readonly placeholder: boolean;
  /**
   * The fields that still hold the template's placeholder text (`<type>/<scope>-<desc>`, a commit
   * `<type>(<scope>): <subject>`, a PR title `<type>: <subject>`): `branch`, `commits`, `prTitle`.
   * Their value is null (a placeholder commit is left out of `commits`), never the template text.
   */
  readonly templatePlaceholders: readonly ("branch" | "commits" | "prTitle")[];
}

export interface Export {
  readonly schemaVersion: 1;
  readonly file: string;
  readonly tasks: readonly ExportedTask[];
}

export interface ListOptions {
  readonly file: string | undefined;
  readonly json?: boolean;
  readonly status?: readonly string[];
  readonly priority?: readonly string[];
  readonly size?: readonly string[];
  readonly config?: string | undefined;
  /** The log's text, read from standard input (`file` is then `-`). */
  readonly input?: string;
}

/** Template text a person has not replaced yet: an angle-bracket placeholder such as `<type>` or `<scope>`. */
const TEMPLATE_TEXT = /<[^<>\s]+>/;

/** A value as the export gives it: null when absent or empty (never `""`). */
const value = (text: string | null): string | null => (text === null || text.trim() === "" ? null : text);

export function exportedTask(task: TaskView): ExportedTask {
  const id = task.identifier;
  const templatePlaceholders: ("branch" | "commits" | "prTitle")[] = [];
  const branch = value(task.branch);
  if (branch !== null && TEMPLATE_TEXT.test(branch)) templatePlaceholders.push("branch");
  const commits = task.commits.filter((commit) => !TEMPLATE_TEXT.test(commit));
  if (commits.length < task.commits.length) templatePlaceholders.push("commits");
  const prTitle = value(task.prTitle);
  if (prTitle !== null && TEMPLATE_TEXT.test(prTitle)) templatePlaceholders.push("prTitle");
  return {
    line: task.line,
    status: task.status ?? task.statusText,
    section: task.section,
    identifier: id?.text ?? null,
    prefix: id?.prefix ?? null,
    date: id?.date ?? null,
    pr: id?.pr ?? null,
    placeholder: id?.placeholder ?? false,
    title: value(task.title),
    priority: value(task.priority),
    size: value(task.size),
    meta: value(task.meta),
    branch: templatePlaceholders.includes("branch") ? null : branch,
    commits: commits.filter((commit) => commit.trim() !== ""),
    prTitle: templatePlaceholders.includes("prTitle") ? null : prTitle,
    prUrl: value(task.prUrl),
    templatePlaceholders,
  };
}

/** Filter values: repeated flags and comma-separated lists, compared case-insensitively. */
function wanted(values: readonly string[] | undefined): Set<string> | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return new Set(
    values
      .flatMap((value) => value.split(","))
      .map((value) => value.trim().toLowerCase())
      .filter((value) => value !== ""),
  );
}

function table(rows: readonly ExportedTask[]): string {
  const header = ["LINE", "STATUS", "IDENTIFIER", "PRIORITY", "SIZE", "TITLE"];
  const cells = rows.map((row) => [
    String(row.line),
    row.status ?? "",
    row.identifier ?? "",
    row.priority ?? "-",
    row.size ?? "-",
    row.title ?? "",
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => (cell[i] as string).length)));
  const format = (cell: readonly string[]): string =>
    cell
      .map((text, i) =>
        i === cell.length - 1 ? text : i === 0 ? text.padStart(widths[i] as number) : text.padEnd(widths[i] as number),
      )
      .join("  ");
  return [format(header), ...cells.map(format)].join("\n");
}

/** The values of a filter flag (repeated, comma-separated), each one of `choices` (in its spelling); a CliError otherwise. */
function checkedFilter(values: readonly string[] | undefined, choices: readonly string[], flag: string): void {
  const given = (values ?? [])
    .flatMap((text) => text.split(","))
    .map((text) => text.trim())
    .filter((text) => text !== "");
  const known = new Set(choices.map((choice) => choice.toLowerCase()));
  const unknown = given.filter((text) => !known.has(text.toLowerCase()));
  if (unknown.length === 0) return;
  const shown = unknown.map((text) => JSON.stringify(text)).join(", ");
  const [first] = unknown as [string];
  throw new CliError(
    flag === "--status"
      ? `unknown status ${shown}; the configuration defines ${listed(choices)}${didYouMean(first, choices)}`
      : `${flag} expects one of ${listed(choices)} (comma-separated or repeated); got ${shown}${didYouMean(first, choices)}`,
  );
}

export async function runList(options: ListOptions): Promise<{ out: string; notes: readonly string[] }> {
  // Priority and size are the convention's; statuses are checked against the configuration, before
  // markdownlint is loaded.
  checkedFilter(options.priority, PRIORITIES, "--priority");
  checkedFilter(options.size, SIZES, "--size");
  const log = await openLog(options.file, options.config, true, options.input, (resolved) =>
    checkedFilter(options.status, Object.keys(resolved.statuses), "--status"),
  );
  const statuses = wanted(options.status);
  const priorities = wanted(options.priority);
  const sizes = wanted(options.size);
  const rows = log.view.tasks
    .map(exportedTask)
    .filter(
      (row) =>
        (statuses === undefined || statuses.has((row.status ?? "").toLowerCase())) &&
        (priorities === undefined || priorities.has((row.priority ?? "").toLowerCase())) &&
        (sizes === undefined || sizes.has((row.size ?? "").toLowerCase())),
    );
  if (options.json === true) {
    const document: Export = { schemaVersion: 1, file: log.file, tasks: rows };
    return { out: `${JSON.stringify(document, null, 2)}\n`, notes: log.notes };
  }
  const summary = `${rows.length} task${rows.length === 1 ? "" : "s"}${rows.length === log.view.tasks.length ? "" : ` of ${log.view.tasks.length}`}`;
  return { out: `${rows.length > 0 ? `${table(rows)}\n` : ""}${summary}\n`, notes: log.notes };
}
