/**
 * `tasklog list` and `tasklog export --json`: every task of a log with its status, identifier, date,
 * PR number, title, priority, size, meta, branch, commits, PR URL and line; filtered by status,
 * priority and size; a table for people, JSON (docs/cli/export.schema.json) for tools.
 */
import type { TaskView } from "../api.js";
import { CliError } from "./errors.js";
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
}

export function exportedTask(task: TaskView): ExportedTask {
  const id = task.identifier;
  return {
    line: task.line,
    status: task.status ?? task.statusText,
    section: task.section,
    identifier: id?.text ?? null,
    prefix: id?.prefix ?? null,
    date: id?.date ?? null,
    pr: id?.pr ?? null,
    placeholder: id?.placeholder ?? false,
    title: task.title,
    priority: task.priority,
    size: task.size,
    meta: task.meta,
    branch: task.branch,
    commits: task.commits,
    prTitle: task.prTitle,
    prUrl: task.prUrl,
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

export async function runList(options: ListOptions): Promise<{ out: string; notes: readonly string[] }> {
  const log = await openLog(options.file, options.config);
  const statuses = wanted(options.status);
  const priorities = wanted(options.priority);
  const sizes = wanted(options.size);
  if (statuses !== undefined) {
    const known = new Set(Object.keys(log.view.options.statuses).map((status) => status.toLowerCase()));
    const given = (options.status ?? [])
      .flatMap((value) => value.split(","))
      .map((value) => value.trim())
      .filter((value) => value !== "");
    const unknown = given.filter((status) => !known.has(status.toLowerCase()));
    if (unknown.length > 0) {
      throw new CliError(
        `unknown status ${unknown.map((status) => JSON.stringify(status)).join(", ")}; the configuration defines ${Object.keys(log.view.options.statuses).join(", ")}`,
      );
    }
  }
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
