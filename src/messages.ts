/**
 * The one message path of the pack, shared by grammars, readers, the kit and rules: every detail reads
 * "Expected <what the convention wants>; Actual: <what is there>" (`expected`), written text is shown in
 * double quotes (`quote`), and configured values are clamped (`clamp`, `listed`): a configuration may
 * hold thousands of entries (a generated `types` list), and a finding must stay a readable line.
 */

/** `Expected ${what}; Actual: ${actual}`. */
export function expected(what: string, actual: string): string {
  return `Expected ${what}; Actual: ${actual}`;
}

/**
 * Characters a reader cannot see, or cannot tell from an ordinary space: no-break and other odd
 * spaces (U+00A0, U+2000–U+200A, U+202F, U+205F, U+3000), zero-width characters (U+200B–U+200D,
 * U+2060, U+FEFF), the soft hyphen, invisible operators, bidi controls (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069), U+180E and the line and paragraph separators.
 */
const INVISIBLE = /[\u00A0\u00AD\u061C\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2064\u2066-\u206F\u3000\uFEFF]/g;

/**
 * Look-alikes of the middle dot U+00B7 (`·`, the heading separator), after Unicode's confusables
 * data: U+0387, U+1427, U+2022, U+2027, U+2219, U+22C5, U+2E31, U+30FB, U+A78F, U+FF65.
 */
const DOT_LOOKALIKE = /[\u0387\u1427\u2022\u2027\u2219\u22C5\u2E31\u30FB\uA78F\uFF65]/g;

/** `U+22C5`: a character's code point as Unicode writes it. */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Text in double quotes, as messages show what was written: escaped as a JSON string, with every
 * invisible character written as its escape (`"Open\u200b"`, `"Open\u00a0· tv"`), and, after the
 * quotes, the code point of each distinct look-alike of the middle dot (`" ⋅ " (U+22C5 ⋅)`), so that
 * the user can see what is wrong.
 */
export function quote(text: string): string {
  const escaped = JSON.stringify(text).replace(
    INVISIBLE,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`,
  );
  const lookalikes = [...new Set(text.match(DOT_LOOKALIKE))];
  return lookalikes.length === 0
    ? escaped
    : `${escaped} (${lookalikes.map((char) => `${codePoint(char)} ${char}`).join(", ")})`;
}

/**
 * Written text shown as is where a message shows it without quotes (`Actual: Opne`), or `quote`d
 * when it holds an invisible character or a look-alike of the middle dot (`Actual: "Open\u200b"`).
 */
export function visible(text: string): string {
  return text.search(INVISIBLE) >= 0 || text.search(DOT_LOOKALIKE) >= 0 ? quote(text) : text;
}

/** `text` cut to at most `max` characters, ending in `ellipsis` when cut. */
export function clamp(text: string, max = 60, ellipsis = "…"): string {
  return text.length <= max ? text : `${text.slice(0, max - ellipsis.length)}${ellipsis}`;
}

/**
 * A list of configured values for a message, readable however long the configuration is: at most
 * `max` entries, each clamped, then how many more, e.g. `feat, fix, docs, … (100000 in all)`.
 */
export function listed(values: readonly string[], separator = ", ", max = 12): string {
  const shown = values.slice(0, max).map((value) => clamp(value, 40));
  return values.length <= max
    ? shown.join(separator)
    : `${shown.join(separator)}${separator}… (${values.length} in all)`;
}
