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

// ---------------------------------------------------------------------------------------------
// Fields (spec section 6): one table of every field the convention names, with its value rule
// (TL004) and its template text (`tasklog new`, the snippets of `tasklog init`).

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

/** How a new task's template writes a field; `{url}` in a text is the task's PR URL. */
export type FieldTemplate =
  /** Left empty, for a person to fill. */
  | { readonly kind: "empty" }
  /** The value the command is given (`--priority`, `--size`); empty, for a person, without it. */
  | { readonly kind: "given"; readonly option: "priority" | "size" }
  /** Template placeholders for a person to replace, on the label line and the lines nested under it. */
  | { readonly kind: "placeholder"; readonly text: string; readonly nested: readonly string[] }
  /** The task's PR link: complete when the repository and the PR number are known. */
  | { readonly kind: "link"; readonly text: string };

export interface FieldSpec {
  /** The field's label as the convention writes it (`**Label**:`). */
  readonly label: string;
  /** The rule its value follows (TL004); undefined when any value will do. */
  readonly value: ValueRule | undefined;
  readonly template: FieldTemplate;
}

export const PRIORITIES: readonly string[] = Object.freeze(["P0", "P1", "P2", "P3"]);
export const SIZES: readonly string[] = Object.freeze(["XS", "S", "M", "L"]);

/** The placeholder of a branch name and of a commit header in the template's Git plan. */
export const BRANCH_PLACEHOLDER = "<type>/<scope>-<desc>";
export const COMMIT_PLACEHOLDER = "<type>(<scope>): <subject>";

const EMPTY: FieldTemplate = { kind: "empty" };

/** Every field the convention names, keyed by the name rules and the model use for it. */
const FIELD_TABLE = {
  summary: { label: "Summary", value: { kind: "sentences" }, template: EMPTY },
  priority: {
    label: "Priority",
    value: { kind: "one-of", choices: PRIORITIES },
    template: { kind: "given", option: "priority" },
  },
  size: { label: "Size", value: { kind: "one-of", choices: SIZES }, template: { kind: "given", option: "size" } },
  meta: { label: "Meta?", value: { kind: "yes-no-reason" }, template: EMPTY },
  dependencies: { label: "Dependencies", value: { kind: "not-empty" }, template: EMPTY },
  nextSteps: { label: "Next steps", value: { kind: "ordered-list" }, template: EMPTY },
  validation: { label: "Validation", value: { kind: "command" }, template: EMPTY },
  gitPlan: {
    label: "Git plan",
    value: undefined,
    template: {
      kind: "placeholder",
      text: "",
      nested: [`  - Branch: \`${BRANCH_PLACEHOLDER}\``, "  - Commits:", `    - \`${COMMIT_PLACEHOLDER}\``],
    },
  },
  pr: {
    label: "PR",
    value: undefined,
    template: { kind: "placeholder", text: "Title `<type>: <subject>`; {url}.", nested: [] },
  },
  references: { label: "References", value: { kind: "not-empty" }, template: EMPTY },
  holdingPattern: { label: "Holding pattern", value: { kind: "not-empty" }, template: EMPTY },
  prStatus: { label: "PR status", value: undefined, template: { kind: "link", text: "{url} (in Draft)." } },
} as const satisfies Record<string, FieldSpec>;

/** The fields the convention names, in the table's order. */
export const FIELDS: readonly FieldSpec[] = Object.freeze(Object.values(FIELD_TABLE));

/** The label of each field the convention names; rules and the model refer to fields by these names. */
export const FIELD: { readonly [K in keyof typeof FIELD_TABLE]: string } = Object.freeze(
  Object.fromEntries(Object.entries(FIELD_TABLE).map(([key, spec]) => [key, spec.label])) as {
    [K in keyof typeof FIELD_TABLE]: string;
  },
);

/** The field of the table that `label` names (case-insensitively), or undefined. */
export function fieldSpec(label: string): FieldSpec | undefined {
  const lower = label.toLowerCase();
  return FIELDS.find((spec) => spec.label.toLowerCase() === lower);
}

/** The value rule of each field, keyed by the lowercase field name. Fields not listed take any value. */
export const VALUE_RULES: ReadonlyMap<string, ValueRule> = new Map(
  FIELDS.flatMap((spec) => (spec.value === undefined ? [] : [[spec.label.toLowerCase(), spec.value] as const])),
);

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
