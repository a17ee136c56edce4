/**
 * `tasklog set-pr`: give a placeholder task its real PR number. Changes exactly: the identifier in the
 * task's heading, the number placeholder (`###`, `??`, `<number>`) of the task's own PR links, and
 * mentions of the placeholder identifier in other tasks' fields, only when that placeholder
 * identifier is unique in the file (else a mention cannot be known to mean this task).
 */
import type { TaskView } from "../api.js";
import { documentText, replaceAt, type Change, type Document } from "./document.js";
import { CliError } from "./errors.js";
import { openLog, prepareEdit } from "./log.js";
import { checkTaskDate, localDate, parsePrNumber } from "./new.js";
import { editFile } from "./write.js";

export interface SetPrOptions {
  readonly file: string | undefined;
  readonly number: string | undefined;
  readonly line?: string | undefined;
  readonly title?: string | undefined;
  /** A new date for the identifier (YYYY-MM-DD); the identifier keeps its date by default. */
  readonly date?: string | undefined;
  readonly config?: string | undefined;
  readonly dryRun?: boolean;
  /** Today's date (YYYY-MM-DD), the bound of `--date`; the local date by default. */
  readonly today?: string;
  /** The log's text, read from standard input (`file` is then `-`); the result's `text` is the changed log. */
  readonly input?: string;
}

/** `--line`: a line number in decimal digits (not `1e2`, `0x10`, `+5` or `5.0`). */
function lineNumber(text: string): number {
  const line = /^[1-9]\d*$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(line)) {
    throw new CliError(
      `--line expects a line number in decimal digits (1 or more, such as 12); got ${JSON.stringify(text)}`,
    );
  }
  return line;
}

function chooseTask(tasks: readonly TaskView[], options: SetPrOptions, file: string): TaskView {
  if ((options.line === undefined) === (options.title === undefined)) {
    throw new CliError('choose the task with --line <n> or --title "…" (one of them)');
  }
  if (options.line !== undefined) {
    const line = lineNumber(options.line);
    const task = tasks.find((candidate) => candidate.line <= line && line <= candidate.endLine);
    if (task === undefined) throw new CliError("no task heading or task body on this line", file, line);
    return task;
  }
  const wanted = (options.title as string).trim();
  let found = tasks.filter((task) => task.title === wanted);
  if (found.length === 0) found = tasks.filter((task) => task.title?.toLowerCase() === wanted.toLowerCase());
  if (found.length === 0) throw new CliError(`no task has the title ${JSON.stringify(wanted)}`, file);
  if (found.length > 1) {
    throw new CliError(
      `${found.length} tasks have the title ${JSON.stringify(wanted)} (lines ${found.map((task) => task.line).join(", ")}); choose one with --line`,
      file,
    );
  }
  return found[0] as TaskView;
}

export interface SetPrResult {
  readonly out: string[];
  readonly notes: string[];
  readonly changes: Change[];
  /** The changed log, when it was read from standard input (`input`). */
  readonly text?: string;
}

/** One text replacement of a set-pr plan: `before` at (line, column) becomes `after`. */
export interface PrEdit {
  readonly line: number;
  readonly column: number;
  readonly before: string;
  readonly after: string;
  readonly what: string;
}

export interface PrPlan {
  readonly identifier: string;
  readonly edits: PrEdit[];
  readonly notes: string[];
}

/**
 * What giving the placeholder `task` the PR `number` changes (set-pr's edit, also used by sync): the
 * identifier (with `date` when given), the number placeholder of the task's own PR links (or, with
 * `url`, the whole placeholder link), and mentions of the placeholder identifier when it is unique.
 * Throws CliError when the task has no placeholder identifier or the new identifier exists.
 */
export function planPrNumber(
  tasks: readonly TaskView[],
  task: TaskView,
  change: { readonly number: number; readonly date?: string | undefined; readonly url?: string | undefined },
  file: string,
  lines?: readonly string[],
): PrPlan {
  const { number } = change;
  const id = task.identifier;
  if (id === null) throw new CliError("the task heading has no identifier to give a PR number", file, task.line);
  if (!id.placeholder) {
    throw new CliError(
      `the task already has a PR number (${id.text}); set-pr fills in placeholders only`,
      file,
      task.line,
    );
  }
  const newId = `${id.prefix}-${change.date ?? id.date}:PR${number}`;
  const clash = tasks.find((other) => other.identifier?.text === newId);
  if (clash !== undefined) {
    throw new CliError(
      `the identifier ${newId} already exists (the task on line ${clash.line}); nothing was changed`,
      file,
      task.line,
    );
  }
  const notes: string[] = [];
  for (const other of tasks) {
    if (other !== task && other.identifier?.pr === number)
      notes.push(`note: the task on line ${other.line} (${other.identifier.text}) also has PR ${number}`);
  }
  const edits: PrEdit[] = [{ line: id.line, column: id.column, before: id.text, after: newId, what: "identifier" }];
  for (const link of task.links) {
    const placeholder = link.numberPlaceholder;
    if (change.url !== undefined && link.kind === "placeholder" && link.reference === null) {
      // The whole URL is replaced only where it visibly ends (not `pull/??` read as `pull/` and a query).
      const after = (lines?.[link.line - 1] ?? "").charAt(link.column - 1 + link.text.length);
      if (!/^(?:$|[\s>)`.,;])/.test(after)) {
        notes.push(
          `note: line ${link.line}: the placeholder link ${link.text}${after}… was left as it is (its end is unclear)`,
        );
        continue;
      }
      edits.push({
        line: link.line,
        column: link.column,
        before: link.text,
        after: change.url,
        what: `PR link in ${link.field}`,
      });
      continue;
    }
    if (placeholder === null) continue;
    edits.push({
      line: placeholder.line,
      column: placeholder.column,
      before: placeholder.text,
      after: String(number),
      what: `PR link in ${link.field}`,
    });
  }
  const sameIdentifier = tasks.filter((other) => other.identifier?.text === id.text);
  const mentions = tasks.flatMap((other) => other.mentions.filter((mention) => mention.text === id.text));
  if (sameIdentifier.length === 1) {
    for (const mention of mentions) {
      edits.push({
        line: mention.line,
        column: mention.column,
        before: mention.text,
        after: newId,
        what: `mention${mention.field === null ? "" : ` in ${mention.field}`}`,
      });
    }
  } else if (mentions.length > 0) {
    notes.push(
      `note: ${mentions.length} mention${mentions.length === 1 ? "" : "s"} of ${id.text} left as they are (lines ${mentions.map((mention) => mention.line).join(", ")}): ` +
        `${sameIdentifier.length} tasks have that placeholder identifier, so a mention cannot be known to mean this one`,
    );
  }
  return { identifier: newId, edits, notes };
}

/**
 * Apply edits to the document (checked at their positions; right to left on each line so earlier
 * columns stay valid) and return them top to bottom.
 */
export function applyEdits(document: Document, edits: readonly PrEdit[]): PrEdit[] {
  const sorted = [...edits].sort((a, b) => a.line - b.line || a.column - b.column);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1] as PrEdit;
    const edit = sorted[i] as PrEdit;
    if (edit.line === previous.line && edit.column < previous.column + previous.before.length) {
      throw new CliError("two changes overlap on this line; nothing was written", document.path, edit.line);
    }
  }
  for (const edit of [...sorted].reverse()) replaceAt(document, edit.line, edit.column, edit.before, edit.after);
  return sorted;
}

export async function runSetPr(options: SetPrOptions): Promise<SetPrResult> {
  if (options.number === undefined)
    throw new CliError("the PR number is required: tasklog set-pr --line <n> <number> <file>");
  const number = parsePrNumber(options.number, "the PR number");
  const date = options.date === undefined ? undefined : checkTaskDate(options.date, options.today ?? localDate());
  if (options.line !== undefined) lineNumber(options.line);
  if ((options.line === undefined) === (options.title === undefined)) {
    throw new CliError('choose the task with --line <n> or --title "…" (one of them)');
  }
  const file = options.file;
  if (options.input !== undefined) {
    const result = await edit(options.input, number, date, options);
    return result.text === undefined ? result.value : { ...result.value, text: result.text };
  }
  if (file === undefined || options.dryRun === true) return (await edit(undefined, number, date, options)).value;
  await prepareEdit(file, options.config);
  return await editFile(file, (input) => edit(input.text, number, date, options));
}

/** The edit itself, on the text read under the write lock (`editFile`), or read here for a dry run. */
async function edit(
  text: string | undefined,
  number: number,
  date: string | undefined,
  options: SetPrOptions,
): Promise<{ text: string | undefined; value: SetPrResult }> {
  const log = await openLog(options.file, options.config, true, text);
  const { view, document, file } = log;
  const task = chooseTask(view.tasks, options, file);
  const plan = planPrNumber(view.tasks, task, { number, date }, file);
  const notes = [...log.notes, ...plan.notes];
  const changes: Change[] = [];
  const out: string[] = [];
  for (const edit of applyEdits(document, plan.edits)) {
    changes.push({ line: edit.line, before: edit.before, after: edit.after });
    out.push(`${file}:${edit.line}: ${edit.what}: ${edit.before} -> ${edit.after}`);
  }
  if (options.dryRun === true) out.push("(dry run: nothing was written)");
  return { text: options.dryRun === true ? undefined : documentText(document), value: { out, notes, changes } };
}
