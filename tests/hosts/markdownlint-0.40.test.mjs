/**
 * The shipped bundle (dist/index.js) on the VS Code extension's host: markdownlint 0.40.0 on Node 20.
 * Run by `npm run test:host040` with the system Node (`$npm_node_execpath`), after `npm run build`.
 *
 * Same contract as the vitest suite on markdownlint 0.42.1: every fixture's markers match the findings
 * exactly, fixes are complete and idempotent, the real corpus never makes a rule throw, and the foreign
 * corpus gets no report. The corpus tests need the corpus (TASKLOG_CORPUS or ../shared/corpus, see
 * tests/support/corpus-location.mjs): skipped with one line when it is absent, an error under CI=true.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { applyFixes, getVersion } from "markdownlint-040";
import { lint } from "markdownlint-040/sync";
import rules from "../../dist/index.js";
import { corpusOrSkip } from "../support/corpus-location.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const fixturesDir = join(here, "..", "fixtures");
const { corpus, skip } = corpusOrSkip();
const ids = new Set(rules.map((rule) => rule.names[0]));

function lintPack(content, config = {}, noInlineConfig = false) {
  const results = lint({
    strings: { content },
    customRules: rules,
    config: { default: false, tasklog: true, ...config },
    handleRuleFailures: false,
    noInlineConfig,
  });
  return results.content.filter((error) => ids.has(error.ruleNames[0]));
}

const MARKERS = /(?:[ \t]*\{(TL\d{3})\})+[ \t]*$/;

function parseFixture(source) {
  const expected = [];
  const parts = source.split(/(\r\n|\n|\r)/);
  for (let i = 0; i < parts.length; i += 2) {
    const markers = MARKERS.exec(parts[i]);
    if (markers) {
      for (const match of markers[0].matchAll(/\{(TL\d{3})\}/g)) expected.push(`${match[1]}:${i / 2 + 1}`);
      parts[i] = parts[i].slice(0, markers.index);
    }
  }
  return { content: parts.join(""), expected: [...new Set(expected)].sort() };
}

const entries = (errors) => [...new Set(errors.map((e) => `${e.ruleNames[0]}:${e.lineNumber}`))].sort();

function files(dir, filter) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path, filter) : filter(entry.name) ? [path] : [];
  });
}

test("runs on markdownlint 0.40.0 and Node 20", () => {
  assert.equal(getVersion(), "0.40.0");
  assert.match(process.version, /^v20\./);
});

for (const file of files(fixturesDir, (name) => name.endsWith(".md") && !name.endsWith(".fixed.md")).sort()) {
  const name = file.slice(fixturesDir.length + 1);
  test(`fixture ${name}`, () => {
    const { content, expected } = parseFixture(readFileSync(file, "utf8"));
    const only = /^(TL\d{3})/.exec(name)?.[1];
    const configFile = file.replace(/\.md$/, ".json");
    const config = {
      ...(only === undefined ? {} : { tasklog: false, [only]: true }),
      ...(existsSync(configFile) ? JSON.parse(readFileSync(configFile, "utf8")) : {}),
    };
    const errors = lintPack(content, config);
    assert.deepEqual(entries(errors), expected);
    const fixed = applyFixes(content, errors);
    const after = lintPack(fixed, config);
    assert.deepEqual(
      after.filter((error) => error.fixInfo !== null),
      [],
    );
    assert.equal(applyFixes(fixed, after), fixed);
    const fixedFile = file.replace(/\.md$/, ".fixed.md");
    if (existsSync(fixedFile)) assert.equal(fixed, parseFixture(readFileSync(fixedFile, "utf8")).content);
  });
}

// One skipped suite (with the reason) when the corpus is absent.
describe("corpus", { skip }, () => {
  test("real corpus: no rule throws, findings on the newest log", () => {
    const realDir = corpus.realDir;
    const versions = readdirSync(realDir).filter((name) => /^tv-tasks\.v\d+\.md$/.test(name));
    assert.equal(versions.length, 40);
    for (const version of versions) lintPack(readFileSync(join(realDir, version), "utf8"));
    const v40 = entries(lintPack(readFileSync(join(realDir, "tv-tasks.v40.md"), "utf8")));
    for (const line of [40, 64, 89, 143, 161, 216]) assert.ok(v40.includes(`TL002:${line}`), `TL002:${line}`);
    for (const line of [11, 182]) assert.ok(v40.includes(`TL008:${line}`), `TL008:${line}`);
  });

  test("foreign corpus: no report, no throw", () => {
    const reported = [];
    for (const file of files(corpus.foreignDir, (name) => /\.md$/i.test(name))) {
      const errors = lintPack(readFileSync(file, "utf8"), {}, true);
      if (errors.length > 0) reported.push(`${file}: ${entries(errors).join(", ")}`);
    }
    assert.deepEqual(reported, []);
  });
});
