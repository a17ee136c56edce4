/**
 * The corpora through every rule ALONE, with its default configuration, on LF text and on a CRLF
 * variant with a byte order mark: no throw, every report well placed, the foreign files get no
 * report, and each rule alone finds exactly what it finds as part of the whole pack (no rule depends
 * on another having run). tests/corpus.test.ts runs the whole pack on the files as they are; the
 * lead's tests/line-endings.test.ts compares CRLF and BOM findings with LF findings.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import rules from "../rules/index.js";
import type { LintError } from "./harness.js";
import { reportProblems } from "./support/checks.js";
import { describeCorpus, foreignFiles, inGroups, realVersions } from "./support/corpus.js";
import { parse, runPack } from "./support/tokens.js";

const variants: Record<string, (text: string) => string> = {
  LF: (text) => text,
  "BOM + CRLF": (text) => `\uFEFF${text.replace(/\r?\n/g, "\r\n")}`,
};

const key = (error: LintError): string =>
  JSON.stringify([error.ruleNames[0], error.lineNumber, error.errorDetail, error.errorRange, error.fixInfo]);

/** Each rule alone (its own copy of the tokens, so its own model) and the whole pack, on one parse. */
function eachRule(content: string): { alone: Map<string, LintError[]>; pack: LintError[] } {
  const { lines, tokens } = parse(content);
  const alone = new Map<string, LintError[]>();
  for (const rule of rules) {
    const errors = runPack(lines, Object.freeze([...tokens]), {}).filter(
      (error) => error.ruleNames[0] === rule.names[0],
    );
    alone.set(rule.names[0] as string, errors);
  }
  return { alone, pack: runPack(lines, tokens, {}) };
}

describeCorpus("real corpus, each rule alone", () => {
  for (const [version, text] of realVersions()) {
    for (const [variant, make] of Object.entries(variants)) {
      it(`${version} (${variant}): no throw, well placed, same as in the pack`, () => {
        const content = make(text);
        const { alone, pack } = eachRule(content);
        for (const [rule, errors] of alone) {
          expect(reportProblems(content, errors), rule).toEqual([]);
          expect(errors.map(key).sort(), rule).toEqual(
            pack
              .filter((error) => error.ruleNames[0] === rule)
              .map(key)
              .sort(),
          );
        }
      });
    }
  }
});

describeCorpus("foreign corpus, each rule alone, BOM + CRLF", () => {
  for (const [label, group] of inGroups(foreignFiles())) {
    it(`no throw and no report from any rule (${label})`, () => {
      const reported: string[] = [];
      for (const file of group) {
        const content = (variants["BOM + CRLF"] as (text: string) => string)(readFileSync(file, "utf8"));
        const { alone } = eachRule(content);
        for (const [rule, errors] of alone) if (errors.length > 0) reported.push(`${file}: ${rule} ×${errors.length}`);
      }
      expect(reported).toEqual([]);
    });
  }
});
