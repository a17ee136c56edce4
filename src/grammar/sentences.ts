/**
 * Sentences in a short piece of Markdown prose (a task's Summary, spec section 6).
 *
 * A sentence ends at a sentence terminator of any script (Unicode's Sentence_Terminal: `.`, `!`, `?`,
 * the CJK `。！？`, the full-width `．！？`, the Devanagari `।`, the Arabic `؟`, …), possibly repeated,
 * possibly followed by closing quotes, brackets or emphasis markers, that is followed by the end of
 * the text, or by white space and then something that does not start with a lowercase letter. The
 * terminators of the scripts written without spaces between sentences (the CJK and full-width forms,
 * which carry their own spacing) need no white space after them: `第一句。第二句。` is two sentences.
 * It does not end:
 * - inside a code span, a link (inline, reference or autolink), a bare URL, or an escaped character;
 * - after a known abbreviation such as `e.g.`, `i.e.`, `vs.`, `etc.`;
 * - inside a number (`3.13`) or a file name (`README.md`), since no white space follows the period.
 *
 * Pure functions over strings; no Markdown parser needed.
 */

import { isSpace } from "./space.js";

/** Abbreviations after which a period does not end a sentence (compared case-insensitively). */
export const ABBREVIATIONS: readonly string[] = Object.freeze([
  "e.g.",
  "i.e.",
  "vs.",
  "etc.",
  "cf.",
  "viz.",
  "approx.",
  "incl.",
  "esp.",
  "resp.",
  "a.k.a.",
  "w.r.t.",
  "et al.",
  "al.",
  "ca.",
  "min.",
  "max.",
  "avg.",
  "dept.",
  "fig.",
  "eq.",
  "sec.",
  "ch.",
  "mr.",
  "mrs.",
  "ms.",
  "dr.",
  "prof.",
  "st.",
  "jr.",
  "sr.",
  "inc.",
  "ltd.",
  "co.",
  "corp.",
]);

export interface Sentence {
  /** 0-based offset of the sentence's first non-space character in the text. */
  readonly start: number;
  /** 0-based offset just after the sentence (after its terminator and closers, if any). */
  readonly end: number;
  readonly text: string;
}

/** Replace every character of `text[start, end)` except line breaks with `fill`. */
function mask(chars: string[], start: number, end: number, fill: string): void {
  for (let i = start; i < end; i++) if (chars[i] !== "\n") chars[i] = fill;
}

/** What `maskInline` masks after code spans, in order, each with a character all its matches hold. */
const MASKED: readonly { readonly needle: string; readonly pattern: RegExp }[] = [
  // Autolinks: <scheme:...> and <user@host>.
  { needle: "<", pattern: /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/g },
  { needle: "<", pattern: /<[^\s<>@]+@[^\s<>]+>/g },
  // Inline links and images: [text](destination "title"), and reference links [text][ref].
  // (The text holds no `[`: the innermost bracket opens the link, as in CommonMark, and a run of
  // unclosed `[` is scanned once, not once per bracket.)
  {
    needle: "[",
    pattern: /!?\[[^[\]\n]*(?:\n[^[\]\n]*)*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g,
  },
  { needle: "[", pattern: /!?\[[^[\]]*\]\[[^[\]]*\]/g },
  // Bare URLs, without trailing punctuation (`http` or `www.` in each).
  { needle: "", pattern: /(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,:;!?"')\]*_]/g },
];

/**
 * The text with code spans, links, autolinks, bare URLs and escapes masked by same-length filler
 * (`X`), so that periods inside them are not seen; offsets are kept.
 */
export function maskInline(text: string): string {
  // Plain prose (the common case) has nothing to mask.
  if (!/[\\`<[]|https?:|www\./.test(text)) return text;
  // UTF-16 code units, so that offsets match `text`.
  const units = text.split("");
  // Escapes first (an escaped backtick does not open a code span).
  let escaped = false;
  if (text.includes("\\")) {
    for (const match of text.matchAll(/\\[!-/:-@[-`{-~]/g)) {
      mask(units, match.index, match.index + 2, "X");
      escaped = true;
    }
  }
  // Code spans: a run of n backticks up to the next run of exactly n backticks. Every run is found
  // once, and the runs of each length are listed in order, so that a run's closer is the next entry
  // of its length's list: no scan of the rest of the text per run (runs of many different lengths
  // without a closer made that n^1.5).
  let masked = escaped ? units.join("") : text;
  const runs = masked.includes("`")
    ? Array.from(masked.matchAll(/`+/g), (match) => ({ index: match.index, length: match[0].length }))
    : [];
  const byLength = new Map<number, { readonly runs: number[]; next: number }>();
  runs.forEach((run, index) => {
    const list = byLength.get(run.length);
    if (list === undefined) byLength.set(run.length, { runs: [index], next: 0 });
    else list.runs.push(index);
  });
  for (let index = 0; index < runs.length; ) {
    const run = runs[index] as { index: number; length: number };
    const list = byLength.get(run.length) as { readonly runs: number[]; next: number };
    while (list.next < list.runs.length && (list.runs[list.next] as number) <= index) list.next++;
    const close = list.runs[list.next];
    if (close === undefined) {
      index++; // an unmatched run is literal text
      continue;
    }
    mask(units, run.index, (runs[close] as { index: number }).index + run.length, "X");
    index = close + 1;
  }
  if (runs.length > 1) masked = units.join("");
  for (const { needle, pattern } of MASKED) {
    // A text without the pattern's first character holds no match.
    if (!masked.includes(needle)) continue;
    let found = false;
    for (const match of masked.matchAll(pattern)) {
      mask(units, match.index, match.index + match[0].length, "X");
      found = true;
    }
    if (found) masked = units.join("");
  }
  return masked;
}

/**
 * A run of sentence terminators (Unicode's Sentence_Terminal property, every script's `.` `!` `?`)
 * with its closers (quotes, closing brackets of any script, emphasis markers). What may follow it is
 * checked in code (`endsSentence`), so the pattern never backtracks into the run.
 */
const TERMINATOR = /(?<!\p{Sentence_Terminal})(\p{Sentence_Terminal}+)["'*_\p{Pe}\p{Pf}]*/gu;

/** The terminators of scripts written without spaces between sentences: CJK and full-width forms. */
const WIDE_TERMINATOR = /[\u3002\uFF61\uFF01\uFF1F\uFF0E\uFE12\uFE52\uFE56\uFE57]$/u;

/** A terminator run ending at `end` ends a sentence: white space or the text's end follows, or it is wide. */
function endsSentence(masked: string, end: number, marks: string): boolean {
  const next = masked[end];
  if (next === undefined || /\s/.test(next)) return true;
  // A full-width period between digits (`３．１４`) is a decimal point.
  return WIDE_TERMINATOR.test(marks) && !/\p{Nd}/u.test(next);
}

/** Longer than any abbreviation with its opening punctuation: a bounded look-back keeps this linear. */
const LOOK_BACK = 48;

/** Abbreviations of two words whose last word is not one by itself (none today: `et al.` ends with `al.`). */
const TWO_WORD_ABBREVIATIONS = ABBREVIATIONS.filter(
  (entry) => entry.includes(" ") && !ABBREVIATIONS.includes(entry.slice(entry.lastIndexOf(" ") + 1)),
);
/** The longest abbreviation, with room for its opening punctuation. */
const LONGEST_WORD = ABBREVIATIONS.reduce((longest, entry) => Math.max(longest, entry.length), 0);
const OPENING = /^["'‘“([*_]+/;

function isAbbreviation(masked: string, period: number): boolean {
  // The word ending at the period, with opening punctuation removed; `et al.` spans two words.
  // Only the last LOOK_BACK characters are read; a word cut by that window is longer than any
  // abbreviation, so it is dropped rather than compared.
  let start = period;
  while (start > 0 && period + 1 - start < LOOK_BACK && !isSpace(masked[start - 1] as string)) start--;
  if (start > 0 && !isSpace(masked[start - 1] as string)) return false;
  const word = masked.slice(start, period + 1).replace(OPENING, "");
  if (word.length <= LONGEST_WORD && ABBREVIATIONS.includes(word.toLowerCase())) return true;
  if (TWO_WORD_ABBREVIATIONS.length === 0) return false;
  const from = Math.max(0, period + 1 - LOOK_BACK);
  const cut = from > 0 && !/\s/.test(masked[from - 1] as string);
  const before = masked.slice(from, period + 1);
  const match = /(?<!\S)(\S+\s+\S+)$/.exec(before);
  const twoWords =
    match === null || (cut && match.index === 0)
      ? ""
      : (match[1] as string).replace(OPENING, "").replace(/\s+/g, " ").toLowerCase();
  return TWO_WORD_ABBREVIATIONS.includes(twoWords);
}

const NEXT_VISIBLE = /\s*(\S)/y;

/** Split `text` (Markdown prose) into sentences; an empty or blank text has none. */
export function splitSentences(text: string): Sentence[] {
  const masked = maskInline(text);
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    if (slice.trim() !== "") sentences.push({ start: start + lead, end, text: slice.trim() });
    start = end;
  };
  for (const match of masked.matchAll(TERMINATOR)) {
    const end = match.index + match[0].length;
    const marks = match[1] as string;
    if (!endsSentence(masked, end, marks)) continue;
    NEXT_VISIBLE.lastIndex = end;
    const next = NEXT_VISIBLE.exec(masked)?.[1];
    if (next !== undefined && /\p{Ll}/u.test(next)) continue;
    if (marks === "." && isAbbreviation(masked, match.index)) continue;
    push(end);
  }
  push(text.length);
  return sentences;
}

/** The number of sentences in `text`. */
export function countSentences(text: string): number {
  return splitSentences(text).length;
}
