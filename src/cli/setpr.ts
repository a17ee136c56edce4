/**
 * `tasklog set-pr`: give a placeholder task its real PR number. Changes exactly: the identifier in the
 * task's heading, the number placeholder (`###`, `??`, `<number>`) of the task's own PR links, and
 * mentions of the placeholder identifier in other tasks' fields, only when that placeholder
 * identifier is unique in the file (else a mention cannot be known to mean this task).
 */
import type { TaskView } from "../api.js";
import { documentText, replaceAt, type Change } from "./document.js";
import { CliError } from "./errors.js";
import { openLog } from "./log.js";
import { parsePrNumber } from "./new.js";
import { editFile } from "./write.js";

export interface SetPrOptions {
  readonly file: string | undefined;
  readonly number: string | undefined;
  readonly line?: string | undefined;
  readonly title?: string | undefined;
  readonly config?: string | undefined;
  readonly dryRun?: boolean;
}

function chooseTask(tasks: readonly TaskView[], options: SetPrOptions, file: string): TaskView {
  if ((options.line === undefined) === (options.title === undefined)) {
    throw new CliError('choose the task with --line <n> or --title "…" (one of them)');
  }
  if (options.line !== undefined) {
    const line = Number(options.line);
    if (!Number.isInteger(line) || line < 1)
      throw new CliError(`--line expects a line number; got ${JSON.stringify(options.line)}`);
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
}

export async function runSetPr(options: SetPrOptions): Promise<SetPrResult> {
  if (options.number === undefined)
    throw new CliError("the PR number is required: tasklog set-pr --line <n> <number> <file>");
  const number = parsePrNumber(options.number, "the PR number");
  const file = options.file;
  if (file === undefined || options.dryRun === true) return (await edit(undefined, number, options)).value;
  return await editFile(file, (input) => edit(input.text, number, options));
}

async function edit(
  text: string | undefined,
  number: number,
  options: SetPrOptions,
): Promise<{ text: string | undefined; value: SetPrResult }> {
  const log = await openLog(options.file, options.config, true, text);
  const { view, document, file } = log;
  const task = chooseTask(view.tasks, options, file);
  const id = task.identifier;
  if (id === null) throw new CliError("the task heading has no identifier to give a PR number", file, task.line);
  if (!id.placeholder) {
    throw new CliError(
      `the task already has a PR number (${id.text}); set-pr fills in placeholders only`,
      file,
      task.line,
    );
  }
  const newId = `${id.prefix}-${id.date}:PR${number}`;
  const clash = view.tasks.find((other) => other.identifier?.text === newId);
  if (clash !== undefined) {
    throw new CliError(
      `the identifier ${newId} already exists (the task on line ${clash.line}); nothing was changed`,
      file,
      task.line,
    );
  }
  const notes = [...log.notes];
  for (const other of view.tasks) {
    if (other !== task && other.identifier?.pr === number)
      notes.push(`note: the task on line ${other.line} (${other.identifier.text}) also has PR ${number}`);
  }

  const changes: Change[] = [];
  const out: string[] = [];
  const record = (change: Change, what: string): void => {
    changes.push(change);
    out.push(`${file}:${change.line}: ${what}: ${change.before} -> ${change.after}`);
  };
  const edits: { line: number; column: number; before: string; after: string; what: string }[] = [
    { line: id.line, column: id.column, before: id.text, after: newId, what: "identifier" },
  ];
  for (const link of task.links) {
    const placeholder = link.numberPlaceholder;
    if (placeholder === null) continue;
    edits.push({
      line: placeholder.line,
      column: placeholder.column,
      before: placeholder.text,
      after: String(number),
      what: `PR link in ${link.field}`,
    });
  }
  const sameIdentifier = view.tasks.filter((other) => other.identifier?.text === id.text);
  const mentions = view.tasks.flatMap((other) => other.mentions.filter((mention) => mention.text === id.text));
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
  edits.sort((a, b) => a.line - b.line || a.column - b.column);
  // Applied right to left on each line (earlier columns stay valid), reported top to bottom.
  for (const edit of [...edits].reverse()) replaceAt(document, edit.line, edit.column, edit.before, edit.after);
  for (const edit of edits) record({ line: edit.line, before: edit.before, after: edit.after }, edit.what);
  if (options.dryRun === true) out.push("(dry run: nothing was written)");
  return { text: options.dryRun === true ? undefined : documentText(document), value: { out, notes, changes } };
}
