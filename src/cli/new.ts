/**
 * `tasklog new`: add a task at the top of its status section from the status's template, and move the
 * section's `(updated …)` stamp forward when the new task's date is newer.
 */
import { readFileSync } from "node:fs";
import type { ResolvedTaskLogOptions, TaskLogView } from "../api.js";
import { PRIORITIES, SIZES } from "../convention.js";
import { checkDate } from "../grammar/date.js";
import { listed } from "../messages.js";
import { commonEnding, documentText, insertLines, replaceAt } from "./document.js";
import { CliError } from "./errors.js";
import { openLog, prepareEdit } from "./log.js";
import { didYouMean } from "../kit/suggest.js";
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
  /** The log's text, read from standard input (`file` is then `-`); the result's `text` is the changed log. */
  readonly input?: string;
}

export interface NewResult {
  readonly out: string[];
  readonly notes: string[];
  /** The changed log, when it was read from standard input (`input`). */
  readonly text?: string;
}

/** The earliest date `--date` accepts: older than any PR a task log can name (GitHub opened in 2008). */
export const EARLIEST_DATE = "2000-01-01";

/** `today` plus one year (a date further ahead is a typo, not a plan). */
function yearAfter(today: string): string {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year + 1, month - 1, day));
  return next.toISOString().slice(0, 10);
}

/**
 * Check a `--date` value: a real calendar date YYYY-MM-DD, not before 2000-01-01 and at most a year
 * after today (both bounds are documented in docs/cli/new.md and set-pr.md).
 */
export function checkTaskDate(text: string, today: string, flag = "--date"): string {
  const checked = checkDate(text);
  if (!checked.ok) throw new CliError(`${flag} expects a real calendar date YYYY-MM-DD; ${checked.reason}`);
  const latest = yearAfter(today);
  if (text < EARLIEST_DATE || text > latest) {
    throw new CliError(
      `${flag} ${text} is not a plausible task date (from ${EARLIEST_DATE} to a year from today, ${latest})`,
    );
  }
  return text;
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

export function choose(value: string | undefined, choices: readonly string[], flag: string): string | undefined {
  if (value === undefined) return undefined;
  const match = choices.find((choice) => choice.toLowerCase() === value.trim().toLowerCase());
  if (match === undefined) {
    throw new CliError(
      `${flag} expects one of ${listed(choices)}; got ${JSON.stringify(value)}${didYouMean(value.trim(), choices)}`,
    );
  }
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

/** A configured status named case-insensitively, in its configured spelling; a CliError for any other. */
export function statusOf(given: string, statuses: readonly string[]): string {
  const status = statuses.find((name) => name.toLowerCase() === given.trim().toLowerCase());
  if (status === undefined) {
    throw new CliError(
      `unknown status ${JSON.stringify(given)}; the configuration defines ${listed(statuses)}${didYouMean(given.trim(), statuses)}`,
    );
  }
  return status;
}

/** The status and prefix, checked against the configuration (before markdownlint is loaded). */
function checkConfigured(options: NewOptions, resolved: ResolvedTaskLogOptions): { status: string; prefix: string } {
  const status = statusOf(options.status as string, Object.keys(resolved.statuses));
  const prefix = options.prefix ?? resolved.prefix[0] ?? "tv";
  if (!resolved.prefix.includes(prefix)) {
    throw new CliError(
      `--prefix ${JSON.stringify(prefix)} is not a configured prefix (${listed(resolved.prefix)})${didYouMean(prefix, resolved.prefix)}`,
    );
  }
  return { status, prefix };
}

/** The flags `new` checks without the log or its configuration (before markdownlint is loaded). */
function checkArguments(options: NewOptions): {
  date: string;
  pr: number | undefined;
  priority: string | undefined;
  size: string | undefined;
} {
  const today = options.today ?? localDate();
  return {
    date: options.date === undefined ? today : checkTaskDate(options.date, today),
    pr: options.pr === undefined ? undefined : parsePrNumber(options.pr),
    priority: choose(options.priority, PRIORITIES, "--priority"),
    size: choose(options.size, SIZES, "--size"),
  };
}

export async function runNew(options: NewOptions): Promise<NewResult> {
  if (options.status === undefined) throw new CliError("--status is required (a configured status, e.g. Open)");
  if (options.title === undefined || options.title.trim() === "")
    throw new CliError("--title is required (the task's short title)");
  const title = options.title.trim();
  if (/[\r\n]/.test(title)) throw new CliError("--title must be one line");
  if (title.endsWith("."))
    throw new CliError(`--title has a trailing period (TL001 reports it); got ${JSON.stringify(title)}`);
  if (/(?:^|[ \t])#+$/.test(title)) {
    // A heading's closing sequence: Markdown would drop it, and the task's title would lose it.
    throw new CliError(
      `--title ends with #, which a Markdown heading drops (its closing sequence); got ${JSON.stringify(title)}`,
    );
  }
  checkArguments(options);
  const file = options.file;
  if (options.input !== undefined) {
    if (isEmpty(options.input)) {
      throw new CliError(
        "standard input is empty, not a task log yet; start a log with tasklog init --log <file>",
        "-",
      );
    }
    const result = await edit(options.input, options);
    return result.text === undefined ? result.value : { ...result.value, text: result.text };
  }
  if (file !== undefined) checkStarted(file);
  if (file === undefined || options.dryRun === true) return (await edit(undefined, options)).value;
  await prepareEdit(file, options.config, (resolved) => checkConfigured(options, resolved));
  return await editFile(file, (input) => edit(input.text, options));
}

const isEmpty = (text: string): boolean => text.replace(/^\uFEFF/, "").trim() === "";

/** A log that does not exist yet (missing, or an empty file): said, with the command that starts one. */
function checkStarted(file: string): void {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") return; // Reported by the read that follows.
    throw new CliError(
      `no such file; start a task log with: tasklog init --log ${file} (a section per status, then tasklog new adds to it)`,
      file,
    );
  }
  if (isEmpty(text)) {
    throw new CliError(
      `the file is empty, not a task log yet; start it with: tasklog init --log ${file} (it fills an empty file); nothing was changed`,
      file,
    );
  }
}

async function edit(
  text: string | undefined,
  options: NewOptions,
): Promise<{ text: string | undefined; value: NewResult }> {
  const title = (options.title as string).trim();
  let status = "";
  let prefix = "";
  const log = await openLog(options.file, options.config, true, text, (resolved) => {
    ({ status, prefix } = checkConfigured(options, resolved));
  });
  const { view, document, file } = log;
  const statuses = view.options.statuses;
  const { date, pr, priority, size } = checkArguments(options);
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
