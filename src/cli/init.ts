/**
 * `tasklog init`: write what the README asks people to write by hand, in a repository: the
 * markdownlint-cli2 configuration that enables the pack, VS Code settings (fix on save), the
 * extension recommendation, one snippet per configured status, and on request the pre-commit entry.
 * An existing file is never overwritten without `--force`.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveTaskLogOptions, type ResolvedTaskLogOptions } from "../api.js";
import { CONFIG_FILES, loadConfig } from "./config.js";
import { CliError } from "./errors.js";
import {
  applyEdits,
  type Edit,
  find,
  insertItemEdits,
  insertMemberEdits,
  type JsonValue,
  JsoncError,
  lineEnding,
  type Node,
  type Path,
  parseTree,
  removeMemberEdits,
  replaceValueEdits,
  toValue,
} from "./jsonc.js";
import { localDate } from "./new.js";
import { buildTask } from "./template.js";
import { decodeBytes, editFile, writeFileSafely } from "./write.js";

export interface InitOptions {
  readonly dir?: string | undefined;
  /** `extends` (default): the configuration extends the preset; `inline`: the preset's settings written out. */
  readonly preset?: string | undefined;
  readonly prefix?: string | undefined;
  readonly preCommit?: boolean;
  /** Replace the pack's own entries that differ from what init writes (never another tool's). */
  readonly force?: boolean;
  /** Also write a starter task log at this path (refused when it exists and is not empty). */
  readonly log?: string | undefined;
  /** Today's date (YYYY-MM-DD) for the log's stamps; the local date by default. */
  readonly today?: string;
}

/** The package's own files (presets/, package.json), found from this module (src/cli/ or the bundle in dist/). */
function packageFile(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, name);
    if (existsSync(candidate) && existsSync(join(dir, "package.json"))) return candidate;
    dir = dirname(dir);
  }
  throw new CliError(`cannot find the package's ${name}`);
}

const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

export function cli2Config(style: "extends" | "inline", prefix: string | undefined): string {
  const preset = readJson(packageFile(join("presets", "recommended.json")));
  const lines = [
    "// Written by `tasklog init`: markdownlint-cli2 (and the VS Code markdownlint extension) run the",
    "// markdownlint-rule-tasklog pack and markdownlint's built-in rules with these settings.",
    "{",
    '  "customRules": ["markdownlint-rule-tasklog"],',
    '  "config": {',
  ];
  const entries: string[] = [];
  if (style === "extends") {
    entries.push('    "extends": "markdownlint-rule-tasklog/recommended"');
  } else {
    entries.push('    // The recommended preset\'s settings, written here instead of an "extends", so that the');
    entries.push("    // built-in rules keep working where custom rules cannot load (vscode.dev, github.dev).");
    for (const [key, value] of Object.entries(preset))
      entries.push(`    ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  }
  const body = entries.map((entry, i) => {
    const next = entries.slice(i + 1).some((later) => !later.trimStart().startsWith("//"));
    return entry.trimStart().startsWith("//") || !next ? entry : `${entry},`;
  });
  if (prefix !== undefined) {
    body[body.length - 1] += ",";
    body.push("    // Options of every rule of the pack (the tasklog tag).");
    body.push(`    "tasklog": { "prefix": [${JSON.stringify(prefix)}] }`);
  } else {
    body.push('    // Options of every rule of the pack (the tasklog tag), e.g. "tasklog": { "prefix": ["tv"] }');
  }
  lines.push(...body, "  },", '  "ignores": ["node_modules/**"]', "}", "");
  return lines.join("\n");
}

/**
 * The pack's schemas, associated through `json.schemas` rather than a `$schema` key: VS Code applies every
 * association that matches a file, so the markdownlint extension's own schemas (its `jsonValidation`)
 * stay in force beside the pack's; a `$schema` key would replace them. The files are the installed
 * package's, self-contained (nothing is downloaded).
 */
export const VSCODE_JSON_SCHEMAS = [
  {
    fileMatch: [".markdownlint-cli2.jsonc"],
    url: "./node_modules/markdownlint-rule-tasklog/schema/markdownlint-cli2-config.schema.json",
  },
  {
    fileMatch: [".markdownlint.json", ".markdownlint.jsonc"],
    url: "./node_modules/markdownlint-rule-tasklog/schema/markdownlint-config.schema.json",
  },
] as const;

const VSCODE_SETTINGS = `${JSON.stringify(
  {
    "editor.codeActionsOnSave": { "source.fixAll.markdownlint": "explicit" },
    "json.schemas": VSCODE_JSON_SCHEMAS,
  },
  null,
  2,
)}\n`;
const VSCODE_EXTENSIONS = `${JSON.stringify({ recommendations: ["DavidAnson.vscode-markdownlint"] }, null, 2)}\n`;

/** Literal text in a VS Code snippet body: `$`, `}` and `\` are escaped. */
const snippetText = (text: string): string => text.replace(/[$}\\]/g, "\\$&");

/** One snippet per configured status: the status's template with tab stops for the identifier, title and each field. */
export function snippets(statuses: Readonly<Record<string, readonly string[]>>, prefix: string): string {
  const out: Record<string, unknown> = {};
  for (const [status, fields] of Object.entries(statuses)) {
    const built = buildTask({
      status,
      identifier: "\u0000ID\u0000",
      title: "\u0000TITLE\u0000",
      fields,
      host: "github.com",
      level: 3,
    });
    let stop = 3;
    const body = built.lines.map((line, i) => {
      let text = snippetText(line.text)
        .replace("\u0000ID\u0000", `\${1:${prefix}}-\${CURRENT_YEAR}-\${CURRENT_MONTH}-\${CURRENT_DATE}:PR\${2:??}`)
        .replace("\u0000TITLE\u0000", "${3:Short title}");
      // An empty field's value is a tab stop (the first line of each field only).
      const first = line.field !== undefined && built.lines[i - 1]?.field !== line.field;
      const nested = built.lines[i + 1]?.field === line.field;
      if (first && !nested && text.endsWith(":")) text += ` \${${++stop}}`;
      return text;
    });
    out[`tasklog: ${status} task`] = {
      scope: "markdown",
      prefix: [`tasklog-${status.toLowerCase().replace(/\s+/g, "-")}`, `${status.toLowerCase()} task`],
      description: `Task log: a task of status ${status}, from its template (markdownlint-rule-tasklog)`,
      body,
    };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

function preCommitConfig(): string {
  const version = String(readJson(packageFile("package.json"))["version"] ?? "0.1.0");
  return [
    "# Written by `tasklog init --pre-commit`: lint staged Markdown with markdownlint-cli2 and the pack.",
    "repos:",
    "  - repo: https://github.com/DavidAnson/markdownlint-cli2",
    "    rev: v0.20.0",
    "    hooks:",
    "      - id: markdownlint-cli2",
    `        additional_dependencies: ["markdownlint-rule-tasklog@${version}"]`,
    "",
  ].join("\n");
}

/** `.markdownlint-cli2.jsonc` beside a `.markdownlint.*` file: the pack enabled, its settings left to that file. */
export function cli2RulesOnly(settingsFile: string): string {
  return [
    "// Written by `tasklog init`: markdownlint-cli2 (and the VS Code markdownlint extension) run the",
    `// markdownlint-rule-tasklog pack. The rules' settings are in ${settingsFile}: markdownlint-cli2 applies that`,
    '// file instead of a "config" here.',
    "{",
    '  "customRules": ["markdownlint-rule-tasklog"],',
    '  "ignores": ["node_modules/**"]',
    "}",
    "",
  ].join("\n");
}

const PACK = "markdownlint-rule-tasklog";
const PRESET = "markdownlint-rule-tasklog/recommended";
const FIX_ALL = "source.fixAll.markdownlint";
const EXTENSION = "DavidAnson.vscode-markdownlint";

/** What merging into one file does: the new text (`undefined`: unchanged) and what it says. */
interface Merge {
  readonly text: string | undefined;
  /** What was added or replaced, for `updated <file>: …`. */
  readonly did: readonly string[];
  /** The pack's entries that differ from what init would write, kept (without --force). */
  readonly kept: readonly string[];
  readonly notes: readonly string[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const show = (value: unknown): string => JSON.stringify(value);
const isObject = (value: unknown): value is Record<string, JsonValue> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A JSONC file being merged into: its text, edited one change at a time, and what the changes were. */
class JsoncMerge {
  text: string;
  readonly did: string[] = [];
  readonly kept: string[] = [];
  readonly notes: string[] = [];
  private readonly original: string;
  constructor(
    text: string,
    readonly name: string,
  ) {
    this.original = text;
    try {
      if (parseTree(text) === undefined) {
        // Empty, or only comments: the object after them.
        this.text = `${text}${text === "" || /[\n\r]$/.test(text) ? "" : lineEnding(text)}{}${lineEnding(text)}`;
      } else {
        this.text = text;
      }
    } catch (error) {
      throw this.invalid(error);
    }
    if (this.node([])?.kind !== "object") {
      throw new CliError(
        "holds no JSON object; tasklog adds its settings only to an object (nothing was written)",
        name,
      );
    }
  }
  private invalid(error: unknown): CliError {
    const line = error instanceof JsoncError ? error.line : undefined;
    return new CliError(
      `invalid JSON with comments: ${(error as Error).message}; fix it and run tasklog init again (nothing was written)`,
      this.name,
      line,
    );
  }
  node(path: Path): Node | undefined {
    return find(parseTree(this.text), path);
  }
  value(path: Path): JsonValue | undefined {
    const node = this.node(path);
    return node === undefined ? undefined : toValue(node);
  }
  private apply(edits: readonly Edit[]): void {
    this.text = applyEdits(this.text, edits);
  }
  insert(path: Path, key: string, value: JsonValue, what: string): void {
    this.apply(insertMemberEdits(this.text, path, key, value));
    this.did.push(`added ${what}`);
  }
  append(path: Path, value: JsonValue, what: string): void {
    this.apply(insertItemEdits(this.text, path, value));
    this.did.push(`added ${what}`);
  }
  replace(path: Path, value: JsonValue, what: string): void {
    this.apply(replaceValueEdits(this.text, path, value));
    this.did.push(`replaced ${what}`);
  }
  remove(path: Path, what: string): void {
    this.apply(removeMemberEdits(this.text, path));
    this.did.push(`removed ${what}`);
  }
  result(): Merge {
    return {
      text: this.text === this.original ? undefined : this.text,
      did: this.did,
      kept: this.kept,
      notes: this.notes,
    };
  }
}

/** `key` in the object at `path`, inserting it (`value`) when missing; with `force`, replacing a differing value. */
function ensureValue(
  merge: JsoncMerge,
  path: Path,
  key: string,
  value: JsonValue,
  force: boolean,
  how: string,
  accept: (current: JsonValue) => boolean = (current) => same(current, value),
): void {
  const current = merge.value([...path, key]);
  const where = [...path, key].map((step) => show(step)).join(" > ");
  if (current === undefined) {
    merge.insert(path, key, value, where);
  } else if (!accept(current)) {
    if (force) merge.replace([...path, key], value, `${where} (was ${show(current)})`);
    else merge.kept.push(`${where} is ${show(current)}, not ${show(value)} (${how} replaces it)`);
  }
}

/** The object at `path` exists (inserted as `{}` when missing); false (with a note) when another value is there. */
function ensureObject(merge: JsoncMerge, path: Path): boolean {
  const node = merge.node(path);
  if (node === undefined) {
    merge.insert(path.slice(0, -1), path[path.length - 1] as string, {}, show(path[path.length - 1]));
    merge.did.pop();
    return true;
  }
  if (node.kind === "object") return true;
  merge.notes.push(
    `${merge.name}: ${path.map((step) => show(step)).join(" > ")} is not an object; tasklog left it as it is`,
  );
  return false;
}

interface Wanted {
  readonly style: "extends" | "inline";
  /** `--preset` was given (then a configuration of the other style is reported, or replaced with --force). */
  readonly styleGiven: boolean;
  readonly prefix: string | undefined;
  readonly force: boolean;
  readonly preset: Record<string, JsonValue>;
}

/** The pack's settings in the markdownlint configuration object at `path`: the preset and the prefix. */
function mergeSettings(merge: JsoncMerge, path: Path, wanted: Wanted): void {
  if (!ensureObject(merge, path)) return;
  const config = merge.value(path) as Record<string, JsonValue>;
  const extendsValue = config["extends"];
  const presetKeys = Object.keys(wanted.preset);
  const current =
    extendsValue === PRESET ? "extends" : presetKeys.every((key) => Object.hasOwn(config, key)) ? "inline" : undefined;
  const style = current !== undefined && !wanted.styleGiven ? current : wanted.style;
  if (style === "extends") {
    if (current === "inline" && extendsValue === undefined) {
      // Written out before: the keys equal to the preset's are the pack's, and would now come from the preset.
      if (!wanted.force) {
        merge.kept.push(
          `the recommended preset's settings are written out, not "extends": ${show(PRESET)} as --preset extends asks (tasklog init --force --preset extends replaces them)`,
        );
      } else {
        merge.insert(path, "extends", PRESET, `"extends": ${show(PRESET)}`);
        const equal = presetKeys.filter((key) => same(config[key], wanted.preset[key]));
        for (const key of equal) merge.remove([...path, key], key);
        merge.did.splice(merge.did.length - equal.length, equal.length);
        if (equal.length > 0) merge.did.push(`removed the preset's settings written out (${equal.length})`);
      }
    } else if (extendsValue === undefined) {
      merge.insert(path, "extends", PRESET, `"extends": ${show(PRESET)}`);
    } else if (extendsValue !== PRESET) {
      merge.notes.push(
        `${merge.name}: "extends" names ${show(extendsValue)}, so the pack's preset is not added (tasklog never replaces another configuration's extends): extend ${show(PRESET)} from that file, or run tasklog init --preset inline`,
      );
    }
  } else {
    if (extendsValue === PRESET) {
      if (!wanted.force) {
        merge.kept.push(
          `"extends": ${show(PRESET)}, not the preset's settings written out as --preset inline asks (tasklog init --force --preset inline replaces it)`,
        );
        mergePrefix(merge, path, wanted);
        return;
      }
      merge.remove([...path, "extends"], `"extends": ${show(PRESET)}`);
    }
    const added = presetKeys.filter((key) => !Object.hasOwn(config, key));
    for (const key of added) merge.insert(path, key, wanted.preset[key] as JsonValue, key);
    if (added.length > 0) {
      merge.did.splice(merge.did.length - added.length, added.length);
      merge.did.push(
        added.length === presetKeys.length
          ? "added the recommended preset's settings"
          : `added the recommended preset's settings for ${added.join(", ")}`,
      );
    }
  }
  mergePrefix(merge, path, wanted);
}

function mergePrefix(merge: JsoncMerge, path: Path, wanted: Wanted): void {
  if (wanted.prefix === undefined) return;
  const prefix = [wanted.prefix];
  const tasklog = merge.value([...path, "tasklog"]);
  if (tasklog === undefined) {
    merge.insert(path, "tasklog", { prefix }, `"tasklog" > "prefix": ${show(prefix)}`);
    return;
  }
  if (!isObject(tasklog)) {
    merge.notes.push(
      `${merge.name}: "tasklog" is ${show(tasklog)}, not an object of options; tasklog did not set the prefix (write "tasklog": { "prefix": ${show(prefix)} })`,
    );
    return;
  }
  ensureValue(
    merge,
    [...path, "tasklog"],
    "prefix",
    prefix,
    wanted.force,
    `tasklog init --force --prefix ${wanted.prefix}`,
    (current) => same(current, prefix) || current === wanted.prefix,
  );
}

/** `.markdownlint-cli2.jsonc`: the pack in `customRules`; its settings in `config` unless another file holds them. */
function mergeCli2(text: string, name: string, wanted: Wanted, settingsHere: boolean): Merge {
  const merge = new JsoncMerge(text, name);
  const rules = merge.value(["customRules"]);
  if (rules === undefined) merge.insert([], "customRules", [PACK], `"customRules": [${show(PACK)}]`);
  else if (!Array.isArray(rules)) merge.notes.push(`${name}: "customRules" is not a list; add ${show(PACK)} to it`);
  else if (!rules.includes(PACK)) merge.append(["customRules"], PACK, `${show(PACK)} to "customRules"`);
  if (settingsHere) mergeSettings(merge, ["config"], wanted);
  return merge.result();
}

function mergeVscodeSettings(text: string, name: string, force: boolean): Merge {
  const merge = new JsoncMerge(text, name);
  const actions = merge.value(["editor.codeActionsOnSave"]);
  const key = "editor.codeActionsOnSave";
  if (actions === undefined) {
    merge.insert([], key, { [FIX_ALL]: "explicit" }, `${show(key)} > ${show(FIX_ALL)}`);
  } else if (Array.isArray(actions)) {
    if (!actions.includes(FIX_ALL)) merge.append([key], FIX_ALL, `${show(FIX_ALL)} to ${show(key)}`);
  } else if (isObject(actions)) {
    ensureFixAll(merge, key, force);
  } else {
    merge.notes.push(`${name}: ${show(key)} is ${show(actions)}; add ${show(FIX_ALL)}: "explicit" to it yourself`);
  }
  const schemas = merge.value(["json.schemas"]);
  if (schemas === undefined) {
    merge.insert(
      [],
      "json.schemas",
      VSCODE_JSON_SCHEMAS as unknown as JsonValue,
      `"json.schemas" (the pack's schemas)`,
    );
  } else if (!Array.isArray(schemas)) {
    merge.notes.push(`${name}: "json.schemas" is not a list; the pack's configuration schemas were not added`);
  } else {
    for (const schema of VSCODE_JSON_SCHEMAS) {
      const file = schema.url.slice(schema.url.lastIndexOf("/") + 1);
      const index = (merge.value(["json.schemas"]) as JsonValue[]).findIndex(
        (item) => isObject(item) && typeof item["url"] === "string" && item["url"].endsWith(`${PACK}/schema/${file}`),
      );
      const wantedSchema = schema as unknown as JsonValue;
      if (index < 0) {
        merge.append(["json.schemas"], wantedSchema, `the schema ${file} to "json.schemas"`);
      } else if (!same(merge.value(["json.schemas", index]), wantedSchema)) {
        if (force) merge.replace(["json.schemas", index], wantedSchema, `the schema ${file} in "json.schemas"`);
        else
          merge.kept.push(
            `the "json.schemas" entry of ${file} differs from the pack's (tasklog init --force replaces it)`,
          );
      }
    }
  }
  return merge.result();
}

function ensureFixAll(merge: JsoncMerge, key: string, force: boolean): void {
  ensureValue(merge, [key], FIX_ALL, "explicit", force, "tasklog init --force", (current) =>
    ["explicit", "always", true].includes(current as string | boolean),
  );
}

function mergeExtensions(text: string, name: string): Merge {
  const merge = new JsoncMerge(text, name);
  const list = merge.value(["recommendations"]);
  if (list === undefined) merge.insert([], "recommendations", [EXTENSION], `"recommendations": [${show(EXTENSION)}]`);
  else if (!Array.isArray(list)) merge.notes.push(`${name}: "recommendations" is not a list; add ${show(EXTENSION)}`);
  else if (!list.some((item) => typeof item === "string" && item.toLowerCase() === EXTENSION.toLowerCase()))
    merge.append(["recommendations"], EXTENSION, `${show(EXTENSION)} to "recommendations"`);
  return merge.result();
}

function mergeSnippets(text: string, name: string, wanted: Record<string, JsonValue>, force: boolean): Merge {
  const merge = new JsoncMerge(text, name);
  const differ: string[] = [];
  for (const [key, value] of Object.entries(wanted)) {
    const current = merge.value([key]);
    if (current === undefined) merge.insert([], key, value, show(key));
    else if (!same(current, value)) {
      if (force) merge.replace([key], value, show(key));
      else differ.push(key);
    }
  }
  if (differ.length > 0) {
    merge.kept.push(
      `${differ.map((key) => show(key)).join(", ")} differ${differ.length === 1 ? "s" : ""} from the configuration's statuses and prefix (tasklog init --force rewrites the pack's snippets)`,
    );
  }
  return merge.result();
}

/** The pre-commit entry's lines (the `- repo:` item), indented by `indent`. */
function preCommitEntry(indent: string, version: string): string[] {
  return [
    `${indent}- repo: https://github.com/DavidAnson/markdownlint-cli2`,
    `${indent}  rev: v0.20.0`,
    `${indent}  hooks:`,
    `${indent}    - id: markdownlint-cli2`,
    `${indent}      additional_dependencies: ["${PACK}@${version}"]`,
  ];
}

const packageVersion = (): string => String(readJson(packageFile("package.json"))["version"] ?? "0.1.0");

/**
 * An existing `.pre-commit-config.yaml`: the pack's hook entry appended as text at the end of the
 * `repos:` list (never re-serialised); with --force the pack's version in an existing entry is updated.
 */
function mergePreCommit(text: string, name: string, force: boolean): Merge {
  const version = packageVersion();
  const eol = lineEnding(text);
  const pinned = new RegExp(`${PACK}@([^"'\\s\\],]+)`).exec(text);
  if (pinned !== null) {
    if (pinned[1] === version) return { text: undefined, did: [], kept: [], notes: [] };
    if (force) {
      const at = pinned.index + PACK.length + 1;
      return {
        text: text.slice(0, at) + version + text.slice(at + (pinned[1] as string).length),
        did: [`replaced the pack's version ${pinned[1]} with ${version}`],
        kept: [],
        notes: [],
      };
    }
    return {
      text: undefined,
      did: [],
      kept: [`the hook installs ${PACK}@${pinned[1]}, not ${version} (tasklog init --force --pre-commit updates it)`],
      notes: [],
    };
  }
  const lines = text.split(/\r\n|\n|\r/);
  const repos = lines.findIndex((line) => /^repos\s*:\s*(#.*)?$/.test(line));
  const hook = /^[ \t]*(?:-[ \t]*)?repo:[ \t]*['"]?https:\/\/github\.com\/DavidAnson\/markdownlint-cli2/m.test(text);
  if (hook) {
    return {
      text: undefined,
      did: [],
      kept: [],
      notes: [
        `${name}: it runs markdownlint-cli2 already; add "${PACK}@${version}" to that hook's additional_dependencies yourself (tasklog does not edit another entry)`,
      ],
    };
  }
  if (repos < 0) {
    return {
      text: undefined,
      did: [],
      kept: [],
      notes: [
        `${name}: no block "repos:" list found; add this entry to its repos yourself:\n${preCommitEntry("  ", version).join("\n")}`,
      ],
    };
  }
  // The list's last line: the last indented (or "- ") line before the next top-level key.
  let last = repos;
  let indent: string | undefined;
  for (let i = repos + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^[^\s#-]/.test(line)) break;
    if (line.trim() !== "" && !line.trim().startsWith("#")) {
      last = i;
      indent ??= /^(\s*)-/.exec(line)?.[1];
    }
  }
  const entry = preCommitEntry(indent ?? "  ", version);
  const before = lines.slice(0, last + 1).join(eol);
  const afterLines = lines.slice(last + 1);
  const rest = afterLines.length === 0 ? "" : `${eol}${afterLines.join(eol)}`;
  return {
    text: `${before}${eol}${entry.join(eol)}${rest}`,
    did: ["added the markdownlint-cli2 hook with the pack"],
    kept: [],
    notes: [],
  };
}

/**
 * A new task log: the title, the identifier policy (CONVENTION.md section 1), and a section per
 * configured status stamped `today`, each with its status's template in an HTML comment (which no
 * rule reads as a task).
 */
export function starterLog(
  title: string,
  statuses: Readonly<Record<string, readonly string[]>>,
  prefix: string,
  today: string,
  host = "github.com",
): string {
  const lines = [
    `# ${title}`,
    "",
    `> **Identifier policy**: Only log tasks once a GitHub PR exists. Use the format \`${prefix}-YYYY-MM-DD:PR###\``,
    "> matching the PR number and creation date.",
  ];
  for (const [status, fields] of Object.entries(statuses)) {
    const built = buildTask({
      status,
      identifier: `${prefix}-YYYY-MM-DD:PR###`,
      title: "<Short title>",
      fields,
      host,
      level: 3,
    });
    lines.push(
      "",
      `## ${status} tasks (updated ${today})`,
      "",
      `<!-- ${status} task template (tasklog new --status ${status} adds a task from it):`,
      "",
      ...built.lines.map((line) => line.text),
      "-->",
    );
  }
  return `${lines.join("\n")}\n`;
}

/** A file `init --log` may write: missing, or empty (only white space). */
export function checkNewLog(path: string): void {
  let text: string;
  try {
    if (!statSync(path).isFile()) throw new CliError("not a regular file; nothing was written", path);
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof CliError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new CliError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, path);
  }
  if (text.replace(/^\uFEFF/, "").trim() !== "") {
    throw new CliError(
      "the file exists and is not empty; --log starts a new task log only (nothing was written; add tasks with tasklog new)",
      path,
    );
  }
}

interface Step {
  readonly name: string;
  readonly path: string;
  /** The whole text of a file that does not exist yet. */
  readonly create?: () => string;
  /** The merge into the existing file's text. */
  readonly merge?: (text: string) => Merge;
}

/** `a`, `a and b`, `a, b and c`. */
const and = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

const cli2Names = CONFIG_FILES.filter((name) => name.startsWith(".markdownlint-cli2."));
const markdownlintNames = CONFIG_FILES.filter((name) => !name.startsWith(".markdownlint-cli2."));

export async function runInit(options: InitOptions): Promise<{ out: string[]; notes: string[] }> {
  const dir = resolve(options.dir ?? ".");
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError("not a folder", options.dir ?? ".");
  const style = options.preset ?? "extends";
  if (style !== "extends" && style !== "inline")
    throw new CliError(`--preset expects extends or inline; got ${JSON.stringify(style)}`);
  if (options.prefix !== undefined) {
    try {
      resolveTaskLogOptions({ prefix: options.prefix });
    } catch (error) {
      throw new CliError(`--prefix: ${(error as Error).message}`);
    }
  }
  if (options.log !== undefined) checkNewLog(options.log);
  const force = options.force === true;
  const wanted: Wanted = {
    style,
    styleGiven: options.preset !== undefined,
    prefix: options.prefix,
    force,
    preset: readJson(packageFile(join("presets", "recommended.json"))) as Record<string, JsonValue>,
  };
  const present = (name: string): boolean => existsSync(join(dir, name));
  const cli2 = cli2Names.find(present);
  const markdownlint = markdownlintNames.find(present);
  const editable = markdownlint !== undefined && /\.jsonc?$/.test(markdownlint);
  const notes: string[] = [];
  const steps: Step[] = [];
  const step = (name: string, how: Omit<Step, "name" | "path">): void => {
    steps.push({ name, path: join(dir, name), ...how });
  };

  // The markdownlint configuration: the pack in the cli2 file; its settings where markdownlint-cli2 reads them.
  if (cli2 === undefined) {
    step(".markdownlint-cli2.jsonc", {
      create: () => (markdownlint === undefined ? cli2Config(style, options.prefix) : cli2RulesOnly(markdownlint)),
    });
  } else if (cli2 === ".markdownlint-cli2.jsonc") {
    step(cli2, {
      merge: (text) => {
        const merged = mergeCli2(text, cli2, wanted, markdownlint === undefined);
        if (markdownlint !== undefined && parseTree(text)?.kind === "object" && find(parseTree(text), ["config"]))
          return {
            ...merged,
            notes: [
              ...merged.notes,
              `note: the "config" of ${cli2} is not applied: markdownlint-cli2 applies ${markdownlint} of the same folder instead; move its settings there`,
            ],
          };
        return merged;
      },
    });
  } else if (!readFileSync(join(dir, cli2), "utf8").includes(PACK)) {
    notes.push(
      `note: ${cli2} is markdownlint-cli2's configuration here (tasklog edits only JSON): add "${PACK}" to its customRules yourself; a .markdownlint-cli2.jsonc would replace it, so none was written`,
    );
  }
  if (markdownlint !== undefined) {
    notes.push(
      `note: ${markdownlint} is in the folder: markdownlint-cli2 applies its settings, not a "config" of .markdownlint-cli2.jsonc, so the pack's settings ${editable ? "go into" : "belong in"} ${markdownlint}`,
    );
    if (editable) {
      step(markdownlint, {
        merge: (text) => {
          const merge = new JsoncMerge(text, markdownlint);
          mergeSettings(merge, [], wanted);
          return merge.result();
        },
      });
    } else {
      const text = readFileSync(join(dir, markdownlint), "utf8");
      const missing = [
        ...(text.includes(PRESET) || style === "inline" ? [] : [`extends: ${PRESET}`]),
        ...(options.prefix === undefined || new RegExp(`\\b${options.prefix}\\b`).test(text)
          ? []
          : [`tasklog:\n  prefix: [${options.prefix}]`]),
      ];
      if (missing.length > 0) {
        notes.push(
          `note: tasklog does not edit ${markdownlint} (YAML or JavaScript); add the pack's settings to it yourself:\n${missing.join("\n")}`,
        );
      }
    }
  }
  // The configuration files first: the snippets and the log follow what the linter will apply.
  const configSteps = steps.length;
  const planned = new Map<Step, Merge | undefined>();
  for (const each of steps) planned.set(each, plan(each));
  const settingsFile = markdownlint ?? cli2;
  const loaded =
    settingsFile === undefined
      ? { options: {}, notes: [] as readonly string[], file: undefined }
      : await loadConfig(undefined, join(dir, settingsFile));
  notes.push(...loaded.notes);
  const settingsStep = steps.find((each) => each.name === (editable ? markdownlint : cli2));
  const settingsMerge = settingsStep === undefined ? undefined : planned.get(settingsStep);
  const prefixApplied =
    options.prefix !== undefined &&
    (settingsFile === undefined ||
      (settingsStep !== undefined && !(settingsMerge?.kept ?? []).some((kept) => kept.includes('"prefix"'))));
  let resolved: ResolvedTaskLogOptions;
  try {
    resolved = resolveTaskLogOptions({
      ...loaded.options,
      ...(prefixApplied ? { prefix: options.prefix as string } : {}),
    });
  } catch (error) {
    throw new CliError(`bad configuration: ${(error as Error).message}`, loaded.file ?? "(options)");
  }
  const prefix = resolved.prefix[0] ?? "tv";
  // Snippets follow a prefix this run sets: rewriting them is part of applying it.
  const rewriteSnippets = force || (prefixApplied && settingsMerge?.text !== undefined);

  step(join(".vscode", "settings.json"), {
    create: () => VSCODE_SETTINGS,
    merge: (text) => mergeVscodeSettings(text, join(".vscode", "settings.json"), force),
  });
  step(join(".vscode", "extensions.json"), {
    create: () => VSCODE_EXTENSIONS,
    merge: (text) => mergeExtensions(text, join(".vscode", "extensions.json")),
  });
  const snippetsText = snippets(resolved.statuses, prefix);
  step(join(".vscode", "tasklog.code-snippets"), {
    create: () => snippetsText,
    merge: (text) =>
      mergeSnippets(
        text,
        join(".vscode", "tasklog.code-snippets"),
        JSON.parse(snippetsText) as Record<string, JsonValue>,
        rewriteSnippets,
      ),
  });
  if (options.preCommit === true) {
    step(".pre-commit-config.yaml", {
      create: preCommitConfig,
      merge: (text) => mergePreCommit(text, ".pre-commit-config.yaml", force),
    });
  }
  for (const each of steps.slice(configSteps)) planned.set(each, plan(each));

  // Every file planned (a file that cannot be merged has stopped the run): now the writes.
  const out: string[] = [];
  const setUp: string[] = [];
  let wrote = false;
  for (const each of steps) {
    const merged = planned.get(each);
    const name = each.name;
    if (merged === undefined) {
      mkdirSync(dirname(each.path), { recursive: true });
      writeFileSafely(each.path, (each.create as () => string)());
      out.push(`wrote ${name}`);
      wrote = true;
      continue;
    }
    notes.push(...merged.notes);
    if (merged.text !== undefined) {
      await editFile(each.path, async (input) => {
        const again = (each.merge as (text: string) => Merge)(input.text);
        return { text: again.text, value: undefined };
      });
      out.push(`updated ${name}: ${merged.did.join("; ")}`);
      wrote = true;
    }
    for (const kept of merged.kept) out.push(`kept ${name}: ${kept}`);
    if (merged.text === undefined && merged.kept.length === 0) setUp.push(name);
  }
  if (options.log !== undefined) {
    const title = basename(options.log).replace(/\.[^.]*$/, "") || "Tasks";
    writeFileSafely(
      options.log,
      starterLog(title, resolved.statuses, prefix, options.today ?? localDate(), resolved.host[0] ?? "github.com"),
    );
    out.push(`wrote ${options.log} (a task log with ${and(Object.keys(resolved.statuses))} sections)`);
    wrote = true;
  }
  if (!wrote) {
    out.push(
      setUp.length === 0
        ? "nothing was written"
        : `nothing to do: ${and(setUp)} ${setUp.length === 1 ? "is" : "are"} already set up`,
    );
  } else if (setUp.length > 0) {
    out.push(`already set up: ${and(setUp)}`);
  }
  if (cli2 === undefined && markdownlint === undefined && style === "extends") {
    out.push(
      "(the configuration extends the preset; --preset inline writes its settings out, which keeps the built-in rules working in vscode.dev)",
    );
  }
  return { out, notes };
}

/** A step's merge on the file's current text (`undefined`: the file does not exist and is created). */
function plan(step: Step): Merge | undefined {
  if (!existsSync(step.path)) {
    if (step.create === undefined) throw new CliError("missing", step.path);
    return undefined;
  }
  if (step.merge === undefined) return { text: undefined, did: [], kept: [], notes: [] };
  let text: string;
  try {
    text = decodeBytes(readFileSync(step.path)).text;
  } catch (error) {
    throw new CliError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, step.name);
  }
  return step.merge(text);
}
