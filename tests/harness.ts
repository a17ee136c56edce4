/**
 * The one test harness: lint Markdown with the pack (from source) through the real markdownlint,
 * read inline expected-finding markers, and check fixes.
 *
 * Fixture markers follow markdownlint's own test style: `{TL001}` at the end of a line says that rule
 * reports that line; several markers may follow each other (`{TL001} {TL002}`). The harness removes
 * the markers before linting (so they never change what the rules see) and keeps line numbers.
 * A fixture may have a sibling `<name>.json` with markdownlint configuration for the pack's rules,
 * and a sibling `<name>.fixed.md` with the exact text expected after applying all fixes once.
 */
import { applyFixes } from "markdownlint";
import { lint } from "markdownlint/sync";
import rules from "../rules/index.js";
import { getTaskLog, type ModelParams, type StatusFields, type TaskLog } from "../src/model/index.js";

export type LintError = {
  lineNumber: number;
  ruleNames: string[];
  ruleDescription: string;
  ruleInformation: string | null;
  errorDetail: string | null;
  errorContext: string | null;
  errorRange: [number, number] | null;
  fixInfo: { lineNumber?: number; editColumn?: number; deleteCount?: number; insertText?: string } | null;
  severity?: string;
};

export const packRules = rules;
export const ruleIds = rules.map((rule) => rule.names[0] as string);
const packIds = new Set(ruleIds);

/**
 * Lint `content` with the pack's rules only (built-in rules off). `config` adds rule configuration.
 * `noInlineConfig` ignores the document's own `<!-- markdownlint-… -->` comments (for corpora whose
 * comments could otherwise switch the pack off and hide a report).
 */
export function lintPack(content: string, config: Record<string, unknown> = {}, noInlineConfig = false): LintError[] {
  const results = lint({
    strings: { content },
    customRules: rules as unknown as never,
    config: { default: false, tasklog: true, ...config },
    handleRuleFailures: false,
    noInlineConfig,
  } as never) as unknown as Record<string, LintError[]>;
  // Inline comments in a document (`<!-- markdownlint-enable MD010 -->`) can switch built-in rules
  // on; only the pack's findings count here.
  return (results["content"] ?? []).filter((error) => packIds.has(error.ruleNames[0] as string));
}

const MARKERS = /(?:[ \t]*\{(TL\d{3})\})+[ \t]*$/;
const MARKER = /\{(TL\d{3})\}/g;

export interface Fixture {
  /** The Markdown with markers removed, line endings kept. */
  readonly content: string;
  /** Expected `RULE:line` entries, sorted. */
  readonly expected: string[];
}

/** Remove `{TLnnn}` markers and collect them per line. */
export function parseFixture(source: string): Fixture {
  const expected: string[] = [];
  const parts = source.split(/(\r\n|\n|\r)/);
  for (let i = 0; i < parts.length; i += 2) {
    const line = parts[i] as string;
    const markers = MARKERS.exec(line);
    if (markers) {
      for (const match of markers[0].matchAll(MARKER)) expected.push(`${match[1]}:${i / 2 + 1}`);
      parts[i] = line.slice(0, markers.index);
    }
  }
  return { content: parts.join(""), expected: expected.sort(compareEntries) };
}

function compareEntries(a: string, b: string): number {
  const [ra, la] = a.split(":");
  const [rb, lb] = b.split(":");
  return (ra as string).localeCompare(rb as string) || Number(la) - Number(lb);
}

/** Findings as sorted unique `RULE:line` entries (one entry per rule and line). */
export function entries(errors: readonly LintError[]): string[] {
  return [...new Set(errors.map((error) => `${error.ruleNames[0]}:${error.lineNumber}`))].sort(compareEntries);
}

export function applyAllFixes(content: string, errors: readonly LintError[]): string {
  return applyFixes(content, errors as never);
}

export interface FixCheck {
  readonly fixed: string;
  readonly fixableAfter: LintError[];
  readonly secondPass: string;
  /** Line numbers (1-based) that changed although no fixable finding named them. */
  readonly untouchedChanged: number[];
}

/**
 * Apply all fixes once, re-lint, apply again. Also reports lines changed by the fix that no fixable
 * finding named (comparison is by line, only when the fix keeps the number of lines).
 */
export function checkFixes(content: string, config: Record<string, unknown> = {}): FixCheck {
  const errors = lintPack(content, config);
  const fixed = applyAllFixes(content, errors);
  const after = lintPack(fixed, config);
  const fixableAfter = after.filter((error) => error.fixInfo !== null);
  const secondPass = applyAllFixes(fixed, after);
  const named = new Set(
    errors.filter((error) => error.fixInfo !== null).map((error) => error.fixInfo?.lineNumber ?? error.lineNumber),
  );
  const before = content.split(/\r\n|\n|\r/);
  const afterLines = fixed.split(/\r\n|\n|\r/);
  const untouchedChanged: number[] = [];
  if (before.length === afterLines.length) {
    before.forEach((line, index) => {
      if (line !== afterLines[index] && !named.has(index + 1)) untouchedChanged.push(index + 1);
    });
  }
  return { fixed, fixableAfter, secondPass, untouchedChanged };
}

/** The parameters markdownlint passes to a micromark rule for `content` (captured by a probe rule). */
export function paramsOf(content: string): ModelParams {
  let captured: ModelParams | undefined;
  const probe = {
    names: ["probe"],
    description: "captures params",
    tags: ["capture"],
    parser: "micromark",
    function: (params: ModelParams) => {
      captured = params;
    },
  };
  lint({ strings: { content }, customRules: [probe], config: { default: false, probe: true } } as never);
  if (captured === undefined) throw new Error("probe rule did not run");
  return captured;
}

/** The task-log model of `content`, built from the tokens markdownlint produces. */
export function modelOf(content: string, statuses?: StatusFields): TaskLog {
  return getTaskLog(paramsOf(content), statuses);
}
