/**
 * `tasklog init`: write what the README asks people to write by hand, in a repository: the
 * markdownlint-cli2 configuration that enables the pack, VS Code settings (fix on save), the
 * extension recommendation, one snippet per configured status, and on request the pre-commit entry.
 * An existing file is never overwritten without `--force`.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveTaskLogOptions, type ResolvedTaskLogOptions } from "../api.js";
import { loadConfig } from "./config.js";
import { CliError } from "./errors.js";
import { buildTask } from "./template.js";
import { writeFileSafely } from "./write.js";

export interface InitOptions {
  readonly dir?: string | undefined;
  /** `extends` (default): the configuration extends the preset; `inline`: the preset's settings written out. */
  readonly preset?: string | undefined;
  readonly prefix?: string | undefined;
  readonly preCommit?: boolean;
  readonly force?: boolean;
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
  const configFile = join(dir, ".markdownlint-cli2.jsonc");
  const writes: [string, () => string][] = [[configFile, () => cli2Config(style, options.prefix)]];
  // The snippets follow the configuration that will be in force: an existing one that is kept, or the new one.
  const keepConfig = existsSync(configFile) && options.force !== true;
  writes.push([join(dir, ".vscode", "settings.json"), () => VSCODE_SETTINGS]);
  writes.push([join(dir, ".vscode", "extensions.json"), () => VSCODE_EXTENSIONS]);
  const loaded = keepConfig
    ? await loadConfig(undefined, configFile)
    : {
        file: undefined,
        options: { ...(options.prefix === undefined ? {} : { prefix: options.prefix }) },
        notes: [] as string[],
      };
  let resolved: ResolvedTaskLogOptions;
  try {
    resolved = resolveTaskLogOptions(loaded.options);
  } catch (error) {
    throw new CliError(`bad configuration: ${(error as Error).message}`, loaded.file ?? "(options)");
  }
  writes.push([
    join(dir, ".vscode", "tasklog.code-snippets"),
    () => snippets(resolved.statuses, options.prefix ?? resolved.prefix[0] ?? "tv"),
  ]);
  if (options.preCommit === true) writes.push([join(dir, ".pre-commit-config.yaml"), preCommitConfig]);

  const out: string[] = [];
  const notes: string[] = [...loaded.notes];
  for (const [path, text] of writes) {
    const name = relative(dir, path) || path;
    const exists = existsSync(path);
    if (exists && options.force !== true) {
      out.push(`kept ${name} (it exists; --force overwrites it)`);
      if (path.endsWith(".pre-commit-config.yaml"))
        notes.push(`add this entry to ${name} yourself:\n${preCommitConfig().split("\n").slice(2).join("\n")}`);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSafely(path, text());
    out.push(`${exists ? "overwrote" : "wrote"} ${name}`);
  }
  if (style === "extends" && !keepConfig) {
    out.push(
      "(the configuration extends the preset; --preset inline writes its settings out, which keeps the built-in rules working in vscode.dev)",
    );
  }
  return { out, notes };
}
