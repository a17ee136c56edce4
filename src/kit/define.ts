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
  type OptionOwners,
  type OptionProblem,
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
 * The rule-specific options of every rule defined so far (the whole pack, once `rules/index.ts` is
 * loaded): option name → the rules declaring it. An unknown option name says whose option it is, or
 * suggests a close one.
 */
const OWNERS = new Map<string, string[]>();
/** Bumped whenever a rule is defined, so that cached resolutions see every rule's options. */
let ownersVersion = 0;

function registerOwner(label: string, declared: OptionSpecs): void {
  for (const name of Object.keys(declared)) {
    if (Object.hasOwn(SHARED_OPTIONS, name)) continue;
    const owners = OWNERS.get(name) ?? [];
    if (!owners.includes(label)) owners.push(label);
    OWNERS.set(name, owners);
  }
  ownersVersion++;
}

/** The other rules' options, seen from the rule `label`. */
function ownersFor(label: string): OptionOwners {
  const others = new Map<string, readonly string[]>();
  for (const [name, owners] of OWNERS) {
    const rest = owners.filter((owner) => owner !== label);
    if (rest.length > 0) others.set(name, rest);
  }
  return others;
}

/**
 * Option problems already reported, per document (markdownlint hands every rule of one lint the same
 * frozen `lines`) and per configuration block (the object markdownlint hands the rules of a tag is
 * one object): a problem of one block is reported once, by the first rule of the pack that runs with
 * it and finds it (the pack's registry is in ID order, so TL001 unless it is off), not once per rule.
 */
const reported = new WeakMap<readonly string[], WeakMap<object, Set<string>>>();

/** Whether `problem` of the block `config` is still to be reported on the document `lines` (and mark it). */
function firstReport(lines: readonly string[], config: unknown, problem: OptionProblem): boolean {
  if (typeof config !== "object" || config === null || !Array.isArray(lines)) return true;
  let blocks = reported.get(lines);
  if (blocks === undefined) {
    blocks = new WeakMap();
    reported.set(lines, blocks);
  }
  let seen = blocks.get(config);
  if (seen === undefined) {
    seen = new Set();
    blocks.set(config, seen);
  }
  // A value problem of a shared option is the same for every rule; a name problem is one per name.
  const key = `${problem.kind}\u0000${problem.option}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/**
 * `resolveOptions` for one rule, cached per configuration value: markdownlint hands a rule the same
 * value on every lint (`true`, or the user's object), so the options are validated once, not once per
 * rule per lint. An object is keyed by identity and its JSON (a caller may change an object between
 * lints); one that JSON cannot represent (a cycle, a BigInt) is resolved every time.
 */
/** JSON of a configuration value of at most 10,000 values without cycles; undefined otherwise. */
function fingerprint(value: object): string | undefined {
  let budget = 10_000;
  const path: object[] = [];
  const walk = (entry: unknown): boolean => {
    if (--budget < 0) return false;
    if (typeof entry !== "object" || entry === null) return true;
    if (path.includes(entry)) return false;
    path.push(entry);
    for (const key in entry) {
      if (Object.hasOwn(entry, key) && !walk((entry as Record<string, unknown>)[key])) return false;
    }
    path.pop();
    return true;
  };
  if (!walk(value)) return undefined;
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function cachedResolver<S extends OptionSpecs>(specs: S, label: string): (config: unknown) => ResolvedOptions<S> {
  let byValue = new Map<unknown, ResolvedOptions<S>>();
  let byObject = new WeakMap<object, { readonly json: string; readonly resolved: ResolvedOptions<S> }>();
  let owners: OptionOwners = new Map();
  let version = -1;
  return (config) => {
    if (version !== ownersVersion) {
      // A rule was defined since: resolve again, with its options known.
      version = ownersVersion;
      owners = ownersFor(label);
      byValue = new Map();
      byObject = new WeakMap();
    }
    if (typeof config !== "object" || config === null) {
      let resolved = byValue.get(config);
      if (resolved === undefined) {
        resolved = resolveOptions(specs, config, owners);
        if (byValue.size < 64) byValue.set(config, resolved);
      }
      return resolved;
    }
    // The fingerprint of a small configuration; a large or self-referencing one (YAML aliases) is
    // resolved each time instead of serialised whole.
    const json = fingerprint(config);
    if (json === undefined) return resolveOptions(specs, config, owners);
    const hit = byObject.get(config);
    if (hit !== undefined && hit.json === json) return hit.resolved;
    const resolved = resolveOptions(specs, config, owners);
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
  const label = `${definition.id}/${definition.name}`;
  registerOwner(label, definition.options);
  const resolve = cachedResolver(specs, label);
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
        if (firstReport(params.lines, params.config, problem))
          onError({ lineNumber: 1, detail: `${label}: ${problem.message}` });
      }
      const values = resolved.values as OptionValues<S & ModelOptions>;
      // Every document correction (BOMs, front matter) is readTaskLog's: on a document with two or
      // more BOMs the rules read a corrected copy, and report, but never fix; no document gets a fix on
      // its first line (a BOM there shifts the host's columns, src/markdown/bom.ts).
      const { model, params: read, fixableOn } = readTaskLog(params, values.statuses as StatusFields);
      if (!model.isTaskLog) return;
      const report = (entry: Report): void => {
        const fixLine = entry.fix?.line ?? entry.line;
        const info = toErrorInfo(fixableOn(fixLine) ? entry : { ...entry, fix: undefined }, params.lines);
        if (info !== undefined) onError(info);
      };
      definition.check({ model, options: values, params: read, report });
    },
  };
}
