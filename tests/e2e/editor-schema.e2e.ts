/**
 * Configuration validated in the editor, offline, from the packed tarball: VS Code's JSON language
 * service (`vscode-json-languageservice`, what the editor's JSON extension runs) configured as VS Code
 * configures it in a workspace that ran `tasklog init`:
 *
 * - the markdownlint extension's own schema associations, its `jsonValidation` contributions
 *   (vscode-markdownlint 0.61.2 package.json: `.markdownlint.json`/`.markdownlint.jsonc` →
 *   `./markdownlint-config-schema.json`, `.markdownlint-cli2.jsonc` → `./markdownlint-cli2-config-schema.json`),
 *   built as the extension builds them: the schemas of the markdownlint (0.40.0) and markdownlint-cli2
 *   (0.20.0) it bundles, the cli2 schema's `$ref` to markdownlint's rewritten to the sibling file;
 * - the workspace's `json.schemas` from the `.vscode/settings.json` that `tasklog init` wrote, their
 *   relative URLs resolved against the workspace folder (the installed package's schema/ files).
 *
 * The schema request service reads `file:` URIs and refuses every other request (and records it): no
 * request may go out. Then `init`'s `.markdownlint-cli2.jsonc` and every configuration example of the
 * README and docs/hosts.md must get no diagnostic as written, and one on the offending text with each of
 * `"prefx"`, `"prefix": 42` and `"warn"` put in; markdownlint's own checks of built-in rules stay.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { applyEdits, modify, parse as parseJsonc } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import {
  type Diagnostic,
  getLanguageService,
  type SchemaConfiguration,
  TextDocument,
} from "vscode-json-languageservice";
import { context, ROOT, runOrThrow } from "./support.js";

/** The extension's `jsonValidation` contributions (vscode-markdownlint 0.61.2 package.json). */
const EXTENSION_JSON_VALIDATION = [
  { fileMatch: [".markdownlint.json", ".markdownlint.jsonc"], url: "./markdownlint-config-schema.json" },
  { fileMatch: [".markdownlint-cli2.jsonc"], url: "./markdownlint-cli2-config-schema.json" },
] as const;

/** A folder holding the extension's two schema files, as the extension ships them. */
function extensionFolder(base: string, extensionHost: string): string {
  const dir = mkdtempSync(join(base, "vscode-markdownlint-"));
  const modules = join(extensionHost, "node_modules");
  const config = readFileSync(join(modules, "markdownlint", "schema", "markdownlint-config-schema.json"), "utf8");
  const cli2 = readFileSync(
    join(modules, "markdownlint-cli2", "schema", "markdownlint-cli2-config-schema.json"),
    "utf8",
  );
  expect(JSON.parse(config).$id).toContain("/v0.40.0/");
  writeFileSync(join(dir, "markdownlint-config-schema.json"), config);
  writeFileSync(
    join(dir, "markdownlint-cli2-config-schema.json"),
    cli2.replace(
      /"\$ref": "https:\/\/raw\.githubusercontent\.com\/DavidAnson\/markdownlint\/v\d+\.\d+\.\d+\/schema\/markdownlint-config-schema\.json"/g,
      '"$ref": "./markdownlint-config-schema.json"',
    ),
  );
  return dir;
}

interface Editor {
  /** The diagnostics VS Code shows for `text` as the file `name` at the workspace's root. */
  validate(name: string, text: string): Promise<Diagnostic[]>;
  /** Every request that was refused (anything but a local file). */
  readonly refused: string[];
}

function editor(workspaceDir: string, extensionDir: string, withSettings: boolean): Editor {
  const refused: string[] = [];
  const folder = pathToFileURL(`${workspaceDir}/`).href;
  const service = getLanguageService({
    schemaRequestService: async (uri) => {
      if (uri.startsWith("file:")) return readFileSync(fileURLToPath(uri), "utf8");
      refused.push(uri);
      throw new Error(`offline: refused ${uri}`);
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
  });
  const schemas: SchemaConfiguration[] = EXTENSION_JSON_VALIDATION.map((entry) => ({
    uri: new URL(entry.url, pathToFileURL(`${extensionDir}/`)).href,
    fileMatch: [...entry.fileMatch],
  }));
  if (withSettings) {
    const settings = parseJsonc(readFileSync(join(workspaceDir, ".vscode", "settings.json"), "utf8")) as {
      "json.schemas": { fileMatch: string[]; url: string }[];
    };
    for (const entry of settings["json.schemas"])
      schemas.push({ uri: new URL(entry.url, folder).href, fileMatch: entry.fileMatch });
  }
  service.configure({ validate: true, allowComments: true, schemas });
  return {
    refused,
    async validate(name, text) {
      const jsonc = name.endsWith(".jsonc");
      const document = TextDocument.create(new URL(name, folder).href, jsonc ? "jsonc" : "json", 1, text);
      return service.doValidation(document, service.parseJSONDocument(document), {
        comments: jsonc ? "ignore" : "error",
        trailingCommas: "error",
      });
    },
  };
}

/** The text a diagnostic covers. */
const covered = (text: string, diagnostic: Diagnostic): string => {
  const document = TextDocument.create("file:///x", "json", 1, text);
  return document.getText(diagnostic.range);
};

const MISTAKES = [
  { name: '"prefx"', value: { prefx: ["tv"] }, covers: '"prefx"' },
  { name: '"prefix": 42', value: { prefix: 42 }, covers: "42" },
  { name: '"warn"', value: "warn", covers: '"warn"' },
] as const;

/** `text` with the pack's TL002 set to `value` (in `config` for a markdownlint-cli2 file). */
function withTl002(text: string, cli2: boolean, value: unknown): string {
  const edits = modify(text, cli2 ? ["config", "TL002"] : ["TL002"], value, {
    formattingOptions: { insertSpaces: true, tabSize: 2 },
  });
  return applyEdits(text, edits);
}

/** Fenced json/jsonc blocks of a page that are markdownlint or markdownlint-cli2 configuration. */
function configBlocks(path: string): { where: string; name: string; text: string }[] {
  const lines = readFileSync(join(ROOT, path), "utf8").split("\n");
  const out: { where: string; name: string; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```(json|jsonc)(\s.*)?$/.exec(lines[i] as string);
    if (!open) continue;
    const indent = (open[1] as string).length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && (lines[j] as string).trim() !== "```"; j++)
      body.push((lines[j] as string).slice(indent));
    const text = `${body.join("\n")}\n`;
    const value = parseJsonc(text) as Record<string, unknown>;
    const keys = Object.keys(value ?? {});
    const cli2 = keys.includes("customRules") || keys.includes("config");
    const markdownlint = keys.some((key) => /^(extends|default|TL\d{3}|MD\d{3}|tasklog)$/.test(key));
    if (cli2 || markdownlint)
      out.push({
        where: `${path}:${i + 1}`,
        name: cli2 ? ".markdownlint-cli2.jsonc" : open[2] === "jsonc" ? ".markdownlint.jsonc" : ".markdownlint.json",
        text,
      });
    i = j;
  }
  return out;
}

describe("the configuration files, validated as VS Code does, offline", () => {
  const e2e = context();
  const base = mkdtempSync(join(e2e.base, "editor-schema-"));
  const extensionDir = extensionFolder(base, e2e.extension);
  const workspaceDir = join(base, "workspace");
  mkdirSync(workspaceDir);
  symlinkSync(join(e2e.vscodeWorkspace, "node_modules"), join(workspaceDir, "node_modules"));
  runOrThrow(process.execPath, [join(workspaceDir, "node_modules", ".bin", "tasklog"), "init"], {
    cwd: workspaceDir,
  });
  const initConfig = readFileSync(join(workspaceDir, ".markdownlint-cli2.jsonc"), "utf8");
  const files = [
    { where: "tasklog init's .markdownlint-cli2.jsonc", name: ".markdownlint-cli2.jsonc", text: initConfig },
    ...configBlocks("README.md"),
    ...configBlocks("docs/hosts.md"),
  ];

  it("finds init's file and the README's configuration examples", () => {
    expect(files.filter((file) => file.where.startsWith("README.md")).length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)("$where ($name): no diagnostic as written; each mistake squiggled where it is", async (file) => {
    const vscode = editor(workspaceDir, extensionDir, true);
    expect(await vscode.validate(file.name, file.text)).toEqual([]);
    const cli2 = file.name === ".markdownlint-cli2.jsonc";
    for (const mistake of MISTAKES) {
      const text = withTl002(file.text, cli2, mistake.value);
      const diagnostics = await vscode.validate(file.name, text);
      expect(
        diagnostics.map((diagnostic) => covered(text, diagnostic)),
        `${file.where} with ${mistake.name}`,
      ).toContain(mistake.covers);
    }
    // markdownlint's own checks of its built-in rules are still there.
    const builtIn = withTl002(file.text, cli2, true).replace('"TL002": true', '"MD013": { "line_length": "80" }');
    expect((await vscode.validate(file.name, builtIn)).map((d) => covered(builtIn, d))).toContain('"80"');
    expect(vscode.refused).toEqual([]);
  });

  it("the extension's association alone misses the pack's mistakes (the workspace settings add them)", async () => {
    const bare = editor(workspaceDir, extensionDir, false);
    const text = withTl002(initConfig, true, { prefx: ["tv"] });
    expect(await bare.validate(".markdownlint-cli2.jsonc", text)).toEqual([]);
    expect(bare.refused).toEqual([]);
  });

  it("refuses what is not local: a $schema URL names a download, which fails offline", async () => {
    const vscode = editor(workspaceDir, extensionDir, true);
    const text = initConfig.replace(
      "{",
      '{\n  "$schema": "https://example.invalid/markdownlint-cli2-config-schema.json",',
    );
    const diagnostics = await vscode.validate(".markdownlint-cli2.jsonc", text);
    expect(vscode.refused).toEqual(["https://example.invalid/markdownlint-cli2-config-schema.json"]);
    expect(diagnostics.length).toBeGreaterThan(0);
  });
});
