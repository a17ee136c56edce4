/**
 * A generator of VALID task logs, built from the template of the spec (CONVENTION.md sections 1 and
 * 3–9): status sections whose `(updated …)` stamp is not older than their tasks, task headings
 * `### <Status> · tv-YYYY-MM-DD:PR<n> · <Title>`, every required field in template order with a valid
 * value, a Git plan with a valid branch and Conventional Commits, a PR title, Deferred tasks whose
 * `PR status` links `https://github.com/<owner>/<repo>/pull/<n>` with the identifier's number,
 * cross-references to existing tasks only, unique identifiers and real calendar dates.
 *
 * Every choice is drawn from a `Random`, so one builder serves two sources:
 * - `generateTaskLog(taskCount, seed)`: deterministic (a seeded PRNG), for benchmarks and examples;
 * - `validTaskLogArbitrary()`: a fast-check arbitrary (choices drawn through `fc.gen()`, so they shrink).
 *
 * The generator also returns what it built (sections, tasks, field labels and their lines): the
 * ground truth the model cross-check compares against.
 */
import fc from "fast-check";
import { COMMIT_TYPES, DEFAULT_STATUSES, FIELD, PRIORITIES, SIZES } from "../../src/convention.js";

/** The source of every choice the builder makes. `int` is inclusive at both ends. */
export interface Random {
  int(min: number, max: number): number;
}

export interface GeneratedField {
  readonly label: string;
  readonly line: number;
}

export interface GeneratedTask {
  readonly line: number;
  readonly status: string;
  readonly id: string;
  readonly number: number;
  readonly date: string;
  readonly title: string;
  /** Line of the status section heading the task sits in. */
  readonly sectionLine: number;
  readonly fields: readonly GeneratedField[];
}

export interface GeneratedSection {
  readonly line: number;
  readonly status: string;
  readonly stamp: string;
}

export interface GeneratedLog {
  /** The Markdown, `\n` line endings, ending with a newline. */
  readonly text: string;
  readonly sections: readonly GeneratedSection[];
  readonly tasks: readonly GeneratedTask[];
}

export interface GenerateOptions {
  /** Identifier prefix (default `tv`). */
  readonly prefix?: string;
}

// ---------------------------------------------------------------------------------------------
// Random sources

/** mulberry32: a small, fast, deterministic 32-bit PRNG. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

/** A `Random` drawing through fast-check's `fc.gen()` (so that counterexamples shrink). */
export function genRandom(g: fc.GeneratorValue): Random {
  return { int: (min, max) => g(fc.integer, { min, max }) };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[random.int(0, items.length - 1)] as T;
const chance = (random: Random, percent: number): boolean => random.int(1, 100) <= percent;
const times = <T>(random: Random, min: number, max: number, make: (index: number) => T): T[] =>
  Array.from({ length: random.int(min, max) }, (_, index) => make(index));

// ---------------------------------------------------------------------------------------------
// Vocabulary

const NOUNS = [
  "regression",
  "suite",
  "coverage",
  "badge",
  "workflow",
  "pipeline",
  "cache",
  "config",
  "loader",
  "parser",
  "tokenizer",
  "checkpoint",
  "fixture",
  "report",
  "matrix",
  "runner",
  "schema",
  "dataset",
  "sampler",
  "logger",
  "docs",
  "readme",
  "release",
  "changelog",
  "metrics",
  "server",
  "client",
  "timeout",
  "retry",
  "queue",
];
const VERBS = [
  "add",
  "remove",
  "rename",
  "split",
  "move",
  "cover",
  "document",
  "harden",
  "simplify",
  "extract",
  "replace",
  "drop",
];
const ADJECTIVES = ["flaky", "slow", "legacy", "missing", "nightly", "shared", "unused", "strict", "minimal", "stable"];
const TYPES = COMMIT_TYPES;
const SCOPES = [
  "tests",
  "ci",
  "cli",
  "core",
  "data",
  "docs",
  "api",
  "config",
  "data-pipeline",
  "core/io",
  "io_utils",
  "v2.api",
];
const ACRONYMS = ["CLI", "CI", "API", "GPU", "README"];
const PATHS = [
  "tests/regression/README.md",
  "tools/ci_tasks.py",
  "src/app.py",
  ".github/workflows/quality.yml",
  "docs/coverage/roadmap.md",
  "pyproject.toml",
];
const COMMANDS = [
  "uv run ci-tasks quality",
  "uv run pytest tests -q",
  "make quality",
  "npm test",
  "uv run mypy src",
  "pytest --durations=20",
];
const OWNERS = ["acme", "octo-org", "thomas", "ml-lab"];
const REPOS = ["ml-playground", "tasklog", "infra", "data.tools"];

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

// ---------------------------------------------------------------------------------------------
// Dates

const DAY = 86_400_000;
const EPOCH_START = Date.UTC(2020, 0, 1);
const EPOCH_DAYS = 3652; // 2020-01-01 … 2029-12-31 (leap days included)

function dateText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Values

function sentence(random: Random, allowCode: boolean): string {
  const words = times(random, 2, 6, () => pick(random, NOUNS));
  let text = `${capitalize(pick(random, VERBS))} the ${words.join(" ")}`;
  if (allowCode && chance(random, 40)) text += ` in \`${pick(random, PATHS)}\``;
  if (chance(random, 20)) text += `, e.g. the ${pick(random, NOUNS)} ${pick(random, NOUNS)}`;
  if (chance(random, 10)) text += ` (i.e. the ${pick(random, ADJECTIVES)} one)`;
  return `${text}.`;
}

function subject(random: Random): string {
  const words = [
    pick(random, VERBS),
    ...times(random, 1, 3, () => pick(random, random.int(0, 1) === 0 ? NOUNS : ADJECTIVES)),
  ];
  if (chance(random, 15)) words.splice(1, 0, pick(random, ACRONYMS));
  return words.join(" ");
}

/** A Conventional Commits header of at most 72 characters. */
function commitHeader(random: Random): string {
  const type = pick(random, TYPES);
  const scope = chance(random, 60) ? `(${pick(random, SCOPES)})` : "";
  const bang = chance(random, 10) ? "!" : "";
  const header = `${type}${scope}${bang}: ${subject(random)}`;
  return header.length <= 72 ? header : `${type}: ${pick(random, VERBS)} ${pick(random, NOUNS)}`;
}

function branchName(random: Random): string {
  const words = times(random, 2, 4, () => pick(random, NOUNS));
  return `${pick(random, TYPES)}/${words.join("-")}`;
}

function prLink(random: Random, owner: string, repo: string, number: number): string {
  const url = `https://github.com/${owner}/${repo}/pull/${number}`;
  switch (random.int(0, 2)) {
    case 0:
      return `<${url}>`;
    case 1:
      return `[PR #${number}](${url})`;
    default:
      return `\`${url}\``;
  }
}

/** The convention's two statuses (their fields, in template order, are `DEFAULT_STATUSES`'). */
const [OPEN, DEFERRED] = Object.keys(DEFAULT_STATUSES) as [string, string];

interface TaskPlan {
  readonly status: string;
  readonly number: number;
  readonly dateMs: number;
  readonly id: string;
  readonly title: string;
}

/** Mention of other tasks (never the task itself); the empty string when there is no other task. */
function mention(random: Random, plans: readonly TaskPlan[], self: TaskPlan): string {
  const others = plans.filter((plan) => plan !== self);
  if (others.length === 0) return "";
  const other = pick(random, others);
  return random.int(0, 1) === 0 ? `\`${other.id}\`` : other.id;
}

/** Lines of one task, with the label and the offset of each field line. */
function taskLines(
  random: Random,
  plan: TaskPlan,
  plans: readonly TaskPlan[],
  owner: string,
  repo: string,
): {
  lines: string[];
  fields: { label: string; offset: number }[];
} {
  const lines: string[] = [`### ${plan.status} · ${plan.id} · ${plan.title}`, ""];
  const fields: { label: string; offset: number }[] = [];
  const field = (label: string, value: string, nested: string[] = []): void => {
    if (fields.length > 0 && chance(random, 8)) lines.push(""); // blank lines do not end the list
    fields.push({ label, offset: lines.length });
    lines.push(value === "" ? `- **${label}**:` : `- **${label}**: ${value}`);
    lines.push(...nested);
  };
  const dated = (): void => {
    if (!chance(random, 15)) return;
    const date = dateText(EPOCH_START + random.int(0, EPOCH_DAYS) * DAY);
    const nested = chance(random, 50)
      ? times(random, 1, 3, () => `  - \`${pick(random, COMMANDS)}\` → ${random.int(1, 99)}.${random.int(0, 99)}s`)
      : [];
    field(
      `Latest ${pick(random, ["baseline", "snapshot", "status"])} (${date})`,
      chance(random, 50) ? sentence(random, true) : "",
      nested,
    );
  };

  /** A valid value (and the lines nested under it) of each field, drawn when its turn comes. */
  const values: Record<string, () => [string, string[]?]> = {
    // Summary: one or two sentences; sometimes continued on an indented line.
    [FIELD.summary]: () => {
      const summary = times(random, 1, 2, () => sentence(random, true));
      return summary.length === 2 && chance(random, 30)
        ? [summary[0] as string, [`  ${summary[1] as string}`]]
        : [summary.join(" ")];
    },
    [FIELD.priority]: () => [pick(random, PRIORITIES)],
    [FIELD.size]: () => [pick(random, SIZES)],
    [FIELD.meta]: () => {
      const reason = `${pick(random, ["unblocks", "shrinks", "safeguards"])} ${pick(random, NOUNS)} work`;
      return [pick(random, [`Yes — ${reason}.`, "No.", "No", `No — ${reason}.`])];
    },
    [FIELD.dependencies]: () => {
      const ref = mention(random, plans, plan);
      return [
        ref !== "" && chance(random, 50)
          ? `${capitalize(pick(random, ADJECTIVES))} ${pick(random, NOUNS)} (${plan.status === OPEN ? "see" : "after"} ${ref}).`
          : pick(random, [
              "None.",
              `Documentation standards in \`${pick(random, PATHS)}\`.`,
              `The ${pick(random, NOUNS)} ${pick(random, NOUNS)} work.`,
            ]),
      ];
    },
    [FIELD.nextSteps]: () => [
      "",
      times(random, 1, 4, () => {
        const step = `  1. ${sentence(random, true)}`;
        return chance(random, 20) ? `${step}\n     - ${sentence(random, false)}` : step;
      }).flatMap((step) => step.split("\n")),
    ],
    [FIELD.validation]: () => [`${times(random, 1, 3, () => `\`${pick(random, COMMANDS)}\``).join("; ")}.`],
    [FIELD.gitPlan]: () => {
      const commits = times(random, 1, 3, () => {
        const files = chance(random, 50) ? ` (\`${pick(random, PATHS)}\`)` : "";
        return `    - \`${commitHeader(random)}\`${files}`;
      });
      return ["", [`  - Branch: \`${branchName(random)}\``, "  - Commits:", ...commits]];
    },
    [FIELD.pr]: () => {
      const link = chance(random, 30) ? `; ${prLink(random, owner, repo, plan.number)}` : "";
      return chance(random, 25)
        ? ["", [`  - Title suggestion: \`${commitHeader(random)}\``, "  - Body outline (Summary, Testing, Checklist)"]]
        : [`Title \`${commitHeader(random)}\`; body covering Summary, Testing, Checklist${link}.`];
    },
    [FIELD.references]: () => {
      const other = mention(random, plans, plan);
      return [
        `Branch \`${branchName(random)}\`; notes in \`${pick(random, PATHS)}\`${other !== "" && chance(random, 40) ? `; related to ${other}` : ""}.`,
      ];
    },
    [FIELD.holdingPattern]: () => [
      `Resume once the ${pick(random, NOUNS)} ${pick(random, NOUNS)} is ${pick(random, ADJECTIVES)}.`,
    ],
    [FIELD.prStatus]: () => [`${prLink(random, owner, repo, plan.number)} (keep in Draft).`],
  };
  /** The fields after which a dated field (`Latest baseline (…)`) may follow. */
  const datedAfter = new Set([FIELD.summary, FIELD.dependencies, FIELD.gitPlan, FIELD.holdingPattern]);
  // Every required field of the status, in template order.
  for (const label of DEFAULT_STATUSES[plan.status] ?? []) {
    const value = values[label];
    if (value === undefined) throw new Error(`the generator has no value for the field ${label}`);
    const [text, nested] = value();
    field(label, text, nested);
    if (datedAfter.has(label)) dated();
  }
  lines.push("");
  return { lines, fields };
}

const TEMPLATE = [
  "<details>",
  "<summary>Open task template</summary>",
  "",
  "```markdown",
  "## Open · tv-YYYY-MM-DD:PR### · <Short title>",
  "",
  "- **Summary**: Goal and scope in one or two sentences.",
  "- **PR status**: `<https://github.com/<org>/<repo>/pull/###>`",
  "```",
  "",
  "</details>",
  "",
];

/** Build a valid task log with `taskCount` tasks from the choices of `random`. */
export function buildTaskLog(random: Random, taskCount: number, options: GenerateOptions = {}): GeneratedLog {
  const prefix = options.prefix ?? "tv";
  const owner = pick(random, OWNERS);
  const repo = pick(random, REPOS);

  // Unique PR numbers (increasing from a random base), real dates, statuses.
  let number = random.int(1, 500);
  const plans: TaskPlan[] = [];
  for (let i = 0; i < taskCount; i++) {
    const status = random.int(0, 2) === 0 ? DEFERRED : OPEN;
    const dateMs = EPOCH_START + random.int(0, EPOCH_DAYS) * DAY;
    const title = [
      capitalize(pick(random, VERBS)),
      ...times(random, 1, 4, () => pick(random, random.int(0, 2) === 0 ? ADJECTIVES : NOUNS)),
    ].join(" ");
    plans.push({ status, number, dateMs, id: `${prefix}-${dateText(dateMs)}:PR${number}`, title });
    number += random.int(1, 7);
  }

  const lines: string[] = ["# tv-tasks", ""];
  if (chance(random, 70)) lines.push(`This log tracks the ${pick(random, NOUNS)} work. ${sentence(random, true)}`, "");
  if (chance(random, 70)) {
    lines.push(
      "> **Identifier policy**: Only log tasks once a GitHub PR exists. Use the format `tv-YYYY-MM-DD:PR###`",
      "> matching the PR number and creation date.",
      "",
    );
  }
  const sections: GeneratedSection[] = [];
  const tasks: GeneratedTask[] = [];
  const order = chance(random, 80) ? [OPEN, DEFERRED] : [DEFERRED, OPEN];
  for (const status of order) {
    const mine = plans.filter((plan) => plan.status === status);
    if (mine.length === 0 && chance(random, 30)) continue; // an empty section may be left out
    const newest = mine.reduce(
      (max, plan) => Math.max(max, plan.dateMs),
      mine.length > 0 ? 0 : EPOCH_START + random.int(0, EPOCH_DAYS) * DAY,
    );
    const stamp = dateText(newest + random.int(0, 20) * DAY);
    const sectionLine = lines.length + 1;
    sections.push({ line: sectionLine, status, stamp });
    lines.push(`## ${status} tasks (updated ${stamp})`, "");
    if (status === OPEN && chance(random, 50)) lines.push(...TEMPLATE);
    for (const plan of mine) {
      const start = lines.length + 1;
      const built = taskLines(random, plan, plans, owner, repo);
      lines.push(...built.lines);
      tasks.push({
        line: start,
        status,
        id: plan.id,
        number: plan.number,
        date: dateText(plan.dateMs),
        title: plan.title,
        sectionLine,
        fields: built.fields.map((field) => ({ label: field.label, line: start + field.offset })),
      });
    }
  }
  if (chance(random, 50)) lines.push("## Notes", "", `Free text: ${sentence(random, true)}`, "");
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  tasks.sort((a, b) => a.line - b.line);
  return { text: `${lines.join("\n")}\n`, sections, tasks };
}

/** A deterministic valid task log with `taskCount` tasks (same `seed`, same text). */
export function generateTaskLog(taskCount: number, seed = 1): string {
  return buildTaskLog(seededRandom(seed), taskCount).text;
}

/** fast-check arbitrary of valid task logs with 1 … `maxTasks` tasks. */
export function validTaskLogArbitrary(maxTasks = 6): fc.Arbitrary<GeneratedLog> {
  return fc
    .tuple(fc.integer({ min: 1, max: Math.max(1, maxTasks) }), fc.gen())
    .map(([count, g]) => buildTaskLog(genRandom(g), count));
}
