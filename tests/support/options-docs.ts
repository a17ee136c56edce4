/**
 * The options table of a rule's docs page, generated from the rule's declarations (`rule.options`:
 * name → `{ kind, default, description }`). The page holds it between two markers; the docs test
 * fails when it drifts (tests/generated.test.ts), and `npm run generate` rewrites it.
 */
import type { AnyOptionSpec, OptionKind } from "../../src/kit/options.js";

export const BEGIN = "<!-- options: generated from the rule's declarations by `npm run generate`; do not edit -->";
export const END = "<!-- options: end -->";

const KIND_NAMES: Record<OptionKind, string> = {
  string: "string",
  "string-or-strings": "string or array of strings",
  strings: "array of strings",
  integer: "positive integer",
  boolean: "boolean",
  statuses: "object: status → array of field labels",
};

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function defaultOf(spec: AnyOptionSpec): string {
  if (spec.kind === "statuses") {
    return Object.entries(spec.default)
      .map(([status, fields]) => `\`${status}\`: ${fields.join(", ")}`)
      .join("; ");
  }
  const value = spec.default;
  return `\`${Array.isArray(value) ? `[${value.map((entry) => JSON.stringify(entry)).join(", ")}]` : JSON.stringify(value)}\``;
}

/** The generated block (markers included) for a rule's declared options. */
export function optionsBlock(options: Readonly<Record<string, AnyOptionSpec>>): string {
  const rows = Object.entries(options).map(
    ([name, spec]) =>
      `| \`${name}\` | ${KIND_NAMES[spec.kind]} | ${cell(defaultOf(spec))} | ${cell(spec.description)} |`,
  );
  return [
    BEGIN,
    "",
    "| option | type | default | description |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    "Shared options (`statuses`, `prefix`, `types`) can be set once for every rule under the `tasklog` tag:",
    '`"tasklog": { "statuses": { … } }`. A rule accepts the shared options it does not read and checks them;',
    "a wrong option is reported once per block, by the first rule that runs with it ([option problems](../options.md)).",
    "",
    END,
  ].join("\n");
}

/** `page` with its options block replaced by `block`; undefined when the page has no markers. */
export function withOptionsBlock(page: string, block: string): string | undefined {
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (begin === -1 || end === -1 || end < begin) return undefined;
  return page.slice(0, begin) + block + page.slice(end + END.length);
}
