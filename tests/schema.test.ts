/**
 * The pack's JSON schemas (schema/*.json): generated from the rules' declarations (src/kit/schema.ts),
 * committed, and checked here:
 *
 * - the committed files are exactly what `npm run generate` writes from the current rules (drift fails:
 *   tests/generated.test.ts);
 * - they cover every rule ID and name, every tag, every option (type, default, description);
 * - they accept what markdownlint accepts from a custom rule (`true`, `false`, an object with options,
 *   `enabled` and `severity`) and reject what markdownlint's own schema rejects (`"warning"` strings)
 *   and what the rules would report on line 1 (`prefx`, `"prefix": 42`);
 * - every configuration example in README.md and docs/ is valid against markdownlint's own schema
 *   (markdownlint 0.42.1's, shipped in the package; markdownlint-cli2 0.24.1's for
 *   `.markdownlint-cli2.jsonc`) and against the pack's.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { load as loadYaml } from "js-yaml";
import { parse as parseJsonc, type ParseError } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import rules from "../rules/index.js";
import { acceptedOptions, MARKDOWNLINT_CLI2_SCHEMA, MARKDOWNLINT_SCHEMA, optionSchema } from "../src/kit/schema.js";
import { examplesOf } from "./support/cases.js";

const ROOT = join(import.meta.dirname, "..");
const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");
const readJson = (path: string): Record<string, unknown> => JSON.parse(read(path)) as Record<string, unknown>;

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(readJson("node_modules/markdownlint/schema/markdownlint-config-schema.json"));
ajv.addSchema(readJson("node_modules/markdownlint-cli2/schema/markdownlint-cli2-config-schema.json"));
const upstreamConfig = ajv.getSchema(MARKDOWNLINT_SCHEMA) as ValidateFunction;
const upstreamCli2 = ajv.getSchema(MARKDOWNLINT_CLI2_SCHEMA) as ValidateFunction;
// The cli2 schema reaches the configuration schema by its file name, as an editor resolves it beside it.
ajv.addSchema(readJson("schema/markdownlint-config.schema.json"), "markdownlint-config.schema.json");
const packConfig = ajv.getSchema("markdownlint-config.schema.json") as ValidateFunction;
const packCli2 = ajv.compile(readJson("schema/markdownlint-cli2-config.schema.json"));

const errorsOf = (validate: ValidateFunction, value: unknown): string[] =>
  validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`);

describe("the committed schemas", () => {
  it("are self-contained: no $ref leaves the file, no $id names a remote schema", () => {
    for (const name of ["markdownlint-config.schema.json", "markdownlint-cli2-config.schema.json"]) {
      const text = read(`schema/${name}`);
      const refs = [...text.matchAll(/"\$ref":\s*"([^"]*)"/g)].map((match) => match[1] as string);
      expect(refs.length, name).toBeGreaterThan(0);
      for (const ref of refs) expect(ref, name).toMatch(/^(#\/|\.\/markdownlint-config\.schema\.json$)/);
      expect(text, name).not.toContain('"$id"');
    }
  });

  it("extend the upstream schemas the package is developed against", () => {
    expect(upstreamConfig).toBeTypeOf("function");
    expect(upstreamCli2).toBeTypeOf("function");
    expect(MARKDOWNLINT_SCHEMA).toContain(
      `/v${readJson("node_modules/markdownlint/package.json")["version"] as string}/`,
    );
    expect(MARKDOWNLINT_CLI2_SCHEMA).toContain(
      `/v${readJson("node_modules/markdownlint-cli2/package.json")["version"] as string}/`,
    );
  });

  it("cover every rule by ID and name, every tag, and every option with its type, default and description", () => {
    const schema = readJson("schema/markdownlint-config.schema.json") as {
      properties: Record<string, { $ref: string }>;
      definitions: Record<string, { description: string; properties: Record<string, Record<string, unknown>> }>;
    };
    const resolve = (key: string) =>
      schema.definitions[(schema.properties[key]?.$ref ?? "").replace("#/definitions/", "")];
    for (const rule of rules) {
      for (const name of rule.names) expect(resolve(name), name).toBeDefined();
      const definition = resolve(rule.id);
      expect(definition?.description).toContain(rule.information.href);
      // What the rule reads and the shared options it accepts unread (the factory checks them all).
      expect(Object.keys(definition?.properties ?? {}).sort()).toEqual(
        ["enabled", "severity", ...Object.keys(acceptedOptions(rule))].sort(),
      );
      for (const [name, spec] of Object.entries(acceptedOptions(rule))) {
        const property = definition?.properties[name];
        expect(property, `${rule.id}.${name}`).toEqual(optionSchema(spec));
        expect(property?.["description"], `${rule.id}.${name}`).toBe(spec.description);
        expect(property?.["default"], `${rule.id}.${name}`).toEqual(spec.default);
        expect(property?.["type"] ?? property?.["anyOf"], `${rule.id}.${name}`).toBeDefined();
      }
    }
    for (const tag of new Set(rules.flatMap((rule) => rule.tags))) expect(resolve(tag), tag).toBeDefined();
    expect(Object.keys(resolve("tasklog")?.properties ?? {}).sort()).toEqual([
      "enabled",
      "prefix",
      "severity",
      "statuses",
      "types",
    ]);
  });
});

describe("validation", () => {
  const valid: Record<string, unknown>[] = [
    { TL002: true },
    { "task-id": false },
    { TL002: { prefix: ["tv", "ab"] } },
    { TL002: { prefix: "tv", severity: "warning" } },
    { TL008: { severity: "warning" } },
    { tasklog: { severity: "warning" } },
    { tasklog: { prefix: ["tv"] } },
    { TL006: { header_max_length: 72, allow_placeholder_scope: true, enabled: true } },
    { TL003: { statuses: { Open: ["Summary", "Priority"], Done: ["Summary"] } } },
    { default: true, MD013: false, extends: "markdownlint-rule-tasklog/recommended" },
  ];
  const invalid: Record<string, unknown>[] = [
    { TL002: { prefx: ["tv"] } },
    { TL002: { prefix: 42 } },
    { "task-id": { prefix: [] } },
    { TL006: { header_max_length: 0 } },
    { TL006: { header_max_length: "72" } },
    { TL006: { allow_placeholder_scope: "yes" } },
    { tasklog: { header_max_length: 72 } },
    { TL003: { statuses: { Open: [] } } },
    { TL008: { severity: "info" } },
  ];

  it.each(valid)("accepts %j (and so does markdownlint's schema)", (config) => {
    expect(errorsOf(packConfig, config)).toEqual([]);
    expect(errorsOf(upstreamConfig, config)).toEqual([]);
    expect(errorsOf(packCli2, { customRules: ["markdownlint-rule-tasklog"], config })).toEqual([]);
  });

  it.each(invalid)("rejects %j", (config) => {
    expect(errorsOf(packConfig, config)).not.toEqual([]);
    expect(errorsOf(packCli2, { config })).not.toEqual([]);
  });

  it.each(["TL008", "section-updated", "tasklog"])(
    'rejects "%s": "warning", as markdownlint\'s own schema does',
    (key) => {
      expect(errorsOf(upstreamConfig, { [key]: "warning" })).not.toEqual([]);
      expect(errorsOf(packConfig, { [key]: "warning" })).not.toEqual([]);
    },
  );

  it("keeps markdownlint's own checks of built-in rules and markdownlint-cli2's of its options", () => {
    expect(errorsOf(packConfig, { MD013: { line_length: "80" } })).not.toEqual([]);
    expect(errorsOf(packCli2, { noProgress: "yes" })).not.toEqual([]);
  });
});

/** A configuration example: where it is, which kind of file it is, and its parsed value. */
interface ConfigExample {
  readonly where: string;
  readonly kind: "cli2" | "config";
  readonly value: unknown;
}

/** Fenced json, jsonc and yaml blocks of a Markdown page, with their line numbers. */
function blocks(page: string): { info: string; text: string; line: number }[] {
  const out: { info: string; text: string; line: number }[] = [];
  const lines = page.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^ *```(json|jsonc|yaml)(?:\s.*)?$/.exec(lines[i] as string);
    if (!open) continue;
    const indent = (lines[i] as string).indexOf("`");
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && (lines[j] as string).trim() !== "```"; j++)
      body.push((lines[j] as string).slice(indent));
    out.push({ info: open[1] as string, text: body.join("\n"), line: i + 1 });
    i = j;
  }
  return out;
}

/** Keys of JSON/YAML blocks that are not markdownlint configuration (VS Code settings, package.json, hooks, workflows). */
const NOT_CONFIG =
  /^(editor\.codeActionsOnSave|json\.schemas|recommendations|overrides|repos|steps|on|jobs|MARKDOWN_MARKDOWNLINT_ARGUMENTS)$/;

function configExamples(path: string): ConfigExample[] {
  const page = read(path);
  const out: ConfigExample[] = [];
  for (const block of blocks(page)) {
    const where = `${path}:${block.line}`;
    let value: unknown;
    if (block.info === "yaml") value = loadYaml(block.text);
    else {
      const errors: ParseError[] = [];
      value = parseJsonc(block.text, errors, { allowTrailingComma: false });
      expect(errors, `${where} parses`).toEqual([]);
    }
    expect(typeof value === "object" && value !== null && !Array.isArray(value), `${where} is an object`).toBe(true);
    const keys = Object.keys(value as object);
    if (keys.some((key) => NOT_CONFIG.test(key))) continue;
    out.push({
      where,
      kind: "customRules" in (value as object) || "config" in (value as object) ? "cli2" : "config",
      value,
    });
  }
  // The docs pages' example configurations (```markdown incorrect {…}) are rule configuration too.
  for (const example of path.startsWith("docs/rules/") ? examplesOf(page) : []) {
    if (Object.keys(example.config).length > 0)
      out.push({ where: `${path}:${example.line}`, kind: "config", value: example.config });
  }
  return out;
}

const pages = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
  ...readdirSync(join(ROOT, "docs", "rules")).map((name) => `docs/rules/${name}`),
];
const examples = pages.flatMap(configExamples);

describe("every configuration example in README.md and docs/", () => {
  it("is found (README and docs/hosts.md: the cli2 files, the markdownlint-cli files, super-linter's; docs: rule options)", () => {
    const readme = examples.filter(
      (example) => example.where.startsWith("README.md") || example.where.startsWith("docs/hosts.md"),
    );
    expect(readme.filter((example) => example.kind === "cli2").length).toBeGreaterThanOrEqual(5);
    expect(readme.filter((example) => example.kind === "config").length).toBeGreaterThanOrEqual(3);
    expect(examples.filter((example) => example.where.startsWith("docs/")).length).toBeGreaterThan(0);
  });

  it.each(examples)("$where is valid for markdownlint's schema and the pack's", ({ kind, value }) => {
    if (kind === "cli2") {
      expect(errorsOf(upstreamCli2, value)).toEqual([]);
      expect(errorsOf(packCli2, value)).toEqual([]);
    } else {
      expect(errorsOf(upstreamConfig, value)).toEqual([]);
      expect(errorsOf(packConfig, value)).toEqual([]);
    }
  });

  it("the README's first configuration example is the preset", () => {
    const first = examples.find((example) => example.where.startsWith("README.md") && example.kind === "cli2");
    expect((first?.value as { config?: Record<string, unknown> } | undefined)?.config?.["extends"]).toBe(
      "markdownlint-rule-tasklog/recommended",
    );
  });
});
