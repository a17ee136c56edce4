/**
 * Task identifiers: `<prefix>-<YYYY-MM-DD>:PR<number>`, e.g. `tv-2025-10-03:PR35`.
 */
import { checkDate, type CalendarDate } from "./date.js";

/** Text shaped like an identifier: letters, a dash, something date-shaped, a colon (spec section 2). */
export const IDENTIFIER_SHAPE = /(?<![A-Za-z])[A-Za-z]+-\d{4}-\d{2}-\d{2}:/;

/**
 * Identifier-like mentions inside running text (spec section 9). The suffix takes letters, digits
 * and the placeholder characters `?` and `#`, so `tv-2025-10-03:PR??` is one mention.
 */
export const MENTION_PATTERN = /(?<![A-Za-z0-9_-])[A-Za-z]+-\d{4}-\d{2}-\d{2}:[A-Za-z0-9?#]*/g;

export type PrSuffix =
  | { readonly kind: "number"; readonly number: number; readonly text: string }
  | { readonly kind: "leading-zero"; readonly number: number; readonly text: string }
  | { readonly kind: "placeholder"; readonly text: string };

export interface ParsedIdentifier {
  readonly text: string;
  readonly prefix: string;
  readonly dateText: string;
  /** Set when the date exists on the calendar. */
  readonly date: CalendarDate | undefined;
  /** Why the date is not a real date, when it is not. */
  readonly dateProblem: string | undefined;
  /** What follows the colon. */
  readonly suffix: PrSuffix;
  /** Offsets (0-based, in `text`) of the parts, for precise ranges. */
  readonly offsets: { readonly prefix: number; readonly date: number; readonly suffix: number };
}

const FULL_SHAPE = /^([A-Za-z]+)-([^:\s]+):(.*)$/;

/** Classify what follows the colon. `PR41` is a number; `PR041` has a leading zero; all else is a placeholder. */
export function parsePrSuffix(suffix: string): PrSuffix {
  const match = /^PR(\d+)$/.exec(suffix);
  if (!match) return { kind: "placeholder", text: suffix };
  const digits = match[1] as string;
  const number = Number(digits);
  if (digits.length > 1 && digits.startsWith("0")) return { kind: "leading-zero", number, text: suffix };
  return { kind: "number", number, text: suffix };
}

/**
 * Parse one identifier. Returns undefined when `text` does not even have the outline
 * `letters-something:something` (then it is not an identifier at all).
 */
export function parseIdentifier(text: string): ParsedIdentifier | undefined {
  // A log names the same identifiers again and again (a task's heading, its mentions): each text is
  // read once; the readings are frozen, so sharing them is safe. Bounded: emptied when full.
  const known = PARSED.get(text);
  if (known !== undefined || PARSED.has(text)) return known;
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  const parsed = readIdentifier(text);
  PARSED.set(text, parsed);
  return parsed;
}

const PARSED = new Map<string, ParsedIdentifier | undefined>();
const PARSED_MAX = 4096;

function readIdentifier(text: string): ParsedIdentifier | undefined {
  const match = FULL_SHAPE.exec(text);
  if (!match) return undefined;
  const prefix = match[1] as string;
  const dateText = match[2] as string;
  const suffixText = match[3] as string;
  const dateCheck = checkDate(dateText);
  return Object.freeze({
    text,
    prefix,
    dateText,
    date: dateCheck.ok ? Object.freeze(dateCheck.date) : undefined,
    dateProblem: dateCheck.ok ? undefined : dateCheck.reason,
    suffix: Object.freeze(parsePrSuffix(suffixText)),
    offsets: Object.freeze({ prefix: 0, date: prefix.length + 1, suffix: prefix.length + 1 + dateText.length + 1 }),
  });
}

/** The PR number of a well-formed identifier, or undefined. */
export function prNumberOf(text: string): number | undefined {
  const parsed = parseIdentifier(text);
  return parsed && parsed.suffix.kind === "number" ? parsed.suffix.number : undefined;
}

export interface Mention {
  readonly text: string;
  /** 0-based offset in the searched string. */
  readonly index: number;
}

/** Is there a colon right after `dd-dd` somewhere in `text`? (A cheap test before the full pattern.) */
export function mayMention(text: string): boolean {
  for (let colon = text.indexOf(":"); colon !== -1; colon = text.indexOf(":", colon + 1)) {
    if (
      colon >= 6 &&
      isDigitAt(text, colon - 1) &&
      isDigitAt(text, colon - 2) &&
      text.charCodeAt(colon - 3) === 45 /* - */
    )
      return true;
  }
  return false;
}

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/** Identifier-like mentions in a string. */
export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  if (!mayMention(text)) return out;
  for (const match of text.matchAll(MENTION_PATTERN)) {
    out.push({ text: match[0], index: match.index });
  }
  return out;
}
