/**
 * The configuration oracle: for a layout of configuration files, what real markdownlint-cli2 hands
 * each rule of the pack (recorded by test-only rules with the pack's names and tags, added through
 * cli2's `optionsOverride`, which leaves `config` alone) must be what `tasklog` resolves for the
 * same log (src/cli/config.ts: which rules run, and each one's options object). Fixed layouts for
 * each precedence rule, then fast-check over generated layouts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import rules from "../../rules/index.js";
import { loadConfig, resolveCli2Config, ruleSettings } from "../../src/cli/config.js";

type Files = Record<string, string>;

/** markdownlint-cli2's API (its package ships JavaScript with JSDoc types only: the part used here). */
interface Cli2Parameters {
  directory: string;
  argv: string[];
  optionsOverride: unknown;
  logMessage: (message: string) => void;
  logError: (message: string) => void;
}
const cli2Module = "markdownlint-cli2";
const { main: cli2 } = (await import(cli2Module)) as { main: (parameters: Cli2Parameters) => Promise<number> };

const scratch = mkdtempSync(join(tmpdir(), "tasklog-oracle-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let layouts = 0;

/** Write `files` under a new folder `outer/`; the base folder (cli2's directory) is `outer/project`. */
function layout(files: Files): { outer: string; base: string } {
  const outer = join(scratch, String(layouts++));
  for (const [name, text] of Object.entries(files)) {
    const file = join(outer, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { outer, base: join(outer, "project") };
}

/** What markdownlint-cli2 gives each rule of the pack for `log` (relative to the base folder). */
async function oracle(base: string, log: string, explicit?: string): Promise<Record<string, unknown>> {
  const seen: Record<string, unknown> = {};
  const recorders = rules.map((rule) => ({
    names: [...rule.names],
    tags: [...(rule.tags ?? [])],
    description: "records the configuration it is given",
    parser: "none" as const,
    function(params: { config: unknown }): void {
      seen[rule.names[0] as string] = params.config;
    },
  }));
  const errors: string[] = [];
  await cli2({
    directory: base,
    argv: [...(explicit === undefined ? [] : ["--config", explicit]), `:${log}`],
    optionsOverride: { customRules: recorders, outputFormatters: [] },
    logMessage: () => undefined,
    logError: (message: string) => errors.push(message),
  });
  return seen;
}

/** What `tasklog` resolves: the enabled rules and each one's options object. */
async function ours(base: string, log: string, explicit?: string): Promise<Record<string, unknown>> {
  const { config } = await resolveCli2Config(join(base, log), base, explicit);
  const settings = ruleSettings(config);
  return Object.fromEntries(
    Object.entries(settings)
      .filter(([, setting]) => setting.enabled)
      .map(([id, setting]) => [id, setting.value]),
  );
}

async function agree(files: Files, log: string, explicit?: string): Promise<Record<string, unknown>> {
  const { base } = layout({ [`project/${log}`]: "# A log\n", ...files });
  const expected = await oracle(base, log, explicit);
  expect(await ours(base, log, explicit)).toEqual(expected);
  return expected;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

describe("the configuration tasklog reads is the one markdownlint-cli2 applies", () => {
  it("in one folder, .markdownlint.json's config wins over .markdownlint-cli2.jsonc's", async () => {
    const seen = await agree(
      {
        "project/.markdownlint-cli2.jsonc": json({ config: { tasklog: { prefix: ["tv"] } } }),
        "project/.markdownlint.json": json({ tasklog: { prefix: ["ab"] } }),
      },
      "tv-tasks.md",
    );
    expect(seen["TL002"]).toEqual({ prefix: ["ab"] });
  });

  it("a nearer options file's config wins over a farther .markdownlint.json, and merges with the base folder's", async () => {
    const seen = await agree(
      {
        "project/.markdownlint.json": json({ TL002: { prefix: ["ab"] } }),
        "project/.markdownlint-cli2.jsonc": json({ config: { TL006: { types: ["feat"] } } }),
        "project/docs/.markdownlint-cli2.jsonc": json({ config: { TL002: { prefix: ["cd"] } } }),
      },
      "docs/tv-tasks.md",
    );
    expect(seen["TL002"]).toEqual({ prefix: ["cd"] });
    expect(seen["TL006"]).toEqual({ types: ["feat"] });
  });

  it("a configuration above the base folder is not read; one beside the log in a subfolder is", async () => {
    const seen = await agree(
      {
        ".markdownlint.json": json({ tasklog: { prefix: ["zz"] } }),
        ".markdownlint-cli2.jsonc": json({ config: { default: false } }),
        "project/a/b/.markdownlint.yaml": "tasklog:\n  prefix:\n    - yz\n",
      },
      "a/b/c/tv-tasks.md",
    );
    expect(seen["TL002"]).toEqual({ prefix: ["yz"] });
  });

  it("extends chains, relative and as a package from node_modules; YAML anchors; tags and names in order", async () => {
    await agree(
      {
        "project/node_modules/shared-config/tasklog.json": json({
          "tasklog-identifier": { prefix: ["pk"] },
          TL004: false,
        }),
        "project/base.yaml":
          "extends: shared-config/tasklog.json\nanchors: &types [feat, fix]\nTL006:\n  types: *types\n",
        "project/.markdownlint-cli2.yaml": "config:\n  extends: ./base.yaml\n  task-id:\n    severity: warning\n",
      },
      "tv-tasks.md",
    );
  });

  it("--config is the base options, under the base folder's own file; overrides apply to the files they match", async () => {
    await agree(
      {
        "project/ci/lint.markdownlint-cli2.jsonc": json({ config: { tasklog: { prefix: ["ci"] }, TL008: false } }),
        "project/.markdownlint-cli2.jsonc": json({
          config: { TL006: { types: ["feat"] } },
          overrides: [{ filter: ["logs/**/*.md"], combine: "merge", config: { TL002: { prefix: ["ov"] } } }],
        }),
      },
      "logs/2026/tv-tasks.md",
      "ci/lint.markdownlint-cli2.jsonc",
    );
    await agree({ "project/other.json": json({ default: false, TL001: true }) }, "tv-tasks.md", "other.json");
  });

  it("a JavaScript configuration is never run: a note, and the rest read as cli2 reads it when the file sets nothing", async () => {
    const { base } = layout({
      "project/tv-tasks.md": "# A log\n",
      "project/.markdownlint.json": json({ tasklog: { prefix: ["ab"] } }),
      "project/docs/.markdownlint-cli2.cjs": "throw new Error('never run');\n",
      "project/docs/tv-tasks.md": "# A log\n",
    });
    const loaded = await loadConfig(join(base, "docs", "tv-tasks.md"), undefined, base);
    expect(loaded.options).toEqual({ prefix: ["ab"] });
    expect(loaded.notes.join("\n")).toMatch(
      /\.markdownlint-cli2\.cjs: a JavaScript configuration is never run by tasklog/,
    );
  });

  it("generated layouts (fast-check)", async () => {
    const ruleValue = fc.oneof(
      fc.constant(true),
      fc.constant(false),
      fc.constant("warning"),
      fc.record(
        {
          prefix: fc.constantFrom(["ab"], ["cd"], "ef"),
          types: fc.constantFrom(["feat"], ["fix", "docs"]),
          enabled: fc.boolean(),
          severity: fc.constantFrom("warning", "error"),
        },
        { requiredKeys: [] },
      ),
    );
    const keys = fc.constantFrom(
      "tasklog",
      "TL002",
      "task-id",
      "tasklog-identifier",
      "TL006",
      "tasklog-git",
      "default",
      "TL003",
    );
    const config = fc.dictionary(keys, ruleValue, { maxKeys: 3 });
    const folder = fc.record({
      options: fc.constantFrom("none", "jsonc", "yaml", "jsonc-without-config", "jsonc-overrides"),
      markdownlint: fc.constantFrom("none", "none", "jsonc", "json", "yaml", "yml", "json-extends"),
      config,
      other: config,
    });
    const layoutArbitrary = fc.record({
      outer: folder,
      folders: fc.tuple(folder, folder, folder),
      log: fc.constantFrom("tv-tasks.md", "a/tv-tasks.md", "a/b/tv-tasks.md", "a/b/c/tv-tasks.md"),
      explicit: fc.option(
        fc.record({
          name: fc.constantFrom("ci/x.markdownlint-cli2.jsonc", "ci/.markdownlint.json", "ci/lint.yaml"),
          config,
        }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(layoutArbitrary, async ({ outer, folders, log, explicit }) => {
        const files: Files = {};
        const place = (prefix: string, spec: typeof outer): void => {
          const at = (name: string): string => `${prefix}${name}`;
          if (spec.options === "jsonc") files[at(".markdownlint-cli2.jsonc")] = json({ config: spec.config });
          if (spec.options === "yaml") files[at(".markdownlint-cli2.yaml")] = json({ config: spec.config });
          if (spec.options === "jsonc-without-config")
            files[at(".markdownlint-cli2.jsonc")] = json({ noProgress: true });
          if (spec.options === "jsonc-overrides") {
            files[at(".markdownlint-cli2.jsonc")] = json({
              config: spec.config,
              overrides: [{ filter: ["**/tv-tasks.md"], combine: "replace", config: spec.other }],
            });
          }
          if (spec.markdownlint === "jsonc") files[at(".markdownlint.jsonc")] = `// comment\n${json(spec.other)}`;
          if (spec.markdownlint === "json") files[at(".markdownlint.json")] = json(spec.other);
          if (spec.markdownlint === "yaml") files[at(".markdownlint.yaml")] = json(spec.other);
          if (spec.markdownlint === "yml") files[at(".markdownlint.yml")] = json(spec.other);
          if (spec.markdownlint === "json-extends") {
            files[at("base.json")] = json(spec.config);
            files[at(".markdownlint.json")] = json({ extends: "./base.json", ...spec.other });
          }
        };
        place("", outer);
        place("project/", folders[0]);
        place("project/a/", folders[1]);
        place("project/a/b/", folders[2]);
        if (explicit !== null) {
          files[`project/${explicit.name}`] = json(
            explicit.name.includes("cli2")
              ? { config: { extends: "../base.json", ...explicit.config } }
              : explicit.config,
          );
          files["project/base.json"] = json(folders[0].other);
        }
        await agree(files, log, explicit?.name);
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });
});
