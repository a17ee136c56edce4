/**
 * The JSON schemas of the pack's configuration, generated from the rules' own declarations (IDs,
 * names, tags, option specs): `npm run generate` writes them to schema/, and tests/generated.test.ts fails
 * when the committed files drift from what this module generates.
 *
 * - `markdownlint-config.schema.json`: a markdownlint configuration (`.markdownlint.json`,
 *   `.markdownlint.jsonc`, `.markdownlint.yaml`, markdownlint-cli's config files): markdownlint's own
 *   schema plus the pack's rules, by ID, by name and by tag, with every option typed.
 * - `markdownlint-cli2-config.schema.json`: `.markdownlint-cli2.jsonc`: markdownlint-cli2's own
 *   schema, with its `config` validated as above.
 *
 * Both are self-contained: markdownlint's schema (and markdownlint-cli2's) are bundled under
 * `definitions` (taken from the installed packages by `npm run generate`, pinned to the versions below),
 * so an editor validates offline, in untrusted workspaces and without any download.
 *
 * `optionSchema` is the one place that reads an option declaration; everything else goes through it.
 */
import type { TasklogRule } from "./define.js";
import { SHARED_OPTIONS, type AnyOptionSpec, type OptionSpecs } from "./options.js";

export type JsonSchema = { readonly [key: string]: unknown };

/** The `$id`s of the upstream schemas the pack's schemas bundle (the versions the package is developed against). */
export const MARKDOWNLINT_SCHEMA =
  "https://raw.githubusercontent.com/DavidAnson/markdownlint/v0.42.1/schema/markdownlint-config-schema.json";
export const MARKDOWNLINT_CLI2_SCHEMA =
  "https://raw.githubusercontent.com/DavidAnson/markdownlint-cli2/v0.24.1/schema/markdownlint-cli2-config-schema.json";

const strings = (extra: JsonSchema = {}): JsonSchema => ({ type: "array", items: { type: "string" }, ...extra });

/** The JSON schema of one declared option: its type (from its kind), default and description. */
export function optionSchema(spec: AnyOptionSpec): JsonSchema {
  const common = { description: spec.description, default: spec.default };
  switch (spec.kind) {
    case "string":
      return { ...common, type: "string" };
    case "string-or-strings":
      return { ...common, anyOf: [{ type: "string" }, strings({ minItems: 1 })] };
    case "strings":
      return { ...common, ...strings() };
    case "integer":
      return { ...common, type: "integer", minimum: 1 };
    case "boolean":
      return { ...common, type: "boolean" };
    case "statuses":
      return {
        ...common,
        type: "object",
        minProperties: 1,
        propertyNames: { pattern: "^\\p{L}[\\p{L}\\p{N} -]*$" },
        additionalProperties: strings({ minItems: 1, items: { type: "string", pattern: "\\S" } }),
      };
  }
}

/** What markdownlint accepts for any rule or tag: on/off, or an object with `enabled`, `severity` and options. */
function ruleSchema(description: string, specs: OptionSpecs): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    enabled: { description: "Whether to enable the rule", type: "boolean", default: true },
    severity: {
      description: "Rule severity (markdownlint 0.39 or newer)",
      type: "string",
      enum: ["error", "warning"],
      default: "error",
    },
  };
  for (const name of Object.keys(specs).sort()) properties[name] = optionSchema(specs[name] as AnyOptionSpec);
  return {
    description,
    type: ["boolean", "object"],
    default: true,
    properties,
    additionalProperties: false,
  };
}

/**
 * The options a rule takes without a report: the ones it reads (`rule.options`) and every shared
 * option (markdownlint hands every rule of the `tasklog` tag the same block; the factory checks them).
 */
export function acceptedOptions(rule: TasklogRule): OptionSpecs {
  return { ...SHARED_OPTIONS, ...rule.options };
}

/** The options every rule of `rules` takes (the options a tag's object may set). */
function commonOptions(rules: readonly TasklogRule[]): OptionSpecs {
  const [first, ...rest] = rules;
  if (first === undefined) return {};
  return Object.fromEntries(
    Object.entries(acceptedOptions(first)).filter(([name]) => rest.every((rule) => name in acceptedOptions(rule))),
  );
}

interface PackSchema {
  /** One property per rule ID, rule name and tag, each a reference into `definitions`. */
  readonly properties: Record<string, JsonSchema>;
  /** One definition per rule (by ID) and per tag. */
  readonly definitions: Record<string, JsonSchema>;
}

/** The pack's part of a markdownlint configuration. */
function packSchema(rules: readonly TasklogRule[]): PackSchema {
  const properties: Record<string, JsonSchema> = {};
  const definitions: Record<string, JsonSchema> = {};
  const define = (key: string, schema: JsonSchema, names: readonly string[]): void => {
    definitions[key] = schema;
    for (const name of names) properties[name] = { $ref: `#/definitions/${key}` };
  };
  for (const rule of rules) {
    define(
      rule.id,
      ruleSchema(`${rule.names.join("/")} : ${rule.description} : ${rule.information.href}`, acceptedOptions(rule)),
      rule.names,
    );
  }
  const tags = [...new Set(rules.flatMap((rule) => rule.tags))];
  for (const tag of tags) {
    const tagged = rules.filter((rule) => rule.tags.includes(tag));
    const ids = tagged.map((rule) => rule.names.join("/")).join(", ");
    const what = tag === "tasklog" ? "every rule of markdownlint-rule-tasklog" : `the rules tagged "${tag}"`;
    define(
      `tag-${tag}`,
      ruleSchema(`${tag} : ${what} (${ids}); an object sets the options they all take`, commonOptions(tagged)),
      [tag],
    );
  }
  return { properties, definitions };
}

/** markdownlint's and markdownlint-cli2's own schemas, as their packages ship them. */
export interface UpstreamSchemas {
  readonly markdownlint: JsonSchema;
  readonly markdownlintCli2: JsonSchema;
}

const MARKDOWNLINT_KEY = "markdownlint-config";
const MARKDOWNLINT_CLI2_KEY = "markdownlint-cli2-config";

/** A copy of `schema` with every `$ref` to `from` pointing at `to` instead. */
function retarget(schema: unknown, from: string, to: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => retarget(item, from, to));
  if (typeof schema !== "object" || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === "$ref" && value === from ? to : retarget(value, from, to),
    ]),
  );
}

/** An upstream schema as a definition: without its `$schema` and `$id` (so that no editor fetches it). */
function bundled(schema: JsonSchema, id: string): JsonSchema {
  if (schema["$id"] !== id) throw new Error(`expected the schema ${id}, got ${String(schema["$id"])}`);
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** The schema of a markdownlint configuration with the pack's rules (self-contained). */
export function markdownlintConfigSchema(rules: readonly TasklogRule[], upstream: UpstreamSchemas): JsonSchema {
  const { properties, definitions } = packSchema(rules);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title:
      "markdownlint configuration with markdownlint-rule-tasklog (generated from the rules' declarations; do not edit)",
    allOf: [{ $ref: `#/definitions/${MARKDOWNLINT_KEY}` }],
    type: "object",
    properties,
    definitions: { ...definitions, [MARKDOWNLINT_KEY]: bundled(upstream.markdownlint, MARKDOWNLINT_SCHEMA) },
  };
}

/** Where the cli2 schema finds the configuration schema: its sibling file in the package (no download). */
export const CONFIG_SCHEMA_FILE = "markdownlint-config.schema.json";

/**
 * The schema of `.markdownlint-cli2.jsonc` with the pack's rules in its `config`: markdownlint-cli2's
 * own schema bundled, and `config` validated by the sibling configuration schema (a relative `$ref`
 * inside the package, so nothing is downloaded and markdownlint's schema is shipped once).
 */
export function markdownlintCli2ConfigSchema(upstream: UpstreamSchemas): JsonSchema {
  const toConfig = `./${CONFIG_SCHEMA_FILE}`;
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title:
      "markdownlint-cli2 configuration with markdownlint-rule-tasklog (generated from the rules' declarations; do not edit)",
    allOf: [{ $ref: `#/definitions/${MARKDOWNLINT_CLI2_KEY}` }],
    type: "object",
    properties: { config: { $ref: toConfig } },
    definitions: {
      [MARKDOWNLINT_CLI2_KEY]: retarget(
        bundled(upstream.markdownlintCli2, MARKDOWNLINT_CLI2_SCHEMA),
        MARKDOWNLINT_SCHEMA,
        toConfig,
      ) as JsonSchema,
    },
  };
}

/** The files of schema/ (name → text), as `npm run generate` writes them. */
export function schemaFiles(rules: readonly TasklogRule[], upstream: UpstreamSchemas): Record<string, string> {
  // One line: the files are generated, and markdownlint's bundled schema is half their size again indented.
  const text = (schema: JsonSchema): string => `${JSON.stringify(schema)}\n`;
  return {
    [CONFIG_SCHEMA_FILE]: text(markdownlintConfigSchema(rules, upstream)),
    "markdownlint-cli2-config.schema.json": text(markdownlintCli2ConfigSchema(upstream)),
  };
}
