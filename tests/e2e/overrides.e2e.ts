/**
 * The opt-in speed-up for large task logs (README, "Large task logs"): markdownlint 0.42.1 installed
 * with npm `overrides` that pin micromark 4.0.2 and micromark-core-commonmark 2.0.3 (tests/overrides,
 * its own package.json and package-lock.json) must report exactly what the published install
 * (micromark 4.0.3, micromark-core-commonmark 2.0.4) reports: the pack's findings and the built-in
 * rules', compared field by field (rule names, line, detail, context, range, fixInfo, severity), on
 * every real and foreign corpus file and on generated logs. Inline configuration is ignored so that
 * no comment in a corpus file hides a finding from the comparison.
 *
 * Setup: the e2e global setup (tests/e2e/global-setup.ts) copies tests/overrides into its temporary
 * folder and installs it there with `npm ci` (from the lock file), like the host projects; this file
 * only imports that install. The corpus parts need the corpus (tests/support/corpus-location.mjs).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { lint as lintPublished } from "markdownlint/sync";
import { beforeAll, describe, expect, it } from "vitest";
import rules from "../../rules/index.js";
import { readRealLog, replicateLog } from "../../scripts/bench-logs.js";
import { corpusSkip, foreignFiles as listForeign, realDir, realVersionNames } from "../support/corpus.js";
import { generateTaskLog } from "../support/generate.js";
import { context } from "./support.js";

type Lint = typeof lintPublished;

const root = join(import.meta.dirname, "..", "..");

const realVersions = realVersionNames();
const foreignFiles = listForeign();
const withCorpus = corpusSkip === false ? it : it.skip;

let modules: string;
let lintOverridden: Lint;

function version(dir: string, name: string): string {
  return (JSON.parse(readFileSync(join(dir, name, "package.json"), "utf8")) as { version: string }).version;
}

beforeAll(async () => {
  modules = join(context().overrides, "node_modules");
  lintOverridden = (
    (await import(pathToFileURL(join(modules, "markdownlint", "lib", "exports-sync.mjs")).href)) as { lint: Lint }
  ).lint;
});

/** All findings (built-in rules with their defaults, and the pack) as markdownlint returns them. */
function findings(using: Lint, content: string): unknown[] {
  const results = using({
    strings: { content },
    customRules: rules,
    config: { default: true, tasklog: true },
    handleRuleFailures: false,
    noInlineConfig: true,
  } as never) as unknown as Record<string, unknown[]>;
  return results["content"] ?? [];
}

/** Names (with the first difference) of the documents whose findings differ between the installs. */
function differences(documents: Iterable<[string, string]>): { differ: string[]; compared: number; pack: number } {
  const differ: string[] = [];
  let compared = 0;
  let pack = 0;
  for (const [name, content] of documents) {
    const published = findings(lintPublished, content);
    const overridden = findings(lintOverridden, content);
    compared += published.length;
    pack += published.filter((error) =>
      /^TL\d{3}$/.test((error as { ruleNames: string[] }).ruleNames[0] as string),
    ).length;
    const a = published.map((error) => JSON.stringify(error));
    const b = overridden.map((error) => JSON.stringify(error));
    if (a.join("\n") !== b.join("\n")) {
      const index = a.findIndex((entry, i) => entry !== b[i]);
      differ.push(`${name}: 4.0.3 ${a[index] ?? "(none)"} / 4.0.2 ${b[index] ?? "(none)"}`);
    }
  }
  return { differ, compared, pack };
}

function* files(paths: readonly string[]): Generator<[string, string]> {
  for (const path of paths) yield [path, readFileSync(path, "utf8")];
}

// One foreign file (markdownlint's own 2 MB test snapshot) takes ~12 s per lint: its own test.
const BIG = /snapshots__markdownlint-test-scenarios\.mjs\.md$/;

describe("micromark 4.0.2 through npm overrides: identical findings", () => {
  it("installs the intended versions side by side", () => {
    expect(version(join(root, "node_modules"), "micromark")).toBe("4.0.3");
    expect(version(join(root, "node_modules"), "micromark-core-commonmark")).toBe("2.0.4");
    expect(version(modules, "markdownlint")).toBe("0.42.1");
    expect(version(modules, "micromark")).toBe("4.0.2");
    expect(version(modules, "micromark-core-commonmark")).toBe("2.0.3");
    // One copy of each: markdownlint's labelEnd shim only works when it patches micromark's own copy.
    expect(existsSync(join(modules, "markdownlint", "node_modules", "micromark"))).toBe(false);
    expect(existsSync(join(modules, "markdownlint", "node_modules", "micromark-core-commonmark"))).toBe(false);
    expect(existsSync(join(modules, "micromark", "node_modules", "micromark-core-commonmark"))).toBe(false);
  });

  withCorpus(
    "on every real corpus version",
    () => {
      const result = differences(files(realVersions.map((file) => join(realDir, file))));
      expect(result.differ).toEqual([]);
      expect(result.pack).toBeGreaterThan(0); // the pack ran and reported
    },
    120_000,
  );

  withCorpus(
    "on every foreign corpus file but the 2 MB snapshot",
    () => {
      const result = differences(files(foreignFiles.filter((file) => !BIG.test(file))));
      expect(result.differ).toEqual([]);
      expect(result.compared).toBeGreaterThan(1000); // the built-in rules ran and reported
    },
    240_000,
  );

  withCorpus(
    "on the 2 MB snapshot of markdownlint's own tests",
    () => {
      const big = foreignFiles.filter((file) => BIG.test(file));
      expect(big).toHaveLength(1);
      expect(differences(files(big)).differ).toEqual([]);
    },
    240_000,
  );

  it("on generated logs, the broken example and (with the corpus) the real log replicated with renumbered identifiers", () => {
    const documents: [string, string][] = [
      ...[1, 2, 5, 12, 40, 150].map((tasks, seed): [string, string] => [
        `generated ${tasks} tasks`,
        generateTaskLog(tasks, seed + 1),
      ]),
      // A finding of every rule of the pack (tests/e2e/repo-lint.e2e.ts checks that), in every clone.
      ["examples/broken/tv-tasks.md", readFileSync(join(root, "examples", "broken", "tv-tasks.md"), "utf8")],
      ...(corpusSkip === false ? [["real v40 ×4", replicateLog(readRealLog(), 4)] as [string, string]] : []),
    ];
    const result = differences(documents);
    expect(result.differ).toEqual([]);
    expect(result.pack).toBeGreaterThan(0);
  }, 240_000);
});

describe("micromark-core-commonmark 2.0.4's emphasis change: the one known divergence", () => {
  // 2.0.4 stopped counting `*` and `_` as "attention markers" for each other when deciding whether a
  // run can open or close emphasis. Where a `*` run and a `_` run touch between letters (`x*_y_*z`),
  // 2.0.3 parses `_y_` as emphasis (MD049 then reports the underscores), 2.0.4 does not. No corpus
  // file has this shape; the pack is not affected (its labels are `**Label**:` at the start of a
  // list item, and it reads values as text).
  const edge = "x*_y_*z";

  it("changes what MD049 reports where `*` and `_` runs touch between letters", () => {
    const md049 = (using: Lint): unknown[] =>
      findings(using, `# Title\n\n${edge}\n`).filter(
        (error) => (error as { ruleNames: string[] }).ruleNames[0] === "MD049",
      );
    expect(md049(lintPublished)).toHaveLength(0);
    expect(md049(lintOverridden)).toHaveLength(2);
  });

  it("does not change the pack's findings when task fields hold such text", () => {
    const log = generateTaskLog(6, 3).replace(/^(- \*\*Summary\*\*: )(.*)$/gm, `$1${edge} $2 **_${edge}_**x`);
    expect(log).toContain(edge);
    const pack = (using: Lint): unknown[] =>
      findings(using, log).filter((error) =>
        /^TL\d{3}$/.test((error as { ruleNames: string[] }).ruleNames[0] as string),
      );
    expect(pack(lintOverridden)).toEqual(pack(lintPublished));
  });
});
