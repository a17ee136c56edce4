/**
 * `npm run bench:regex` (also run by `npm run bench`): every regular expression of the pack, timed on
 * adversarial strings, to catch catastrophic (super-linear) backtracking.
 *
 * The patterns are found in the source (every file under src/ and rules/) with the TypeScript parser
 * (`collectPatterns`, scripts/regex-analysis.ts), so new rules are covered without a list to keep:
 * every regular-expression literal, and every `new RegExp(…)` whose pattern is a template of other
 * patterns' `.source` (resolved) and plain expressions (replaced by a representative string, marked
 * "approx.").
 *
 * Each pattern runs (all matches, for global and sticky patterns) on strings of a small and a large
 * size made of: the attack shapes a regex analyser reports for it (`attackShapes`: the text before an
 * ambiguous loop, the character two loops can both take pumped n times, then each failing end);
 * every character the pattern mentions and every pair of them, repeated, then a character that makes
 * the match fail; and snippets of task logs (identifiers, labels, separators, code spans, URLs,
 * commit headers…) repeated. A pattern fails when one input takes more than the
 * time budget at the large size, or when the time grows much faster than the input (quadratic growth
 * shows as ~100× for 10× more input; the threshold is 30×, judged only above 2 ms).
 *
 * Prints a table (the slowest input of each pattern) and exits with 1 when a pattern fails.
 * Flags: `--small N`, `--large N` (sizes, default 2 000 and 20 000), `--budget MS` (default 50),
 * `--all` (print every pattern, not only the slowest 25 and the failures), `--audit` (print instead
 * the Markdown table of docs/performance.md: every pattern with the growth of its counted steps).
 */
import { join } from "node:path";
import type { AttackShape, Found } from "./regex-analysis.js";

const { attackShapes, collectPatterns, stepGrowth } = (await import(
  new URL("./regex-analysis.ts", import.meta.url).href
)) as typeof import("./regex-analysis.js");

const ROOT = join(import.meta.dirname, "..");
const argv = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const index = argv.indexOf(name);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
};
const SMALL = flag("--small", 2_000);
const LARGE = flag("--large", 20_000);
const BUDGET_MS = flag("--budget", 50);
const GROWTH_LIMIT = 30;
const SHOW_ALL = argv.includes("--all");

/** Characters a pattern mentions: its literal characters and one representative of each class. */
function alphabetOf(regex: RegExp): string[] {
  const chars = new Set<string>();
  const source = regex.source;
  const add = (char: string): void => {
    if (char !== "") chars.add(char);
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === "\\") {
      const next = source[i + 1] ?? "";
      i++;
      if (next === "d") add("7");
      else if (next === "w") add("a");
      else if (next === "s") {
        add(" ");
        add("\t");
      } else if (next === "p") {
        add("a");
        add("A");
        add("é");
        i = source.indexOf("}", i);
      } else if (next === "u") {
        const hex = /^u\{?([0-9A-Fa-f]{4,6})\}?/.exec(source.slice(i));
        if (hex !== null) {
          add(String.fromCodePoint(parseInt(hex[1] as string, 16)));
          i += (hex[0] as string).length - 1;
        }
      } else if (next === "n") add("\n");
      else if (next === "t") add("\t");
      else add(next);
    } else if (!"^$()[]{}*+?|.".includes(char)) {
      add(char);
    } else if (char === ".") {
      add("x");
    }
  }
  for (const extra of ["a", " ", "-", "7"]) chars.add(extra);
  return [...chars].slice(0, 40);
}

const SNIPPETS = [
  "tv-2025-10-03:",
  "tv-2025-10-03:PR41 ",
  "tv-",
  "2025-10-03",
  "**Label**:",
  "**",
  "- **Summary**: ",
  " \u00B7 ",
  " - ",
  "\u00B7",
  "`code`",
  "`",
  "``",
  "https://github.com/o/r/pull/1",
  "https://",
  "github.com/",
  "feat(scope): ",
  "feat(",
  "(",
  ")",
  "a/b-c",
  "(updated ",
  "e.g. ",
  "i.e. ",
  "Yes \u2014 ",
  "PR",
  "PR#",
  "#",
  "1. ",
  "  ",
  "\t",
  "a ",
  "a.",
  ". ",
  "<",
  "<a>",
  "[x](",
  "]",
  "..",
  "@{",
  ".lock",
  "/",
  "//",
  "a-",
  "-a",
  "_",
  "?",
  "!",
  "\\",
  "\u2014",
  "\u2013",
];
const TERMINATORS = ["", "\u0000", "!", "\n", " "];

function inputsOf(regex: RegExp, size: number): { label: string; text: string }[] {
  const inputs: { label: string; text: string }[] = [];
  const unit = (piece: string, end: string, label: string): void => {
    inputs.push({ label, text: piece.repeat(Math.max(1, Math.floor(size / piece.length))) + end });
  };
  const alphabet = alphabetOf(regex);
  for (const end of TERMINATORS) {
    for (const a of alphabet.slice(0, 24)) {
      unit(a, end, `${JSON.stringify(a)}×n${end === "" ? "" : `+${JSON.stringify(end)}`}`);
    }
  }
  const paired = alphabet.slice(0, 12);
  for (const a of paired) {
    for (const b of paired) if (a !== b) unit(a + b, "\u0000", `${JSON.stringify(a + b)}×n+NUL`);
  }
  for (const snippet of SNIPPETS) {
    for (const end of ["", "\u0000", "!"])
      unit(snippet, end, `${JSON.stringify(snippet)}×n${end === "" ? "" : `+${JSON.stringify(end)}`}`);
  }
  // The attack shapes of the pattern's ambiguous loops (scripts/regex-analysis.ts), with each failing end.
  for (const shape of shapesOf(regex)) {
    for (const end of TERMINATORS)
      inputs.push({
        label: `attack ${shape.label}${end === "" ? "" : `+${JSON.stringify(end)}`}`,
        text: shape.make(size) + end,
      });
  }
  return inputs;
}

const SHAPES = new Map<string, AttackShape[]>();
const unanalysed: string[] = [];
function shapesOf(regex: RegExp): AttackShape[] {
  const key = `/${regex.source}/${regex.flags}`;
  let shapes = SHAPES.get(key);
  if (shapes === undefined) {
    try {
      shapes = attackShapes(regex, alphabetOf(regex));
    } catch (error) {
      unanalysed.push(`${key} (${(error as Error).message})`);
      shapes = [];
    }
    SHAPES.set(key, shapes);
  }
  return shapes;
}

/** Run the pattern over the whole text (all matches for /g and /y), return milliseconds. */
function time(regex: RegExp, text: string): number {
  const copy = new RegExp(regex.source, regex.flags);
  const start = performance.now();
  if (copy.global || copy.sticky) {
    copy.lastIndex = 0;
    let guard = 0;
    while (copy.exec(text) !== null && guard++ < 1_000_000) {
      if (copy.lastIndex === 0) break;
    }
  } else {
    copy.exec(text);
  }
  return performance.now() - start;
}

interface Result {
  readonly found: Found;
  readonly label: string;
  readonly small: number;
  readonly large: number;
  readonly growth: number;
  readonly ok: boolean;
}

function measure(found: Found): Result {
  let worst: Result | undefined;
  const small = inputsOf(found.regex, SMALL);
  const large = inputsOf(found.regex, LARGE);
  for (let i = 0; i < small.length; i++) {
    const smallInput = small[i] as { label: string; text: string };
    const largeInput = large[i] as { label: string; text: string };
    let tSmall = Math.min(time(found.regex, smallInput.text), time(found.regex, smallInput.text));
    // A pattern already over budget at the small size is not run on the large one.
    let tLarge =
      tSmall > BUDGET_MS
        ? Number.POSITIVE_INFINITY
        : Math.min(time(found.regex, largeInput.text), time(found.regex, largeInput.text));
    let growth = tLarge / Math.max(tSmall, 0.01);
    let ok = tLarge <= BUDGET_MS && (tLarge < 2 || growth <= GROWTH_LIMIT);
    if (!ok && Number.isFinite(tLarge)) {
      // Confirm before blaming the pattern (a garbage collection or a busy machine can stretch one run).
      tLarge = Math.min(...[1, 2, 3].map(() => time(found.regex, largeInput.text)));
      tSmall = Math.min(...[1, 2, 3].map(() => time(found.regex, smallInput.text)));
      growth = tLarge / Math.max(tSmall, 0.01);
      ok = tLarge <= BUDGET_MS && (tLarge < 2 || growth <= GROWTH_LIMIT);
    }
    const result: Result = { found, label: smallInput.label, small: tSmall, large: tLarge, growth, ok };
    if (worst === undefined || (!result.ok && worst.ok) || (result.ok === worst.ok && result.large > worst.large))
      worst = result;
  }
  return worst as Result;
}

const { found, unresolved } = collectPatterns(ROOT);

if (argv.includes("--audit")) {
  // The audit table (docs/performance.md): every pattern, its attack shapes and the growth of a
  // backtracking engine's steps on them for 4× the input (scripts/regex-analysis.ts), no timing.
  console.log("| where | pattern | attack shapes | steps ×, 4× input |\n| --- | --- | --- | --- |");
  for (const { where, regex, approx } of found) {
    const { growth, shapes } = stepGrowth(regex);
    const source = `/${regex.source}/${regex.flags}`.replaceAll("|", "\\|");
    const code = source.includes("`") ? `\`\` ${source} \`\`` : `\`${source}\``;
    const steps = shapes === 0 ? "- (no ambiguous loop)" : growth.toFixed(1);
    console.log(`| ${where} | ${code}${approx ? " (approx.)" : ""} | ${shapes} | ${steps} |`);
  }
  process.exit(0);
}
const started = performance.now();
const results = found.map((entry, index) => {
  if (process.stderr.isTTY) process.stderr.write(`\r${index + 1}/${found.length} ${entry.where}        `);
  return measure(entry);
});
if (process.stderr.isTTY) process.stderr.write("\n");
const failures = results.filter((result) => !result.ok);
const shown = SHOW_ALL
  ? results
  : [
      ...failures,
      ...results
        .filter((result) => result.ok)
        .sort((a, b) => b.large - a.large)
        .slice(0, 25),
    ];

const fmt = (ms: number): string => (Number.isFinite(ms) ? ms.toFixed(2) : "over");
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const rows = shown.map((result) => [
  result.ok ? "ok" : "SLOW",
  result.found.where,
  clip(`/${result.found.regex.source}/${result.found.regex.flags}${result.found.approx ? " (approx.)" : ""}`, 56),
  clip(result.label, 28),
  fmt(result.small),
  fmt(result.large),
  Number.isFinite(result.growth) ? `${result.growth.toFixed(1)}×` : "-",
]);
const header = ["", "where", "pattern", "slowest input", `${SMALL} ch ms`, `${LARGE} ch ms`, "growth"];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
);
const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] as number)).join("  ");
console.log(line(header));
console.log(line(widths.map((width) => "-".repeat(width))));
for (const row of rows) console.log(line(row));
console.log(
  `\n${results.length} patterns (${found.filter((entry) => entry.approx).length} approximated), ` +
    `${results.length - failures.length} linear within ${BUDGET_MS} ms at ${LARGE} characters, ${failures.length} failing; ` +
    `${SHOW_ALL ? "all shown" : "failures and the 25 slowest shown (--all for every pattern)"}; ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
if (unresolved.length > 0) console.log(`Not evaluated (pattern built from runtime values): ${unresolved.join(", ")}`);
if (unanalysed.length > 0)
  console.log(`No attack shapes (syntax the analyser does not read): ${unanalysed.join(", ")}`);
const attacks = [...SHAPES.values()].reduce((sum, shapes) => sum + shapes.length, 0);
console.log(
  `${attacks} attack shapes from ambiguous loops (scripts/regex-analysis.ts), each with ${TERMINATORS.length} failing ends.`,
);
if (failures.length > 0) process.exitCode = 1;

// --- Section-heading scanner attack shapes (issue 18, heading classes) -------------------------------
// The section heading is no longer a pattern (src/grammar/heading.ts matchSection is a hand scanner),
// so the table above cannot see it. These are the shapes that made the former pattern cubic: runs of
// blanks around `tasks` with a failing end, and many `tasks` words. Timed like a pattern (small and
// large size, budget and growth limit).
await sectionHeadingAttacks();

async function sectionHeadingAttacks(): Promise<void> {
  const { registerHooks } = (await import("node:module")) as unknown as {
    registerHooks: (hooks: {
      resolve: (specifier: string, context: unknown, next: (s: string, c: unknown) => unknown) => unknown;
    }) => void;
  };
  // The sources import `./x.js`; run them from TypeScript directly.
  registerHooks({
    resolve: (specifier, context, next) => {
      try {
        return next(specifier, context);
      } catch (error) {
        if (specifier.startsWith(".") && specifier.endsWith(".js"))
          return next(specifier.replace(/\.js$/, ".ts"), context);
        throw error;
      }
    },
  });
  const { parseSectionHeading, parseTaskHeading } = (await import(
    join(ROOT, "src/grammar/heading.ts")
  )) as typeof import("../src/grammar/heading.js");
  const shapes: { label: string; make: (n: number) => string }[] = [
    { label: "Open␠ⁿtasks␠ⁿx", make: (n) => `Open${" ".repeat(n / 2)}tasks${" ".repeat(n / 2)}x` },
    { label: "Open␠ⁿtasks␠ⁿ(", make: (n) => `Open${" ".repeat(n / 2)}tasks${" ".repeat(n / 2)}(` },
    { label: "Open⇥ⁿtasks⇥ⁿx", make: (n) => `Open${" \t".repeat(n / 4)}tasks${"\t ".repeat(n / 4)}x` },
    { label: "Open(␠tasks)ⁿx", make: (n) => `Open${" tasks".repeat(n / 6)}x` },
    { label: "Open(␠tasks␠(x))ⁿ!", make: (n) => `Open${" tasks (x)".repeat(n / 10)}!` },
    { label: "a␠ⁿ", make: (n) => `a${" ".repeat(n)}` },
  ];
  const run = (text: string): number => {
    const start = performance.now();
    parseSectionHeading(text, ["Open", "Deferred"]);
    return performance.now() - start;
  };
  let failed = 0;
  console.log("\nSection-heading scanner (src/grammar/heading.ts matchSection):");
  for (const shape of shapes) {
    const tSmall = Math.min(run(shape.make(SMALL)), run(shape.make(SMALL)));
    const tLarge = Math.min(run(shape.make(LARGE)), run(shape.make(LARGE)), run(shape.make(LARGE)));
    const growth = tLarge / Math.max(tSmall, 0.01);
    const ok = tLarge <= BUDGET_MS && (tLarge < 2 || growth <= GROWTH_LIMIT);
    if (!ok) failed++;
    console.log(
      `  ${ok ? "ok  " : "SLOW"}  ${shape.label.padEnd(22)}  ${fmt(tSmall)} ms  ${fmt(tLarge)} ms  ${growth.toFixed(1)}×`,
    );
  }
  // The task-heading reader (shadow text, separators, strays): runs of spaces, marks and zero-width
  // characters, where a separator could start at every position.
  const taskShapes: { label: string; make: (n: number) => string }[] = [
    { label: "Open(␠·)ⁿx", make: (n) => `Open${" ·".repeat(n / 2)}x` },
    { label: "Open(·-)ⁿx", make: (n) => `Open ${"·-".repeat(n / 2)}x` },
    { label: "Open␠-ⁿx", make: (n) => `Open ${"-".repeat(n)}x` },
    { label: "Open(␠-)ⁿx", make: (n) => `Open${" -".repeat(n / 2)}x` },
    { label: "Open(ZWSP)ⁿx", make: (n) => `Open${"\u200B".repeat(n)}x` },
    { label: "Open(a␠␠)ⁿ", make: (n) => `Open · tv-2025-10-03:PR1 · ${"a  ".repeat(n / 3)}` },
    { label: "Open(NBSP ZWSP)ⁿ·", make: (n) => `Open${"\u00A0\u200B".repeat(n / 2)}·` },
  ];
  console.log("\nTask-heading reader (src/grammar/heading.ts parseTaskHeading):");
  for (const shape of taskShapes) {
    const time = (text: string): number => {
      const start = performance.now();
      parseTaskHeading(text);
      return performance.now() - start;
    };
    const tSmall = Math.min(time(shape.make(SMALL)), time(shape.make(SMALL)));
    const tLarge = Math.min(time(shape.make(LARGE)), time(shape.make(LARGE)), time(shape.make(LARGE)));
    const growth = tLarge / Math.max(tSmall, 0.01);
    const ok = tLarge <= BUDGET_MS && (tLarge < 2 || growth <= GROWTH_LIMIT);
    if (!ok) failed++;
    console.log(
      `  ${ok ? "ok  " : "SLOW"}  ${shape.label.padEnd(22)}  ${fmt(tSmall)} ms  ${fmt(tLarge)} ms  ${growth.toFixed(1)}×`,
    );
  }
  if (failed > 0) process.exitCode = 1;
}
