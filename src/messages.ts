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

/** Text in double quotes, as messages show what was written (escaped as a JSON string). */
export function quote(text: string): string {
  return JSON.stringify(text);
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
