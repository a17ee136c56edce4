/**
 * `npm run guard:output`: every finding of the pack and every fixed text over a wide set of documents,
 * written to one file, so that a change meant to be behaviour-neutral (a speed-up) can be compared
 * byte for byte against the code before it:
 *
 *   node scripts/output-guard.ts --pack scratch/baseline --out scratch/before.txt   # a copy of main's dist/
 *   npm run build && node scripts/output-guard.ts --out scratch/after.txt
 *   cmp scratch/before.txt scratch/after.txt
 *
 * Documents: every fixture (tests/fixtures/, with its configuration), every fenced example of
 * docs/rules/*.md (with its configuration), the other Markdown of docs/ and examples/, the 40 real
 * versions with LF and with CRLF line endings, the foreign corpus, and 300 generated logs (1–60 tasks)
 * of which 200 are damaged by seeded mutations (tests/support/mutate.ts). Each document is linted with
 * its configuration (default: the whole pack, built-in rules off) and, for the corpora, also with a
 * second configuration (custom statuses, TL004 Summary limits, a PR prefix). Per document: every
 * finding (rule, line, range, detail, context, fixInfo) as JSON, then the text after applying every
 * fix (in full for fixtures and examples, as a SHA-256 elsewhere).
 *
 * Lints with markdownlint 0.42.1 over micromark 4.0.2 (tests/overrides: identical findings, linear
 * parse) when installed, else the dev dependency. The corpus is found as the tests find it
 * (`TASKLOG_CORPUS` or ../shared/corpus); without it those documents are left out and a line says so.
 */
import "./ts-resolve.mjs";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { locateCorpus } from "../tests/support/corpus-location.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
};
const packDir = option("--pack") ?? `${ROOT}dist`;
const out = option("--out") ?? `${ROOT}scratch/output-guard.txt`;

type Lint = (options: Record<string, unknown>) => Record<string, Record<string, unknown>[]>;
type ApplyFixes = (content: string, errors: readonly unknown[]) => string;
const overrides = `${ROOT}tests/overrides/node_modules/markdownlint/lib/exports-sync.mjs`;
const host = (await import(existsSync(overrides) ? pathToFileURL(overrides).href : "markdownlint/sync")) as {
  lint: Lint;
};
const { applyFixes } = (await import("markdownlint")) as unknown as { applyFixes: ApplyFixes };
const rules = (await import(pathToFileURL(`${packDir}/index.js`).href)).default as readonly { names: string[] }[];
const packIds = new Set(rules.map((rule) => rule.names[0]));
const { generateTaskLog } = (await import(
  pathToFileURL(`${ROOT}tests/support/generate.ts`).href
)) as typeof import("../tests/support/generate.js");
const { applyMutations, mutationsArbitrary } = (await import(
  pathToFileURL(`${ROOT}tests/support/mutate.ts`).href
)) as typeof import("../tests/support/mutate.js");

const lines: string[] = [];
let documents = 0;
let findings = 0;

function check(name: string, content: string, config: Record<string, unknown>, fullText: boolean): void {
  const results = host.lint({
    strings: { content },
    customRules: rules,
    config: { default: false, tasklog: true, ...config },
    handleRuleFailures: false,
  });
  const errors = (results["content"] ?? []).filter((error) => packIds.has((error["ruleNames"] as string[])[0]));
  documents++;
  findings += errors.length;
  lines.push(`== ${name} ${JSON.stringify(config)}`);
  for (const error of errors) {
    lines.push(
      JSON.stringify([
        (error["ruleNames"] as string[])[0],
        error["lineNumber"],
        error["errorRange"],
        error["errorDetail"],
        error["errorContext"],
        error["fixInfo"],
      ]),
    );
  }
  const fixed = applyFixes(content, errors);
  lines.push(
    fixed === content
      ? "-- unchanged"
      : fullText
        ? `-- fixed\n${fixed}\n-- end`
        : `-- fixed ${createHash("sha256").update(fixed).digest("hex")}`,
  );
}

const MARKERS = /(?:[ \t]*\{(TL\d{3})\})+[ \t]*$/gm;
function files(dir: string, test: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? files(path, test) : test(entry.name) ? [path] : [];
    })
    .sort();
}
const rel = (path: string): string => path.slice(ROOT.length);

// Fixtures, as tests/support/cases.ts runs them (markers removed, the folder's rule alone, the JSON beside).
const fixtures = `${ROOT}tests/fixtures`;
for (const file of files(fixtures, (name) => name.endsWith(".md") && !name.endsWith(".fixed.md"))) {
  const name = file.slice(fixtures.length + 1);
  const only = /^(TL\d{3})/.exec(name)?.[1];
  const json = file.replace(/\.md$/, ".json");
  const config = {
    ...(only === undefined ? {} : { tasklog: false, [only]: true }),
    ...(existsSync(json) ? (JSON.parse(readFileSync(json, "utf8")) as Record<string, unknown>) : {}),
  };
  check(rel(file), readFileSync(file, "utf8").replace(MARKERS, ""), config, true);
}

// Fenced examples of the rule pages, and every Markdown page of docs/ and examples/ as a document.
for (const page of files(`${ROOT}docs/rules`, (name) => name.endsWith(".md"))) {
  const text = readFileSync(page, "utf8").split("\n");
  for (let i = 0; i < text.length; i++) {
    const open = /^(`{3,}|~{3,})markdown[ \t]+(correct|incorrect)\b[ \t]*(.*)$/.exec(text[i] as string);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < text.length && !(text[j] as string).startsWith(open[1] as string)) body.push(text[j++] as string);
    const extra = (open[3] as string).trim();
    check(`${rel(page)}:${i + 1}`, `${body.join("\n")}\n`, extra === "" ? {} : JSON.parse(extra), true);
    i = j;
  }
}
for (const file of [
  ...files(`${ROOT}docs`, (name) => name.endsWith(".md")),
  ...files(`${ROOT}examples`, (name) => name.endsWith(".md")),
]) {
  check(rel(file), readFileSync(file, "utf8"), {}, false);
}

// A second configuration for the corpora: other statuses and required fields, Summary limits, a prefix.
const OTHER = {
  tasklog: {
    statuses: {
      Open: ["Priority", "Size", "Summary", "Git plan"],
      Deferred: ["Priority", "Summary", "PR status"],
      Done: ["Summary"],
    },
  },
  TL002: { prefix: ["tv", "ops"] },
  TL004: { summary_sentences: 2 },
};

const corpus = locateCorpus();
if (corpus.dir === null) {
  lines.push(`## corpus not found (${corpus.missing}): real and foreign documents left out`);
} else {
  for (const file of files(corpus.realDir, (name) => /^tv-tasks\.v\d+\.md$/.test(name))) {
    const text = readFileSync(file, "utf8");
    const name = file.slice(corpus.dir.length + 1);
    check(name, text, {}, false);
    check(`${name} (CRLF)`, text.replace(/\r?\n/g, "\r\n"), {}, false);
    check(name, text, OTHER, false);
  }
  const real = readFileSync(join(corpus.realDir, "tv-tasks.v40.md"), "utf8");
  const mutations = fc.sample(mutationsArbitrary(6), { seed: 20, numRuns: 100 });
  mutations.forEach((mutation, index) => {
    check(`real v40 mutated #${index}`, applyMutations(real, mutation), {}, false);
  });
  for (const file of files(join(corpus.dir, "foreign"), (name) => /\.(md|markdown)$/i.test(name))) {
    check(file.slice(corpus.dir.length + 1), readFileSync(file, "utf8"), {}, false);
  }
}

// Generated logs: 100 valid ones, 200 damaged.
const damage = fc.sample(mutationsArbitrary(6), { seed: 40, numRuns: 200 });
for (let index = 0; index < 300; index++) {
  const tasks = 1 + (index % 60);
  const valid = generateTaskLog(tasks, 1000 + index);
  if (index < 100) check(`generated ${tasks} tasks seed ${1000 + index}`, valid, index % 3 === 0 ? OTHER : {}, false);
  else
    check(
      `generated ${tasks} tasks seed ${1000 + index} mutated`,
      applyMutations(valid, damage[index - 100] ?? []),
      {},
      false,
    );
}

writeFileSync(out, `${lines.join("\n")}\n`);
console.log(`${documents} lints, ${findings} findings of the pack → ${out}`);
