/**
 * Configured values inside messages: a configuration may hold thousands of entries (a generated
 * `types` list), and a finding must stay a readable line, so lists and values are clamped.
 */

/** `text` cut to at most `max` characters, with an ellipsis when cut. */
export function clamp(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
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
