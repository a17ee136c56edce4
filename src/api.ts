/**
 * The typed API: `parseTaskLog(markdown, options)` reads a task log through the same model as the
 * rules and returns its public view, plain data with no tokens (`markdownlint-rule-tasklog/api`).
 *
 * The tokens come from markdownlint's own parser: the document is linted by markdownlint with one
 * capturing custom rule (`parser: "micromark"`), exactly as the pack's rules get it, so the API
 * never parses Markdown a second way. markdownlint is an optional peer dependency: every host
 * (markdownlint-cli2, markdownlint-cli, the VS Code extension) already brings it; the rules do not
 * need it, the API and the `tasklog` command do.
 *
 * This file is a thin view over the model (src/model/): identifiers, fields, Git plans, PR titles,
 * PR links and mentions are what the model read for the rules (TL006, TL007, TL009 read the same),
 * copied into plain data. The `tasklog` commands read task logs only through it.
 */
import prLink from "../rules/TL007-pr-link.js";
import { FIELD } from "./convention.js";
import { classifyUrl } from "./grammar/prurl.js";
import {
  readTaskLog,
  type Field,
  type ModelParams,
  type PrLinkMention,
  type Section,
  type Task,
} from "./model/index.js";
import { resolveOptions, shared, type OptionSpecs } from "./kit/options.js";

// ---------------------------------------------------------------------------------------------
// Public types

/** The options of the rules that shape the model (the same names and values as in a markdownlint configuration). */
export interface TaskLogOptions {
  /** Statuses and the fields each requires, in template order (default: Open and Deferred of the convention). */
  readonly statuses?: Readonly<Record<string, readonly string[]>>;
  /** Identifier prefix(es), lowercase letters (default `"tv"`). */
  readonly prefix?: string | readonly string[];
  /** Conventional Commits types (default: feat, fix, docs, style, refactor, perf, test, build, ci, chore, revert). */
  readonly types?: readonly string[];
  /** Host(s) of PR links, as TL007's `host` option (default `"github.com"`). */
  readonly host?: string | readonly string[];
}

/** The options after validation and defaults. */
export interface ResolvedTaskLogOptions {
  readonly statuses: Readonly<Record<string, readonly string[]>>;
  readonly prefix: readonly string[];
  readonly types: readonly string[];
  readonly host: readonly string[];
}

/** Text at a position: `line` and `column` are 1-based (markdownlint's), `column` in UTF-16 code units. */
export interface TextAt {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

/** A task's identifier, `<prefix>-<YYYY-MM-DD>:PR<number>`, where it is written in the heading. */
export interface IdentifierView extends TextAt {
  readonly prefix: string;
  /** The date as written (`2025-10-03`). */
  readonly date: string;
  /** Whether the date exists on the calendar. */
  readonly validDate: boolean;
  /** The PR number, or null when the suffix is a placeholder (`PR??`, `PR###`, …). */
  readonly pr: number | null;
  /** The suffix after the colon as written (`PR41`, `PR??`). */
  readonly suffix: string;
  /** Whether the suffix is a placeholder rather than `PR<number>`. */
  readonly placeholder: boolean;
}

/** A field of a task: `- **Label**: value`. */
export interface FieldView {
  /** The label as written, without emphasis and colon. */
  readonly label: string;
  /** The configured field it names (matched case-insensitively), or null for an unknown label. */
  readonly name: string | null;
  readonly line: number;
  /** Last line of the field's item (continuation lines and nested lists included). */
  readonly endLine: number;
  readonly labelColumn: number;
  readonly valueColumn: number;
  /** The value on the item's own paragraph (continuation lines joined with `\n`); nested lists not included. */
  readonly value: string;
}

/**
 * A URL in a task's `PR` or `PR status` field (what TL007 checks). `text` is the URL; for a reference
 * link (`[PR][pr35]` with `[pr35]: https://…` elsewhere) it is the definition's destination, and
 * `line`/`column` are where the link is written in the field.
 */
export interface LinkView extends TextAt {
  /** The field's label. */
  readonly field: string;
  /** For a reference link: its label (`pr35`); null for a URL written out in the field. */
  readonly reference: string | null;
  /** `pr`: a PR URL; `placeholder`: template text left in it (`<org>`, `pull/###`); `issue`: an issue URL. */
  readonly kind: "pr" | "placeholder" | "issue";
  /** The PR (or issue) number, or null for a placeholder. */
  readonly number: number | null;
  /** The number placeholder after `/pull/` (`###`, `??`, `<number>`, or `""` when nothing follows), where it is; null when there is none or the URL is a reference link's. */
  readonly numberPlaceholder: TextAt | null;
}

/** An identifier mentioned in a task's fields (what TL009 checks). */
export interface MentionView extends TextAt {
  /** The label of the field it is in, or null when it is in a list item that is not a field. */
  readonly field: string | null;
}

export interface TaskView {
  readonly line: number;
  /** Last line of the task's body (the line before the next heading, or the document's last line). */
  readonly endLine: number;
  /** Heading level (3 for `###`). */
  readonly level: number;
  /** The heading text after the `#` marks, as written. */
  readonly heading: string;
  /** The configured status the heading names (in its configured spelling), or null. */
  readonly status: string | null;
  /** The status as written in the heading, or null. */
  readonly statusText: string | null;
  readonly identifier: IdentifierView | null;
  readonly title: string | null;
  /** The status of the section the task sits in, or null outside any status section. */
  readonly section: string | null;
  /** Line of that section's heading, or null. */
  readonly sectionLine: number | null;
  /** Values of the Priority, Size and Meta? fields as written (null when the field is missing). */
  readonly priority: string | null;
  readonly size: string | null;
  readonly meta: string | null;
  /** The Git plan's `Branch:` code span (or value), or null. */
  readonly branch: string | null;
  /** The Git plan's planned commit headers (the code span each `Commits:` item starts with). */
  readonly commits: readonly string[];
  /** The PR title from the `PR` field (`Title \`…\`` or a `Title suggestion:` item), or null. */
  readonly prTitle: string | null;
  /** The first PR URL (kind `pr`) of the `PR` and `PR status` fields, or null. */
  readonly prUrl: string | null;
  readonly fields: readonly FieldView[];
  readonly links: readonly LinkView[];
  readonly mentions: readonly MentionView[];
}

export interface SectionView {
  /** The configured status, in its configured spelling. */
  readonly status: string;
  readonly line: number;
  readonly level: number;
  /** The heading text after the `#` marks. */
  readonly heading: string;
  /** The `(updated YYYY-MM-DD)` date, where it is written; null when the heading has none. */
  readonly stamp: TextAt | null;
  /** Lines of the section's task headings, in order. */
  readonly taskLines: readonly number[];
  /** Last line of the section (before the next heading at its level or above, or the document's end). */
  readonly endLine: number;
}

export interface TaskLogView {
  /** Spec section 2: whether the document is a task log at all (every other field is empty when not). */
  readonly isTaskLog: boolean;
  /** Number of lines of the document, front matter included (every line number here is a physical line). */
  readonly lineCount: number;
  readonly sections: readonly SectionView[];
  readonly tasks: readonly TaskView[];
  readonly options: ResolvedTaskLogOptions;
}

/** A bad option value: `problems` has one message per option. */
export class TaskLogOptionsError extends Error {
  readonly problems: readonly { readonly option: string; readonly message: string }[];
  constructor(problems: readonly { readonly option: string; readonly message: string }[]) {
    super(problems.map((problem) => problem.message).join(" "));
    this.name = "TaskLogOptionsError";
    this.problems = problems;
  }
}

/** markdownlint could not be loaded (it is an optional peer dependency). */
export class MarkdownlintMissingError extends Error {
  constructor(cause: unknown) {
    super(
      "markdownlint-rule-tasklog/api needs markdownlint (0.40 or newer), its peer dependency: " +
        "npm install --save-dev markdownlint (markdownlint-cli2 brings it too)",
      { cause },
    );
    this.name = "MarkdownlintMissingError";
  }
}

// ---------------------------------------------------------------------------------------------
// Options

/** The options the model and the view read: the shared ones, and TL007's `host` (the same declarations). */
export const API_OPTIONS = {
  statuses: shared.statuses,
  prefix: shared.prefix,
  types: shared.types,
  host: prLink.options.host,
} as const satisfies OptionSpecs;

/** Validate options as the rules do; throws TaskLogOptionsError on a wrong value or an unknown name. */
export function resolveTaskLogOptions(options: TaskLogOptions = {}): ResolvedTaskLogOptions {
  const resolved = resolveOptions(API_OPTIONS, options);
  if (resolved.problems.length > 0) throw new TaskLogOptionsError(resolved.problems);
  const values = resolved.values;
  return { statuses: values.statuses, prefix: values.prefix, types: values.types, host: values.host };
}

// ---------------------------------------------------------------------------------------------
// markdownlint's parser

type LintSync = (options: Record<string, unknown>) => unknown;

let lintSync: LintSync | undefined;
let loadError: unknown;
let failed = false;
let loading: Promise<boolean> | undefined;

/**
 * Load markdownlint (the peer dependency) once; resolves to whether it could be loaded. The public
 * entry (`markdownlint-rule-tasklog/api`, src/api-entry.ts) awaits it on import, so `parseTaskLog` is
 * synchronous from the first call; the `tasklog` command awaits it on first use only, so that
 * `--help`, `--version` and argument errors never pay markdownlint's import.
 */
export function loadMarkdownlint(): Promise<boolean> {
  loading ??= import("markdownlint/sync").then(
    (module) => {
      lintSync = (module as { lint: LintSync }).lint;
      return true;
    },
    (error: unknown) => {
      failed = true;
      loadError = error;
      return false;
    },
  );
  return loading;
}

/** Whether markdownlint (the peer dependency) is loaded. */
export function hasMarkdownlint(): boolean {
  return lintSync !== undefined;
}

/** markdownlint's rule parameters for `markdown` (its lines and micromark tokens), from one capturing rule. */
function markdownlintParams(markdown: string): ModelParams {
  if (lintSync === undefined) {
    throw !failed
      ? new Error(
          "markdownlint is not loaded yet: import markdownlint-rule-tasklog/api, or await loadMarkdownlint() first",
        )
      : new MarkdownlintMissingError(loadError);
  }
  let captured: ModelParams | undefined;
  const capture = {
    names: ["tasklog-api-capture"],
    description: "Captures the parameters markdownlint passes to rules (markdownlint-rule-tasklog/api)",
    tags: ["tasklog-api"],
    parser: "micromark",
    asynchronous: false,
    function(params: ModelParams): void {
      captured = params;
    },
  };
  lintSync({
    strings: { content: markdown },
    customRules: [capture],
    config: { default: false, "tasklog-api-capture": true },
    // The document's own comments must not switch the capture off.
    noInlineConfig: true,
    handleRuleFailures: false,
  });
  if (captured === undefined) throw new Error("markdownlint did not run the capturing rule");
  return captured;
}

// ---------------------------------------------------------------------------------------------
// The view

/** What stands in for a PR number after `/pull/` in a template (as TL007 reads it). */
const NUMBER_PLACEHOLDER = /^(?:#+|\?+|[xX]+|[nN]|<[^<>]*>)?$/;

function fieldValue(task: Task, name: string): string | null {
  return task.fields.find((field) => field.is(name))?.value ?? null;
}

function fieldView(field: Field, shift: number): FieldView {
  return {
    label: field.label,
    name: field.name ?? null,
    line: field.line + shift,
    endLine: field.item.endLine + shift,
    labelColumn: field.labelSpan.column,
    valueColumn: field.valueColumn,
    value: field.value,
  };
}

/** Where the number placeholder after `/pull/` of a URL written at `line`/`column` is, or null. */
function numberPlaceholderOf(url: string, line: number, column: number): TextAt | null {
  const pull = url.indexOf("/pull/");
  if (pull < 0) return null;
  const after = url.slice(pull + "/pull/".length);
  const text = /^(?:<[^<>]*>|[^/?#<]*#*)/.exec(after)?.[0] ?? "";
  if (!NUMBER_PLACEHOLDER.test(text)) return null;
  return { line, column: column + pull + "/pull/".length, text };
}

function linkView(link: PrLinkMention, hosts: readonly string[], shift: number): LinkView | undefined {
  const url = classifyUrl(link.url, hosts);
  if (url.kind === "other") return undefined;
  const written = link.reference === undefined;
  const line = link.line + shift;
  return {
    line,
    column: link.column,
    text: link.url,
    field: link.field.label,
    reference: link.reference ?? null,
    kind: url.kind,
    number: url.kind === "placeholder" ? null : url.number,
    numberPlaceholder: url.kind === "placeholder" && written ? numberPlaceholderOf(link.url, line, link.column) : null,
  };
}

function taskView(task: Task, hosts: readonly string[], shift: number): TaskView {
  const parsed = task.identifier;
  const identifier: IdentifierView | null =
    task.id === undefined || parsed === undefined
      ? null
      : {
          line: task.id.line + shift,
          column: task.id.column,
          text: task.id.text,
          prefix: parsed.prefix,
          date: parsed.dateText,
          validDate: parsed.date !== undefined,
          pr: parsed.suffix.kind === "placeholder" ? null : parsed.suffix.number,
          suffix: parsed.suffix.text,
          placeholder: parsed.suffix.kind === "placeholder",
        };
  const plan = task.gitPlans[0];
  const branchItem = plan?.branches[0];
  const branch = branchItem === undefined ? null : (branchItem.leadingCode?.text ?? branchItem.valueText);
  const commits = (plan?.commits ?? []).flatMap((item) => [
    ...(item.leadingCode === undefined ? [] : [item.leadingCode.text]),
    ...item.entries.flatMap((entry) => (entry.code === undefined ? [] : [entry.code.text])),
  ]);
  const links = task.prLinks.flatMap((link) => linkView(link, hosts, shift) ?? []);
  return {
    line: task.line + shift,
    endLine: task.endLine + shift,
    level: task.level,
    heading: task.text,
    status: task.statusName ?? null,
    statusText: task.status?.text ?? null,
    identifier,
    title: task.title?.text ?? null,
    section: task.section === undefined ? null : (task.section.statusName ?? task.section.status.text),
    sectionLine: task.section === undefined ? null : task.section.line + shift,
    priority: fieldValue(task, FIELD.priority),
    size: fieldValue(task, FIELD.size),
    meta: fieldValue(task, FIELD.meta),
    branch,
    commits,
    prTitle: task.prTitles[0]?.code.text ?? null,
    prUrl: links.find((link) => link.kind === "pr")?.text ?? null,
    fields: task.fields.map((field) => fieldView(field, shift)),
    links,
    mentions: task.mentions.map((mention) => ({
      line: mention.line + shift,
      column: mention.column,
      text: mention.text,
      field: mention.field?.label ?? null,
    })),
  };
}

function sectionView(section: Section, next: number, shift: number): SectionView {
  return {
    status: section.statusName ?? section.status.text,
    line: section.line + shift,
    level: section.level,
    heading: section.text,
    stamp: section.stamp === undefined ? null : { ...section.stamp, line: section.stamp.line + shift },
    taskLines: section.tasks.map((task) => task.line + shift),
    endLine: next + shift,
  };
}

/**
 * Read a task log. `markdown` is the document's text (a leading byte order mark is allowed);
 * `options` are the rules' shared options (`statuses`, `prefix`, `types`) and TL007's `host`.
 * Throws TaskLogOptionsError on a bad option, MarkdownlintMissingError without markdownlint, and a
 * TypeError when `markdown` is not a string.
 */
export function parseTaskLog(markdown: string, options: TaskLogOptions = {}): TaskLogView {
  if (typeof markdown !== "string") {
    const got = markdown === null ? "null" : Array.isArray(markdown) ? "an array" : typeof markdown;
    throw new TypeError(`parseTaskLog expects the document's text as a string; got ${got}`);
  }
  const resolved = resolveTaskLogOptions(options);
  // The same reading as the rules': BOM correction and the front matter's line shift included, so
  // every line here is the file's physical line, as the rules' reports are.
  const { model, params, lineOffset } = readTaskLog(markdownlintParams(markdown), resolved.statuses);
  const lineCount = params.lines.length + lineOffset;
  if (!model.isTaskLog) return { isTaskLog: false, lineCount, sections: [], tasks: [], options: resolved };
  const sections = model.sections.map((section) => {
    // The section ends before the next heading at its level or above.
    const after = model.headings.find((heading) => heading.line > section.line && heading.level <= section.level);
    return sectionView(section, after === undefined ? params.lines.length : after.line - 1, lineOffset);
  });
  return {
    isTaskLog: true,
    lineCount,
    sections,
    tasks: model.tasks.map((task) => taskView(task, resolved.host, lineOffset)),
    options: resolved,
  };
}
