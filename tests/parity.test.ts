/**
 * Every host says the same: the pack (from source) run by markdownlint 0.40.0 (the VS Code extension,
 * markdownlint-cli2 0.20 and 0.22), 0.41.1 (the markdownlint-cli2 GitHub Action) and 0.42.1 (the
 * command line) must give every document the same findings (rule, line, range, detail, context, fix)
 * and, after `applyFixes`, the same fixed text.
 *
 * The documents: every fixture (with its configuration), every example of docs/rules/*.md, every
 * real task-log version of the corpus (gated, tests/support/corpus-location.mjs; the whole pack,
 * inline configuration ignored), and generated logs, plain and mutated (tests/support/generate.ts,
 * tests/support/mutate.ts, plus the edits that touch the hosts' known token differences: a colon
 * followed by a letter or a tab, tabs after list markers, CR and CRLF line endings).
 *
 * The three versions run in this process on one Node: what differs between them is their micromark
 * parse (markdownlint's own code around it is plain JavaScript), and Node 20 itself is covered by
 * `npm run test:host040` (the built bundle on markdownlint 0.40.0 and Node 20). A difference that is
 * left on purpose is listed in KNOWN with its reason (docs/hosts.md, "Every host says the same");
 * the test fails on any other, and on a KNOWN entry that no longer differs.
 */
import fc from "fast-check";
import { applyFixes as applyFixes040 } from "markdownlint-040";
import { lint as lint040 } from "markdownlint-040/sync";
import { applyFixes as applyFixes041 } from "markdownlint-041";
import { lint as lint041 } from "markdownlint-041/sync";
import { applyFixes as applyFixes042, getVersion } from "markdownlint";
import { lint as lint042 } from "markdownlint/sync";
import { getVersion as getVersion040 } from "markdownlint-040";
import { getVersion as getVersion041 } from "markdownlint-041";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rules from "../rules/index.js";
import { sameOnEveryHost, type Token } from "../src/markdown/tokens.js";
import { docPages, docsDir, exampleConfig, examplesOf, fixtureCases } from "./support/cases.js";
import { corpusSkip, readReal, realVersionNames } from "./support/corpus.js";
import { generateTaskLog, type Random, seededRandom } from "./support/generate.js";
import { applyMutations, mutationsArbitrary } from "./support/mutate.js";

type Lint = typeof lint042;
type ApplyFixes = typeof applyFixes042;

interface Host {
  readonly version: string;
  readonly lint: Lint;
  readonly applyFixes: ApplyFixes;
}

const HOSTS: readonly Host[] = [
  { version: "0.40.0", lint: lint040 as unknown as Lint, applyFixes: applyFixes040 as unknown as ApplyFixes },
  { version: "0.41.1", lint: lint041 as unknown as Lint, applyFixes: applyFixes041 as unknown as ApplyFixes },
  { version: "0.42.1", lint: lint042, applyFixes: applyFixes042 },
];

const ids = new Set(rules.map((rule) => rule.names[0] as string));

interface Document {
  readonly name: string;
  readonly content: string;
  readonly config: Record<string, unknown>;
}

/** What one host says of one document: its findings, one line each, and the text after every fix. */
interface Said {
  readonly findings: string[];
  readonly fixed: string;
}

interface Finding {
  lineNumber: number;
  ruleNames: string[];
  errorDetail: string | null;
  errorContext: string | null;
  errorRange: [number, number] | null;
  fixInfo: unknown;
}

function say(host: Host, document: Document): Said {
  let errors: Finding[];
  try {
    const results = host.lint({
      strings: { content: document.content },
      customRules: rules,
      config: { default: false, tasklog: true, ...document.config },
      handleRuleFailures: false,
      noInlineConfig: true,
    } as never) as unknown as Record<string, Finding[]>;
    errors = (results["content"] ?? []).filter((error) => ids.has(error.ruleNames[0] as string));
  } catch (error) {
    return { findings: [`throws: ${(error as Error).message}`], fixed: "" };
  }
  const findings = errors.map((error) =>
    JSON.stringify([
      error.ruleNames[0],
      error.lineNumber,
      error.errorRange,
      error.errorDetail,
      error.errorContext,
      error.fixInfo,
    ]),
  );
  return { findings, fixed: host.applyFixes(document.content, errors as never) };
}

/** The first way `other` differs from `reference`, or undefined. */
function difference(reference: Said, other: Said): string | undefined {
  const gone = reference.findings.filter((finding) => !other.findings.includes(finding));
  const added = other.findings.filter((finding) => !reference.findings.includes(finding));
  if (gone.length > 0 || added.length > 0) return `findings: -${JSON.stringify(gone)} +${JSON.stringify(added)}`;
  if (reference.findings.join("\n") !== other.findings.join("\n")) return "findings in another order";
  if (reference.fixed !== other.fixed)
    return `fixed text: ${JSON.stringify(reference.fixed)} vs ${JSON.stringify(other.fixed)}`;
  return undefined;
}

/**
 * Differences left on purpose (docs/hosts.md, "Every host says the same"), each by what it is, the
 * versions that differ from 0.42.1, and the documents it explains.
 */
interface Known {
  readonly what: string;
  readonly versions: readonly string[];
  readonly applies: (content: string) => boolean;
}

const KNOWN: readonly Known[] = [
  {
    what: "emphasis where a `*` run and a `_` run touch (micromark-core-commonmark 2.0.3 and 2.0.4 pair them apart)",
    versions: ["0.40.0", "0.41.1"],
    applies: (content) => /\*_|_\*/.test(content),
  },
];

/** The versions whose say differs from 0.42.1's, with the first difference of each. */
function compare(document: Document): Map<string, string> {
  const said = HOSTS.map((host) => say(host, document));
  const reference = said[said.length - 1] as Said;
  const out = new Map<string, string>();
  HOSTS.slice(0, -1).forEach((host, index) => {
    const found = difference(reference, said[index] as Said);
    if (found !== undefined) out.set(host.version, found);
  });
  return out;
}

/** Unexplained differences of `documents`, one line each (name, version, first difference). */
function unexplained(documents: readonly Document[]): string[] {
  const out: string[] = [];
  for (const document of documents) {
    for (const [version, found] of compare(document)) {
      const known = KNOWN.some((entry) => entry.versions.includes(version) && entry.applies(document.content));
      if (!known) out.push(`${document.name} on ${version}: ${found}`);
    }
  }
  if (process.env["TASKLOG_PARITY_REPORT"] === "1" && out.length > 0) console.log(out.join("\n"));
  return out;
}

function fixtureDocuments(): Document[] {
  return fixtureCases().map((fixture) => ({ name: fixture.name, content: fixture.content, config: fixture.config }));
}

function exampleDocuments(): Document[] {
  return docPages().flatMap((page) =>
    examplesOf(readFileSync(join(docsDir, page), "utf8")).map((example) => ({
      name: `${page}:${example.line}`,
      content: example.content,
      config: exampleConfig(page, example),
    })),
  );
}

/**
 * The edits that meet the hosts' token differences, applied at random places of a generated log: a
 * letter or a tab right after a label's colon, a tab after a list marker, text directives in prose
 * (`:name`, `:name[label]{attributes}`), a `*` or `_` run touching another, a `+++` line, and CR
 * and CRLF line endings (every line: a mixed document is the mutator's job).
 */
const HOST_EDITS: readonly [RegExp, (match: string) => string][] = [
  [/\*\*: /g, () => "**:"],
  [/\*\*: /g, () => "**:\t"],
  [/:\*\* /g, () => ":**"],
  [/^- /gm, () => "-\t"],
  [/: /g, () => ":"],
  [/ [a-z]+/g, (word) => ` :${word.slice(1)}`],
  [/ [a-z]+/g, (word) => ` :${word.slice(1)}[a **b** \`c\`]{d=e}`],
  [/\*\*/g, (run) => `_${run}`],
  [/\*\*/g, (run) => `${run}_`],
  [/\n- /g, (line) => `\n+++${line}`],
  [/\n/g, () => "\r\n"],
  [/\n/g, () => "\r"],
];

function hostEdit(text: string, random: Random): string {
  const [pattern, edit] = HOST_EDITS[random.int(0, HOST_EDITS.length - 1)] as [RegExp, (match: string) => string];
  if (pattern.source === "\\n") return text.replace(pattern, edit);
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const match = matches[random.int(0, matches.length - 1)] as RegExpMatchArray;
  const at = match.index as number;
  return text.slice(0, at) + edit(match[0]) + text.slice(at + match[0].length);
}

const GENERATED = 120;
const MUTATED = 240;
const GROUP = 60;
const CORPUS_GROUP = 10;

function generatedDocuments(): Document[] {
  const out: Document[] = [];
  for (let seed = 1; seed <= GENERATED; seed++) {
    const text = generateTaskLog(1 + (seed % 7), seed);
    out.push({ name: `generated #${seed}`, content: text, config: {} });
  }
  const mutations = fc.sample(mutationsArbitrary(4), { numRuns: MUTATED, seed: 18 });
  mutations.forEach((list, index) => {
    const base = generateTaskLog(1 + (index % 5), 1000 + index);
    const random = seededRandom(index + 1);
    let content = applyMutations(base, list);
    for (let edits = random.int(1, 3); edits > 0; edits--) content = hostEdit(content, random);
    out.push({ name: `mutated #${index} ${JSON.stringify(list)}`, content, config: {} });
  });
  return out;
}

describe("every host says the same (markdownlint 0.40.0, 0.41.1, 0.42.1)", () => {
  it("runs the versions it names", () => {
    expect([getVersion040(), getVersion041(), getVersion()]).toEqual(HOSTS.map((host) => host.version));
  });

  it("on every fixture", () => {
    expect(unexplained(fixtureDocuments())).toEqual([]);
  });

  it("on every docs example", () => {
    expect(unexplained(exampleDocuments())).toEqual([]);
  });

  // In groups, so that no one test holds the whole run (timeouts on a loaded machine).
  const generated = generatedDocuments();
  for (let start = 0; start < generated.length; start += GROUP) {
    const group = generated.slice(start, start + GROUP);
    it(`on generated and mutated logs ${start + 1}–${start + group.length} of ${GENERATED} + ${MUTATED}`, () => {
      expect(unexplained(group)).toEqual([]);
    });
  }

  it("differs only as documented where a `*` run and a `_` run touch", () => {
    const content = [
      "## Open tasks (updated 2025-10-05)",
      "",
      "### Open · tv-2025-10-03:PR41 · A label in touching runs",
      "",
      "- ****Summary**_**: Does x.",
      "",
    ].join("\n");
    const document = { name: "touching runs", content, config: { tasklog: false, TL003: true } };
    const [on040, on041, on042] = HOSTS.map((host) => say(host, document)) as [Said, Said, Said];
    // 0.40 and 0.41 (micromark-core-commonmark 2.0.3) read no label there, 0.42 (2.0.4) reads one.
    expect(on040).toEqual(on041);
    expect(on042.findings.filter((finding) => !on041.findings.includes(finding))).toEqual([
      expect.stringContaining('unknown label \\"**Summary**_\\"'),
    ]);
    expect([...compare(document).keys()]).toEqual(["0.40.0", "0.41.1"]);
    expect(KNOWN.some((known) => known.applies(content))).toBe(true);
  });

  const real = realVersionNames();
  it.skipIf(corpusSkip !== false)("on the real task-log versions of the corpus (there are some)", () => {
    expect(real.length).toBeGreaterThan(0);
  });
  for (let start = 0; start < real.length; start += CORPUS_GROUP) {
    const names = real.slice(start, start + CORPUS_GROUP);
    it(`on real task-log versions ${start + 1}–${start + names.length} of ${real.length}`, () => {
      expect(unexplained(names.map((name) => ({ name, content: readReal(name), config: {} })))).toEqual([]);
    });
  }
});

/** The frozen micromark tokens `host` gives its custom rules for `content` (markdownlint's own array). */
function rawTokens(host: Pick<Host, "lint">, content: string): readonly Token[] {
  let raw: readonly Token[] = [];
  host.lint({
    strings: { content },
    config: { default: false, tokens: true },
    customRules: [
      {
        names: ["tokens"],
        description: "the micromark tokens",
        tags: ["test"],
        parser: "micromark",
        function: (params: { parsers: { micromark: { tokens: readonly Token[] } } }) => {
          raw = params.parsers.micromark.tokens;
        },
      },
    ],
  } as never);
  return raw;
}

/** The token tree the markdown readers get (`sameOnEveryHost`) on one host, one line per token. */
function readTokens(host: Host, content: string): string[] {
  const raw = rawTokens(host, content);
  const out: string[] = [];
  const stack: [Token, number][] = [...sameOnEveryHost(raw)].reverse().map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop() as [Token, number];
    const where = `${token.startLine}:${token.startColumn}-${token.endLine}:${token.endColumn}`;
    out.push(`${" ".repeat(depth)}${token.type} ${where} ${JSON.stringify(token.text)}`);
    for (let i = token.children.length - 1; i >= 0; i--) stack.push([token.children[i] as Token, depth + 1]);
  }
  return out;
}

const spec = createRequire(import.meta.url)("commonmark-spec") as { tests: { markdown: string; example: number }[] };

/**
 * Below the findings: the tokens the model reads are the same on the three versions, for every
 * CommonMark spec example with LF, CR and CRLF line endings and inside a list item. (The one known
 * difference, touching `*` and `_` runs, is in no spec example.)
 */
describe("the markdown readers get the same tokens on every host", () => {
  const variants: [string, (markdown: string) => string][] = [
    ["LF", (markdown) => markdown],
    ["CR", (markdown) => markdown.replace(/\n/g, "\r")],
    ["CRLF", (markdown) => markdown.replace(/\n/g, "\r\n")],
    ["in a list item", (markdown) => `- ${markdown.replace(/\n/g, "\n  ")}`],
  ];
  for (const [name, variant] of variants) {
    it(`on every CommonMark spec example, ${name}`, () => {
      const differ: string[] = [];
      for (const example of spec.tests) {
        const content = variant(example.markdown);
        const [on040, on041, on042] = HOSTS.map((host) => readTokens(host, content).join("\n"));
        if (on040 !== on042) differ.push(`example ${example.example} on 0.40.0`);
        if (on041 !== on042) differ.push(`example ${example.example} on 0.41.1`);
      }
      expect(differ).toEqual([]);
    });
  }

  /** `lines` without markdownlint's `undefinedReference…` tokens (made for MD052 from brackets that are no link; the readers never read them). */
  const withoutUndefinedReferences = (lines: readonly string[]): string[] => {
    const out: string[] = [];
    let skipBelow = -1;
    for (const line of lines) {
      const depth = line.length - line.trimStart().length;
      if (skipBelow >= 0 && depth > skipBelow) continue;
      skipBelow = -1;
      if (line.trimStart().startsWith("undefinedReference")) skipBelow = depth;
      else out.push(line);
    }
    return out;
  };

  it("on text directive shapes, alone and in a list item: 0.40.0 reads them as text, as 0.41 and 0.42 do", () => {
    const shapes = [
      ":a",
      "x :a y",
      "x:a",
      ":\ta",
      "tv-2025-10-03:PR1 x",
      "**Size**:\tM",
      "**S**:a:b:c",
      ":a[b **c** `d`]{e=f} g",
      ":a{#id .c k=\"v\" k2='w' k3=u}",
      ':a{k="v\nw"} x',
      ":a[b\nc] d",
      "x :a[b\n  c]{d\n  e=f} g",
      ":a[:b[c]] d",
      ":a[*b*]{c}d",
      ":a[b]{c}[d]",
      ":a\t[b]",
      "# H :a[b]",
      "| a | b |\n| - | - |\n| :x[y] | :z |",
      "[x :a y](u)",
      ":a[[l](u)]",
      ":a[l][r]\n\n[r]: u",
      "see:also[l *b*][r] and :also[r]{k}\n\n[r]: u",
      ":a[l](u)",
      '> :a{k="v\n> w" j=1\n> k} x',
      "\\:a `:a` <:a> *:a* _:a_b_ ~:a~ $:a$ e&amp;:a :a&amp;",
      "p ::a q\n\n::a[b]{c}\n\n:::a\nb\n:::",
      "https://x.y/:a :a-b_c[ :a{ :a[b",
    ];
    const differ: string[] = [];
    for (const shape of shapes) {
      for (const content of [shape, `- ${shape.replace(/\n/g, "\n  ")}`]) {
        const [on040, on041, on042] = HOSTS.map((host) =>
          withoutUndefinedReferences(readTokens(host, content)).join("\n"),
        );
        if (on040 !== on042) differ.push(`${JSON.stringify(content)} on 0.40.0`);
        if (on041 !== on042) differ.push(`${JSON.stringify(content)} on 0.41.1`);
      }
    }
    // The one shape left (docs/hosts.md): an inline link right after a directive's name is a link on
    // 0.41 and 0.42 and text on 0.40; the readers take its URL from the text on every version.
    expect(differ).toEqual(['":a[l](u)" on 0.40.0', '"- :a[l](u)" on 0.40.0']);
  });

  it("and the raw tokens do differ where the readers even them out", () => {
    const content = "- **Priority**:P1\r- **Size**: M\r  Title**: x\r";
    const raw = HOSTS.map((host) => rawTokens(host, content));
    // Each host's own tree needs evening out (a directive on 0.40, CRs on 0.40 and 0.41, a cut run on 0.42) ...
    for (const tokens of raw) expect(sameOnEveryHost(tokens)).not.toBe(tokens);
    // ... and then reads the same.
    const [on040, on041, on042] = HOSTS.map((host) => readTokens(host, content));
    expect(on040).toEqual(on042);
    expect(on041).toEqual(on042);
  });

  it("copies only the paths to what changes: untouched subtrees are markdownlint's own tokens", () => {
    // A text directive (`:PR1`) in the second heading only, on markdownlint 0.40.
    const content = "# Log\n\n### Open · tv-2025-10-03:PR1 · One\n\n- **Priority**: P1\n\nText *a* and `b`.\n";
    const tokens = rawTokens(HOSTS[0] as Host, content);
    const even = sameOnEveryHost(tokens);
    expect(even).not.toBe(tokens);
    expect(even.map((token) => token.type)).toEqual(tokens.map((token) => token.type));
    const changed = tokens.filter((token, index) => even[index] !== token).map((token) => token.text);
    // The heading holding the directive is copied; the first heading, the list, the paragraph and the
    // line endings are the very objects markdownlint made.
    expect(changed).toEqual(["### Open · tv-2025-10-03:PR1 · One"]);
    expect(Object.isFrozen(tokens[0])).toBe(true);
  });
});
