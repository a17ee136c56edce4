/**
 * The pack's options as the linter sees them, read from the project's markdownlint configuration, so
 * that `tasklog` uses the statuses, prefix, types and host the rules check against.
 *
 * Where: `--config <file>` when given; otherwise the nearest folder, from the log's folder up to the
 * file system's root, that holds one of (first found wins, as markdownlint-cli2 prefers them)
 * `.markdownlint-cli2.jsonc`, `.markdownlint-cli2.yaml`, `.markdownlint.jsonc`, `.markdownlint.json`,
 * `.markdownlint.yaml`, `.markdownlint.yml`. A `.markdownlint-cli2.*` file's `config` key is the
 * markdownlint configuration; `extends` (a relative path or a package's JSON file) is followed.
 * YAML is read with the `js-yaml` package markdownlint-cli2 installs, when it can be found. JavaScript
 * configurations (`.cjs`, `.mjs`) are not run: `tasklog` says so and uses the defaults.
 *
 * What: markdownlint's own reading of rule keys, in order: `default`, the `tasklog` tag (every rule of
 * the pack) and each rule by ID or name (`TL002`, `task-id`); a later key replaces an earlier one.
 * `statuses` comes from TL003 task-fields, `prefix` from TL002 task-id, `types` from TL006
 * commit-message, `host` from TL007 pr-link.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { TaskLogOptions } from "../api.js";
import rules from "../../rules/index.js";
import { CliError } from "./errors.js";

export const CONFIG_FILES = [
  ".markdownlint-cli2.jsonc",
  ".markdownlint-cli2.yaml",
  ".markdownlint-cli2.cjs",
  ".markdownlint-cli2.mjs",
  ".markdownlint.jsonc",
  ".markdownlint.json",
  ".markdownlint.yaml",
  ".markdownlint.yml",
  ".markdownlint.cjs",
  ".markdownlint.mjs",
] as const;

export interface LoadedConfig {
  /** The configuration file read, or undefined when there is none (then the defaults). */
  readonly file: string | undefined;
  readonly options: TaskLogOptions;
  /** The line of the configuration each option was read from (for messages about a bad value). */
  readonly lines?: Readonly<Record<string, number | undefined>>;
  /** Notes for standard error (a configuration that could not be read, and so was not used). */
  readonly notes: readonly string[];
}

/** JSON with comments and trailing commas (JSONC, as markdownlint-cli2 reads it). */
export function parseJsonc(text: string, file: string): unknown {
  // Comments become spaces (line breaks kept, so positions and lines stay); strings are copied as they are.
  let out = "";
  const commas: number[] = []; // offsets in `out` of commas outside strings
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (char === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") {
        out += " ";
        i++;
      }
    } else if (char === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else {
      if (char === ",") commas.push(out.length);
      out += char;
      i++;
    }
  }
  // A trailing comma (only white space before a closing `}` or `]`) becomes a space.
  const chars = out.split("");
  for (const comma of commas) {
    let k = comma + 1;
    while (k < out.length && /\s/.test(out[k] as string)) k++;
    if (out[k] === "}" || out[k] === "]") chars[comma] = " ";
  }
  const cleaned = chars.join("");
  try {
    return JSON.parse(cleaned);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const lineMatch = /line (\d+)/.exec(message);
    const line = lineMatch
      ? Number(lineMatch[1])
      : position
        ? cleaned.slice(0, Number(position[1])).split("\n").length
        : undefined;
    throw new CliError(`invalid JSON in the configuration: ${message}`, file, line);
  }
}

/** The line of the first `"key"` in a configuration's text (for messages). */
export function lineOfKey(text: string, key: string): number | undefined {
  const index = text.indexOf(`"${key}"`);
  const plain = index >= 0 ? index : plainKeyStart(text, key);
  return plain < 0 ? undefined : text.slice(0, plain).split("\n").length;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const SPACE = /\s/;

/**
 * Where the multiline pattern `^\s*<key>\s*:` would first match (a line start), or -1, in one pass.
 * The pattern itself is quadratic: every line start of a run of blank lines re-reads the whole run.
 * Every line start inside one run of white space reaches the same first visible character, so the
 * match starts at the run's first line start when the key (then white space and a colon) follows it.
 */
export function plainKeyStart(text: string, key: string): number {
  let lineStart = -1;
  for (let i = 0; i <= text.length; i++) {
    if (lineStart < 0 && (i === 0 || LINE_BREAK.test(text[i - 1] as string))) lineStart = i;
    if (i < text.length && SPACE.test(text[i] as string)) continue;
    if (lineStart >= 0 && text.startsWith(key, i)) {
      let j = i + key.length;
      while (j < text.length && SPACE.test(text[j] as string)) j++;
      if (text[j] === ":") return lineStart;
    }
    lineStart = -1;
  }
  return -1;
}

async function loadYaml(text: string, file: string): Promise<unknown> {
  let yaml: { load(text: string): unknown } | undefined;
  // The project's js-yaml (markdownlint-cli2 installs it), else one this package can see.
  const name = "js-yaml";
  for (const load of [
    () => import(pathToFileURL(createRequire(join(dirname(file), "noop.js")).resolve(name)).href),
    () => import(name),
  ]) {
    try {
      yaml = (await load()) as { load(text: string): unknown };
      break;
    } catch {
      // Try the next place.
    }
  }
  if (yaml === undefined || typeof yaml.load !== "function") return undefined;
  try {
    return yaml.load(text);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    throw new CliError(
      `invalid YAML in the configuration: ${(error as Error).message.split("\n")[0]}`,
      file,
      mark?.line === undefined ? undefined : mark.line + 1,
    );
  }
}

interface ReadFile {
  readonly value: unknown;
  readonly text: string;
}

async function readConfigFile(file: string): Promise<ReadFile | undefined> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(
      `cannot read the configuration (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      file,
    );
  }
  if (/\.ya?ml$/.test(file)) {
    const value = await loadYaml(text, file);
    return value === undefined ? undefined : { value, text };
  }
  return { value: parseJsonc(text.replace(/^\uFEFF/, ""), file), text };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A markdownlint configuration with its `extends` chain applied (extended keys first, own keys after). */
async function withExtends(
  config: Record<string, unknown>,
  file: string,
  seen: Set<string>,
): Promise<Record<string, unknown>> {
  const target = config["extends"];
  const { extends: _ignored, ...own } = config;
  if (typeof target !== "string") return own;
  let path: string;
  try {
    path =
      isAbsolute(target) || target.startsWith(".")
        ? resolve(dirname(file), target)
        : createRequire(file).resolve(target);
  } catch {
    // The pack's own preset sets no option of the pack: a project that has not installed it yet reads the same.
    if (target === "markdownlint-rule-tasklog/recommended") return own;
    throw new CliError(
      `cannot find the configuration "${target}" named by extends`,
      file,
      lineOfKey(readFileSync(file, "utf8"), "extends"),
    );
  }
  if (seen.has(path)) throw new CliError(`extends loops back to ${path}`, file);
  seen.add(path);
  const read = await readConfigFile(path);
  if (read === undefined || !isObject(read.value)) return own;
  const base = await withExtends(read.value, path, seen);
  return { ...base, ...own };
}

const RULES = rules.map((rule) => ({
  id: rule.names[0] as string,
  names: rule.names.map((name) => name.toUpperCase()),
}));

/** The configuration object markdownlint gives one rule of the pack, from the rule keys in order. */
export function ruleConfig(
  config: Record<string, unknown>,
  id: string,
): { value: Record<string, unknown>; key: string | undefined } {
  const rule = RULES.find((entry) => entry.id === id);
  let value: Record<string, unknown> = {};
  let key: string | undefined;
  for (const [name, entry] of Object.entries(config)) {
    const upper = name.toUpperCase();
    if (upper !== "TASKLOG" && !(rule?.names.includes(upper) ?? false)) continue;
    value = isObject(entry) ? entry : {};
    key = isObject(entry) ? name : undefined;
  }
  const { severity: _severity, enabled: _enabled, ...options } = value;
  return { value: options, key };
}

/** Where the options come from: statuses from TL003, prefix from TL002, types from TL006, host from TL007. */
const SOURCES = [
  ["statuses", "TL003"],
  ["prefix", "TL002"],
  ["types", "TL006"],
  ["host", "TL007"],
] as const;

/** The pack's options from a markdownlint configuration (the `config` object). */
export function optionsFromConfig(config: Record<string, unknown>): {
  options: TaskLogOptions;
  keys: Record<string, string>;
} {
  const options: Record<string, unknown> = {};
  const keys: Record<string, string> = {};
  for (const [option, id] of SOURCES) {
    const { value, key } = ruleConfig(config, id);
    if (value[option] !== undefined) {
      options[option] = value[option];
      if (key !== undefined) keys[option] = key;
    }
  }
  return { options: options as TaskLogOptions, keys };
}

/** Find the configuration that applies to `logFile` (or read `explicit`) and take the pack's options from it. */
export async function loadConfig(logFile: string | undefined, explicit?: string): Promise<LoadedConfig> {
  let file: string | undefined;
  if (explicit !== undefined) {
    file = resolve(explicit);
    if (!existsSync(file)) throw new CliError("configuration file not found", explicit);
  } else {
    let dir = resolve(logFile === undefined ? "." : dirname(logFile));
    for (;;) {
      const found = CONFIG_FILES.map((name) => join(dir, name)).find((candidate) => existsSync(candidate));
      if (found !== undefined) {
        file = found;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  if (file === undefined) return { file: undefined, options: {}, notes: [] };
  if (/\.[cm]js$/.test(file)) {
    return {
      file,
      options: {},
      notes: [
        `${file}: a JavaScript configuration is not run by tasklog; using the default options (write them in a .markdownlint-cli2.jsonc or pass --config)`,
      ],
    };
  }
  const read = await readConfigFile(file);
  if (read === undefined) {
    return { file, options: {}, notes: [`${file}: no YAML reader (js-yaml) found; using the default options`] };
  }
  if (!isObject(read.value)) throw new CliError("the configuration is not an object", file, 1);
  const isCli2 = /\.markdownlint-cli2\./.test(file);
  let config = isCli2 ? read.value["config"] : read.value;
  if (config === undefined) return { file, options: {}, notes: [] };
  if (!isObject(config)) throw new CliError(`"config" is not an object`, file, lineOfKey(read.text, "config"));
  config = await withExtends(config, file, new Set([file]));
  const { options, keys } = optionsFromConfig(config as Record<string, unknown>);
  return { file, options, lines: linesOf(options, keys, read.text), notes: [] };
}

function linesOf(
  options: TaskLogOptions,
  keys: Record<string, string>,
  text: string,
): Record<string, number | undefined> {
  const lines: Record<string, number | undefined> = {};
  for (const option of Object.keys(options)) {
    const key = keys[option];
    const keyIndex = key === undefined ? -1 : text.indexOf(`"${key}"`);
    if (keyIndex < 0) {
      lines[option] = lineOfKey(text, option);
      continue;
    }
    const within = lineOfKey(text.slice(keyIndex), option);
    lines[option] = within === undefined ? undefined : text.slice(0, keyIndex).split("\n").length + within - 1;
  }
  return lines;
}
