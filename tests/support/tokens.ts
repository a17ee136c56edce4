/**
 * Run the pack's rules on token trees too big for markdownlint to parse within a test: the tokens of
 * small documents that markdownlint did parse, cloned (with shifted lines and same-length text
 * changes) or chained (nesting far deeper than the parser reaches), then handed to each rule's
 * `function` exactly as markdownlint hands them over (`params.lines`, `params.parsers.micromark.tokens`).
 */
import { lint } from "markdownlint/sync";
import rules from "../../rules/index.js";
import type { ErrorInfo, RuleParams } from "../../src/kit/define.js";
import type { Token } from "../../src/markdown/tokens.js";
import type { LintError } from "../harness.js";

export interface MutableToken {
  type: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  text: string;
  children: MutableToken[];
  parent: MutableToken | null;
}

/** The lines and top-level tokens markdownlint gives a micromark rule for `content`. */
export function parse(content: string): { lines: string[]; tokens: readonly Token[] } {
  let captured: { lines: string[]; tokens: readonly Token[] } | undefined;
  const capture = {
    names: ["capture-tokens"],
    description: "captures the tokens",
    tags: ["test"],
    parser: "micromark",
    function(params: RuleParams): void {
      captured = { lines: [...params.lines], tokens: params.parsers.micromark?.tokens ?? [] };
    },
  };
  lint({
    strings: { content },
    customRules: [capture],
    config: { default: false, "capture-tokens": true },
    handleRuleFailures: false,
    noInlineConfig: true,
  } as never);
  if (captured === undefined) throw new Error("the capture rule did not run");
  return captured;
}

/** Deep copies of `roots` (iterative), lines shifted by `lineShift`, every text passed through `text`. */
export function cloneTokens(
  roots: readonly Token[],
  lineShift: number,
  text: (value: string) => string = (value) => value,
): MutableToken[] {
  const out: MutableToken[] = [];
  const work: { source: Token; parent: MutableToken | null; into: MutableToken[] }[] = roots.map((source) => ({
    source,
    parent: null,
    into: out,
  }));
  // Keep document order: process in order, children appended in order.
  for (let i = 0; i < work.length; i++) {
    const { source, parent, into } = work[i] as (typeof work)[number];
    const copy: MutableToken = {
      type: source.type,
      startLine: source.startLine + lineShift,
      startColumn: source.startColumn,
      endLine: source.endLine + lineShift,
      endColumn: source.endColumn,
      text: text(source.text),
      children: [],
      parent,
    };
    into.push(copy);
    for (const child of source.children) work.push({ source: child, parent: copy, into: copy.children });
  }
  return out;
}

export interface PackRun {
  readonly errors: LintError[];
}

/**
 * Every rule of the pack on `lines` and `tokens`, with `config` for each rule, like markdownlint
 * would call them (a throw propagates). Returns markdownlint-shaped errors.
 */
export function runPack(
  lines: readonly string[],
  tokens: readonly MutableToken[] | readonly Token[],
  config: Record<string, unknown> = {},
): LintError[] {
  const errors: LintError[] = [];
  // One frozen array for all rules: the model cache is keyed by the token array, as in markdownlint.
  const frozen = (Object.isFrozen(tokens) ? tokens : Object.freeze([...tokens])) as readonly Token[];
  for (const rule of rules) {
    const params: RuleParams = {
      name: rule.names[0] as string,
      config,
      lines,
      parsers: { micromark: { tokens: frozen } },
    };
    rule.function(params, (info: ErrorInfo) => {
      errors.push({
        lineNumber: info.lineNumber,
        ruleNames: [...rule.names],
        ruleDescription: rule.description,
        ruleInformation: rule.information.href,
        errorDetail: info.detail ?? null,
        errorContext: info.context ?? null,
        errorRange: info.range ?? null,
        fixInfo: info.fixInfo ?? null,
      });
    });
  }
  return errors;
}
