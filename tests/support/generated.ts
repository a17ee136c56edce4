/**
 * Every file generated from the rules' declarations, in memory: the JSON schemas (schema/*.json,
 * src/kit/schema.ts) and the options table of every docs page (docs/rules/*.md, between the markers
 * of tests/support/options-docs.ts). `npm run generate` writes them (tests/generated.test.ts with
 * TASKLOG_GENERATE=1) and then regenerates the pinned snapshots (`npm run test:update`);
 * tests/generated.test.ts fails when a committed file differs from what is generated here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import rules from "../../rules/index.js";
import { type JsonSchema, schemaFiles } from "../../src/kit/schema.js";
import { optionsBlock, withOptionsBlock } from "./options-docs.js";

export const ROOT = join(import.meta.dirname, "..", "..");

const readJson = (path: string): JsonSchema => JSON.parse(readFileSync(join(ROOT, path), "utf8"));

export interface GeneratedFile {
  /** Path from the repository's root. */
  readonly path: string;
  readonly text: string;
  /** How it is made, for a drift message. */
  readonly from: string;
}

/** The schema files, from the rules and the upstream schemas of the installed markdownlint and markdownlint-cli2. */
export function generatedSchemas(): GeneratedFile[] {
  const files = schemaFiles(rules, {
    markdownlint: readJson("node_modules/markdownlint/schema/markdownlint-config-schema.json"),
    markdownlintCli2: readJson("node_modules/markdownlint-cli2/schema/markdownlint-cli2-config-schema.json"),
  });
  return Object.entries(files).map(([name, text]) => ({
    path: `schema/${name}`,
    text,
    from: "src/kit/schema.ts from the rules' declarations",
  }));
}

/** Each rule's docs page with its options table generated (undefined text: the page has no markers). */
export function generatedPages(): (Omit<GeneratedFile, "text"> & { readonly text: string | undefined })[] {
  return rules.map((rule) => {
    const path = `docs/rules/${rule.id}-${rule.ruleName}.md`;
    const page = readFileSync(join(ROOT, path), "utf8");
    return {
      path,
      text: withOptionsBlock(page, optionsBlock(rule.options)),
      from: `the options table of ${rule.id}'s declarations`,
    };
  });
}

/** The files of schema/ as committed. */
export function committedSchemaNames(): string[] {
  return readdirSync(join(ROOT, "schema")).sort();
}
