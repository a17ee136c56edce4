/**
 * A mutator for property tests: damages a (valid or real) task log the way editors, merges and
 * tools do. Characters inserted, deleted and duplicated; lines truncated, duplicated, dropped and
 * swapped; CRLF/CR/LF mixed; a BOM; tabs; NUL and astral-plane characters; unclosed code fences and
 * HTML comments; headings at every level; and "near misses" that the pack's fixes target (separator
 * look-alikes, status and value case, label forms, the `Yes - reason` dash).
 *
 * Mutations are plain data (so fast-check prints and shrinks them) and `applyMutations` is total: any
 * mutation applies to any text without throwing.
 */
import fc from "fast-check";

export type Mutation =
  | { readonly kind: "insert"; readonly at: number; readonly text: string }
  | { readonly kind: "delete"; readonly at: number; readonly count: number }
  | { readonly kind: "duplicate"; readonly at: number; readonly count: number }
  | { readonly kind: "truncate-line"; readonly line: number; readonly keep: number }
  | { readonly kind: "line-op"; readonly op: "duplicate" | "drop" | "swap"; readonly line: number }
  | { readonly kind: "insert-line"; readonly line: number; readonly text: string }
  | {
      readonly kind: "line-endings";
      readonly ending: "\r\n" | "\r" | "\n";
      readonly every: number;
      readonly from: number;
    }
  | { readonly kind: "bom" }
  | { readonly kind: "tabs"; readonly line: number }
  | { readonly kind: "near-miss"; readonly pattern: number; readonly occurrence: number; readonly replacement: number };

/** Characters and snippets worth inserting anywhere. */
const SNIPPETS = [
  "#",
  "*",
  "**",
  "`",
  "-",
  "·",
  " · ",
  " ",
  "\t",
  "\n",
  "\r\n",
  "\r",
  "\0",
  "\u{1F600}",
  "\u{10FFFF}",
  "𝔘",
  "\uD800",
  "\u2014",
  "\u2013",
  "\u2022",
  ":",
  "<",
  ">",
  "<!--",
  "-->",
  "```",
  "~~~",
  "[",
  "]",
  "(",
  ")",
  "|",
  "~",
  "_",
  "\\",
  "\uFEFF",
  "\u00A0",
  "é",
  "e\u0301",
  "1.",
  "PR",
  "tv-2025-02-30:",
  "tv-2025-10-03:PR41",
  "(updated ",
  "<https://",
  "\n\n",
];

/** Whole lines worth inserting: fences, comments, headings at every level, look-alike structure. */
const LINES = [
  "```",
  "~~~",
  "````markdown",
  "<!--",
  "-->",
  "<!-- markdownlint-disable -->",
  "<details>",
  "    indented code",
  "> quote",
  "> > ### Open · tv-2025-10-03:PR1 · Quoted",
  "---",
  "===",
  "***",
  "+++",
  "- **Summary**: x",
  "- **Summary:** x",
  "1. item",
  "  - nested",
  "- ",
  "* **Priority**: p1",
  "| a | b |",
  "|---|---|",
  "<div>",
  "</div>",
  "[ref]: https://x.test",
  "- **PR status**: https://github.com/o/r/pull/0",
  "- **Unknown label**: value",
  "\t- **Size**: m",
];
const HEADING_TEXTS = [
  "Open · tv-2025-10-03:PR77 · Inserted task",
  "Deferred · tv-2024-02-29:PR78 · Leap day task",
  "open - tv-2025-10-03:PR79 - Title.",
  "Open tasks (updated 2025-10-03)",
  "Deferred tasks (updated 2025-13-01)",
  "Notes",
  "Open tasks",
  "tv-2025-10-03:PR80 · No status",
  "Open · tv-2025-10-03:PR?? · Placeholder",
  "Open ·",
  "",
  "Open · tv-2025-10-03:PR41 · Duplicate id",
];

/** Near misses: a pattern and what may replace (one occurrence of) it. */
export const NEAR_MISSES: readonly { readonly pattern: RegExp; readonly replacements: readonly string[] }[] = [
  {
    pattern: / \u00B7 /g,
    replacements: [" - ", " \u2013 ", " \u2014 ", " | ", " \u2022 ", "\u00B7", " \u00B7", "\u00B7 ", "  \u00B7  ", " "],
  },
  {
    pattern: /^(#{1,6} )(Open|Deferred)\b/gm,
    replacements: ["$1open", "$1OPEN", "$1deferred", "$1Closed", "$1", "$1Deferred", "$1Open"],
  },
  { pattern: /\*\*([A-Za-z ?]+)\*\*:/g, replacements: ["**$1:**", "$1:", "**$1** :", "__$1__:", "*$1*:", "**$1**"] },
  {
    pattern: /\*\*(Summary|Priority|Size|Meta\?|Dependencies|Validation|References)\*\*/g,
    replacements: ["**summary**", "**PRIORITY**", "**size**", "**meta?**"],
  },
  { pattern: /\bP([0-3])\b/g, replacements: ["p$1", "P$1, P2", "P4", "$1"] },
  { pattern: /(Size\*\*: )(XS|S|M|L)\b/g, replacements: ["$1m", "$1xs", "$1XL", "$1M/L"] },
  { pattern: /Yes \u2014 /g, replacements: ["Yes - ", "Yes -- ", "Yes", "yes \u2014 ", "Yes \u2013 "] },
  {
    pattern: /(updated )(\d{4}-\d{2}-\d{2})/g,
    replacements: ["$11999-01-01", "$12025-02-30", "$1", "Updated $2", "$1$2 "],
  },
  { pattern: /\btv-(\d{4}-)/g, replacements: ["TV-$1", "Tv-$1", "tV-$1", "xy-$1"] },
  { pattern: /:PR(\d+)/g, replacements: [":PR??", ":PR0$1", ":PR###", ":", ":pr$1", ":PR$1x"] },
  {
    pattern: /`([a-z]+)(\([^)]*\))?!?: ([^`]*)`/g,
    replacements: ["`$1$2: Wip`", "`$1$2: update stuff`", "`$1$2: $3.`", "`Feat$2: $3`", "`$1$2:$3`"],
  },
  {
    pattern: /`([a-z]+)\/([a-z-]+)`/g,
    replacements: ["`$1/Bad_Name`", "`$2`", "`$1/$2.lock`", "`$1/$2..x`", "`main`"],
  },
  { pattern: /\/pull\/(\d+)/g, replacements: ["/pull/###", "/pull/9$1", "/issues/$1", "/pull/"] },
  { pattern: /^(\s*)1\. /gm, replacements: ["$1- ", "$11) ", "$1* "] },
];

const position = fc.nat({ max: 1_000_000 });

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      at: position,
      text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ unit: "binary", maxLength: 3 })),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("delete" as const),
      at: position,
      count: fc.integer({ min: 1, max: 40 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("duplicate" as const),
      at: position,
      count: fc.integer({ min: 1, max: 300 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("truncate-line" as const), line: position, keep: fc.nat({ max: 80 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("line-op" as const),
      op: fc.constantFrom("duplicate" as const, "drop" as const, "swap" as const),
      line: position,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("insert-line" as const),
      line: position,
      text: fc.oneof(
        fc.constantFrom(...LINES),
        fc
          .tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom(...HEADING_TEXTS))
          .map(([level, text]) => `${"#".repeat(level)} ${text}`),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("line-endings" as const),
      ending: fc.constantFrom("\r\n" as const, "\r" as const, "\n" as const),
      every: fc.integer({ min: 1, max: 5 }),
      from: position,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "bom" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("tabs" as const), line: position }) },
  { weight: 4, arbitrary: nearMissArbitrary() },
);

function nearMissArbitrary(): fc.Arbitrary<Mutation> {
  return fc.record({
    kind: fc.constant("near-miss" as const),
    pattern: fc.nat({ max: NEAR_MISSES.length - 1 }),
    occurrence: fc.nat({ max: 1000 }),
    replacement: fc.nat({ max: 100 }),
  });
}

/** Only near misses: text damage the pack's fixes are meant to repair. */
export const nearMissMutationArbitrary: fc.Arbitrary<Mutation> = nearMissArbitrary();

/** Split keeping line endings: [line, ending, line, ending, …, lastLine]. */
function splitLines(text: string): { lines: string[]; endings: string[] } {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: string[] = [];
  const endings: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    lines.push(parts[i] as string);
    if (i + 1 < parts.length) endings.push(parts[i + 1] as string);
  }
  return { lines, endings };
}

function joinLines(lines: readonly string[], endings: readonly string[]): string {
  let out = "";
  lines.forEach((line, index) => {
    out += line;
    if (index < lines.length - 1) out += endings[index] ?? "\n";
  });
  return out;
}

/** Apply one mutation (positions are taken modulo the text's size). */
export function applyMutation(text: string, mutation: Mutation): string {
  switch (mutation.kind) {
    case "insert": {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case "delete": {
      if (text.length === 0) return text;
      const at = mutation.at % text.length;
      return text.slice(0, at) + text.slice(at + mutation.count);
    }
    case "duplicate": {
      if (text.length === 0) return text;
      const at = mutation.at % text.length;
      const piece = text.slice(at, at + mutation.count);
      return text.slice(0, at) + piece + piece + text.slice(at + piece.length);
    }
    case "bom":
      return `\uFEFF${text}`;
    case "near-miss": {
      const near = NEAR_MISSES[mutation.pattern % NEAR_MISSES.length] as (typeof NEAR_MISSES)[number];
      const matches = [...text.matchAll(near.pattern)];
      if (matches.length === 0) return text;
      const match = matches[mutation.occurrence % matches.length] as RegExpMatchArray;
      const template = near.replacements[mutation.replacement % near.replacements.length] as string;
      const replaced = match[0].replace(new RegExp(near.pattern.source, near.pattern.flags.replace("g", "")), template);
      const index = match.index as number;
      return text.slice(0, index) + replaced + text.slice(index + match[0].length);
    }
    default:
      break;
  }
  const { lines, endings } = splitLines(text);
  const index = (mutation.kind === "line-endings" ? mutation.from : mutation.line) % lines.length;
  switch (mutation.kind) {
    case "truncate-line":
      lines[index] = (lines[index] as string).slice(0, mutation.keep);
      break;
    case "line-op":
      if (mutation.op === "duplicate") {
        lines.splice(index, 0, lines[index] as string);
        endings.splice(index, 0, endings[index] ?? "\n");
      } else if (mutation.op === "drop" && lines.length > 1) {
        lines.splice(index, 1);
        endings.splice(Math.min(index, endings.length - 1), 1);
      } else if (mutation.op === "swap" && index + 1 < lines.length) {
        const here = lines[index] as string;
        lines[index] = lines[index + 1] as string;
        lines[index + 1] = here;
      }
      break;
    case "insert-line":
      lines.splice(index, 0, mutation.text);
      endings.splice(index, 0, endings[index] ?? endings[index - 1] ?? "\n");
      break;
    case "line-endings":
      for (let i = index; i < endings.length; i += mutation.every) endings[i] = mutation.ending;
      break;
    case "tabs":
      lines[index] = (lines[index] as string)
        .replace(/^( {2})+/, (spaces) => "\t".repeat(spaces.length / 2))
        .replace(/ \u00B7 /, "\t\u00B7\t");
      break;
  }
  return joinLines(lines, endings);
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}

/** 1 … `max` mutations of any kind. */
export const mutationsArbitrary = (max = 6): fc.Arbitrary<Mutation[]> =>
  fc.array(mutationArbitrary, { minLength: 1, maxLength: max });
