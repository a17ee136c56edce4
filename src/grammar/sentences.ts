/**
 * Sentences in a short piece of Markdown prose (a task's Summary, spec section 6).
 *
 * A sentence ends at `.`, `!` or `?` (possibly repeated, possibly followed by closing quotes,
 * brackets or emphasis markers) that is followed by the end of the text, or by white space and then
 * something that does not start with a lowercase letter. It does not end:
 * - inside a code span, a link (inline, reference or autolink), a bare URL, or an escaped character;
 * - after a known abbreviation such as `e.g.`, `i.e.`, `vs.`, `etc.`;
 * - inside a number (`3.13`) or a file name (`README.md`), since no white space follows the period.
 *
 * Pure functions over strings; no Markdown parser needed.
 */

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

/**
 * `text` with every character of the ranges `[start, end)` (flat pairs, in order, not overlapping)
 * except line breaks replaced by `X`: one new string, however many ranges.
 */
function masked(text: string, ranges: readonly number[]): string {
  if (ranges.length === 0) return text;
  let out = "";
  let from = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    const start = ranges[i] as number;
    const end = ranges[i + 1] as number;
    const piece = text.slice(start, end);
    out += text.slice(from, start) + (piece.includes("\n") ? piece.replace(/[^\n]/g, "X") : "X".repeat(piece.length));
    from = end;
  }
  return out + text.slice(from);
}

/** The pattern of a run of exactly as many backticks as `open` (kept for the short runs, the usual ones). */
const CLOSERS = new Map<number, RegExp>();
function closerOf(open: string): RegExp {
  let closer = CLOSERS.get(open.length);
  if (closer === undefined) {
    closer = new RegExp(`(?<!\`)${open}(?!\`)`, "g");
    if (open.length <= 8) CLOSERS.set(open.length, closer);
  }
  return closer;
}

/**
 * The text with code spans, links, autolinks, bare URLs and escapes masked by same-length filler
 * (`X`), so that periods inside them are not seen; offsets are kept.
 */
export function maskInline(text: string): string {
  // Plain prose (the common case) has nothing to mask.
  if (!/[\\`<[]|https?:|www\./.test(text)) return text;
  // Offsets are UTF-16 code units, as `text`'s. Each stage reads the text as the stages before it left it.
  const ranges: number[] = [];
  // Escapes first (an escaped backtick does not open a code span).
  for (const match of text.matchAll(/\\[!-/:-@[-`{-~]/g)) ranges.push(match.index, match.index + 2);
  let out = masked(text, ranges);
  // Code spans: a run of n backticks up to the next run of exactly n backticks.
  ranges.length = 0;
  const runs = /`+/g;
  let run: RegExpExecArray | null;
  while ((run = runs.exec(out)) !== null) {
    const open = run[0];
    const closer = closerOf(open);
    closer.lastIndex = run.index + open.length;
    const close = closer.exec(out);
    if (close === null) continue; // an unmatched run is literal text
    ranges.push(run.index, close.index + open.length);
    runs.lastIndex = close.index + open.length;
  }
  out = masked(out, ranges);
  for (const [pattern, needs] of LINK_PATTERNS) {
    if (!needs.test(out)) continue; // the pattern cannot match without one of these
    ranges.length = 0;
    for (const match of out.matchAll(pattern)) ranges.push(match.index, match.index + match[0].length);
    out = masked(out, ranges);
  }
  return out;
}

/** The patterns of the last stages, each with what a text must hold for it to match. */
const LINK_PATTERNS: readonly (readonly [RegExp, RegExp])[] = [
  // Autolinks: <scheme:...> and <user@host>.
  [/<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/g, /</],
  [/<[^\s<>@]+@[^\s<>]+>/g, /</],
  // Inline links and images: [text](destination "title"), and reference links [text][ref].
  // (The text holds no `[`: the innermost bracket opens the link, as in CommonMark, and a run of
  // unclosed `[` is scanned once, not once per bracket.)
  [/!?\[[^[\]\n]*(?:\n[^[\]\n]*)*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g, /\[/],
  [/!?\[[^[\]]*\]\[[^[\]]*\]/g, /\[/],
  // Bare URLs, without trailing punctuation.
  [/(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,:;!?"')\]*_]/g, /https?:\/\/|www\./],
];

const TERMINATOR = /(?<![.!?])[.!?]+["'’”)\]*_]*(?=\s|$)/g;

const KNOWN: ReadonlySet<string> = new Set(ABBREVIATIONS);
/** Whether some two-word abbreviation ends in a word that is not an abbreviation on its own. */
const TWO_WORDS_NEEDED = ABBREVIATIONS.some(
  (abbreviation) => /\s/.test(abbreviation) && !KNOWN.has(abbreviation.split(/\s+/).pop() as string),
);

/** Longer than any abbreviation with its opening punctuation: a bounded look-back keeps this linear. */
const LOOK_BACK = 48;

function isAbbreviation(masked: string, period: number): boolean {
  // The word ending at the period, with opening punctuation removed; `et al.` spans two words.
  // Only the last LOOK_BACK characters are read; a word cut by that window is longer than any
  // abbreviation, so it is dropped rather than compared.
  const from = Math.max(0, period + 1 - LOOK_BACK);
  const cut = from > 0 && !/\s/.test(masked[from - 1] as string);
  const before = masked.slice(from, period + 1);
  const whole = (match: RegExpExecArray | null): string =>
    match === null || (cut && match.index === 0) ? "" : (match[1] as string);
  const word = whole(/(?<!\S)(\S+)$/.exec(before))
    .replace(/^["'‘“([*_]+/, "")
    .toLowerCase();
  if (KNOWN.has(word)) return true;
  // A two-word abbreviation whose last word is one itself (`et al.`) was found above already.
  if (!TWO_WORDS_NEEDED) return false;
  const twoWords = whole(/(?<!\S)(\S+\s+\S+)$/.exec(before))
    .replace(/^["'‘“([*_]+/, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
  return KNOWN.has(twoWords);
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
    NEXT_VISIBLE.lastIndex = end;
    const next = NEXT_VISIBLE.exec(masked)?.[1];
    if (next !== undefined && /\p{Ll}/u.test(next)) continue;
    const marks = /^[.!?]+/.exec(match[0])?.[0] ?? "";
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
