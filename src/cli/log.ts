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
  if (check !== undefined) {
    // Arguments checked against the configuration before markdownlint is loaded (bad options are
    // reported by viewOf below).
    let resolved: ResolvedTaskLogOptions | undefined;
    try {
      resolved = resolveTaskLogOptions(config.options);
    } catch {
      resolved = undefined;
    }
    if (resolved !== undefined) check(resolved);
  }
  // markdownlint is loaded here, on first use: --help, --version and argument errors never pay for it.
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
