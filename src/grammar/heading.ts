/**
 * The task heading grammar: `<Status> · <identifier> · <Title>` (spec section 4), and the status
 * section heading grammar: `<Status> tasks (updated YYYY-MM-DD)` (spec section 3).
 *
 * Parsing is tolerant: it finds the parts of a malformed heading too, so that the rules can say
 * precisely what is wrong. All offsets are 0-based within the heading text.
 */
import { quote } from "../messages.js";
import { IDENTIFIER_SHAPE, parseIdentifier } from "./identifier.js";

export const CANONICAL_SEPARATOR = " \u00B7 ";

/**
 * Separators and their look-alikes: a middle dot, bullet, pipe, en dash or em dash with any
 * spacing, or an ASCII hyphen with a space on both sides (a hyphen without spaces is part of
 * the identifier).
 */
const SEPARATOR = /(?<![ \t])[ \t]*[\u00B7\u2022|\u2013\u2014][ \t]*|(?<![ \t])[ \t]+-[ \t]+/g;

/** An identifier-shaped word (IDENTIFIER_SHAPE and the rest of the word), compiled once. */
const ID_WORD = new RegExp(`${IDENTIFIER_SHAPE.source}\\S*`);

/** A PR suffix whose end is certain: `PR` and digits or placeholder marks (`PR41`, `PR??`). */
const CLEAR_SUFFIX = /^PR[0-9?#]+$/;
/** A whole identifier whose end is certain (the date need not be a real one). */
const COMPLETE_ID = /^[A-Za-z]+-\d{4}-\d{2}-\d{2}:PR[0-9?#]+$/;
/** A word that could be the rest of an identifier split by a space (`PR45`, `42`, `??`). */
const ID_CONTINUATION = /^(?:PR|[0-9?#])/i;

/** The outline of an identifier: letters, a dash, then a colon somewhere. */
const ID_OUTLINE = /^[A-Za-z]+-\S*:/;

export interface Part {
  /** 0-based offset in the heading text. */
  readonly offset: number;
  readonly text: string;
}

export interface Separator extends Part {
  readonly canonical: boolean;
}

export interface ParsedTaskHeading {
  /** Text before the first separator (trimmed); empty when the heading starts with the identifier. */
  readonly status: Part | undefined;
  /** The identifier as written (first word after the first separator). */
  readonly id: Part | undefined;
  /** Everything after the second separator (trimmed of surrounding spaces). */
  readonly title: Part | undefined;
  /** The first two separators found (up to two). */
  readonly separators: readonly Separator[];
  /** Offsets of the whitespace gaps where a separator is missing (status↔identifier, identifier↔title). */
  readonly missingSeparators: readonly number[];
}

function trimmedPart(text: string, start: number, end: number): Part | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return s < e ? { offset: s, text: text.slice(s, e) } : undefined;
}

/** Separators in `text`, first `max` of them. */
export function findSeparators(text: string, max = 2): Separator[] {
  const out: Separator[] = [];
  SEPARATOR.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (out.length < max && (match = SEPARATOR.exec(text)) !== null) {
    out.push({ offset: match.index, text: match[0], canonical: match[0] === CANONICAL_SEPARATOR });
  }
  return out;
}

/** Parse a task heading's text. */
export function parseTaskHeading(text: string): ParsedTaskHeading {
  const separators = findSeparators(text, 2);
  const first = separators[0];
  if (first === undefined) {
    // No separator at all: the identifier (if any) is found by shape.
    const idMatch = ID_WORD.exec(text);
    if (idMatch) {
      const status = trimmedPart(text, 0, idMatch.index);
      const idEnd = idMatch.index + idMatch[0].length;
      const title = trimmedPart(text, idEnd, text.length);
      const missingSeparators: number[] = [];
      if (status !== undefined) missingSeparators.push(status.offset + status.text.length);
      if (title !== undefined) missingSeparators.push(idEnd);
      return { status, id: { offset: idMatch.index, text: idMatch[0] }, title, separators, missingSeparators };
    }
    return {
      status: trimmedPart(text, 0, text.length),
      id: undefined,
      title: undefined,
      separators,
      missingSeparators: [],
    };
  }
  const status = trimmedPart(text, 0, first.offset);
  const afterFirst = first.offset + first.text.length;
  const second = separators[1];
  const idEnd = second === undefined ? text.length : second.offset;
  const idZone = trimmedPart(text, afterFirst, idEnd);
  let id: Part | undefined;
  let title: Part | undefined;
  if (status !== undefined && IDENTIFIER_SHAPE.test(status.text) && !(idZone && IDENTIFIER_SHAPE.test(idZone.text))) {
    // `tv-2025-10-03:PR41 · Title`: no status; the first part is the identifier.
    return {
      status: undefined,
      id: status,
      title: trimmedPart(text, afterFirst, text.length),
      separators: [first],
      missingSeparators: [],
    };
  }
  if (idZone !== undefined) {
    const space = idZone.text.search(/\s/);
    if (space >= 0 && second === undefined && !ID_OUTLINE.test(idZone.text.slice(0, space))) {
      // `Open · Title words`: no identifier at all; the rest is the title.
      return { status, id: undefined, title: idZone, separators: [first], missingSeparators: [] };
    }
    const firstWord = space >= 0 ? idZone.text.slice(0, space) : idZone.text;
    const rest = idZone.text.slice(space + 1).trimStart();
    // Between two separators, a part with a space inside is the identifier as written
    // (`tv-2025-10-03: PR45`, `tv 2025-10-03:PR43`), unless its first word is a complete identifier
    // followed by a word that cannot continue it: then the title starts after a missing separator.
    const splits = space >= 0 && (second === undefined || (COMPLETE_ID.test(firstWord) && !ID_CONTINUATION.test(rest)));
    if (splits) {
      // `Open · tv-2025-10-03:PR41 Title`: the identifier is the first word.
      id = { offset: idZone.offset, text: firstWord };
      const missingSeparators = [idZone.offset + space];
      // Any later separator belongs to the title.
      title = trimmedPart(text, idZone.offset + space, text.length);
      return { status, id, title, separators: [first], missingSeparators };
    }
    id = idZone;
  }
  if (second !== undefined) title = trimmedPart(text, second.offset + second.text.length, text.length);
  return { status, id, title, separators, missingSeparators: [] };
}

/**
 * Does the identifier have a space inside: written with one (`tv-2025-10-03: PR45` between two
 * separators), or followed, where a separator is missing, by a word that continues it (`PR45`, `42`)?
 */
export function spaceInsideIdentifier(parsed: ParsedTaskHeading): boolean {
  const { id, title } = parsed;
  if (id === undefined) return false;
  if (/\s/.test(id.text)) return true;
  return (
    title !== undefined &&
    parsed.missingSeparators.includes(id.offset + id.text.length) &&
    ID_CONTINUATION.test(title.text)
  );
}

/**
 * Why the parts of a parsed task heading cannot be read unambiguously as a configured status, an
 * identifier and a non-empty title; undefined when they can. The heading fixes (separators, status
 * case) are offered only on an unambiguous reading, so that a fix never moves text between the parts.
 */
export function unreadablePart(parsed: ParsedTaskHeading, statuses: readonly string[]): string | undefined {
  const { status, id, title } = parsed;
  if (status === undefined) return "no status before the identifier";
  const lower = status.text.toLowerCase();
  if (!statuses.some((known) => known.toLowerCase() === lower))
    return `${quote(status.text)} is not a configured status`;
  if (id === undefined) return "the heading has no identifier";
  if (spaceInsideIdentifier(parsed)) return "a space inside the identifier";
  const splitAfterId = parsed.missingSeparators.includes(id.offset + id.text.length);
  const identifier = parseIdentifier(id.text);
  if (identifier === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(identifier.dateText) || identifier.suffix.text === "") {
    return `${quote(id.text)} does not read as an identifier`;
  }
  if (splitAfterId && !CLEAR_SUFFIX.test(identifier.suffix.text))
    return `cannot tell where the identifier ${quote(id.text)} ends`;
  if (title === undefined) return "the heading has no title";
  return undefined;
}

/** Does this heading text look like a task heading (spec section 2)? */
export function looksLikeTaskHeading(text: string, statuses: readonly string[]): boolean {
  if (IDENTIFIER_SHAPE.test(text)) return true;
  const separators = findSeparators(text, 1);
  const first = separators[0];
  if (first === undefined || first.offset === 0) return false;
  const word = text.slice(0, first.offset).trim().toLowerCase();
  return statuses.some((status) => status.toLowerCase() === word);
}

export interface ParsedSectionHeading {
  /** The status words, e.g. `Open`. */
  readonly status: Part;
  /** The whole parenthesised group after `tasks`, if any. */
  readonly group: Part | undefined;
  /** The stamp's date text (`2025-10-03`), if the group reads `updated <date>`. */
  readonly stamp: Part | undefined;
}

/** A character of a status's words after its first letter: a letter, a digit, a space or a hyphen. */
const STATUS_CHAR = /^[\p{L}\p{N} -]$/u;
/** `tasks` and a word boundary, tried at one position only (sticky): constant time per try. */
const TASKS_WORD = /tasks\b/iuy;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

interface SectionMatch {
  readonly statusText: string;
  /** The parenthesised group after `tasks` and its offset, if any. */
  readonly group: { readonly offset: number; readonly text: string; readonly inner: string } | undefined;
}

/**
 * Match `<Status> tasks (<group>)` in linear time. It reads exactly what the former pattern
 * `^([\p{L}][\p{L}\p{N} -]*?)[ \t]+tasks\b[ \t]*(\((.*)\))?[ \t]*$` (iu) read, whose nested
 * space runs backtracked in cubic time (`## Open` + 4,000 spaces + `tasks` + 4,000 spaces + `x`):
 * the status is the shortest run of status characters after which a space/tab run, `tasks`, and an
 * optional `(…)` group up to the last non-blank character end the text. One pass over the status
 * candidates (the start of each blank run); the end of the text is examined once.
 */
function matchSection(text: string): SectionMatch | undefined {
  const first = text.codePointAt(0);
  if (first === undefined || !/^\p{L}$/u.test(String.fromCodePoint(first))) return undefined;
  const blank = (index: number): boolean => text[index] === " " || text[index] === "\t";
  // The end of the text without trailing blanks, computed once.
  let end = text.length;
  while (end > 0 && blank(end - 1)) end--;
  const closes = text[end - 1] === ")";
  let i = first > 0xffff ? 2 : 1;
  while (i < text.length) {
    if (blank(i)) {
      const statusEnd = i;
      let hasTab = false;
      while (i < text.length && blank(i)) {
        if (text[i] === "\t") hasTab = true;
        i++;
      }
      TASKS_WORD.lastIndex = i;
      if (TASKS_WORD.test(text)) {
        let q = TASKS_WORD.lastIndex;
        // Skip blanks: q < end unless only blanks follow.
        while (q < end && blank(q)) q++;
        const statusText = text.slice(0, statusEnd);
        if (q >= end) return { statusText, group: undefined };
        if (text[q] === "(" && closes && end - 1 > q) {
          const inner = text.slice(q + 1, end - 1);
          if (!LINE_TERMINATOR.test(inner))
            return { statusText, group: { offset: q, text: text.slice(q, end), inner } };
        }
      }
      // A tab cannot be part of the status: no longer status can follow.
      if (hasTab) return undefined;
      continue;
    }
    const code = text.codePointAt(i) as number;
    const char = String.fromCodePoint(code);
    if (!STATUS_CHAR.test(char)) return undefined;
    i += char.length;
  }
  return undefined;
}

const STAMP = /^updated[ \t]+(\S+)$/i;

/**
 * Parse `<Status> tasks (updated YYYY-MM-DD)`. The heading is a status section when its status is
 * one of `statuses` (any case), or when it carries an `(updated …)` group.
 */
export function parseSectionHeading(text: string, statuses: readonly string[]): ParsedSectionHeading | undefined {
  const match = matchSection(text);
  if (!match) return undefined;
  const { statusText } = match;
  const groupText = match.group?.text;
  const inner = match.group?.inner;
  const isKnown = statuses.some((status) => status.toLowerCase() === statusText.toLowerCase());
  const stampMatch = inner === undefined ? null : STAMP.exec(inner.trim());
  if (!isKnown && !stampMatch) return undefined;
  const status: Part = { offset: 0, text: statusText };
  let group: Part | undefined;
  let stamp: Part | undefined;
  if (groupText !== undefined && inner !== undefined) {
    const groupOffset = (match.group as { offset: number }).offset;
    group = { offset: groupOffset, text: groupText };
    if (stampMatch) {
      const dateText = stampMatch[1] as string;
      stamp = { offset: groupOffset + 1 + inner.indexOf(dateText, inner.search(/updated/i) + 7), text: dateText };
    }
  }
  return { status, group, stamp };
}
