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
 * The zero-width characters (zero-width space, non-joiner and joiner, word joiner, zero-width
 * no-break space): never part of what a heading says.
 */
const ZERO_WIDTH_CHARS = "\u200B\u200C\u200D\u2060\uFEFF";
const ZERO_WIDTH_ALL = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Does `text` hold a zero-width character? */
export function hasZeroWidth(text: string): boolean {
  return /[\u200B-\u200D\u2060\uFEFF]/.test(text);
}

/** `text` without its zero-width characters (what a reader sees). */
export function visibleText(text: string): string {
  return text.replace(ZERO_WIDTH_ALL, "");
}

/**
 * U+00B7 MIDDLE DOT and its look-alikes: the characters Unicode's confusables data (UTS #39,
 * `confusables.txt`) maps to U+00B7 — U+0387 GREEK ANO TELEIA, U+1427 CANADIAN SYLLABICS FINAL
 * MIDDLE DOT, U+16EB RUNIC SINGLE PUNCTUATION, U+2022 BULLET, U+2027 HYPHENATION POINT, U+2219 BULLET
 * OPERATOR, U+22C5 DOT OPERATOR, U+2E31 WORD SEPARATOR MIDDLE DOT, U+30FB KATAKANA MIDDLE DOT,
 * U+A78F LATIN LETTER SINOLOGICAL DOT, U+FF65 HALFWIDTH KATAKANA MIDDLE DOT, U+10101 AEGEAN WORD
 * SEPARATOR DOT. In a heading each of them is a separator, never part of a status, an identifier or a
 * title next to it.
 */
export const DOT_LOOKALIKES: readonly string[] = [
  "\u00B7",
  "\u0387",
  "\u1427",
  "\u16EB",
  "\u2022",
  "\u2027",
  "\u2219",
  "\u22C5",
  "\u2E31",
  "\u30FB",
  "\uA78F",
  "\uFF65",
  "\u{10101}",
];
const DOT_UNITS = new Set(DOT_LOOKALIKES.filter((dot) => dot.length === 1));
/** The surrogates of U+10101 (the only dot outside the BMP). */
const AEGEAN_DOT = "\u{10101}";

/**
 * The heading text as the grammar reads it, one UTF-16 unit per unit of the text (so offsets are the
 * text's): every white space character (U+0020, tab, no-break spaces, U+2000–U+200A, U+3000, …) is a
 * space, every dot look-alike is U+00B7, and a zero-width character is a space where it touches white
 * space, a dot or an end of the text (part of a gap or a separator). A zero-width character inside a
 * word stays as it is: part of that word, reported as an invisible character.
 */
export function shadowOf(text: string): string {
  // Printable ASCII and U+00B7 (nearly every heading): each unit is its own shadow.
  if (PLAIN_HEADING.test(text)) return text;
  const units: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text[i] as string;
    if (ZERO_WIDTH_CHARS.includes(unit)) units.push("\0");
    else if (/\s/.test(unit)) units.push(" ");
    else if (DOT_UNITS.has(unit)) units.push("\u00B7");
    else if (unit === AEGEAN_DOT[0] && text[i + 1] === AEGEAN_DOT[1]) {
      units.push("\u00B7", "\u00B7");
      i++;
    } else units.push(unit);
  }
  // Zero-width runs: a space where the run touches a space, a dot or an end; else the original units.
  let i = 0;
  while (i < units.length) {
    if (units[i] !== "\0") {
      i++;
      continue;
    }
    let end = i;
    while (end < units.length && units[end] === "\0") end++;
    const before = i === 0 ? " " : (units[i - 1] as string);
    const after = end === units.length ? " " : (units[end] as string);
    const gap = before === " " || before === "\u00B7" || after === " " || after === "\u00B7";
    for (let k = i; k < end; k++) units[k] = gap ? " " : (text[k] as string);
    i = end;
  }
  return units.join("");
}

/** Text whose shadow is itself: printable ASCII, spaces and U+00B7 only. */
const PLAIN_HEADING = /^[\x20-\x7E\u00B7]*$/;

/**
 * Separators and their look-alikes, in the shadow text: one or more marks with any spacing (a doubled
 * separator `··`, `· ·`, `- -` is one separator), starting at the start of a space run. A mark is a
 * dot, a pipe, an en or em dash, or hyphens with a space or another mark on both sides (`Open - tv`,
 * `Open ·- tv`; a hyphen between letters or digits is part of the identifier). Linear: a match starts
 * only where no space precedes, and the marks and spaces it takes cannot be split two ways.
 */
const SEPARATOR =
  /(?<! ) *(?:[\u00B7|\u2013\u2014]|(?<=[ \u00B7|\u2013\u2014])-+(?=[ \u00B7|\u2013\u2014]))(?: *(?:[\u00B7|\u2013\u2014]|(?<=[ \u00B7|\u2013\u2014])-+(?=[ \u00B7|\u2013\u2014])))* */g;

/** An identifier-shaped word (IDENTIFIER_SHAPE and the rest of the word), compiled once. */
const ID_WORD = new RegExp(`${IDENTIFIER_SHAPE.source}[^ ]*`);

/** A PR suffix whose end is certain: `PR` and digits or placeholder marks (`PR41`, `PR??`). */
const CLEAR_SUFFIX = /^PR[0-9?#]+$/;
/** A whole identifier whose end is certain (the date need not be a real one). */
const COMPLETE_ID = /^[A-Za-z]+-\d{4}-\d{2}-\d{2}:PR[0-9?#]+$/;
/** A word that could be the rest of an identifier split by a space (`PR45`, `42`, `??`). */
const ID_CONTINUATION = /^(?:PR|[0-9?#])/i;

/** The outline of an identifier: letters, a dash, then a colon somewhere. */
const ID_OUTLINE = /^[A-Za-z]+-[^ ]*:/;

export interface Part {
  /** 0-based offset in the heading text. */
  readonly offset: number;
  readonly text: string;
}

export interface Separator extends Part {
  readonly canonical: boolean;
}

/**
 * White space or invisible characters that no part of the heading holds: `edge` at the start or the
 * end of the heading text, `space` a run inside the title other than one space (two spaces, a tab, a
 * zero-width character next to a space; one no-break space U+00A0 or U+202F is typography and fine),
 * `invisible` zero-width characters inside a word.
 */
export interface Stray extends Part {
  readonly kind: "edge" | "space" | "invisible";
}

export interface ParsedTaskHeading {
  /** Text before the first separator (trimmed); empty when the heading starts with the identifier. */
  readonly status: Part | undefined;
  /** The identifier as written (first word after the first separator). */
  readonly id: Part | undefined;
  /** Everything after the second separator (trimmed of surrounding spaces). */
  readonly title: Part | undefined;
  /** The first two separators found (up to two), with the white space around them. */
  readonly separators: readonly Separator[];
  /** Offsets of the whitespace gaps where a separator is missing (status↔identifier, identifier↔title). */
  readonly missingSeparators: readonly number[];
  /** The whitespace gaps where a separator is missing, as written (may be empty: `Open` right before the identifier). */
  readonly gaps: readonly Part[];
  /** White space and invisible characters no part holds (see `Stray`). */
  readonly strays: readonly Stray[];
}

/** The part of `text` between `start` and `end`, without the spaces of `shadow` at its ends. */
function trimmedPart(text: string, shadow: string, start: number, end: number): Part | undefined {
  let s = start;
  let e = end;
  while (s < e && shadow[s] === " ") s++;
  while (e > s && shadow[e - 1] === " ") e--;
  return s < e ? { offset: s, text: text.slice(s, e) } : undefined;
}

function separatorsOf(text: string, shadow: string, max: number): Separator[] {
  const out: Separator[] = [];
  SEPARATOR.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (out.length < max && (match = SEPARATOR.exec(shadow)) !== null) {
    const written = text.slice(match.index, match.index + match[0].length);
    out.push({ offset: match.index, text: written, canonical: written === CANONICAL_SEPARATOR });
  }
  return out;
}

/** Separators in `text`, first `max` of them. */
export function findSeparators(text: string, max = 2): Separator[] {
  return separatorsOf(text, shadowOf(text), max);
}

type Reading = Omit<ParsedTaskHeading, "gaps" | "strays">;

/** Parse a task heading's text. */
export function parseTaskHeading(text: string): ParsedTaskHeading {
  const shadow = shadowOf(text);
  const reading = readParts(text, shadow);
  const gaps = reading.missingSeparators.map((offset) => {
    let end = offset;
    while (end < shadow.length && shadow[end] === " ") end++;
    return { offset, text: text.slice(offset, end) };
  });
  return { ...reading, gaps, strays: straysOf(text, shadow, reading, gaps) };
}

function readParts(text: string, shadow: string): Reading {
  const separators = separatorsOf(text, shadow, 2);
  const first = separators[0];
  if (first === undefined) {
    // No separator at all: the identifier (if any) is found by shape.
    const idMatch = ID_WORD.exec(shadow);
    if (idMatch) {
      const status = trimmedPart(text, shadow, 0, idMatch.index);
      const idEnd = idMatch.index + idMatch[0].length;
      const title = trimmedPart(text, shadow, idEnd, text.length);
      const missingSeparators: number[] = [];
      if (status !== undefined) missingSeparators.push(status.offset + status.text.length);
      if (title !== undefined) missingSeparators.push(idEnd);
      return {
        status,
        id: { offset: idMatch.index, text: text.slice(idMatch.index, idEnd) },
        title,
        separators,
        missingSeparators,
      };
    }
    return {
      status: trimmedPart(text, shadow, 0, text.length),
      id: undefined,
      title: undefined,
      separators,
      missingSeparators: [],
    };
  }
  const status = trimmedPart(text, shadow, 0, first.offset);
  const afterFirst = first.offset + first.text.length;
  const second = separators[1];
  const idEnd = second === undefined ? text.length : second.offset;
  const idZone = trimmedPart(text, shadow, afterFirst, idEnd);
  let id: Part | undefined;
  let title: Part | undefined;
  const shaped = (part: Part): boolean =>
    IDENTIFIER_SHAPE.test(shadow.slice(part.offset, part.offset + part.text.length));
  if (status !== undefined && shaped(status) && !(idZone && shaped(idZone))) {
    // `tv-2025-10-03:PR41 · Title`: no status; the first part is the identifier.
    return {
      status: undefined,
      id: status,
      title: trimmedPart(text, shadow, afterFirst, text.length),
      separators: [first],
      missingSeparators: [],
    };
  }
  if (idZone !== undefined) {
    const zone = shadow.slice(idZone.offset, idZone.offset + idZone.text.length);
    const space = zone.indexOf(" ");
    if (space >= 0 && second === undefined && !ID_OUTLINE.test(zone.slice(0, space))) {
      // `Open · Title words`: no identifier at all; the rest is the title.
      return { status, id: undefined, title: idZone, separators: [first], missingSeparators: [] };
    }
    const firstWord = space >= 0 ? idZone.text.slice(0, space) : idZone.text;
    const rest = space >= 0 ? zone.slice(space + 1).trimStart() : "";
    // Between two separators, a part with a space inside is the identifier as written
    // (`tv-2025-10-03: PR45`, `tv 2025-10-03:PR43`), unless its first word is a complete identifier
    // followed by a word that cannot continue it: then the title starts after a missing separator.
    const splits =
      space >= 0 && (second === undefined || (COMPLETE_ID.test(visibleText(firstWord)) && !ID_CONTINUATION.test(rest)));
    if (splits) {
      // `Open · tv-2025-10-03:PR41 Title`: the identifier is the first word.
      id = { offset: idZone.offset, text: firstWord };
      const missingSeparators = [idZone.offset + space];
      // Any later separator belongs to the title.
      title = trimmedPart(text, shadow, idZone.offset + space, text.length);
      return { status, id, title, separators: [first], missingSeparators };
    }
    id = idZone;
  }
  if (second !== undefined) title = trimmedPart(text, shadow, second.offset + second.text.length, text.length);
  return { status, id, title, separators, missingSeparators: [] };
}

/** White space at an end, white space other than U+0020, or two white space characters in a row. */
const UNUSUAL_SPACE = /^\s|\s$|[^\S ]|\s\s/;

/** One space, or one no-break space (typography): the only white space a title holds between words. */
const PLAIN_GAP = /^[ \u00A0\u202F]$/;

/** White space and invisible characters that neither a separator nor a missing separator's gap holds. */
function straysOf(text: string, shadow: string, reading: Reading, gaps: readonly Part[]): Stray[] {
  // No white space at an end, none but single U+0020 spaces, no zero-width character: no strays.
  if (!UNUSUAL_SPACE.test(text) && !hasZeroWidth(text)) return [];
  const held: [number, number][] = [
    ...reading.separators.map((s): [number, number] => [s.offset, s.offset + s.text.length]),
    ...gaps.map((g): [number, number] => [g.offset, g.offset + g.text.length]),
  ];
  const isHeld = (offset: number): boolean => held.some(([s, e]) => offset >= s && offset < e);
  const title = reading.title;
  const inTitle = (s: number, e: number): boolean =>
    title !== undefined && s > title.offset && e < title.offset + title.text.length;
  const out: Stray[] = [];
  let i = 0;
  while (i < text.length) {
    if (isHeld(i)) {
      i++;
      continue;
    }
    if (shadow[i] === " ") {
      let end = i;
      while (end < text.length && shadow[end] === " " && !isHeld(end)) end++;
      const run = text.slice(i, end);
      if (i === 0 || end === text.length) out.push({ offset: i, text: run, kind: "edge" });
      else if (inTitle(i, end) && !PLAIN_GAP.test(run)) out.push({ offset: i, text: run, kind: "space" });
      i = end;
      continue;
    }
    if (ZERO_WIDTH_CHARS.includes(text[i] as string)) {
      let end = i;
      while (end < text.length && ZERO_WIDTH_CHARS.includes(text[end] as string)) end++;
      out.push({ offset: i, text: text.slice(i, end), kind: "invisible" });
      i = end;
      continue;
    }
    i++;
  }
  return out;
}

/**
 * Does the identifier have a space inside: written with one (`tv-2025-10-03: PR45` between two
 * separators), or followed, where a separator is missing, by a word that continues it (`PR45`, `42`)?
 */
export function spaceInsideIdentifier(parsed: ParsedTaskHeading): boolean {
  const { id, title } = parsed;
  if (id === undefined) return false;
  // White space other than a zero-width no-break space (U+FEFF), which JavaScript counts as white space.
  if (/[^\S\uFEFF]/.test(id.text)) return true;
  return (
    title !== undefined &&
    parsed.missingSeparators.includes(id.offset + id.text.length) &&
    ID_CONTINUATION.test(title.text)
  );
}

/**
 * Why the parts of a parsed task heading cannot be read unambiguously as a configured status, an
 * identifier and a non-empty title; undefined when they can. The heading fixes (separators, status
 * case, stray spaces and invisible characters) are offered only on an unambiguous reading, so that a
 * fix never moves text between the parts. Zero-width characters inside the status or the identifier
 * do not hide what they say (their own finding removes them).
 */
export function unreadablePart(parsed: ParsedTaskHeading, statuses: readonly string[]): string | undefined {
  const { status, id, title } = parsed;
  if (status === undefined) return "no status before the identifier";
  const lower = visibleText(status.text).toLowerCase();
  if (!statuses.some((known) => known.toLowerCase() === lower))
    return `${quote(status.text)} is not a configured status`;
  if (id === undefined) return "the heading has no identifier";
  if (spaceInsideIdentifier(parsed)) return "a space inside the identifier";
  const splitAfterId = parsed.missingSeparators.includes(id.offset + id.text.length);
  const identifier = parseIdentifier(visibleText(id.text));
  if (identifier === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(identifier.dateText) || identifier.suffix.text === "") {
    return `${quote(id.text)} does not read as an identifier`;
  }
  if (splitAfterId && !CLEAR_SUFFIX.test(identifier.suffix.text))
    return `cannot tell where the identifier ${quote(id.text)} ends`;
  if (title === undefined) return "the heading has no title";
  // `…:PR7 ·#`: once the separator has its spaces, Markdown reads the `#`s as the closing sequence.
  if (/^#+$/.test(title.text)) return "the title would read as the heading's closing #s";
  return undefined;
}

/** Does this heading text look like a task heading (spec section 2)? */
export function looksLikeTaskHeading(text: string, statuses: readonly string[]): boolean {
  if (IDENTIFIER_SHAPE.test(text)) return true;
  const shadow = shadowOf(text);
  const first = separatorsOf(text, shadow, 1)[0];
  if (first === undefined || first.offset === 0) return false;
  const word = visibleText(shadow.slice(0, first.offset)).trim().toLowerCase();
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
