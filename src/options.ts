/**
 * Rule options: declared with a type, a default and a description; validated each time a rule runs.
 * A wrong value never throws: it yields a problem (reported by the factory) and the default is used.
 */
import { DEFAULT_STATUSES, type StatusFields } from "./model.js";

export type OptionKind = "string" | "string-or-strings" | "strings" | "integer" | "boolean" | "statuses";

export interface OptionSpec<T> {
  readonly kind: OptionKind;
  readonly default: T;
  readonly description: string;
  /** Extra check on a value of the right type; returns what was expected, or undefined when fine. */
  check?(value: T): string | undefined;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec<unknown>>>;

/** The resolved option values of a spec map. */
export type OptionValues<S extends OptionSpecs> = { readonly [K in keyof S]: S[K]["default"] };

export function option<T>(spec: OptionSpec<T>): OptionSpec<T> {
  return spec;
}

const EXPECTED: Record<OptionKind, string> = {
  string: "a string",
  "string-or-strings": "a string or a non-empty array of strings",
  strings: "an array of strings",
  integer: "a positive integer",
  boolean: "true or false",
  statuses: "an object mapping each status to a non-empty array of field labels",
};

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty array" : `an array (${JSON.stringify(value).slice(0, 60)})`;
  if (typeof value === "string") return `the string ${JSON.stringify(value).slice(0, 60)}`;
  if (typeof value === "object") return `an object (${JSON.stringify(value).slice(0, 60)})`;
  return `${typeof value} ${String(value)}`;
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === "string");

/** Check a value against its kind; return the normalised value or undefined when the type is wrong. */
function coerce(kind: OptionKind, value: unknown): unknown {
  switch (kind) {
    case "string":
      return typeof value === "string" ? value : undefined;
    case "string-or-strings":
      if (typeof value === "string") return [value];
      return isStringArray(value) && value.length > 0 ? value : undefined;
    case "strings":
      return isStringArray(value) ? value : undefined;
    case "integer":
      return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
    case "boolean":
      return typeof value === "boolean" ? value : undefined;
    case "statuses": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) return undefined;
      for (const [status, fields] of entries) {
        if (!/^\p{L}[\p{L}\p{N} -]*$/u.test(status)) return undefined;
        if (!isStringArray(fields) || fields.length === 0 || fields.some((field) => field.trim() === "")) return undefined;
      }
      return value;
    }
  }
}

export interface OptionProblem {
  readonly option: string;
  readonly message: string;
}

export interface ResolvedOptions<S extends OptionSpecs> {
  readonly values: OptionValues<S>;
  readonly problems: readonly OptionProblem[];
}

/** Validate `config` (markdownlint's `params.config` for the rule) against the declared options. */
export function resolveOptions<S extends OptionSpecs>(specs: S, config: unknown): ResolvedOptions<S> {
  const values: Record<string, unknown> = {};
  const problems: OptionProblem[] = [];
  const given = typeof config === "object" && config !== null && !Array.isArray(config) ? (config as Record<string, unknown>) : {};
  for (const [name, spec] of Object.entries(specs)) {
    values[name] = spec.default;
    if (!(name in given) || given[name] === undefined) continue;
    const raw = given[name];
    const coerced = coerce(spec.kind, raw);
    if (coerced === undefined) {
      problems.push({ option: name, message: `Option "${name}" expects ${EXPECTED[spec.kind]}; found ${describe(raw)}. Using the default.` });
      continue;
    }
    const expected = spec.check?.(coerced);
    if (expected !== undefined) {
      problems.push({ option: name, message: `Option "${name}" expects ${expected}; found ${describe(raw)}. Using the default.` });
      continue;
    }
    values[name] = coerced;
  }
  for (const name of Object.keys(given)) {
    if (!(name in specs)) {
      const known = Object.keys(specs).sort().join(", ");
      problems.push({ option: name, message: `Unknown option "${name}"; this rule takes: ${known}.` });
    }
  }
  return { values: values as OptionValues<S>, problems };
}

/** Conventional Commits types (spec section 7). */
export const DEFAULT_TYPES: readonly string[] = Object.freeze([
  "feat", "fix", "docs", "style", "refactor", "perf", "test", "build", "ci", "chore", "revert",
]);

const LOWERCASE_WORD = /^[a-z]+$/;

/**
 * Options every rule of the pack accepts, so that one block under the `tasklog` tag in a
 * markdownlint configuration configures the whole pack.
 */
export const SHARED_OPTIONS = {
  statuses: option<StatusFields>({
    kind: "statuses",
    default: DEFAULT_STATUSES,
    description: "Statuses and the fields each requires, in template order.",
  }),
  prefix: option<readonly string[]>({
    kind: "string-or-strings",
    default: Object.freeze(["tv"]),
    description: "Identifier prefix (the owner's initials): one string or an array of strings, lowercase letters.",
    check: (value) =>
      value.every((entry) => LOWERCASE_WORD.test(entry)) ? undefined : "lowercase letters only (a-z), e.g. \"tv\"",
  }),
  types: option<readonly string[]>({
    kind: "strings",
    default: DEFAULT_TYPES,
    description: "Conventional Commits types allowed in commit headers, PR titles and branch names.",
    check: (value) =>
      value.length > 0 && value.every((entry) => LOWERCASE_WORD.test(entry)) ? undefined : "a non-empty array of lowercase words",
  }),
} as const satisfies OptionSpecs;
