/**
 * The `tasklog` command: argument parsing, help, and the one place errors become exit code 2.
 * Each command is a function of its options (src/cli/<command>.ts) that reads logs only through the
 * public API (src/api.ts).
 */
import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError, clampMessage, type CommandResult } from "./errors.js";
import { runInit } from "./init.js";
import { runList } from "./list.js";
import { runNew } from "./new.js";
import { runSetPr } from "./setpr.js";
import { runCheckPr } from "./check-pr.js";
import { runSync } from "./sync.js";
import { decodeBytes } from "./write.js";
import { didYouMean } from "../kit/suggest.js";
import { PRIORITIES, SIZES } from "../convention.js";
import { VERSION } from "../version.js";

/** `P0-P3`: the convention's priorities as a range. */
const PRIORITY_RANGE = `${PRIORITIES[0]}-${PRIORITIES.at(-1)}`;
const DOCS = "https://github.com/markdownlint-rule-tasklog/markdownlint-rule-tasklog/blob/main/docs/cli/";

const CONFIG_HELP =
  "  --config <file>      markdownlint configuration to read (default: the nearest .markdownlint-cli2.jsonc,\n                       .markdownlint.jsonc or .markdownlint.json from the log's folder up)";

export const HELP: Record<string, string> = {
  tasklog: `Usage: tasklog <command> [options]

Set up, scaffold, fill in and query task logs, with the same model as the markdownlint-rule-tasklog rules.

Commands:
  init                 write .markdownlint-cli2.jsonc, VS Code settings and snippets (and a pre-commit entry)
  new                  add a task from its status's template at the top of its section
  set-pr               give a placeholder task its real PR number
  list                 list the tasks (a table, or --json)
  export --json        every task as JSON (docs/cli/export.schema.json)
  check-pr             check that the PR being built has its task (GitHub Actions pull_request events)
  sync                 fill in placeholder tasks from gh pr list, report tasks that disagree with their PR

Options:
  -h, --help           this help; tasklog help <command> or tasklog <command> --help for a command's
  -V, --version        the version

A log file named - is read from standard input; new and set-pr then write the changed log to
standard output and their report to standard error.

Exit codes:
  0  done
  1  a mismatch (check-pr, sync)
  2  bad input or configuration: an unknown command or option, a value that is not allowed, a file
     that cannot be read or written (a file being edited is left as it was)
  3  an internal error (a bug: please report it with the command line)

Docs: ${DOCS}`,
  init: `Usage: tasklog init [--preset extends|inline] [--prefix <letters>] [--pre-commit] [--log <file>]
                    [--force] [folder]

Sets up, in the folder (default: the current one), adding to files that exist only what is missing:
  .markdownlint-cli2.jsonc        the pack enabled, with the recommended preset (its settings go into
                                  a .markdownlint.json(c) of the folder instead, which cli2 applies)
  .vscode/settings.json           fix on save with the markdownlint extension, the pack's schemas
  .vscode/extensions.json         recommends the markdownlint extension
  .vscode/tasklog.code-snippets   one snippet per configured status (prefix tasklog-<status>)
  .pre-commit-config.yaml         with --pre-commit: markdownlint-cli2's hook with the pack
A second run changes nothing and says so.

Options:
  --preset extends     the configuration extends markdownlint-rule-tasklog/recommended (default)
  --preset inline      the preset's settings written out (built-in rules keep working in vscode.dev)
  --prefix <letters>   the identifier prefix, written as the pack's "tasklog" option
  --pre-commit         also add the hook to .pre-commit-config.yaml
  --log <file>         also write a starter task log (a section per status, templates in comments)
  --force              replace the pack's own entries that differ (never another tool's settings)

Docs: ${DOCS}init.md`,
  new: `Usage: tasklog new --status <status> --title "<title>" [--pr <number>] [--date YYYY-MM-DD]
                   [--priority ${PRIORITY_RANGE}] [--size ${SIZES.join("|")}] [--prefix <letters>] [--dry-run] <file>

Adds a task from its status's template (the fields the configuration requires) at the top of its
status section, with today's date or --date; moves the section's (updated …) stamp forward when the
new date is newer. Without --pr the identifier gets the placeholder PR?? (and says so). Prints what
it added and the fields left for you to fill in.

Options:
  --status <status>    a configured status (e.g. Open, Deferred)
  --title "<title>"    the task's short title (no trailing period, no trailing #)
  --pr <number>        the PR number (refused when the identifier already exists)
  --date YYYY-MM-DD    the identifier's date (default: today; 2000-01-01 to a year from today)
  --priority, --size   values of the Priority and Size fields
  --prefix <letters>   one of the configured prefixes (default: the first)
  --dry-run            print what would change, write nothing
${CONFIG_HELP}
The file - reads the log from standard input and writes the changed log to standard output.

Docs: ${DOCS}new.md`,
  "set-pr": `Usage: tasklog set-pr (--line <n> | --title "<title>") [--date YYYY-MM-DD] [--dry-run] <number> <file>

Gives a placeholder task (tv-2025-10-03:PR??) its real PR number: the identifier in its heading, the
number placeholder of its own PR links (pull/###), and mentions of the placeholder identifier in
other tasks, only when that placeholder identifier is unique in the file. Prints each change.
Refuses when the new identifier already exists.

Options:
  --line <n>           the task whose heading or body holds line n (decimal digits)
  --title "<title>"    the task with this title (refused when several have it)
  --date YYYY-MM-DD    also set the identifier's date (the PR's creation date; 2000-01-01 to a
                       year from today)
  --dry-run            print what would change, write nothing
${CONFIG_HELP}
The file - reads the log from standard input and writes the changed log to standard output.

Docs: ${DOCS}set-pr.md`,
  list: `Usage: tasklog list [--json] [--status <s>] [--priority <p>] [--size <s>] <file>

Lists every task: line, status, identifier, priority, size and title (--json: every field of the
export, docs/cli/export.schema.json). Filters take one value or a comma-separated list and may be
repeated; they are compared case-insensitively, and a value that is not allowed is an error (exit
code 2). Exit code 0 whatever the log's findings. The file - reads the log from standard input.

Options:
  --json               JSON instead of the table
  --status <s>         only tasks of these statuses
  --priority <p>       only tasks of these priorities (${PRIORITY_RANGE})
  --size <s>           only tasks of these sizes (${SIZES.join(", ")})
${CONFIG_HELP}

Docs: ${DOCS}list.md`,
  export: `Usage: tasklog export --json [--status <s>] [--priority <p>] [--size <s>] <file>

Prints every task as JSON: { "schemaVersion": 1, "file", "tasks": [ { line, status, section,
identifier, prefix, date, pr, placeholder, title, priority, size, meta, branch, commits, prTitle,
prUrl, templatePlaceholders } ] }. An absent or empty value is null; a field still holding the
template's placeholder text (<type>, <scope>, …) is null too, and named in templatePlaceholders.
The JSON schema is in the package: markdownlint-rule-tasklog/export.schema.json.
The filters are those of tasklog list. The file - reads the log from standard input.
${CONFIG_HELP}

Docs: ${DOCS}export.md`,
};

const GITHUB_HELP = `  --timezone <zone>    the time zone the log's dates are in (IANA, e.g. Europe/Berlin; default UTC)
  --json               JSON instead of lines
${CONFIG_HELP}`;

HELP["check-pr"] = `Usage: tasklog check-pr [--event <file>] [--timezone <zone>] [--json] <file>

Checks the PR of a GitHub Actions pull_request event (--event, default $GITHUB_EVENT_PATH) against
the log: a task has its number, the identifier's date is the PR's creation date, the Git plan branch
is the PR's head branch and the PR links point at it (a PR title that is not a Conventional Commits
header or differs from the task's is a note). Prints file:line: message lines, and under
GITHUB_ACTIONS=true workflow-command annotations too. Exit 0 consistent, 1 a mismatch, 2 bad input.

Options:
  --event <file>       the event payload (- for standard input)
${GITHUB_HELP}

Docs: ${DOCS}check-pr.md`;

HELP["sync"] = `Usage: tasklog sync --prs <file|-> [--write] [--timezone <zone>] [--json] <file>

Reads gh pr list --state all --limit 1000 --json number,title,headRefName,createdAt,url,state,mergedAt
(a file, or - for standard input). A placeholder task whose Git plan branch is exactly one PR's head
branch gets that PR: its identifier's number and creation date, its placeholder PR links and the
mentions of its identifier, as set-pr does. Numbered tasks are compared with their PR: a number with
no PR, another date or branch, a merged or closed PR. Ambiguity is reported, never guessed. Without
--write it prints the plan; with --write it applies it (atomically). Exit 0, or 1 when something
is left for you (a mismatch or an ambiguity), 2 on bad input.

Options:
  --prs <file|->       gh's JSON
  --write              apply the plan
${GITHUB_HELP}

Docs: ${DOCS}sync.md`;

const FILTERS = {
  status: { type: "string", multiple: true },
  priority: { type: "string", multiple: true },
  size: { type: "string", multiple: true },
} as const;

const COMMON = { help: { type: "boolean", short: "h" }, config: { type: "string" } } as const;

const SPECS = {
  init: {
    ...COMMON,
    preset: { type: "string" },
    prefix: { type: "string" },
    "pre-commit": { type: "boolean" },
    force: { type: "boolean" },
    log: { type: "string" },
  },
  new: {
    ...COMMON,
    status: { type: "string" },
    title: { type: "string" },
    pr: { type: "string" },
    date: { type: "string" },
    priority: { type: "string" },
    size: { type: "string" },
    prefix: { type: "string" },
    "dry-run": { type: "boolean" },
  },
  "set-pr": {
    ...COMMON,
    line: { type: "string" },
    title: { type: "string" },
    date: { type: "string" },
    "dry-run": { type: "boolean" },
  },
  "check-pr": { ...COMMON, event: { type: "string" }, timezone: { type: "string" }, json: { type: "boolean" } },
  sync: {
    ...COMMON,
    prs: { type: "string" },
    write: { type: "boolean" },
    timezone: { type: "string" },
    json: { type: "boolean" },
  },
  list: { ...COMMON, json: { type: "boolean" }, ...FILTERS },
  export: { ...COMMON, json: { type: "boolean" }, ...FILTERS },
} as const satisfies Record<string, ParseArgsConfig["options"]>;

export interface RunContext {
  /** Standard input's bytes, for a log file named `-` (tests); fd 0 by default. */
  readonly stdin?: () => Buffer;
  /** Today's date for `new` (tests); the local date by default. */
  readonly today?: string;
  /** The environment check-pr and sync read (GITHUB_EVENT_PATH, GITHUB_ACTIONS); process.env by default. */
  readonly env?: NodeJS.ProcessEnv;
}

function positionals(values: readonly string[], count: number, usage: string): (string | undefined)[] {
  if (values.length > count)
    throw new CliError(`too many arguments (${values.slice(count).join(" ")}); usage: ${usage}`);
  return Array.from({ length: count }, (_, i) => values[i]);
}

/** An option not in `spec` (checked before parseArgs, to say which option was meant). */
function checkOptions(command: string, argv: readonly string[], spec: ParseArgsConfig["options"] & object): void {
  const names = Object.keys(spec);
  const long = names.map((name) => `--${name}`);
  const shorts = new Map(
    Object.entries(spec).flatMap(([name, option]) => (option.short === undefined ? [] : [[option.short, name]])),
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") return;
    let name: string | undefined;
    if (arg.startsWith("--")) {
      name = arg.slice(2).split("=")[0] as string;
    } else if (/^-[^-]/.test(arg)) {
      name = shorts.get(arg.slice(1, 2));
      if (name === undefined) {
        throw new CliError(
          `unknown option ${arg}${didYouMean(`-${arg.slice(1)}`, long)} (see tasklog ${command} --help)`,
        );
      }
      continue;
    } else {
      continue;
    }
    const option = spec[name];
    if (option === undefined) {
      throw new CliError(`unknown option --${name}${didYouMean(`--${name}`, long)} (see tasklog ${command} --help)`);
    }
    if (option.type === "string" && !arg.includes("=")) i++;
  }
}

/** The log file named `-`: standard input's text (invalid UTF-8 bytes kept, see write.ts). */
function readStdin(context: RunContext): string {
  let bytes: Buffer;
  try {
    bytes = context.stdin === undefined ? readFileSync(0) : context.stdin();
  } catch (error) {
    throw new CliError(`cannot read standard input (${(error as NodeJS.ErrnoException).code ?? String(error)})`, "-");
  }
  return decodeBytes(bytes).text;
}

async function dispatch(
  command: string,
  argv: readonly string[],
  context: RunContext,
): Promise<{ out: string; notes: readonly string[]; code?: number }> {
  const spec = SPECS[command as keyof typeof SPECS];
  checkOptions(command, argv, spec);
  let parsed: { values: unknown; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(
      `${(error as Error).message.replace(/\. To specify a positional.*$/s, "")} (see tasklog ${command} --help)`,
    );
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values["help"] === true) return { out: `${HELP[command]}\n`, notes: [] };
  const str = (name: string): string | undefined => values[name] as string | undefined;
  const config = str("config");
  const lines = (result: {
    out: readonly string[];
    notes: readonly string[];
    code?: number;
  }): { out: string; notes: readonly string[]; code?: number } => ({
    out: result.out.length === 0 ? "" : `${result.out.join("\n")}\n`,
    notes: result.notes,
    ...(result.code === undefined ? {} : { code: result.code }),
  });
  /** A log read from standard input: the changed log to standard output, the report to standard error. */
  const piped = (result: {
    out: readonly string[];
    notes: readonly string[];
    text?: string | undefined;
  }): { out: string; notes: readonly string[] } =>
    result.text === undefined ? lines(result) : { out: result.text, notes: [...result.out, ...result.notes] };
  switch (command) {
    case "init": {
      const [dir] = positionals(parsed.positionals, 1, "tasklog init [folder]");
      return lines(
        await runInit({
          dir,
          preset: str("preset"),
          prefix: str("prefix"),
          preCommit: values["pre-commit"] === true,
          force: values["force"] === true,
          log: str("log"),
          ...(context.today === undefined ? {} : { today: context.today }),
        }),
      );
    }
    case "new": {
      const [file] = positionals(parsed.positionals, 1, 'tasklog new --status <status> --title "…" <file>');
      return piped(
        await runNew({
          file,
          ...(file === "-" ? { input: readStdin(context) } : {}),
          status: str("status"),
          title: str("title"),
          pr: str("pr"),
          date: str("date"),
          priority: str("priority"),
          size: str("size"),
          prefix: str("prefix"),
          config,
          dryRun: values["dry-run"] === true,
          ...(context.today === undefined ? {} : { today: context.today }),
        }),
      );
    }
    case "set-pr": {
      const [number, file] = positionals(parsed.positionals, 2, "tasklog set-pr --line <n> <number> <file>");
      return piped(
        await runSetPr({
          number,
          file,
          ...(file === "-" ? { input: readStdin(context) } : {}),
          line: str("line"),
          title: str("title"),
          date: str("date"),
          config,
          dryRun: values["dry-run"] === true,
          ...(context.today === undefined ? {} : { today: context.today }),
        }),
      );
    }
    case "check-pr": {
      const [file] = positionals(parsed.positionals, 1, "tasklog check-pr [--event <file>] <file>");
      const env = context.env ?? process.env;
      const options = { file, event: str("event"), timezone: str("timezone"), json: values["json"] === true };
      return lines(await runCheckPr({ ...options, config, env }));
    }
    case "sync": {
      const [file] = positionals(parsed.positionals, 1, "tasklog sync --prs <file|-> [--write] <file>");
      const env = context.env ?? process.env;
      const options = { file, prs: str("prs"), write: values["write"] === true, timezone: str("timezone") };
      return lines(await runSync({ ...options, json: values["json"] === true, config, env }));
    }
    case "list":
    case "export": {
      if (command === "export" && values["json"] !== true)
        throw new CliError("export writes JSON: tasklog export --json <file> (tasklog list prints a table)");
      const [file] = positionals(parsed.positionals, 1, `tasklog ${command} [--json] <file>`);
      const filters = {
        status: values["status"] as string[] | undefined,
        priority: values["priority"] as string[] | undefined,
        size: values["size"] as string[] | undefined,
      };
      const input = file === "-" ? { input: readStdin(context) } : {};
      return await runList({ file, json: values["json"] === true, ...filters, config, ...input });
    }
    default:
      throw new CliError(`unknown command ${command}`);
  }
}

/** Run `tasklog` with `argv` (the arguments after the command name), in process. Never throws for a bad input. */
const COMMANDS = Object.keys(SPECS);

const usageError = (message: string): CommandResult => ({ code: 2, stdout: "", stderr: `tasklog: ${message}\n` });

/** Run `tasklog` with `argv` (the arguments after the command name), in process. Never throws for a bad input. */
export async function runTasklog(argv: readonly string[], context: RunContext = {}): Promise<CommandResult> {
  const [command, ...rest] = argv;
  if (command === undefined) return { code: 2, stdout: "", stderr: `${HELP["tasklog"]}\n` };
  if (command === "--version" || command === "-V") {
    if (rest.length > 0) return usageError(`--version takes no arguments (got ${rest.join(" ")})`);
    return { code: 0, stdout: `${VERSION}\n`, stderr: "" };
  }
  if (command === "--help" || command === "-h" || command === "help") {
    const topic = command === "help" ? rest[0] : undefined;
    if (topic !== undefined && !(topic in HELP)) {
      return usageError(
        `no help for "${topic}"${didYouMean(topic, COMMANDS)} (commands: ${COMMANDS.join(", ")}; see tasklog --help)`,
      );
    }
    return { code: 0, stdout: `${HELP[topic ?? "tasklog"]}\n`, stderr: "" };
  }
  if (!(command in SPECS)) {
    const suggestion = command.startsWith("-")
      ? didYouMean(command, ["--help", "--version"])
      : didYouMean(command, COMMANDS);
    return usageError(
      `unknown ${command.startsWith("-") ? "option" : "command"} "${command}"${suggestion} (commands: ${COMMANDS.join(", ")}; see tasklog --help)`,
    );
  }
  try {
    const result = await dispatch(command, rest, context);
    return {
      code: result.code ?? 0,
      stdout: result.out,
      stderr: result.notes.map((note) => `${clampMessage(note)}\n`).join(""),
    };
  } catch (error) {
    if (error instanceof CliError) return { code: 2, stdout: "", stderr: `${error.format()}\n` };
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { code: 3, stdout: "", stderr: `tasklog: internal error (please report it): ${message}\n` };
  }
}
