/**
 * The pack's options as the linter sees them: the configuration markdownlint-cli2 applies to the log,
 * found and merged exactly as markdownlint-cli2 (0.24) does, so that `tasklog` uses the statuses,
 * prefix, types and host the rules check against. The test tests/cli/config-oracle.test.ts runs real
 * markdownlint-cli2 on a matrix of layouts and compares.
 *
 * Where (markdownlint-cli2's reading, with the base folder the current directory):
 * - the folders from the log's folder up to the base folder (a log outside the base folder: up to the
 *   first folder that holds the base folder, then the base folder); nothing above the base folder;
 * - in each folder the first of `.markdownlint-cli2.{jsonc,yaml,cjs,mjs}` (markdownlint-cli2's
 *   options) and the first of `.markdownlint.{jsonc,json,yaml,yml,cjs,mjs}` (a markdownlint
 *   configuration); `--config <file>` is the base options, under the base folder's own file;
 * - options merge from the base folder down (a nearer `config` object's keys over a farther one's);
 *   the nearest `.markdownlint.*` file replaces the merged `config` unless a nearer options file sets
 *   one; `overrides` whose `filter` matches the log apply (the first that matches); `extends` is
 *   followed relative to its file, then as a package from its folder (markdownlint's resolution).
 *
 * What: markdownlint's own reading of rule keys, in order: a rule's names and tags (`tasklog`,
 * `tasklog-identifier`, `TL002`, `task-id`); a later key replaces an earlier one; `default` only
 * turns rules on or off. `statuses` comes from TL003 task-fields, `prefix` from TL002 task-id,
 * `types` from TL006 commit-message, `host` from TL007 pr-link. Each rule's options are validated as
 * the rule validates them; a problem is an error (exit code 2) at the option's line.
 *
 * Safety: files are read only when regular and at most 1 MiB (src/cli/config-read.ts); JavaScript
 * configurations (`.cjs`, `.mjs`) are never run (a note says their settings are unknown, and the
 * resolution goes on as if they set nothing); YAML is read with the package's own `js-yaml`.
 */
import { accessSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import path from "node:path";
import type { TaskLogOptions } from "../api.js";
import { resolveOptions, SHARED_OPTIONS, type OptionSpecs } from "../kit/options.js";
import rules from "../../rules/index.js";
import { boundedCopy, fileOf, parseJsonc, readConfigText, tomlReader, whereKey, yamlReader } from "./config-read.js";
import { CliError } from "./errors.js";
import { closest, didYouMean } from "../kit/suggest.js";

export { parseJsonc } from "./config-read.js";

const OPTIONS_FILES = [
  ".markdownlint-cli2.jsonc",
  ".markdownlint-cli2.yaml",
  ".markdownlint-cli2.cjs",
  ".markdownlint-cli2.mjs",
] as const;
const MARKDOWNLINT_FILES = [
  ".markdownlint.jsonc",
  ".markdownlint.json",
  ".markdownlint.yaml",
  ".markdownlint.yml",
  ".markdownlint.cjs",
  ".markdownlint.mjs",
] as const;
export const CONFIG_FILES = [...OPTIONS_FILES, ...MARKDOWNLINT_FILES] as const;

/** markdownlint-cli2's top-level option names (its schema's properties), for the "did you mean" of a typo. */
const CLI2_KEYS = [
  "$schema",
  "config",
  "customRules",
  "fix",
  "frontMatter",
  "gitignore",
  "globs",
  "ignores",
  "markdownItPlugins",
  "modulePaths",
  "noBanner",
  "noInlineConfig",
  "noProgress",
  "outputFormatters",
  "overrides",
  "showFound",
];

export interface LoadedConfig {
  /** The configuration file the options come from (the nearest one that applies), or undefined (the defaults). */
  readonly file: string | undefined;
  readonly options: TaskLogOptions;
  /** The line of the configuration each option was read from (for messages about a bad value). */
  readonly lines?: Readonly<Record<string, number | undefined>>;
  /** Where each option was read from, file and line. */
  readonly sources?: Readonly<Record<string, { file: string; line: number | undefined } | undefined>>;
  /** Notes for standard error (settings that could not be read, keys markdownlint-cli2 ignores). */
  readonly notes: readonly string[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

interface Context {
  readonly notes: string[];
  /** Files read so far (one read per file). */
  readonly cache: Map<string, Promise<unknown>>;
}

function note(context: Context, text: string): void {
  if (!context.notes.includes(text)) context.notes.push(text);
}

const relativeName = (file: string): string => {
  const relative = path.relative(process.cwd(), file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
};

/** One parser's reading: JSONC, TOML or YAML; undefined when the text is not of that kind. */
async function parseAs(kind: "jsonc" | "toml" | "yaml", text: string, file: string): Promise<unknown> {
  if (kind === "jsonc") return parseJsonc(text, file);
  const load = kind === "yaml" ? await yamlReader() : await tomlReader();
  if (load === undefined) {
    throw new CliError(
      `cannot read ${kind === "yaml" ? "YAML" : "TOML"}: ${kind === "yaml" ? "js-yaml" : "smol-toml"} (installed with markdownlint-cli2) was not found in this project's node_modules; install markdownlint-cli2, or write the configuration as JSONC`,
      file,
    );
  }
  let value: unknown;
  try {
    value = load(text);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = (error as { line?: number }).line;
    // The parser's first line only: never the file's content.
    const reason = (error as Error).message.split("\n")[0]?.replace(/ \(\d+:\d+\)$/, "") ?? "";
    throw new CliError(
      `invalid ${kind === "yaml" ? "YAML" : "TOML"} in the configuration: ${reason.slice(0, 200)}`,
      file,
      mark?.line === undefined ? line : mark.line + 1,
    );
  }
  return boundedCopy(value, file, text);
}

/** A markdownlint-cli2 options file (`.markdownlint-cli2.jsonc` or `.yaml`), read once. */
function readOptionsFile(context: Context, file: string): Promise<unknown> {
  let read = context.cache.get(file);
  if (read === undefined) {
    read = (async () => {
      const text = readConfigText(file).replace(/^\uFEFF/, "");
      const value = await parseAs(file.endsWith(".yaml") ? "yaml" : "jsonc", text, file);
      // markdownlint-cli2 reads any value; only an object's keys mean something.
      return isObject(value) ? value : {};
    })();
    context.cache.set(file, read);
  }
  return read;
}

/**
 * A markdownlint configuration file as markdownlint's `readConfig` reads it (JSONC, then TOML, then
 * YAML, the first that parses; anything but an object is `{}`), its `extends` applied.
 */
async function readMarkdownlintFile(context: Context, file: string, chain: readonly string[] = []): Promise<Json> {
  const text = readConfigText(file).replace(/^\uFEFF/, "");
  const errors = new Map<string, unknown>();
  let value: unknown;
  let parsed = false;
  for (const kind of ["jsonc", "toml", "yaml"] as const) {
    try {
      value = await parseAs(kind, text, file);
      parsed = true;
      break;
    } catch (error) {
      errors.set(kind, error);
    }
  }
  // None reads it: the error of the reader the file's name asks for (JSONC unless it is YAML).
  if (!parsed) throw errors.get(/\.ya?ml$/.test(file) ? "yaml" : "jsonc");
  const config = isObject(value) ? value : {};
  return extend(context, config, file, chain);
}

/** `~` as markdownlint expands it. */
const expandTilde = (reference: string): string =>
  reference === "~" ? homedir() : reference.startsWith("~/") ? path.join(homedir(), reference.slice(2)) : reference;

/** markdownlint's resolution of `extends`: relative to the file, then as a package from its folder. */
function resolveExtends(file: string, reference: string): string {
  const folder = path.dirname(file);
  const expanded = expandTilde(reference);
  const resolved = path.resolve(folder, expanded);
  try {
    accessSync(resolved);
    return resolved;
  } catch {
    try {
      return createRequire(path.join(folder, "noop.js")).resolve(expanded);
    } catch {
      return resolved;
    }
  }
}

const MAX_EXTENDS = 32;

/** A configuration object with its `extends` chain applied (the extended keys first, its own after). */
async function extend(context: Context, config: Json, file: string, chain: readonly string[]): Promise<Json> {
  const reference = config["extends"];
  if (reference === undefined || reference === null || reference === "" || reference === false || reference === 0)
    return config;
  const where = whereKey(config, "extends");
  if (typeof reference !== "string") {
    throw new CliError(`"extends" is not a file name`, where?.file ?? file, where?.line);
  }
  const target = resolveExtends(file, reference);
  if (target === path.resolve(file) || chain.includes(target)) {
    throw new CliError(`"extends" loops back to ${relativeName(target)}`, where?.file ?? file, where?.line);
  }
  if (chain.length >= MAX_EXTENDS) {
    throw new CliError(`"extends" chains more than ${MAX_EXTENDS} files`, where?.file ?? file, where?.line);
  }
  if (!existsSync(target)) {
    // The pack's own preset sets no option of the pack: a project that has not installed it yet reads the same.
    if (reference === "markdownlint-rule-tasklog/recommended") return withoutExtends(config);
    throw new CliError(`cannot find "${reference}", named by "extends"`, where?.file ?? file, where?.line);
  }
  const base = await readMarkdownlintFile(context, target, [...chain, path.resolve(file)]);
  return { ...base, ...withoutExtends(config) };
}

function withoutExtends(config: Json): Json {
  const { extends: _extends, ...own } = config;
  return own;
}

// ---------------------------------------------------------------------------------------------
// markdownlint-cli2's folders, options and configuration

interface Options {
  readonly [key: string]: unknown;
  readonly config?: Json;
}

interface FolderInfo {
  readonly dir: string;
  /** The folder's options file's content (its `config` and overrides' `extends` applied), or null. */
  options: Options | null;
  /** The folder's markdownlint configuration (its `extends` applied), or null. */
  config: Json | null;
  /** The configuration file names read in this folder. */
  readonly files: string[];
}

/** The first of `names` that exists in `dir` (anything by that name: a folder by that name fails to read, as in cli2). */
function firstExisting(dir: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      accessSync(file);
      return file;
    } catch {
      // Not there.
    }
  }
  return undefined;
}

const jsNote = (file: string): string =>
  `${relativeName(file)}: a JavaScript configuration is never run by tasklog, so the settings it makes are unknown here; tasklog reads the other configuration files as if this one set nothing (write the pack's settings in a .markdownlint-cli2.jsonc, or pass --config)`;

/**
 * An options file's `config` with its `extends` applied as markdownlint-cli2 applies it: the extended
 * object's keys assigned onto the `config` object itself, so its own keys keep their places (first)
 * and the extended file's other keys follow them, which decides which of two keys naming one rule
 * (`task-id`, `tasklog-identifier`) markdownlint applies last.
 */
async function extendInPlace(context: Context, config: Json, file: string): Promise<Json> {
  if (!config["extends"]) return config;
  const extended = await extend(context, config, file, []);
  const out: Json = { ...config };
  for (const [key, value] of Object.entries(extended)) out[key] = value;
  return out;
}

/** The `config` of an options object and of each of its overrides with `extends` applied, as cli2 does on reading. */
async function extendOptions(context: Context, options: Json, file: string): Promise<Options> {
  const out: Record<string, unknown> = { ...options };
  if (isObject(options["config"])) out["config"] = await extendInPlace(context, options["config"], file);
  if (Array.isArray(options["overrides"])) {
    out["overrides"] = await Promise.all(
      options["overrides"].map(async (override: unknown) =>
        isObject(override) && isObject(override["config"])
          ? { ...override, config: await extendInPlace(context, override["config"], file) }
          : override,
      ),
    );
  }
  return out;
}

function checkOptionKeys(context: Context, options: Json, file: string): void {
  for (const key of Object.keys(options)) {
    if (CLI2_KEYS.includes(key)) continue;
    const where = whereKey(options, key);
    note(
      context,
      `${relativeName(file)}${where?.line === undefined ? "" : `:${where.line}`}: "${key.slice(0, 60)}" is not a markdownlint-cli2 setting, so markdownlint-cli2 and tasklog ignore it${didYouMean(key, CLI2_KEYS)}`,
    );
  }
  if (options["config"] !== undefined && !isObject(options["config"])) {
    const where = whereKey(options, "config");
    throw new CliError(`"config" is not an object`, file, where?.line);
  }
}

async function readFolder(context: Context, dir: string): Promise<FolderInfo> {
  const info: FolderInfo = { dir, options: null, config: null, files: [] };
  const optionsFile = firstExisting(dir, OPTIONS_FILES);
  if (optionsFile !== undefined) {
    info.files.push(optionsFile);
    if (/\.[cm]js$/.test(optionsFile)) {
      note(context, jsNote(optionsFile));
      info.options = {};
    } else {
      const options = (await readOptionsFile(context, optionsFile)) as Json;
      checkOptionKeys(context, options, optionsFile);
      info.options = await extendOptions(context, options, optionsFile);
    }
  }
  const configFile = firstExisting(dir, MARKDOWNLINT_FILES);
  if (configFile !== undefined) {
    info.files.push(configFile);
    if (/\.[cm]js$/.test(configFile)) {
      note(context, jsNote(configFile));
      info.config = {};
    } else {
      info.config = await readMarkdownlintFile(context, configFile);
    }
  }
  return info;
}

/** markdownlint-cli2's merge of two options objects: properties replaced, `config` objects combined. */
function mergeOptions(first: Options | null | undefined, second: Options | null | undefined): Options {
  const merged: Record<string, unknown> = { ...first, ...second };
  if (first?.config !== undefined || second?.config !== undefined) {
    merged["config"] = { ...(first?.config as Json | undefined), ...(second?.config as Json | undefined) };
  }
  return merged;
}

/**
 * The folders markdownlint-cli2 reads for a file, nearest first: the file's folder and each parent up
 * to the first that is the base folder or holds it; then the base folder, when that one was not it.
 */
export function configFolders(fileDir: string, baseDir: string): string[] {
  const baseAndParents = new Set<string>();
  for (let dir = baseDir; ; dir = path.dirname(dir)) {
    baseAndParents.add(dir);
    if (path.dirname(dir) === dir) break;
  }
  const folders = [fileDir];
  let dir = fileDir;
  while (!baseAndParents.has(dir)) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    folders.push(parent);
    dir = parent;
  }
  if (dir !== baseDir) folders.push(baseDir);
  return folders;
}

/**
 * A glob of `overrides`' `filter`, matched as markdownlint-cli2 matches it (micromatch with dot files
 * included): `**` any folders, `*` and `?` within a name, `[…]` a class, `{a,b}` alternatives.
 */
export function globToRegExp(glob: string): RegExp {
  let out = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      out += slash ? "(?:[^/]*(?:/|$))*" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") out += "[^/]*";
    else if (char === "?") out += "[^/]";
    else if (char === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end === -1) out += "\\[";
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        out += `[${body}]`;
        i = end;
      }
    } else if (char === "{") {
      braces++;
      out += "(?:";
    } else if (char === "}" && braces > 0) {
      braces--;
      out += ")";
    } else if (char === "," && braces > 0) out += "|";
    else if (char === "\\" && i + 1 < glob.length) {
      out += `\\${glob[++i] as string}`;
    } else out += char.replace(/[.+^${}()|[\]\\/]/g, "\\$&");
  }
  if (braces > 0) return /$^/;
  return new RegExp(`^(?:\\./)?${out}$`);
}

function matchesGlob(relative: string, glob: string): boolean {
  return globToRegExp(glob).test(relative);
}

export interface ResolvedConfig {
  /** The markdownlint configuration object markdownlint-cli2 passes to markdownlint for the file. */
  readonly config: Json;
  /** The configuration files that took part, nearest first. */
  readonly files: readonly string[];
  readonly notes: readonly string[];
}

/**
 * The markdownlint configuration markdownlint-cli2 applies to `file` when run in `baseDir` (its
 * `directory`, by default the current one), with `explicit` as its `--config`.
 */
export async function resolveCli2Config(file: string, baseDir: string, explicit?: string): Promise<ResolvedConfig> {
  const context: Context = { notes: [], cache: new Map() };
  const base = path.resolve(baseDir);
  const target = path.resolve(base, file);
  let argv: Options | null = null;
  const files: string[] = [];
  if (explicit !== undefined) {
    const configPath = path.resolve(base, explicit);
    if (!existsSync(configPath)) throw new CliError("configuration file not found", explicit);
    argv = await readExplicit(context, configPath);
    files.push(configPath);
  }
  const folders = configFolders(path.dirname(target), base);
  const infos = new Map<string, FolderInfo>();
  for (const dir of folders) infos.set(dir, await readFolder(context, dir));
  const baseInfo = infos.get(base) as FolderInfo;
  // The base folder's options: `--config`'s under the base folder's own file (cli2's getBaseOptions).
  baseInfo.options = mergeOptions(mergeOptions({ fix: false }, argv ?? {}), baseInfo.options);
  // The file belongs to the nearest folder with a configuration (cli2 merges the others' files upward).
  const chain = folders
    .map((dir) => infos.get(dir) as FolderInfo)
    .filter((info) => info.dir === base || info.options !== null || info.config !== null);
  const own = chain[0] as FolderInfo;
  let options: Options | null = own.options;
  let config: Json | null = own.config;
  for (const parent of chain.slice(1)) {
    if (parent.options !== null) options = mergeOptions(parent.options, options);
    if (config === null && parent.config !== null && options?.config === undefined) config = parent.config;
  }
  options = mergeOptions(options, undefined);
  let effective: Json = config ?? (options.config as Json | undefined) ?? {};
  // overrides: the first whose filter matches the file (relative to the folder it belongs to) applies.
  const overrides = Array.isArray(options["overrides"]) ? options["overrides"] : [];
  const relative = path.relative(own.dir, target).split(path.sep).join("/");
  for (const override of overrides) {
    if (!isObject(override)) continue;
    const { filter, combine } = override;
    const overrideConfig = override["config"];
    if (!Array.isArray(filter) || filter.length === 0 || !isObject(overrideConfig)) continue;
    if (combine !== "merge" && combine !== "replace") continue;
    const globs = filter.filter((glob): glob is string => typeof glob === "string");
    const positive = globs.filter((glob) => !glob.startsWith("!"));
    const negative = globs.filter((glob) => glob.startsWith("!"));
    const matched =
      positive.some((glob) => matchesGlob(relative, glob)) &&
      !negative.some((glob) => matchesGlob(relative, glob.slice(1)));
    if (!matched) continue;
    const overrideOptions =
      combine === "merge" ? { ...(options.config as Json | undefined), ...overrideConfig } : overrideConfig;
    // cli2 puts the override in the options' config; a `.markdownlint.*` configuration still wins over it.
    effective = config ?? overrideOptions;
    break;
  }
  for (const info of chain) files.push(...info.files);
  return { config: effective, files, notes: context.notes };
}

/** `--config <file>`: an options file, a markdownlint configuration, or (any other name) either by its keys, as cli2 reads it. */
async function readExplicit(context: Context, file: string): Promise<Options> {
  const base = path.basename(file);
  if (/\.[cm]js$/.test(base)) {
    note(context, jsNote(file));
    return {};
  }
  if (/\.markdownlint-cli2\.(jsonc|yaml)$/.test(base)) {
    const options = (await readOptionsFile(context, file)) as Json;
    checkOptionKeys(context, options, file);
    return extendOptions(context, options, file);
  }
  if (/\.markdownlint\.(jsonc|json|yaml|yml)$/.test(base)) {
    // Read as cli2 reads --config (not as markdownlint's readConfig): by its extension, extends in place.
    const text = readConfigText(file).replace(/^\uFEFF/, "");
    const value = await parseAs(/\.ya?ml$/.test(base) ? "yaml" : "jsonc", text, file);
    return { config: await extendInPlace(context, isObject(value) ? value : {}, file) };
  }
  let value: unknown;
  const text = readConfigText(file).replace(/^\uFEFF/, "");
  if (/\.jsonc?$/.test(base)) value = await parseAs("jsonc", text, file);
  else if (/\.toml$/.test(base)) value = await parseAs("toml", text, file);
  else if (/\.ya?ml$/.test(base)) value = await parseAs("yaml", text, file);
  else
    throw new CliError(
      "a configuration file's name ends in .markdownlint-cli2.jsonc, .markdownlint.json or another supported name or extension (jsonc, json, yaml, yml, toml)",
      file,
    );
  const object = isObject(value) ? value : {};
  if (Object.keys(object).some((key) => CLI2_KEYS.includes(key) && key !== "$schema")) {
    checkOptionKeys(context, object, file);
    return extendOptions(context, object, file);
  }
  return { config: await extendInPlace(context, object, file) };
}

// ---------------------------------------------------------------------------------------------
// markdownlint's reading of rule keys, and the pack's options

const PACK = rules.map((rule) => ({
  id: rule.names[0] as string,
  names: new Set([...rule.names, ...(rule.tags ?? [])].map((name) => name.toUpperCase())),
  specs: { ...SHARED_OPTIONS, ...rule.options } as OptionSpecs,
  label: `${rule.names[0]}/${rule.names[1]}`,
}));

export interface RuleSetting {
  /** Whether markdownlint runs the rule. */
  readonly enabled: boolean;
  /** The configuration object markdownlint gives the rule (`params.config`). */
  readonly value: Json;
  /** The key of `config` that set it (`tasklog`, `TL002`, …), if any. */
  readonly key: string | undefined;
}

/** What markdownlint gives each rule of the pack for a configuration object (its getEffectiveConfig). */
export function ruleSettings(config: Json): Record<string, RuleSetting> {
  let enabledByDefault = true;
  for (const [key, value] of Object.entries(config)) {
    if (key.toUpperCase() === "DEFAULT") {
      enabledByDefault = Boolean(value);
      break;
    }
  }
  const settings: Record<string, RuleSetting> = {};
  for (const rule of PACK) {
    let setting: RuleSetting = { enabled: enabledByDefault, value: {}, key: undefined };
    for (const [key, value] of Object.entries(config)) {
      if (!rule.names.has(key.toUpperCase())) continue;
      if (isObject(value)) {
        const { enabled, severity: _severity, ...options } = value;
        setting = { enabled: enabled === undefined || Boolean(enabled), value: keyed(value, options), key };
      } else {
        setting = { enabled: Boolean(value), value: {}, key };
      }
    }
    settings[rule.id] = setting;
  }
  return settings;
}

/** The rule's options object, keeping where its keys were read from. */
const SOURCE = new WeakMap<object, object>();
function keyed(from: Json, to: Json): Json {
  SOURCE.set(to, from);
  return to;
}
const whereOption = (value: Json, option: string): { file: string; line: number | undefined } | undefined =>
  whereKey(SOURCE.get(value) ?? value, option);

/** The configuration object markdownlint gives one rule of the pack. */
export function ruleConfig(config: Json, id: string): { value: Json; key: string | undefined } {
  const setting = ruleSettings(config)[id];
  return { value: setting?.value ?? {}, key: setting?.key };
}

/** Where the options come from: statuses from TL003, prefix from TL002, types from TL006, host from TL007. */
const SOURCES = [
  ["statuses", "TL003"],
  ["prefix", "TL002"],
  ["types", "TL006"],
  ["host", "TL007"],
] as const;

/** The pack's options from a markdownlint configuration (the `config` object). */
export function optionsFromConfig(config: Json): { options: TaskLogOptions; keys: Record<string, string> } {
  const settings = ruleSettings(config);
  const options: Record<string, unknown> = {};
  const keys: Record<string, string> = {};
  for (const [option, id] of SOURCES) {
    const setting = settings[id] as RuleSetting;
    if (setting.value[option] !== undefined) {
      options[option] = setting.value[option];
      if (setting.key !== undefined) keys[option] = setting.key;
    }
  }
  return { options: options as TaskLogOptions, keys };
}

export interface ConfigProblem {
  readonly rule: string;
  readonly option: string;
  readonly message: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
}

/** Each enabled rule's options checked as the rule checks them (what markdownlint reports on line 1). */
export function configProblems(config: Json): ConfigProblem[] {
  const settings = ruleSettings(config);
  const found: ConfigProblem[] = [];
  for (const rule of PACK) {
    const setting = settings[rule.id] as RuleSetting;
    if (!setting.enabled) continue;
    for (const problem of resolveOptions(rule.specs, setting.value).problems) {
      const where = whereOption(setting.value, problem.option);
      found.push({
        rule: rule.label,
        option: problem.option,
        message: problem.message,
        file: where?.file ?? fileOf(SOURCE.get(setting.value) ?? setting.value),
        line: where?.line,
      });
    }
  }
  return found;
}

/**
 * A problem with an option the command reads (TL003's statuses, TL002's prefix, TL006's types,
 * TL007's host), or an unknown option name close to it in that rule (`prefx`), stops the command: it would otherwise write what the linter then rejects. A bad value
 * of an option only a rule reads is a note, as the linter's report is.
 */
function checkRuleOptions(context: Context, config: Json, fallback: string | undefined): void {
  for (const problem of configProblems(config)) {
    const text = `bad configuration: ${problem.rule}: ${problem.message.replace(/ Using the default\.$/, "")}`;
    const file = relativeName(problem.file ?? fallback ?? "(configuration)");
    // The option the command reads from this rule (TL002's prefix, …), or a name close to it.
    const read = SOURCES.find(([, id]) => problem.rule.startsWith(`${id}/`))?.[0];
    const misspelt =
      read !== undefined &&
      problem.message.startsWith("Unknown option") &&
      closest(problem.option, [read]) !== undefined;
    if (problem.option === read || misspelt) {
      throw new CliError(text, file, problem.line);
    }
    note(
      context,
      `${file}${problem.line === undefined ? "" : `:${problem.line}`}: ${text} (the rule uses its default; tasklog does not read this option)`,
    );
  }
}

/** Find the configuration markdownlint-cli2 applies to `logFile` (or `explicit` as its --config) and take the pack's options from it. */
export async function loadConfig(
  logFile: string | undefined,
  explicit?: string,
  baseDir = process.cwd(),
): Promise<LoadedConfig> {
  const file = logFile === undefined || logFile === "-" ? path.join(baseDir, "stdin") : logFile;
  let resolved: ResolvedConfig;
  try {
    resolved = await resolveCli2Config(file, baseDir, explicit);
  } catch (error) {
    // Messages name configuration files as the user sees them (relative to the current folder).
    if (error instanceof CliError && error.file !== undefined)
      throw new CliError(error.message, relativeName(error.file), error.line);
    throw error;
  }
  const notes = [...resolved.notes];
  checkRuleOptions({ notes, cache: new Map() }, resolved.config, resolved.files[0]);
  const settings = ruleSettings(resolved.config);
  const { options } = optionsFromConfig(resolved.config);
  const sources: Record<string, { file: string; line: number | undefined } | undefined> = {};
  const lines: Record<string, number | undefined> = {};
  for (const [option, id] of SOURCES) {
    if ((options as Record<string, unknown>)[option] === undefined) continue;
    const where = whereOption((settings[id] as RuleSetting).value, option);
    sources[option] = where;
    lines[option] = where?.line;
  }
  return {
    file: resolved.files[0],
    options,
    lines,
    sources,
    notes,
  };
}
