/**
 * Rule options: declared with a kind, a default and a description; validated each time a rule runs.
 * A wrong value never throws: it yields a problem (reported by the factory) and the default is used.
 *
 * Declarations are built with one builder per kind (`integer`, `strings`, …), so a declaration's kind
 * and its TypeScript type cannot disagree. Each rule declares the options it reads, shared ones
 * included (`shared.types`); the docs tables and the JSON schema are generated from `rule.options`:
 * a map of option name → `{ kind, default, description }`.
 */
import { COMMIT_TYPES, DEFAULT_PREFIXES, DEFAULT_STATUSES, type StatusFields } from "../convention.js";
import { clamp, listed } from "../messages.js";
import { closest } from "./suggest.js";

/** The TypeScript type of each option kind's value. */
export interface KindTypes {
  string: string;
  "string-or-strings": readonly string[];
  strings: readonly string[];
  integer: number;
  boolean: boolean;
  statuses: StatusFields;
}

export type OptionKind = keyof KindTypes;

export interface OptionSpec<K extends OptionKind = OptionKind> {
  readonly kind: K;
  readonly default: KindTypes[K];
  readonly description: string;
  /** The value's entries name statuses: each must be one of the configured `statuses` (any case). */
  readonly namesStatuses?: boolean;
  /** Extra check on a value of the right type; returns what was expected, or undefined when fine. */
  readonly check?: (value: KindTypes[K]) => string | undefined;
}

/** A declaration of any kind (what the factory, the docs generator and the schema generator read). */
export type AnyOptionSpec = { [K in OptionKind]: OptionSpec<K> }[OptionKind];

export type OptionSpecs = Readonly<Record<string, AnyOptionSpec>>;

/** The resolved option values of a spec map. */
export type OptionValues<S extends OptionSpecs> = { readonly [K in keyof S]: S[K]["default"] };

type Declaration<K extends OptionKind> = Omit<OptionSpec<K>, "kind">;

function builder<K extends OptionKind>(kind: K): (declaration: Declaration<K>) => OptionSpec<K> {
  return (declaration) => Object.freeze({ kind, ...declaration });
}

/** A string. */
export const string = builder("string");
/** One string or a non-empty array of strings; the value is always an array. */
export const stringOrStrings = builder("string-or-strings");
/** An array of strings. */
export const strings = builder("strings");
/** A positive integer. */
export const integer = builder("integer");
/** `true` or `false`. */
export const boolean = builder("boolean");
/** An object mapping each status to its required fields. */
export const statuses = builder("statuses");
/** An array of status names, each checked against the configured `statuses` (any case). */
export const statusNames = (declaration: Omit<Declaration<"strings">, "namesStatuses">): OptionSpec<"strings"> =>
  strings({ ...declaration, namesStatuses: true });

const EXPECTED: Record<OptionKind, string> = {
  string: "a string",
  "string-or-strings": "a string or a non-empty array of strings",
  strings: "an array of strings",
  integer: "a positive integer",
  boolean: "true or false",
  statuses: "an object mapping each status to a non-empty array of field labels",
};

/**
 * JSON of a value, built only as far as a message needs it: it stops after about 100 characters, so
 * a huge or self-referencing value (YAML aliases: an alias bomb, an alias inside its own value) costs
 * no more than a small one, and a value that contains itself shows `[circular]`.
 */
function jsonPreview(value: unknown): string {
  const limit = 100;
  let out = "";
  const path: object[] = [];
  const write = (entry: unknown): void => {
    if (out.length > limit) return;
    if (typeof entry !== "object" || entry === null) {
      out +=
        typeof entry === "string"
          ? JSON.stringify(entry.length > limit ? entry.slice(0, limit) : entry)
          : String(JSON.stringify(entry) ?? entry);
      return;
    }
    if (path.includes(entry)) {
      out += "[circular]";
      return;
    }
    path.push(entry);
    const array = Array.isArray(entry);
    out += array ? "[" : "{";
    let first = true;
    for (const key in entry) {
      if (!Object.hasOwn(entry, key)) continue;
      if (out.length > limit) break;
      if (!first) out += ",";
      first = false;
      if (!array) out += `${JSON.stringify(key.length > limit ? key.slice(0, limit) : key)}:`;
      write((entry as Record<string, unknown>)[key]);
    }
    out += array ? "]" : "}";
    path.pop();
  };
  write(value);
  return clamp(out);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) {
    if (value.length === 0) return "an empty array";
    return `an array (${jsonPreview(value)}${value.length > 20 ? `, ${value.length} entries` : ""})`;
  }
  if (typeof value === "string") return `the string ${jsonPreview(value)}`;
  if (typeof value === "object") return `an object (${jsonPreview(value)})`;
  return `${typeof value} ${clamp(String(value))}`;
}

const STATUS_WORD = /^\p{L}[\p{L}\p{N} -]*$/u;

/** Why a `statuses` value is wrong: which status or field, and what is wrong with it; undefined when fine. */
function statusesProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "no status at all";
  for (const [status, fields] of entries) {
    const name = JSON.stringify(clamp(status, 40));
    if (!STATUS_WORD.test(status)) {
      return `status ${name} is not a word (letters, digits, spaces and dashes, starting with a letter)`;
    }
    if (!Array.isArray(fields))
      return `the fields of status ${name} are ${describe(fields)}, not an array of field labels`;
    if (fields.length === 0) return `status ${name} has an empty array of fields`;
    const index = fields.findIndex((field) => typeof field !== "string" || field.trim() === "");
    if (index >= 0) {
      const field: unknown = fields[index];
      const what = typeof field === "string" ? "empty" : describe(field);
      return `field ${index + 1} of status ${name} is ${what}, not a field label`;
    }
  }
  return undefined;
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
        if (!STATUS_WORD.test(status)) return undefined;
        if (!isStringArray(fields) || fields.length === 0 || fields.some((field) => field.trim() === ""))
          return undefined;
      }
      return value;
    }
  }
}

export interface OptionProblem {
  readonly option: string;
  /** `value`: the option's value is wrong; `name`: the rule takes no option of that name. */
  readonly kind: "value" | "name";
  readonly message: string;
}

/**
 * The options of the other rules of the pack: option name → the rules declaring it (`TL006/commit-message`).
 * Unknown-name problems use it to say whose option a name is, and to suggest a close name.
 */
export type OptionOwners = ReadonlyMap<string, readonly string[]>;

/** The problem of an option name `specs` does not declare. */
function unknownName(name: string, specs: OptionSpecs, owners: OptionOwners): string {
  const takes = `this rule takes: ${Object.keys(specs).sort().join(", ")}.`;
  const shown = JSON.stringify(clamp(name));
  const owning = owners.get(name);
  if (owning !== undefined && owning.length > 0) {
    const where = listed(
      owning.map((rule) => `"${rule.split("/")[0]}"`),
      " or ",
    );
    return `Option ${shown} is an option of ${listed(owning, " and ")}, not of this rule (set it under ${where}); ${takes}`;
  }
  const own = Object.keys(specs);
  const candidates = [...new Set([...own, ...owners.keys()])];
  const near = name.length > 200 ? undefined : closest(name, candidates);
  if (near === undefined) return `Unknown option ${shown}; ${takes}`;
  const whose = own.includes(near) ? "" : ` (an option of ${listed(owners.get(near) ?? [], " and ")})`;
  return `Unknown option ${shown}; ${takes} Did you mean "${near}"${whose}?`;
}

export interface ResolvedOptions<S extends OptionSpecs> {
  readonly values: OptionValues<S>;
  readonly problems: readonly OptionProblem[];
}

/**
 * Validate `config` (markdownlint's `params.config` for the rule) against the declared options;
 * `owners` (the other rules' options) lets an unknown name say whose option it is or what it is close to.
 */
export function resolveOptions<S extends OptionSpecs>(
  specs: S,
  config: unknown,
  owners: OptionOwners = new Map(),
): ResolvedOptions<S> {
  const values: Record<string, unknown> = {};
  const problems: OptionProblem[] = [];
  const given =
    typeof config === "object" && config !== null && !Array.isArray(config) ? (config as Record<string, unknown>) : {};
  for (const [name, spec] of Object.entries(specs)) {
    values[name] = spec.default;
    if (!Object.hasOwn(given, name) || given[name] === undefined) continue;
    const raw = given[name];
    const coerced = coerce(spec.kind, raw);
    if (coerced === undefined) {
      const why = spec.kind === "statuses" ? statusesProblem(raw) : undefined;
      const found = `${describe(raw)}${why === undefined ? "" : `: ${why}`}`;
      problems.push({
        option: name,
        kind: "value",
        message: `Option "${name}" expects ${EXPECTED[spec.kind]}; found ${found}. Using the default.`,
      });
      continue;
    }
    const expected = (spec.check as ((value: unknown) => string | undefined) | undefined)?.(coerced);
    if (expected !== undefined) {
      problems.push({
        option: name,
        kind: "value",
        message: `Option "${name}" expects ${expected}; found ${describe(raw)}. Using the default.`,
      });
      continue;
    }
    values[name] = coerced;
  }
  // Own properties only: `constructor`, `toString` or `__proto__` is no option of any rule.
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(specs, name))
      problems.push({ option: name, kind: "name", message: unknownName(name, specs, owners) });
  }
  checkStatusNames(specs, given, values, problems);
  return { values: values as OptionValues<S>, problems };
}

/**
 * Options that name statuses are checked against the configured statuses (after those are resolved):
 * a typo is an unknown status, with the known ones listed, and the default is used.
 */
function checkStatusNames(
  specs: OptionSpecs,
  given: Record<string, unknown>,
  values: Record<string, unknown>,
  problems: OptionProblem[],
): void {
  const statuses = Object.keys((values["statuses"] ?? {}) as object);
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.namesStatuses !== true || !Object.hasOwn(given, name) || values[name] === spec.default) continue;
    const named = values[name] as readonly string[];
    const unknown = named.filter((entry) => !statuses.some((status) => status.toLowerCase() === entry.toLowerCase()));
    if (unknown.length === 0) continue;
    const which = `${unknown.length === 1 ? "status" : "statuses"} ${listed(unknown.map((entry) => JSON.stringify(entry)))}`;
    problems.push({
      option: name,
      kind: "value",
      message: `Option "${name}" names unknown ${which}; the configured statuses are ${listed(statuses)}. Using the default.`,
    });
    values[name] = spec.default;
  }
}

/** Conventional Commits types (spec section 7). */
export const DEFAULT_TYPES: readonly string[] = COMMIT_TYPES;

const LOWERCASE_WORD = /^[a-z]+$/;

/**
 * Options shared by the rules of the pack, so that one block under the `tasklog` tag in a
 * markdownlint configuration configures the whole pack. A rule declares the ones it reads
 * (`options: { types: shared.types }`); every rule reads `statuses` (through the model, which needs
 * it to tell task headings), so the factory adds it. markdownlint hands every rule of the tag the
 * whole block, so a rule accepts the shared options it does not read: they are still checked (a
 * wrong value is reported whichever rule is on) but never called unknown.
 */
export const shared = {
  statuses: statuses({
    default: DEFAULT_STATUSES,
    description: "Statuses and the fields each requires, in template order.",
  }),
  prefix: stringOrStrings({
    default: DEFAULT_PREFIXES,
    description: "Identifier prefix (the owner's initials): one string or an array of strings, lowercase letters.",
    check: (value) =>
      value.every((entry) => LOWERCASE_WORD.test(entry)) ? undefined : 'lowercase letters only (a-z), e.g. "tv"',
  }),
  types: strings({
    default: DEFAULT_TYPES,
    description: "Conventional Commits types allowed in commit headers, PR titles and branch names.",
    check: (value) =>
      value.length > 0 && value.every((entry) => LOWERCASE_WORD.test(entry))
        ? undefined
        : "a non-empty array of lowercase words",
  }),
} as const satisfies OptionSpecs;

/** Every shared option (the ones a rule accepts without declaring them). */
export const SHARED_OPTIONS: OptionSpecs = shared;
