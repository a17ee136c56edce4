/**
 * `tasklog init` merging into files that exist (other tools' entries kept byte for byte, idempotent,
 * `--force` only on the pack's entries), the linter's own configuration file (`.markdownlint.json`
 * beside `.markdownlint-cli2.jsonc`), the pre-commit hook appended as text, and `--log` (a starter log
 * that lints clean). Messages are pinned as snapshots.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { starterLog } from "../../src/cli/init.js";
import { parseTree, toValue } from "../../src/cli/jsonc.js";
import { lint } from "markdownlint/sync";
import rules from "../../rules/index.js";
import { sandbox } from "./run.js";

const SETTINGS = [
  "// Team settings: keep this comment.",
  "{",
  '  "editor.rulers": [100], // for the code',
  '  "files.eol": "\\n",',
  '  "editor.codeActionsOnSave": {',
  '    "source.organizeImports": "explicit",',
  "  },",
  "}",
  "",
].join("\n");

const EXTENSIONS = '{\n  // What we use\n  "recommendations": ["esbenp.prettier-vscode"]\n}\n';

const PRE_COMMIT = [
  "# Our hooks",
  "repos:",
  "  - repo: https://github.com/pre-commit/pre-commit-hooks",
  "    rev: v4.6.0",
  "    hooks:",
  "      - id: trailing-whitespace # keep",
  "",
  "default_stages: [pre-commit]",
  "",
].join("\n");

/** Every finding (built-in rules and the pack) with the recommended preset plus `config`, as `RULE:line`. */
function lintAll(content: string, config: Record<string, unknown> = {}): string[] {
  const results = lint({
    strings: { content },
    customRules: rules,
    config: { ...preset, ...config },
  }) as unknown as Record<string, { ruleNames: string[]; lineNumber: number }[]>;
  return (results["content"] ?? []).map((error) => `${error.ruleNames[0]}:${error.lineNumber}`);
}

const json = (text: string): unknown => toValue(parseTree(text) as never);
const preset = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "..", "presets", "recommended.json"), "utf8"),
) as Record<string, unknown>;

describe("tasklog init merges into files that exist", () => {
  it("adds only what is missing to VS Code settings and extensions, keeping every other byte", async () => {
    const box = sandbox({ ".vscode/settings.json": SETTINGS, ".vscode/extensions.json": EXTENSIONS });
    const result = await box.run(["init"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
    const settings = box.read(".vscode/settings.json");
    expect(settings).toMatchSnapshot();
    // The original text is a subsequence: every other key, comment and comma is where it was.
    expect(settings.startsWith(SETTINGS.slice(0, SETTINGS.indexOf('    "source.organizeImports"')))).toBe(true);
    expect(json(settings)).toMatchObject({
      "editor.rulers": [100],
      "files.eol": "\n",
      "editor.codeActionsOnSave": { "source.organizeImports": "explicit", "source.fixAll.markdownlint": "explicit" },
    });
    expect(json(box.read(".vscode/extensions.json"))).toEqual({
      recommendations: ["esbenp.prettier-vscode", "DavidAnson.vscode-markdownlint"],
    });
    expect(box.read(".vscode/extensions.json")).toContain("// What we use");
  });

  it("is idempotent: a second run changes nothing and says so", async () => {
    const box = sandbox({ ".vscode/settings.json": SETTINGS, ".pre-commit-config.yaml": PRE_COMMIT });
    expect((await box.run(["init", "--pre-commit", "--prefix", "ab"])).code).toBe(0);
    const files = [
      ".markdownlint-cli2.jsonc",
      ".vscode/settings.json",
      ".vscode/extensions.json",
      ".vscode/tasklog.code-snippets",
      ".pre-commit-config.yaml",
    ];
    const before = files.map((file) => box.read(file));
    const again = await box.run(["init", "--pre-commit", "--prefix", "ab"]);
    expect(again).toMatchObject({ code: 0, stderr: "" });
    expect(again.stdout).toBe(
      "nothing to do: .markdownlint-cli2.jsonc, .vscode/settings.json, .vscode/extensions.json, .vscode/tasklog.code-snippets and .pre-commit-config.yaml are already set up\n",
    );
    expect(files.map((file) => box.read(file))).toEqual(before);
    // Without --prefix the configured prefix stays, and the snippets keep following it.
    expect((await box.run(["init", "--pre-commit"])).stdout).toMatch(/^nothing to do: /);
  });

  it("appends the pre-commit hook as text: other hooks, comments and keys kept", async () => {
    const box = sandbox({ ".pre-commit-config.yaml": PRE_COMMIT });
    const result = await box.run(["init", "--pre-commit"]);
    expect(result.stdout).toMatch(
      /^updated \.pre-commit-config\.yaml: added the markdownlint-cli2 hook with the pack$/m,
    );
    const text = box.read(".pre-commit-config.yaml");
    const version = (
      JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8")) as {
        version: string;
      }
    ).version;
    expect(text).toBe(
      PRE_COMMIT.replace(
        "# keep\n",
        `# keep\n  - repo: https://github.com/DavidAnson/markdownlint-cli2\n    rev: v0.20.0\n    hooks:\n      - id: markdownlint-cli2\n        additional_dependencies: ["markdownlint-rule-tasklog@${version}"]\n`,
      ),
    );
    // An existing markdownlint-cli2 hook of another configuration is not edited: the message says what to add.
    const other = sandbox({
      ".pre-commit-config.yaml":
        "repos:\n  - repo: https://github.com/DavidAnson/markdownlint-cli2\n    rev: v0.17.0\n    hooks:\n      - id: markdownlint-cli2\n",
    });
    const note = await other.run(["init", "--pre-commit"]);
    expect(note.stderr).toMatchSnapshot();
    expect(other.read(".pre-commit-config.yaml")).toMatch(/v0\.17\.0\n {4}hooks:\n {6}- id: markdownlint-cli2\n$/);
  });

  it("--force replaces only the pack's own entries, never another tool's", async () => {
    const box = sandbox({
      ".vscode/settings.json": SETTINGS.replace(
        '"source.organizeImports": "explicit",',
        '"source.organizeImports": "explicit",\n    "source.fixAll.markdownlint": "never",',
      ),
      ".pre-commit-config.yaml": PRE_COMMIT,
    });
    const kept = await box.run(["init", "--pre-commit"]);
    expect(kept.stdout).toMatchSnapshot();
    expect(json(box.read(".vscode/settings.json"))).toHaveProperty(
      ["editor.codeActionsOnSave", "source.fixAll.markdownlint"],
      "never",
    );
    // A snippet edited by hand differs from the pack's; the version of the hook is old.
    box.write(
      ".vscode/tasklog.code-snippets",
      box.read(".vscode/tasklog.code-snippets").replace("Short title", "Title"),
    );
    box.write(
      ".pre-commit-config.yaml",
      box.read(".pre-commit-config.yaml").replace(/markdownlint-rule-tasklog@[^"]+/, "markdownlint-rule-tasklog@0.0.1"),
    );
    const forced = await box.run(["init", "--pre-commit", "--force"]);
    expect(forced.stdout).toMatchSnapshot();
    const settings = json(box.read(".vscode/settings.json"));
    expect(settings).toMatchObject({
      "editor.rulers": [100],
      "files.eol": "\n",
      "editor.codeActionsOnSave": { "source.organizeImports": "explicit", "source.fixAll.markdownlint": "explicit" },
    });
    expect(box.read(".vscode/settings.json")).toContain("// Team settings: keep this comment.");
    const hooks = box.read(".pre-commit-config.yaml");
    expect(hooks).toContain("- id: trailing-whitespace # keep");
    expect(hooks).toContain("default_stages: [pre-commit]");
    expect(hooks).not.toContain("@0.0.1");
    expect(box.read(".vscode/tasklog.code-snippets")).not.toContain("${3:Title}");
  });

  it("--prefix or --preset on an initialised repository: says what differs and how to apply it; --force applies it", async () => {
    const box = sandbox();
    await box.run(["init"]);
    const prefix = await box.run(["init", "--prefix", "ab"]);
    expect(prefix.code).toBe(0);
    expect(prefix.stdout).toMatchSnapshot();
    expect(json(box.read(".markdownlint-cli2.jsonc"))).toMatchObject({ config: { tasklog: { prefix: ["ab"] } } });
    // A prefix that is set differs: kept, and said.
    const other = await box.run(["init", "--prefix", "cd"]);
    expect(other.stdout).toMatchSnapshot();
    expect(json(box.read(".markdownlint-cli2.jsonc"))).toMatchObject({ config: { tasklog: { prefix: ["ab"] } } });
    const inline = await box.run(["init", "--preset", "inline"]);
    expect(inline.stdout).toMatchSnapshot();
    const forced = await box.run(["init", "--preset", "inline", "--prefix", "cd", "--force"]);
    expect(forced.stdout).toMatchSnapshot();
    const config = json(box.read(".markdownlint-cli2.jsonc")) as { config: Record<string, unknown> };
    expect(config.config).toEqual({ ...preset, tasklog: { prefix: ["cd"] } });
    expect(box.read(".markdownlint-cli2.jsonc")).toContain("// Written by `tasklog init`");
    const snippets = JSON.parse(box.read(".vscode/tasklog.code-snippets")) as Record<string, { body: string[] }>;
    expect(snippets["tasklog: Open task"]?.body[0]).toMatch(/^### Open · \$\{1:cd\}-/);
    // Back to extends: the settings equal to the preset's are removed with the switch.
    const back = await box.run(["init", "--preset", "extends", "--force"]);
    expect(back.stdout).toMatchSnapshot();
    expect((json(box.read(".markdownlint-cli2.jsonc")) as { config: unknown }).config).toEqual({
      tasklog: { prefix: ["cd"] },
      extends: "markdownlint-rule-tasklog/recommended",
    });
  });

  it("an invalid settings file stops the run before anything is written, naming the line", async () => {
    const box = sandbox({ ".vscode/settings.json": '{\n  "a": 1\n  "b": 2\n}\n' });
    const result = await box.run(["init"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatchSnapshot();
    expect(() => box.read(".markdownlint-cli2.jsonc")).toThrow();
  });
});

describe("tasklog init with the linter's .markdownlint.json beside it", () => {
  it("puts the pack's settings into .markdownlint.json (which markdownlint-cli2 applies), warns, and the snippets use its prefix", async () => {
    const markdownlint = '{\n  // Ours\n  "MD013": false,\n  "tasklog": { "prefix": ["ab"] }\n}\n';
    const box = sandbox({ ".markdownlint.json": markdownlint });
    const result = await box.run(["init"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
    expect(result.stderr).toMatchSnapshot();
    expect(json(box.read(".markdownlint-cli2.jsonc"))).toEqual({
      customRules: ["markdownlint-rule-tasklog"],
      ignores: ["node_modules/**"],
    });
    expect(json(box.read(".markdownlint.json"))).toEqual({
      MD013: false,
      tasklog: { prefix: ["ab"] },
      extends: "markdownlint-rule-tasklog/recommended",
    });
    expect(
      box.read(".markdownlint.json").startsWith('{\n  // Ours\n  "MD013": false,\n  "tasklog": { "prefix": ["ab"] }'),
    ).toBe(true);
    const snippets = JSON.parse(box.read(".vscode/tasklog.code-snippets")) as Record<string, { body: string[] }>;
    expect(snippets["tasklog: Open task"]?.body[0]).toMatch(/^### Open · \$\{1:ab\}-/);
    expect((await box.run(["init"])).stdout).toMatch(/^nothing to do: /m);
  });

  it("an existing .markdownlint-cli2.jsonc whose config cli2 ignores: the pack added to customRules, a warning", async () => {
    const box = sandbox({
      ".markdownlint.jsonc": '{ "default": true }\n',
      ".markdownlint-cli2.jsonc": '{\n  "config": { "MD001": false },\n  "globs": ["docs/**/*.md"],\n}\n',
    });
    const result = await box.run(["init", "--prefix", "ab"]);
    expect(result.stdout).toMatchSnapshot();
    expect(result.stderr).toMatchSnapshot();
    expect(json(box.read(".markdownlint-cli2.jsonc"))).toEqual({
      config: { MD001: false },
      globs: ["docs/**/*.md"],
      customRules: ["markdownlint-rule-tasklog"],
    });
    expect(json(box.read(".markdownlint.jsonc"))).toEqual({
      default: true,
      extends: "markdownlint-rule-tasklog/recommended",
      tasklog: { prefix: ["ab"] },
    });
  });

  it("a YAML .markdownlint.yaml is not edited: the message says what to add", async () => {
    const box = sandbox({ ".markdownlint.yaml": "MD013: false\n" });
    const result = await box.run(["init", "--prefix", "ab"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatchSnapshot();
    expect(box.read(".markdownlint.yaml")).toBe("MD013: false\n");
  });
});

describe("tasklog init --log", () => {
  it("writes a starter log from the configured statuses, stamped today, that lints clean with the pack", async () => {
    const box = sandbox();
    const result = await box.run(["init", "--log", "tv-tasks.md"], { today: "2025-10-20" });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote tv-tasks\.md \(a task log with Open and Deferred sections\)$/m);
    const log = box.read("tv-tasks.md");
    expect(log).toMatchSnapshot();
    expect(log).toMatch(/^## Open tasks \(updated 2025-10-20\)$/m);
    expect(log).toMatch(/^## Deferred tasks \(updated 2025-10-20\)$/m);
    expect(lintAll(log)).toEqual([]);
    // Refuses a log that exists (and is not empty), writing nothing at all.
    const again = sandbox({ "tv-tasks.md": "# Mine\n" });
    const refused = await again.run(["init", "--log", "tv-tasks.md"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatchSnapshot();
    expect(again.read("tv-tasks.md")).toBe("# Mine\n");
    expect(() => again.read(".markdownlint-cli2.jsonc")).toThrow();
    // An empty file is filled.
    const empty = sandbox({ "tasks.md": "" });
    expect((await empty.run(["init", "--log", "tasks.md"])).code).toBe(0);
    expect(empty.read("tasks.md")).toMatch(/^# tasks\n/);
  });

  it("follows the configured statuses and prefix; every status's log lints clean", async () => {
    const statuses = { Doing: ["Summary", "Priority"], Done: ["Summary", "PR"] };
    const box = sandbox({
      ".markdownlint-cli2.jsonc": JSON.stringify({ config: { tasklog: { statuses, prefix: ["ab"] } } }),
    });
    box.write("notes/.keep", "");
    const result = await box.run(["init", "--log", "notes/ab-tasks.md"]);
    expect(result.stdout).toMatch(/a task log with Doing and Done sections/);
    const log = box.read("notes/ab-tasks.md");
    expect(log).toContain("`ab-YYYY-MM-DD:PR###`");
    expect(log).toContain("### Doing · ab-YYYY-MM-DD:PR### · <Short title>");
    expect(lintAll(log, { tasklog: { statuses, prefix: ["ab"] } })).toEqual([]);
    expect(starterLog("t", statuses, "ab", "2025-10-20")).toBe(log.replace("# ab-tasks", "# t"));
  });
});

describe("tasklog new on a log that does not exist yet", () => {
  it("a missing file or an empty one: says so and offers tasklog init --log", async () => {
    const box = sandbox({ "empty.md": "\n" });
    const missing = await box.run(["new", "--status", "Open", "--title", "First", "tv-tasks.md"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatchSnapshot();
    const empty = await box.run(["new", "--status", "Open", "--title", "First", "empty.md"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatchSnapshot();
    expect(box.read("empty.md")).toBe("\n");
    // Following the advice works.
    expect((await box.run(["init", "--log", "tv-tasks.md"])).code).toBe(0);
    const added = await box.run(["new", "--status", "Open", "--title", "First", "--pr", "3", "tv-tasks.md"]);
    expect(added.code).toBe(0);
    expect(box.read("tv-tasks.md")).toMatch(/^### Open · tv-2025-10-20:PR3 · First$/m);
  });
});
