/**
 * `tasklog new`: add a task at the top of its status section from the status's template, and move the
 * section's `(updated …)` stamp forward when the new task's date is newer.
 */
import type { TaskLogView } from "../api.js";
import { checkDate } from "../grammar/date.js";
import { commonEnding, documentText, insertLines, replaceAt } from "./document.js";
import { CliError } from "./errors.js";
import { openLog } from "./log.js";
import { buildTask } from "./template.js";
import { editFile } from "./write.js";

export interface NewOptions {
  readonly file: string | undefined;
  readonly status: string | undefined;
  readonly title: string | undefined;
  readonly pr?: string | undefined;
  readonly date?: string | undefined;
  readonly priority?: string | undefined;
  readonly size?: string | undefined;
  readonly prefix?: string | undefined;
  readonly config?: string | undefined;
  readonly dryRun?: boolean;
  /** Today's date (YYYY-MM-DD) when `date` is not given; the local date by default. */
  readonly today?: string;
}

export interface NewResult {
  readonly out: string[];
  readonly notes: string[];
}

export function localDate(now = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function parsePrNumber(text: string, what = "--pr"): number {
  const match = /^(?:PR|#)?([1-9]\d*)$/i.exec(text.trim());
  if (match === null || !Number.isSafeInteger(Number(match[1]))) {
    throw new CliError(`${what} expects a PR number such as 52 (digits, no leading zero); got ${JSON.stringify(text)}`);
  }
  return Number(match[1]);
}

function choose(value: string | undefined, choices: readonly string[], flag: string): string | undefined {
  if (value === undefined) return undefined;
  const match = choices.find((choice) => choice.toLowerCase() === value.trim().toLowerCase());
  if (match === undefined)
    throw new CliError(`${flag} expects one of ${choices.join(", ")}; got ${JSON.stringify(value)}`);
  return match;
}

/** The `owner/repo` of the log's PR links, when they all name one repository. */
export function repositoryOf(view: TaskLogView): string | undefined {
  const names = new Set<string>();
  for (const task of view.tasks) {
    for (const link of task.links) {
      if (link.kind !== "pr") continue;
      const match = /^[A-Za-z]+:\/\/[^/]+\/([^/]+\/[^/?#]+)\/pull\//.exec(link.text);
      if (match !== null) names.add(match[1] as string);
    }
  }
  return names.size === 1 ? [...names][0] : undefined;
}

export async function runNew(options: NewOptions): Promise<NewResult> {
  if (options.status === undefined) throw new CliError("--status is required (a configured status, e.g. Open)");
  if (options.title === undefined || options.title.trim() === "")
    throw new CliError("--title is required (the task's short title)");
  const title = options.title.trim();
  if (/[\r\n]/.test(title)) throw new CliError("--title must be one line");
  if (title.endsWith("."))
    throw new CliError(`--title has a trailing period (TL001 reports it); got ${JSON.stringify(title)}`);
  const file = options.file;
  if (file === undefined || options.dryRun === true) return (await edit(undefined, options)).value;
  return await editFile(file, (input) => edit(input.text, options));
}

async function edit(
  text: string | undefined,
  options: NewOptions,
): Promise<{ text: string | undefined; value: NewResult }> {
  const title = (options.title as string).trim();
  const log = await openLog(options.file, options.config, true, text);
  const { view, document, file } = log;
  const statuses = view.options.statuses;
  const status = Object.keys(statuses).find(
    (name) => name.toLowerCase() === (options.status as string).trim().toLowerCase(),
  );
  if (status === undefined) {
    throw new CliError(
      `unknown status ${JSON.stringify(options.status)}; the configuration defines ${Object.keys(statuses).join(", ")}`,
    );
  }
  const date = options.date ?? options.today ?? localDate();
  const dateCheck = checkDate(date);
  if (!dateCheck.ok) throw new CliError(`--date expects a real calendar date YYYY-MM-DD; ${dateCheck.reason}`);
  const prefix = options.prefix ?? view.options.prefix[0] ?? "tv";
  if (!view.options.prefix.includes(prefix)) {
    throw new CliError(
      `--prefix ${JSON.stringify(prefix)} is not a configured prefix (${view.options.prefix.join(", ")})`,
    );
  }
  const pr = options.pr === undefined ? undefined : parsePrNumber(options.pr);
  const priority = choose(options.priority, ["P0", "P1", "P2", "P3"], "--priority");
  const size = choose(options.size, ["XS", "S", "M", "L"], "--size");
  const identifier = `${prefix}-${date}:PR${pr ?? "??"}`;

  const section = view.sections.find((candidate) => candidate.status === status);
  if (section === undefined) {
    throw new CliError(
      `no "${status} tasks" section to add the task to; add a heading such as "## ${status} tasks (updated ${date})" first`,
      file,
    );
  }
  const notes: string[] = [];
  if (pr !== undefined) {
    for (const task of view.tasks) {
      const id = task.identifier;
      if (id === null || id.pr !== pr) continue;
      if (id.prefix === prefix && id.date === date) {
        throw new CliError(
          `the identifier ${identifier} already exists (the task on line ${task.line}); nothing was changed`,
          file,
          task.line,
        );
      }
      notes.push(`note: the task on line ${task.line} (${id.text}) also has PR ${pr}`);
    }
  }

  const built = buildTask({
    status,
    identifier,
    title,
    fields: statuses[status] as readonly string[],
    priority,
    size,
    pr,
    repository: repositoryOf(view),
    host: view.options.host[0] ?? "github.com",
    level: section.level + 1,
  });

  // Top of the section: before its first task; in a section without tasks, after its last text.
  let at: number;
  const first = section.taskLines[0];
  if (first !== undefined) {
    at = first;
  } else {
    let last = section.endLine;
    while (last > section.line && (document.lines[last - 1] ?? "").trim() === "") last--;
    at = last + 1;
  }
  const block = built.lines.map((line) => line.text);
  const before = document.lines[at - 2];
  const after = document.lines[at - 1];
  const atEnd = at > document.lines.length || (at === document.lines.length && after === "");
  const lead = before !== undefined && before.trim() !== "" ? 1 : 0;
  if (lead === 1) block.unshift("");
  if (!atEnd && after !== undefined && after.trim() !== "") block.push("");
  const ending = commonEnding(document);

  // The stamp first (it sits above the insertion point, so its line does not move).
  const out: string[] = [];
  const stamp = section.stamp;
  if (stamp === null) {
    notes.push(
      `note: the section heading on line ${section.line} has no "(updated YYYY-MM-DD)" stamp (TL008 reports it)`,
    );
  } else if (checkDate(stamp.text).ok && stamp.text < date) {
    replaceAt(document, stamp.line, stamp.column, stamp.text, date);
    out.push(`${file}:${stamp.line}: section stamp ${stamp.text} -> ${date}`);
  }
  insertLines(document, at, block, ending);
  const headingLine = at + lead;
  out.unshift(`${file}:${headingLine}: added ${block[lead]}`);
  if (pr === undefined) {
    out.push(
      `${file}:${headingLine}: no --pr given: the identifier has the placeholder PR?? (TL002 reports it); once the PR exists: tasklog set-pr --line ${headingLine} <number> ${file}`,
    );
  }
  if (built.toFill.length > 0) {
    const lineOf = (field: string): number => headingLine + built.lines.findIndex((line) => line.field === field);
    out.push(`left for you to fill in: ${built.toFill.map((field) => `${field} (line ${lineOf(field)})`).join(", ")}`);
  }
  if (options.dryRun === true) out.push("(dry run: nothing was written)");
  return {
    text: options.dryRun === true ? undefined : documentText(document),
    value: { out, notes: [...log.notes, ...notes] },
  };
}
