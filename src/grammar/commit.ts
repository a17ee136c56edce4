/**
 * Conventional Commits headers (spec section 7): `<type>(<scope>)!: <subject>`, as pure functions.
 *
 * `parseHeader` splits a header into its parts with their offsets; `checkHeader` lists every
 * problem with the part it concerns (offset and length in the header, so that a rule can put a
 * range on it), a detail in the pack's "Expected …; Actual: …" wording, and a fix where the fix
 * cannot change the meaning (the case of the type, the case of an ordinary first word, a trailing
 * period).
 *
 * The problem codes reuse commitlint's rule names where the two check the same thing
 * (`type-enum`, `type-case`, `type-empty`, `scope-case`, `subject-empty`, `subject-full-stop`,
 * `subject-case`, `header-max-length`, `header-trim`); the oracle test compares them with
 * commitlint on a generated set of headers. The parse follows the same header pattern as
 * commitlint's conventional-commits preset (`^(\w*)(?:\((.*)\))?!?: (.*)$`): a header matches it
 * exactly when this parse finds no `type-empty`, `scope-unclosed`, `separator` or `subject-empty`
 * problem. Where several `)` could close the scope, the first one followed by `: ` (or `!: `) does,
 * so `fix(parser): handle (nested): colons` has the scope `parser` (commitlint's greedy pattern
 * would take `parser): handle (nested`).
 */
import { COMMIT_EXAMPLE, COMMIT_PLACEHOLDER, HEADER_MAX_LENGTH, VAGUE_SUBJECTS } from "../convention.js";
import { expected, listed, quote } from "../messages.js";
import { isSpace } from "./space.js";

export interface HeaderPart {
  /** 0-based offset in the header. */
  readonly offset: number;
  readonly text: string;
}

export interface ParsedHeader {
  readonly header: string;
  /** The type (ASCII word characters at the start; empty text when there are none). */
  readonly type: HeaderPart;
  /** The scope between the parentheses, when there are parentheses. */
  readonly scope: HeaderPart | undefined;
  /** Whether the scope's `(` has no matching `)`. */
  readonly unclosedScope: boolean;
  /** The breaking-change `!`. */
  readonly breaking: HeaderPart | undefined;
  /** Offset just after the type, scope and `!`: where the separator belongs. */
  readonly prefixEnd: number;
  /**
   * The separator as written between the type/scope/`!` and the subject: `: ` when well formed,
   * otherwise what stands there (e.g. ` :`, `:`); undefined when there is no colon after the type.
   */
  readonly separator: HeaderPart | undefined;
  /** Everything after the separator (may start with extra spaces); undefined without a separator. */
  readonly subject: HeaderPart | undefined;
}

export type CommitProblemCode =
  | "header-trim"
  | "header-max-length"
  | "type-empty"
  | "type-case"
  | "type-enum"
  | "scope-unclosed"
  | "scope-empty"
  | "scope-case"
  | "scope-format"
  | "scope-placeholder"
  | "separator"
  | "subject-empty"
  | "subject-space"
  | "subject-case"
  | "subject-full-stop"
  | "subject-vague";

/** A header whose type is still the template's placeholder (`<type>(<scope>): <subject>`, `<type>: …`). */
const TEMPLATE_HEADER = /^<type>/i;

/** Problems that mean the header does not have the `<type>(<scope>)!: <subject>` shape at all. */
export const FORMAT_PROBLEMS: ReadonlySet<CommitProblemCode> = new Set([
  "type-empty",
  "scope-unclosed",
  "separator",
  "subject-empty",
]);

export interface HeaderFix {
  /** 0-based offset in the header. */
  readonly offset: number;
  readonly deleteCount: number;
  readonly insertText: string;
}

export interface CommitProblem {
  readonly code: CommitProblemCode;
  /** 0-based offset of the offending text in the header. */
  readonly offset: number;
  readonly length: number;
  /** "Expected …; Actual: …". */
  readonly message: string;
  readonly fix?: HeaderFix;
}

export interface CommitOptions {
  /** Allowed types (exact, lowercase). */
  readonly types: readonly string[];
  /** Maximum header length in characters (code points). */
  readonly maxLength: number;
  /** Subjects that say nothing (compared case-insensitively, ignoring a trailing period). */
  readonly vagueSubjects: readonly string[];
  /** Whether a placeholder scope such as `<module>` is allowed (in a plan). */
  readonly allowPlaceholderScope: boolean;
}

export const DEFAULT_VAGUE_SUBJECTS: readonly string[] = VAGUE_SUBJECTS;

export const DEFAULT_MAX_LENGTH = HEADER_MAX_LENGTH;

const SEPARATOR = ": ";
const AFTER_SCOPE = /^!?: /;

/** Split a header into type, scope, `!`, separator and subject. Never throws. */
export function parseHeader(header: string): ParsedHeader {
  const typeText = /^\w*/.exec(header)?.[0] ?? "";
  const type = { offset: 0, text: typeText };
  let position = typeText.length;
  let scope: HeaderPart | undefined;
  let unclosedScope = false;
  if (header[position] === "(") {
    const open = position;
    const closers: number[] = [];
    for (let i = header.indexOf(")", open + 1); i !== -1; i = header.indexOf(")", i + 1)) closers.push(i);
    const close =
      closers.find((i) => AFTER_SCOPE.test(header.slice(i + 1))) ??
      closers.find((i) => /^!?\s*:/.test(header.slice(i + 1))) ??
      closers[0];
    if (close === undefined) {
      unclosedScope = true;
      const scope = { offset: open + 1, text: header.slice(open + 1) };
      return {
        header,
        type,
        scope,
        unclosedScope,
        breaking: undefined,
        prefixEnd: header.length,
        separator: undefined,
        subject: undefined,
      };
    }
    scope = { offset: open + 1, text: header.slice(open + 1, close) };
    position = close + 1;
  }
  let breaking: HeaderPart | undefined;
  if (header[position] === "!") {
    breaking = { offset: position, text: "!" };
    position++;
  }
  const rest = header.slice(position);
  let separator: HeaderPart | undefined;
  let subject: HeaderPart | undefined;
  if (rest.startsWith(SEPARATOR)) {
    separator = { offset: position, text: SEPARATOR };
    subject = { offset: position + 2, text: rest.slice(2) };
  } else {
    const loose = /^\s*:[ \t]*/.exec(rest);
    if (loose !== null) {
      separator = { offset: position, text: loose[0] };
      subject = { offset: position + loose[0].length, text: rest.slice(loose[0].length) };
    }
  }
  return { header, type, scope, unclosedScope, breaking, prefixEnd: position, separator, subject };
}

const LOWER_WORDS = /^[\p{Ll}\p{N}]+(?:[-_./][\p{Ll}\p{N}]+)*$/u;
const PLACEHOLDER = /^<([^<>]*)>$/;
const PLACEHOLDER_WORD = /^\p{Ll}[\p{Ll}\p{N}]*(?:[-_][\p{Ll}\p{N}]+)*$/u;
const HAS_UPPER = (text: string): boolean => text !== text.toLowerCase();

function normaliseSubject(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/(?<!\.)\.+$/, "")
    .toLowerCase();
}

/** The vague subjects normalised, and the length of the longest. */
interface VagueSet {
  readonly set: ReadonlySet<string>;
  readonly longest: number;
}

/**
 * The vague subjects normalised, once per list: keyed by the array, kept with a copy of its entries
 * (a caller may change an array between calls; comparing the entries is cheaper than normalising).
 */
const VAGUE_SETS = new WeakMap<readonly string[], { readonly entries: readonly string[]; readonly vague: VagueSet }>();
function vagueSet(subjects: readonly string[]): VagueSet {
  const hit = VAGUE_SETS.get(subjects);
  if (
    hit !== undefined &&
    hit.entries.length === subjects.length &&
    hit.entries.every((entry, index) => entry === subjects[index])
  )
    return hit.vague;
  const set = new Set(subjects.map(normaliseSubject));
  let longest = 0;
  for (const entry of set) if (entry.length > longest) longest = entry.length;
  const vague = { set, longest };
  VAGUE_SETS.set(subjects, { entries: subjects.slice(), vague });
  return vague;
}

/**
 * Whether `normaliseSubject(text)` is surely longer than `limit`: it keeps every character that is
 * not white space except the trailing periods, and lowercasing never shortens a string (no code
 * point's lowercase mapping is shorter in UTF-16 than the code point).
 */
function longerThan(text: string, limit: number): boolean {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1] as string)) end--;
  while (end > 0 && text[end - 1] === ".") end--;
  let kept = 0;
  for (let i = 0; i < end; i++) {
    if (!isSpace(text[i] as string) && ++kept > limit) return true;
  }
  return false;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** A first word that is a capitalised ordinary word (`Add`, `Remove`): safe to lowercase. */
const ORDINARY_FIRST_WORD = /^\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/u;

/** Every problem of `header` under `options`, in order of position. */
export function checkHeader(
  header: string,
  options: CommitOptions,
): { parsed: ParsedHeader; problems: CommitProblem[] } {
  const parsed = parseHeader(header);
  const problems: CommitProblem[] = [];
  // In code points: only a header with a surrogate needs counting.
  const length = SURROGATE.test(header) ? [...header].length : header.length;
  checkTrim(header, problems);
  if (parsed.separator === undefined && !parsed.unclosedScope) {
    // No colon after a type: not a Conventional Commits header at all, so there is no type to judge.
    problems.push(notAHeader(header));
  } else {
    checkType(header, parsed, options, problems);
    checkScope(parsed, options, problems);
    checkSeparator(header, parsed, problems);
    if (parsed.subject !== undefined) checkSubject(header, parsed.subject, parsed, options, problems);
  }
  return finish(parsed, problems, header, length, options);
}

/** White space before or after the header. */
function checkTrim(header: string, problems: CommitProblem[]): void {
  const leading = header.length - header.trimStart().length;
  const trailing = header.length - header.trimEnd().length;
  if (leading === 0 && trailing === 0) return;
  const where = leading > 0 && trailing > 0 ? "leading and trailing" : leading > 0 ? "leading" : "trailing";
  problems.push({
    code: "header-trim",
    offset: leading > 0 ? 0 : header.length - trailing,
    length: leading > 0 ? leading : trailing,
    message: expected("no whitespace around the header", `${where} whitespace`),
  });
}

/** A header without `type:` (the template's placeholder, or any other text). */
function notAHeader(header: string): CommitProblem {
  return {
    code: "separator",
    offset: 0,
    length: Math.max(1, header.length),
    message: TEMPLATE_HEADER.test(header)
      ? expected(`a real header such as "${COMMIT_EXAMPLE}"`, `the template placeholder ${quote(header)}`)
      : expected(
          `a Conventional Commits header "${COMMIT_PLACEHOLDER}"`,
          header === "" ? "an empty header" : quote(header),
        ),
  };
}

/** The type: present, lowercase, one of the configured types. */
function checkType(header: string, parsed: ParsedHeader, options: CommitOptions, problems: CommitProblem[]): void {
  const type = parsed.type;
  if (type.text === "") {
    problems.push({
      code: "type-empty",
      offset: 0,
      length: 1,
      message: expected(
        `a type before ${quote(header.slice(0, Math.max(1, parsed.prefixEnd)))} (${COMMIT_PLACEHOLDER})`,
        "none",
      ),
    });
    return;
  }
  const lower = type.text.toLowerCase();
  if (type.text !== lower) {
    problems.push({
      code: "type-case",
      offset: type.offset,
      length: type.text.length,
      message: expected(`a lowercase type${options.types.includes(lower) ? ` "${lower}"` : ""}`, quote(type.text)),
      fix: { offset: type.offset, deleteCount: type.text.length, insertText: lower },
    });
  }
  if (!options.types.includes(type.text)) {
    problems.push({
      code: "type-enum",
      offset: type.offset,
      length: type.text.length,
      message: expected(`a type of ${listed(options.types)}`, quote(type.text)),
    });
  }
}

const SCOPE_WORDS = 'lowercase words joined by "-", "_", "." or "/"';

/** The scope, when there is one: closed, not empty, lowercase words or (when allowed) a placeholder. */
function checkScope(parsed: ParsedHeader, options: CommitOptions, problems: CommitProblem[]): void {
  const scope = parsed.scope;
  if (scope === undefined) return;
  if (parsed.unclosedScope) {
    problems.push({
      code: "scope-unclosed",
      offset: scope.offset - 1,
      length: 1,
      message: expected('")" to close the scope', `${quote(`(${scope.text.slice(0, 20)}`)} without ")"`),
    });
    return;
  }
  if (scope.text === "") {
    problems.push({
      code: "scope-empty",
      offset: scope.offset - 1,
      length: 2,
      message: expected("a scope inside the parentheses, or no parentheses", '"()"'),
    });
    return;
  }
  const part = { offset: scope.offset, length: scope.text.length };
  if (HAS_UPPER(scope.text))
    problems.push({ code: "scope-case", ...part, message: expected("a lowercase scope", quote(scope.text)) });
  const placeholder = PLACEHOLDER.exec(scope.text);
  if (placeholder !== null && PLACEHOLDER_WORD.test((placeholder[1] as string).toLowerCase())) {
    if (!options.allowPlaceholderScope) {
      problems.push({
        code: "scope-placeholder",
        ...part,
        message: expected(`a real scope (${SCOPE_WORDS}), not a placeholder`, quote(scope.text)),
      });
    }
  } else if (!LOWER_WORDS.test(scope.text.toLowerCase())) {
    problems.push({
      code: "scope-format",
      ...part,
      message: expected(
        `a scope of ${SCOPE_WORDS}${options.allowPlaceholderScope ? ', or a placeholder such as "<module>"' : ""}`,
        quote(scope.text),
      ),
    });
  }
}

/** `: ` after the type and scope (a bare `:` is fine when no subject follows: that is its own problem). */
function checkSeparator(header: string, parsed: ParsedHeader, problems: CommitProblem[]): void {
  const separator = parsed.separator;
  if (separator === undefined || separator.text === SEPARATOR) return;
  if (separator.text === ":" && parsed.subject?.text === "") return;
  problems.push({
    code: "separator",
    offset: separator.offset,
    length: Math.max(1, separator.text.length),
    message: expected(
      `": " (a colon and one space) after "${header.slice(0, parsed.prefixEnd)}"`,
      quote(separator.text),
    ),
  });
}

/** The subject: present, one space after the colon, lowercase start, no trailing period, not vague. */
function checkSubject(
  header: string,
  subject: HeaderPart,
  parsed: ParsedHeader,
  options: CommitOptions,
  problems: CommitProblem[],
): void {
  const text = subject.text;
  const trimmed = text.trimStart();
  const start = subject.offset + (text.length - trimmed.length);
  if (trimmed.trimEnd() === "") {
    problems.push({
      code: "subject-empty",
      offset: Math.max(0, Math.min(subject.offset, header.length - 1)),
      length: Math.max(1, text.length),
      message: expected(`a subject after "${header.slice(0, parsed.prefixEnd)}: "`, "none"),
    });
    return;
  }
  if (trimmed.length !== text.length) {
    problems.push({
      code: "subject-space",
      offset: subject.offset,
      length: text.length - trimmed.length,
      message: expected('one space between ":" and the subject', `${text.length - trimmed.length + 1} spaces`),
    });
  }
  const capital = subjectCase(trimmed, start);
  if (capital !== undefined) problems.push(capital);
  const stop = fullStop(header, start);
  if (stop !== undefined) problems.push(stop);
  const vague = vagueSet(options.vagueSubjects);
  if (!longerThan(trimmed, vague.longest) && vague.set.has(normaliseSubject(trimmed))) {
    problems.push({
      code: "subject-vague",
      offset: start,
      length: trimmed.trimEnd().length,
      message: expected("a subject that says what changed", `${quote(trimmed.trimEnd())} (a vague subject)`),
    });
  }
}

/** A subject starting with a capital; fixed only when its first word is an ordinary capitalised word. */
function subjectCase(trimmed: string, start: number): CommitProblem | undefined {
  const first = trimmed[0] as string;
  if (!/\p{Lu}/u.test(first)) return undefined;
  const word = /^[\p{L}\p{N}]+/u.exec(trimmed)?.[0] ?? first;
  const ordinary = ORDINARY_FIRST_WORD.exec(trimmed);
  return {
    code: "subject-case",
    offset: start,
    length: word.length,
    message: expected(
      `the subject to start with a lowercase letter${ordinary ? ` ("${first.toLowerCase()}${word.slice(1)}")` : ""}`,
      quote(word),
    ),
    ...(ordinary ? { fix: { offset: start, deleteCount: 1, insertText: first.toLowerCase() } } : {}),
  };
}

/** One or two trailing periods (three or more are an ellipsis). */
function fullStop(header: string, start: number): CommitProblem | undefined {
  const stops = /(?<!\.)\.+$/.exec(header)?.[0] ?? "";
  if (stops.length === 0 || stops.length >= 3) return undefined;
  // The fix takes the white space before the period too (`add x .` → `add x`), so that it leaves
  // no trailing white space; a subject that is nothing but the period keeps its finding, unfixed.
  const kept = header.slice(0, header.length - stops.length).trimEnd();
  const fixable = kept.length > start;
  return {
    code: "subject-full-stop",
    offset: header.length - stops.length,
    length: stops.length,
    message: expected("no trailing period", quote(`…${header.slice(-Math.min(header.length, 12))}`)),
    ...(fixable ? { fix: { offset: kept.length, deleteCount: header.length - kept.length, insertText: "" } } : {}),
  };
}

/** Add the length problem and sort. */
function finish(
  parsed: ParsedHeader,
  problems: CommitProblem[],
  header: string,
  length: number,
  options: CommitOptions,
): { parsed: ParsedHeader; problems: CommitProblem[] } {
  if (length > options.maxLength) {
    const cut = [...header].slice(0, options.maxLength).join("").length;
    problems.push({
      code: "header-max-length",
      offset: cut,
      length: header.length - cut,
      message: expected(`a header of at most ${options.maxLength} characters`, String(length)),
    });
  }
  return { parsed, problems: problems.sort((a, b) => a.offset - b.offset) };
}
