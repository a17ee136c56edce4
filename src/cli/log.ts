/**
 * Opening a task log for a command: read the file, find the project's configuration, read the log
 * through the public API (src/api.ts, the only way the commands see the model), refuse what is not a
 * task log.
 */
import {
  loadMarkdownlint,
  MarkdownlintMissingError,
  parseTaskLog,
  resolveTaskLogOptions,
  TaskLogOptionsError,
  type ResolvedTaskLogOptions,
  type TaskLogOptions,
  type TaskLogView,
} from "../api.js";
import { loadConfig } from "./config.js";
import { documentText, readDocument, type Document } from "./document.js";
import { CliError } from "./errors.js";

export interface OpenLog {
  readonly file: string;
  readonly document: Document;
  /** The file's text as read (to tell whether a command changed anything). */
  readonly original: string;
  readonly view: TaskLogView;
  readonly options: TaskLogOptions;
  /** Notes for standard error (configuration that could not be used). */
  readonly notes: readonly string[];
}

/** Read a log through the API with options validated; bad options are reported at their configuration line. */
export function viewOf(
  markdown: string,
  options: TaskLogOptions,
  source: { file: string | undefined; lines?: Readonly<Record<string, number | undefined>> },
): TaskLogView {
  try {
    return parseTaskLog(markdown, options);
  } catch (error) {
    if (error instanceof TaskLogOptionsError) {
      const first = error.problems[0];
      const line = first === undefined ? undefined : source.lines?.[first.option];
      const messages = error.problems.map((problem) => problem.message.replace(/ Using the default\.$/, ""));
      throw new CliError(`bad configuration: ${messages.join(" ")}`, source.file ?? "(options)", line);
    }
    if (error instanceof MarkdownlintMissingError) throw new CliError(error.message);
    throw error;
  }
}

/** Run `check` on the resolved options (when they are valid: bad options are reported by viewOf). */
function checkAndLoad(options: TaskLogOptions, check: ((options: ResolvedTaskLogOptions) => void) | undefined): void {
  if (check === undefined) return;
  let resolved: ResolvedTaskLogOptions | undefined;
  try {
    resolved = resolveTaskLogOptions(options);
  } catch {
    resolved = undefined;
  }
  if (resolved !== undefined) check(resolved);
}

/**
 * What an edit does before it takes the file's lock (src/cli/write.ts): the arguments checked
 * against the configuration, then markdownlint loaded (on first use: argument errors never pay for
 * it), so that the lock is held only for the read, the parse and the write.
 */
export async function prepareEdit(
  file: string,
  configPath: string | undefined,
  check?: (options: ResolvedTaskLogOptions) => void,
): Promise<void> {
  checkAndLoad((await loadConfig(file, configPath)).options, check);
  await loadMarkdownlint();
}

export async function openLog(
  file: string | undefined,
  configPath: string | undefined,
  requireTaskLog = true,
  text?: string,
  check?: (options: ResolvedTaskLogOptions) => void,
): Promise<OpenLog> {
  if (file === undefined) throw new CliError("no task log given (the log file is the last argument; see --help)");
  const { document, text: original } = readDocument(file, text);
  const config = await loadConfig(file, configPath);
  checkAndLoad(config.options, check);
  await loadMarkdownlint();
  const view = viewOf(documentText(document), config.options, config);
  if (requireTaskLog && !view.isTaskLog) {
    throw new CliError(
      'not a task log (no status section heading such as "## Open tasks (updated 2025-10-03)" and no task heading; see CONVENTION.md section 2); nothing was changed',
      file,
    );
  }
  return { file, document, original, view, options: config.options, notes: config.notes };
}
