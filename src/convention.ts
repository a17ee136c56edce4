/**
 * The task-log convention (CONVENTION.md) as data, in one place. The model reads its statuses, field
 * names, label forms and Git plan labels from here; the rules read the value rules, commit types and
 * defaults. Changing the convention (a new field, a new status, a new value rule) is an edit here and
 * in the docs, nothing else.
 *
 * This module imports nothing: the grammars, the model, the options and the rules all depend on it.
 */

/** Statuses and the fields each requires, in template order (spec sections 3 and 6). */
export type StatusFields = Readonly<Record<string, readonly string[]>>;

/** The fields the convention names; rules and the model refer to fields by these names. */
export const FIELD = Object.freeze({
  summary: "Summary",
  priority: "Priority",
  size: "Size",
  meta: "Meta?",
  dependencies: "Dependencies",
  nextSteps: "Next steps",
  validation: "Validation",
  gitPlan: "Git plan",
  pr: "PR",
  references: "References",
  holdingPattern: "Holding pattern",
  prStatus: "PR status",
});

export const DEFAULT_STATUSES: StatusFields = Object.freeze({
  Open: Object.freeze([
    FIELD.summary,
    FIELD.priority,
    FIELD.size,
    FIELD.meta,
    FIELD.dependencies,
    FIELD.nextSteps,
    FIELD.validation,
    FIELD.gitPlan,
    FIELD.pr,
  ]),
  Deferred: Object.freeze([
    FIELD.summary,
    FIELD.priority,
    FIELD.size,
    FIELD.meta,
    FIELD.dependencies,
    FIELD.references,
    FIELD.holdingPattern,
    FIELD.prStatus,
  ]),
});

/** Statuses whose tasks must link their own PR in `PR status` (spec section 8; TL007's default). */
export const LINK_REQUIRED_STATUSES: readonly string[] = Object.freeze(["Deferred"]);

/** Fields whose links are PR links (spec section 8). */
export const PR_LINK_FIELDS: readonly string[] = Object.freeze([FIELD.pr, FIELD.prStatus]);

/** Identifier prefixes (the owner's initials, spec section 5). */
export const DEFAULT_PREFIXES: readonly string[] = Object.freeze(["tv"]);

/** Names are compared case-insensitively everywhere in the convention (statuses, field labels). */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The configured status that `text` names (matched case-insensitively), in its configured spelling. */
export function configuredStatus(statuses: StatusFields, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const lower = text.toLowerCase();
  return Object.keys(statuses).find((status) => status.toLowerCase() === lower);
}

// ---------------------------------------------------------------------------------------------
// Field values (spec section 6): one entry per field, looked up by TL004.

export type ValueRule =
  /** Exactly one of `choices` (case-sensitive; a case-only difference is fixable). */
  | { readonly kind: "one-of"; readonly choices: readonly string[] }
  /** `Yes — <reason>` or `No` (`No.`, `No — <reason>`). */
  | { readonly kind: "yes-no-reason" }
  /** One to `summary_sentences` sentences. */
  | { readonly kind: "sentences" }
  /** Anything but empty (`None.` is a value). */
  | { readonly kind: "not-empty" }
  /** A nested ordered list. */
  | { readonly kind: "ordered-list" }
  /** At least one command in a code span or code block. */
  | { readonly kind: "command" };

export const PRIORITIES: readonly string[] = Object.freeze(["P0", "P1", "P2", "P3"]);
export const SIZES: readonly string[] = Object.freeze(["XS", "S", "M", "L"]);

/** The value rule of each field, keyed by the lowercase field name. Fields not listed take any value. */
export const VALUE_RULES: ReadonlyMap<string, ValueRule> = new Map<string, ValueRule>(
  [
    [FIELD.priority, { kind: "one-of", choices: PRIORITIES }],
    [FIELD.size, { kind: "one-of", choices: SIZES }],
    [FIELD.meta, { kind: "yes-no-reason" }],
    [FIELD.summary, { kind: "sentences" }],
    [FIELD.dependencies, { kind: "not-empty" }],
    [FIELD.references, { kind: "not-empty" }],
    [FIELD.holdingPattern, { kind: "not-empty" }],
    [FIELD.nextSteps, { kind: "ordered-list" }],
    [FIELD.validation, { kind: "command" }],
  ].map(([name, rule]) => [(name as string).toLowerCase(), rule as ValueRule]),
);

/** The most sentences a Summary may hold (TL004's default). */
export const SUMMARY_SENTENCES = 2;

// ---------------------------------------------------------------------------------------------
// Labels (spec section 6): the forms a label may take, the canonical one first.

export type LabelForm = "canonical" | "colon-inside" | "spaced-colon" | "plain";

/** Each label form with how it is written and what is wrong with it (TL003's message). */
export const LABEL_FORMS: Readonly<
  Record<LabelForm, { readonly example: string; readonly problem: string | undefined }>
> = Object.freeze({
  canonical: { example: "**Label**: value", problem: undefined },
  "colon-inside": { example: "**Label:** value", problem: "colon inside the bold label" },
  "spaced-colon": { example: "**Label** : value", problem: "space before the colon" },
  plain: { example: "Label: value", problem: "label not bold" },
});

/** The canonical way to write a field's label. */
export const canonicalLabel = (name: string): string => `**${name}**:`;

// ---------------------------------------------------------------------------------------------
// The Git plan and the PR title (spec section 7).

/** Labels of the items nested under a `Git plan` field. */
export const BRANCH_LABEL = /^branch$/i;
export const COMMITS_LABEL = /^commits?$/i;
/** Label of a PR title nested under a `PR` field (`Title suggestion:`, `Title:`). */
export const TITLE_LABEL = /^title(?: suggestion)?$/i;
/** Text just before a code span that makes it the PR title inside the `PR` field's own value. */
// (The blanks after the colon belong to the optional colon's group: `[ \t]*:?[ \t]*` lets both runs take
// the blanks when there is no colon, quadratic on a long run of spaces.)
export const TITLE_BEFORE_CODE = /(?:^|[\s:;,(])title(?:[ \t]+suggestion)?[ \t]*(?::[ \t]*)?$/i;

export const BRANCH_EXAMPLE = "feat/parser-error-messages";
/** A real commit header, shown where a plan still holds the template's `<type>(<scope>): <subject>`. */
export const COMMIT_EXAMPLE = "feat(parser): add error messages";

/** Conventional Commits types (spec section 7). */
export const COMMIT_TYPES: readonly string[] = Object.freeze([
  "feat",
  "fix",
  "docs",
  "style",
  "refactor",
  "perf",
  "test",
  "build",
  "ci",
  "chore",
  "revert",
]);

/** Subjects that say nothing about the change (compared case-insensitively, ignoring a trailing period). */
export const VAGUE_SUBJECTS: readonly string[] = Object.freeze([
  "update stuff",
  "more tweaks",
  "misc fixes",
  "update tests",
  "wip",
]);

/** Maximum length of a commit header or PR title, in characters (code points). */
export const HEADER_MAX_LENGTH = 72;
