/**
 * The one factory every rule of the pack is built with. It sets markdownlint's rule fields, validates
 * the options, builds (or reuses) the task-log model, skips documents that are not task logs, and
 * hands the rule a `report` that keeps every report inside markdownlint's contract (line within the
 * document, range and fix within the line, no `null` values), which markdownlint 0.42 enforces.
 */
import type { Rule } from "markdownlint";
import { readTaskLog, type ModelParams, type StatusFields, type TaskLog } from "../model/index.js";
import { clamp } from "../messages.js";
import { VERSION } from "../version.js";
import {
  type OptionSpecs,
  type OptionValues,
  type ResolvedOptions,
  resolveOptions,
  SHARED_OPTIONS,
  shared,
} from "./options.js";

/**
 * The project's repository: package.json's `repository`, `homepage` and `bugs` and the rules' help
 * URLs all derive from it (tests/e2e/package.e2e.ts checks that they agree).
 */
export const REPOSITORY = "https://github.com/markdownlint-rule-tasklog/markdownlint-rule-tasklog";
/** The docs of the version the user has: the release's tag (`npm run release` writes the version). */
export const DOCS_BASE = `${REPOSITORY}/blob/v${VERSION}/docs/rules/`;

/** What markdownlint passes to a rule (the part the pack uses). */
export interface RuleParams extends ModelParams {
  readonly name: string;
  readonly config: unknown;
}

export interface FixInfo {
  readonly lineNumber?: number;
  readonly editColumn?: number;
  readonly deleteCount?: number;
  readonly insertText?: string;
}

export interface ErrorInfo {
  lineNumber: number;
  detail?: string;
  context?: string;
  range?: [number, number];
  fixInfo?: FixInfo;
}

export type OnError = (info: ErrorInfo) => void;

/** A markdownlint custom rule object: markdownlint's own `Rule` type (erased at run time). */
export type MarkdownlintRule = Rule;

export interface Fix {
  /** Line to edit; defaults to the report's line. */
  readonly line?: number;
  readonly column: number;
  readonly deleteCount: number;
  readonly insertText: string;
}

export interface Report {
  readonly line: number;
  /** 1-based column of the offending text (on `line`). */
  readonly column?: number;
  readonly length?: number;
  /** What was expected and what was found. */
  readonly detail: string;
  readonly context?: string;
  readonly fix?: Fix;
}

export type Reporter = (report: Report) => void;

/** The options every rule reads: the model needs `statuses` to tell task headings. */
type ModelOptions = { readonly statuses: typeof shared.statuses };

export interface RuleContext<S extends OptionSpecs> {
  readonly model: TaskLog;
  /** The values of the options the rule declares (and `statuses`), validated. */
  readonly options: OptionValues<S & ModelOptions>;
  /** The rule's parameters without markdownlint's parsers: a rule reads the model, never tokens. */
  readonly params: Omit<RuleParams, "parsers">;
  readonly report: Reporter;
}

export interface RuleDefinition<S extends OptionSpecs> {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /**
   * The rule's specific tag, without the pack's prefix: the rule carries `tasklog` and `tasklog-<tag>`.
   * Every tag of the pack starts with `tasklog`, so a user's `"headings": false` or `"links": false`
   * (markdownlint's built-in tags) never reaches a rule of the pack.
   */
  readonly tag: string;
  /** The options the rule reads: its own (built with the builders of options.ts) and the shared ones it uses (`shared.types`). */
  readonly options: S;
  readonly check: (context: RuleContext<S>) => void;
}

/** A rule of the pack: the markdownlint rule plus what the docs and tests need to know about it. */
export interface TasklogRule<S extends OptionSpecs = OptionSpecs> extends Rule {
  readonly id: string;
  /** The rule's page in docs/rules/. */
  readonly information: URL;
  readonly ruleName: string;
  /**
   * The options the rule reads, name → `{ kind, default, description }` (what the docs tables and the
   * JSON schema are generated from). The rule also accepts, without reading them, the other shared
   * options (`SHARED_OPTIONS`), since markdownlint hands every rule of the `tasklog` tag the same block.
   */
  readonly options: S & ModelOptions;
}

/** Turn a pack report into a markdownlint `onError` argument that passes 0.40's and 0.42's validation. */
export function toErrorInfo(report: Report, lines: readonly string[]): ErrorInfo | undefined {
  const line = report.line;
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return undefined;
  const lineText = lines[line - 1] as string;
  const info: ErrorInfo = { lineNumber: line, detail: report.detail };
  if (report.context !== undefined && report.context !== "") info.context = clamp(report.context, 100, "...");
  if (report.column !== undefined) {
    const column = Math.max(1, Math.min(report.column, lineText.length));
    const length = Math.max(1, Math.min(report.length ?? 1, lineText.length - column + 1));
    if (lineText.length > 0) info.range = [column, length];
  }
  const fix = report.fix;
  if (fix !== undefined) {
    const fixLine = fix.line ?? line;
    const fixText = lines[fixLine - 1];
    if (
      fixText !== undefined &&
      fix.column >= 1 &&
      fix.deleteCount >= 0 &&
      fix.column + fix.deleteCount - 1 <= fixText.length
    ) {
      info.fixInfo = {
        ...(fix.line !== undefined && fix.line !== line ? { lineNumber: fix.line } : {}),
        editColumn: fix.column,
        deleteCount: fix.deleteCount,
        insertText: fix.insertText,
      };
    }
  }
  return info;
}

/**
 * `resolveOptions` for one rule, cached per configuration value: markdownlint hands a rule the same
 * value on every lint (`true`, or the user's object), so the options are validated once, not once per
 * rule per lint. An object is keyed by identity and its JSON (a caller may change an object between
 * lints); one that JSON cannot represent (a cycle, a BigInt) is resolved every time.
 */
function cachedResolver<S extends OptionSpecs>(specs: S): (config: unknown) => ResolvedOptions<S> {
  const byValue = new Map<unknown, ResolvedOptions<S>>();
  const byObject = new WeakMap<object, { readonly json: string; readonly resolved: ResolvedOptions<S> }>();
  return (config) => {
    if (typeof config !== "object" || config === null) {
      let resolved = byValue.get(config);
      if (resolved === undefined) {
        resolved = resolveOptions(specs, config);
        if (byValue.size < 64) byValue.set(config, resolved);
      }
      return resolved;
    }
    let json: string;
    try {
      json = JSON.stringify(config);
    } catch {
      return resolveOptions(specs, config);
    }
    const hit = byObject.get(config);
    if (hit !== undefined && hit.json === json) return hit.resolved;
    const resolved = resolveOptions(specs, config);
    byObject.set(config, { json, resolved });
    return resolved;
  };
}

/** Build a rule of the pack. */
export function defineRule<S extends OptionSpecs>(definition: RuleDefinition<S>): TasklogRule<S> {
  const declared = { ...definition.options, statuses: definition.options["statuses"] ?? shared.statuses } as S &
    ModelOptions;
  // Validated: what the rule reads and every shared option (accepted, checked, not read).
  const specs = { ...SHARED_OPTIONS, ...declared };
  const information = new URL(`${DOCS_BASE}${definition.id}-${definition.name}.md`);
  const resolve = cachedResolver(specs);
  return {
    id: definition.id,
    ruleName: definition.name,
    names: [definition.id, definition.name],
    description: definition.description,
    information,
    tags: ["tasklog", `tasklog-${definition.tag}`],
    parser: "micromark",
    asynchronous: false,
    options: declared,
    function(params: RuleParams, onError: OnError): void {
      const resolved = resolve(params.config);
      for (const problem of resolved.problems) {
        onError({ lineNumber: 1, detail: `${definition.id}/${definition.name}: ${problem.message}` });
      }
      const values = resolved.values as OptionValues<S & ModelOptions>;
      // Every document correction (BOMs, front matter) is readTaskLog's: on a document with two or
      // more BOMs the rules read a corrected copy, and report, but never fix.
      const { model, params: read, fixable } = readTaskLog(params, values.statuses as StatusFields);
      if (!model.isTaskLog) return;
      const report = (entry: Report): void => {
        const info = toErrorInfo(fixable ? entry : { ...entry, fix: undefined }, params.lines);
        if (info !== undefined) onError(info);
      };
      definition.check({ model, options: values, params: read, report });
    },
  };
}
