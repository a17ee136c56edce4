/**
 * Bad configuration. Every option of every rule (read from the rule objects, so new rules and options
 * are covered as they land) is given a value of the wrong type, an empty list, and a string that
 * looks like a regular expression; every rule is given an unknown option. Expected each time: no
 * throw (rules run with `handleRuleFailures: false`), one clear report per problem on line 1 that
 * names the rule and the option, and the rule falls back to its defaults for the rest: its other
 * findings on a damaged log are exactly the findings it gives with no configuration.
 * Also: every option of every rule is documented in the rule's docs page.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OptionKind, OptionSpecs } from "../src/kit/options.js";
import { lintPack, packRules, parseFixture, type LintError } from "./harness.js";
import { reportProblems } from "./support/checks.js";
import { buildTaskLog, seededRandom } from "./support/generate.js";
import { applyMutations, NEAR_MISSES, type Mutation } from "./support/mutate.js";

interface RuleUnderTest {
  readonly id: string;
  readonly name: string;
  readonly options: OptionSpecs;
}

const rules: RuleUnderTest[] = packRules.map((rule) => ({
  id: rule.names[0] as string,
  name: rule.names[1] as string,
  options: rule.options as unknown as OptionSpecs,
}));

/** A small log damaged with one of each near miss, so that every rule has findings to keep. */
function damagedLog(): string {
  const log = buildTaskLog(seededRandom(11), 5).text;
  const mutations: Mutation[] = NEAR_MISSES.map((_, pattern) => ({
    kind: "near-miss",
    pattern,
    occurrence: pattern,
    replacement: pattern,
  }));
  const extra = [
    "",
    "## Deferred tasks (updated 2019-01-01)",
    "",
    "### Deferred · tv-2025-10-03:PR41 · Self reference.",
    "",
    "- **Summary**: One. Two. Three. Four.",
    "- **Dependencies**: Needs `tv-2025-10-03:PR41` and tv-2030-01-01:PR1.",
    "- **Git plan**:",
    "  - Branch: `Bad_Branch`",
    "  - Commits:",
    "    - `Update stuff.`",
    "- **PR status**: https://github.com/o/r/pull/42",
    "",
    "### Deferred · TV-2025-02-30:PR041 · Bad identifier",
    "",
  ].join("\n");
  return applyMutations(log, mutations) + extra;
}

/**
 * The damaged log, plus the fixtures of any rule that has no finding on it (a rule added since), so
 * that a new rule needs nothing here.
 */
function documentForEveryRule(): string {
  let text = damagedLog();
  for (const rule of rules) {
    if (lintPack(text, { tasklog: false, [rule.id]: true }).length > 0) continue;
    const dir = join(import.meta.dirname, "fixtures", `${rule.id}-${rule.name}`);
    for (const file of readdirSync(dir)
      .filter((name) => name.endsWith(".md") && !name.endsWith(".fixed.md"))
      .sort()) {
      text += `\n${parseFixture(readFileSync(join(dir, file), "utf8")).content}`;
    }
  }
  return text;
}

const document = documentForEveryRule();

type Finding = string;
const findingsOf = (errors: readonly LintError[]): Finding[] =>
  errors.map((error) => `${error.ruleNames[0]}:${error.lineNumber}:${error.errorDetail ?? ""}`).sort();

/**
 * Lint the document once with each rule of `configs` configured as given (others off) and return each
 * rule's findings. One markdownlint run serves all rules (the parse dominates the cost).
 */
function lintRules(configs: ReadonlyMap<RuleUnderTest, Record<string, unknown> | true>): Map<string, LintError[]> {
  const config: Record<string, unknown> = { tasklog: false };
  for (const [rule, options] of configs) config[rule.id] = options;
  const errors = lintPack(document, config);
  expect(reportProblems(document, errors)).toEqual([]);
  const byRule = new Map<string, LintError[]>();
  for (const rule of configs.keys())
    byRule.set(
      rule.id,
      errors.filter((error) => error.ruleNames[0] === rule.id),
    );
  return byRule;
}

const baselines = lintRules(new Map(rules.map((rule) => [rule, true] as const)));
const baseline = (rule: RuleUnderTest): Finding[] => findingsOf(baselines.get(rule.id) ?? []);

/** Findings of `errors` that the baseline does not have, and baseline findings that are gone. */
function difference(rule: RuleUnderTest, errors: readonly LintError[]): { extra: LintError[]; missing: Finding[] } {
  const remaining = new Map<Finding, number>();
  for (const finding of baseline(rule)) remaining.set(finding, (remaining.get(finding) ?? 0) + 1);
  const extra: LintError[] = [];
  for (const error of errors) {
    const key = findingsOf([error])[0] as Finding;
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else extra.push(error);
  }
  const missing = [...remaining].flatMap(([finding, count]) => Array.from({ length: count }, () => finding));
  return { extra, missing };
}

const namesOption = (error: LintError, option: string): boolean => (error.errorDetail ?? "").includes(`"${option}"`);

/** Exactly one problem report per named option (line 1, naming rule and option); otherwise the defaults. */
function expectProblems(
  rule: RuleUnderTest,
  errors: readonly LintError[],
  named: readonly string[],
  what: string,
): void {
  const { extra, missing } = difference(rule, errors);
  expect(missing, `${rule.id} ${what}: findings lost`).toEqual([]);
  expect(
    extra.map((error) => error.errorDetail),
    `${rule.id} ${what}: extra reports`,
  ).toHaveLength(named.length);
  for (const option of named) {
    const reports = extra.filter((error) => namesOption(error, option));
    expect(reports, `${rule.id} ${what}: one report naming option "${option}"`).toHaveLength(1);
    const report = reports[0] as LintError;
    expect(report.lineNumber).toBe(1);
    expect(report.ruleNames).toEqual([rule.id, rule.name]);
    expect(report.errorDetail).toContain(rule.id);
  }
}

const WRONG_TYPES: Record<OptionKind, unknown[]> = {
  string: [42, ["a"], { a: 1 }, null],
  "string-or-strings": [42, { a: 1 }, ["a", 3], null],
  strings: ["a", true, [1], ["a", null]],
  integer: ["5", 1.5, 0, -3, true, null],
  boolean: ["true", 1, null],
  statuses: [[], "Open", { Open: "Summary" }, { Open: [] }, { Open: [1] }, {}, { "": ["Summary"] }],
};

const REGEX_LIKE = ["^(a+)+$", "[", ".*", "(Open|Deferred)"];

/** A value of the option's kind that is literal text occurring nowhere in the document. */
const SENTINEL: Record<OptionKind, unknown> = {
  string: "zzqq",
  "string-or-strings": ["zzqq"],
  strings: ["zzqq"],
  integer: 7,
  boolean: true,
  statuses: { Zzqq: ["Zzqq"] },
};

function regexLikeValues(kind: OptionKind): unknown[] {
  switch (kind) {
    case "string":
      return REGEX_LIKE;
    case "string-or-strings":
      return [...REGEX_LIKE, ...REGEX_LIKE.map((text) => [text])];
    case "strings":
      return REGEX_LIKE.map((text) => [text]);
    case "statuses":
      return [{ "(Open|Deferred)": ["Summary"] }, { "Open.*": ["Summary"] }, { Zzqq: ["Sum.*", "["] }];
    default:
      return [];
  }
}

const emptyValue = (kind: OptionKind): unknown =>
  kind === "statuses" ? {} : kind === "strings" || kind === "string-or-strings" ? [] : "";

const entriesOf = (errors: readonly LintError[]): string[] =>
  errors.map((error) => `${error.ruleNames[0]}:${error.lineNumber}`).sort();

/** Every option name and kind, with the rules that take it. */
const optionGroups = new Map<string, { option: string; kind: OptionKind; rules: RuleUnderTest[] }>();
for (const rule of rules) {
  for (const [option, spec] of Object.entries(rule.options)) {
    const key = `${option} (${spec.kind})`;
    const group = optionGroups.get(key) ?? { option, kind: spec.kind, rules: [] };
    group.rules.push(rule);
    optionGroups.set(key, group);
  }
}

const configure = (group: { rules: RuleUnderTest[] }, options: Record<string, unknown>) =>
  new Map(group.rules.map((rule) => [rule, options] as const));

describe("bad configuration", () => {
  it("the damaged log gives every rule findings to keep", () => {
    for (const rule of rules)
      expect(baseline(rule).length, `${rule.id} findings on the damaged log`).toBeGreaterThan(0);
  });

  it("no configuration (true) and an empty object give the same findings", () => {
    const empty = lintRules(new Map(rules.map((rule) => [rule, {}] as const)));
    for (const rule of rules) expect(findingsOf(empty.get(rule.id) ?? [])).toEqual(baseline(rule));
  });

  it("an unknown option: one report naming it, defaults for the rest (every rule)", () => {
    const all = { rules };
    const one = lintRules(configure(all, { no_such_option: true }));
    const two = lintRules(configure(all, { noSuchOption: 1, "other-unknown": "x" }));
    for (const rule of rules) {
      expectProblems(rule, one.get(rule.id) ?? [], ["no_such_option"], "unknown option");
      expectProblems(rule, two.get(rule.id) ?? [], ["noSuchOption", "other-unknown"], "two unknown options");
    }
  });

  it("every option wrong at once plus an unknown one: one report each, defaults for the rest (every rule)", () => {
    const configs = new Map<RuleUnderTest, Record<string, unknown>>();
    for (const rule of rules) {
      const config: Record<string, unknown> = { not_an_option: 0 };
      for (const [option, spec] of Object.entries(rule.options)) config[option] = WRONG_TYPES[spec.kind][0];
      configs.set(rule, config);
    }
    const results = lintRules(configs);
    for (const [rule, config] of configs)
      expectProblems(rule, results.get(rule.id) ?? [], Object.keys(config), "all wrong");
  });

  for (const [key, group] of optionGroups) {
    const { option, kind } = group;
    const who = group.rules.map((rule) => rule.id).join(", ");
    describe(`option ${key} of ${who}`, () => {
      it("of the wrong type: one report naming rule and option, defaults for the rest", () => {
        for (const value of WRONG_TYPES[kind]) {
          const results = lintRules(configure(group, { [option]: value }));
          for (const rule of group.rules)
            expectProblems(rule, results.get(rule.id) ?? [], [option], JSON.stringify(value));
        }
      });

      it("empty: accepted as a meaningful value, or one report naming rule and option", () => {
        const results = lintRules(configure(group, { [option]: emptyValue(kind) }));
        for (const rule of group.rules) {
          const errors = results.get(rule.id) ?? [];
          const { extra } = difference(rule, errors);
          if (extra.some((error) => namesOption(error, option))) {
            expectProblems(rule, errors, [option], "empty");
          } else {
            // Accepted (e.g. "no extra labels"): then no report mentions any option problem.
            expect(extra.filter((error) => /\boption\b/i.test(error.errorDetail ?? ""))).toEqual([]);
          }
        }
      });

      const regexLike = regexLikeValues(kind);
      if (regexLike.length > 0) {
        it("like a regular expression: rejected with one report, or taken literally", () => {
          const sentinel = lintRules(configure(group, { [option]: SENTINEL[kind] }));
          for (const value of regexLike) {
            const results = lintRules(configure(group, { [option]: value }));
            for (const rule of group.rules) {
              const errors = results.get(rule.id) ?? [];
              if (difference(rule, errors).extra.some((error) => namesOption(error, option))) {
                expectProblems(rule, errors, [option], JSON.stringify(value));
                continue;
              }
              const literal = sentinel.get(rule.id) ?? [];
              if (difference(rule, literal).extra.some((error) => namesOption(error, option))) continue;
              // Taken literally: it finds exactly what another literal that occurs nowhere finds.
              expect(
                entriesOf(errors),
                `${rule.id} ${option}=${JSON.stringify(value)} vs literal ${JSON.stringify(SENTINEL[kind])}`,
              ).toEqual(entriesOf(literal));
            }
          }
        });
      }
    });
  }
});

describe("option documentation", () => {
  const docsDir = join(import.meta.dirname, "..", "docs", "rules");
  const pages = new Set(readdirSync(docsDir));
  for (const rule of rules) {
    it(`${rule.id}: every option is documented in docs/rules/${rule.id}-${rule.name}.md`, () => {
      const page = `${rule.id}-${rule.name}.md`;
      expect(pages.has(page), `docs page ${page}`).toBe(true);
      const text = readFileSync(join(docsDir, page), "utf8");
      const undocumented = Object.keys(rule.options).filter((option) => !text.includes(`\`${option}\``));
      expect(undocumented, `options of ${rule.id} not named (in backticks) in ${page}`).toEqual([]);
    });
  }
});
