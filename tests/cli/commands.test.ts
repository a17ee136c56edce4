/**
 * Each `tasklog` command, in process: what it writes, what it prints, what it refuses (exit code 2,
 * the file left byte for byte as it was).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { HELP } from "../../src/cli/main.js";
import { parseJsonc } from "../../src/cli/config.js";
import { entries, lintPack } from "../harness.js";
import { sandbox } from "./run.js";

const CLEAN = readFileSync(join(import.meta.dirname, "..", "e2e", "fixtures", "tv-tasks.clean.md"), "utf8");
const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "..", "docs", "cli", "export.schema.json"), "utf8"),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const LOG_WITH_PLACEHOLDERS = `# tv-tasks

## Open tasks (updated 2025-10-05)

### Open · tv-2025-10-05:PR?? · Accelerate test execution

- **Summary**: Profile the test suites.
- **Dependencies**: None.
- **PR**: Title \`ci: accelerate tests\`; <https://github.com/acme/app/pull/###>.

### Open · tv-2025-10-04:PR?? · Accelerate test execution

- **Summary**: A second task with the same title.
- **Dependencies**: After \`tv-2025-10-05:PR??\`.

## Deferred tasks (updated 2025-10-03)

### Deferred · tv-2025-10-03:PR35 · Stabilize coverage badge workflow

- **Summary**: Badge generation differs.
- **Dependencies**: The task \`tv-2025-10-05:PR??\` first.
- **PR status**: <https://github.com/acme/app/pull/35> (keep in Draft).
`;

describe("tasklog --help", () => {
  for (const command of ["init", "new", "set-pr", "list", "export"]) {
    it(`tasklog ${command} --help prints the command's usage, exit code 0`, async () => {
      const result = await sandbox().run([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${HELP[command]}\n`);
      expect(result.stdout).toMatch(new RegExp(`^Usage: tasklog ${command}`));
    });
  }
  it("no command: the overview on standard error, exit code 2; an unknown command: exit code 2", async () => {
    const box = sandbox();
    expect(await box.run([])).toMatchObject({ code: 2, stdout: "" });
    const unknown = await box.run(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    expect((await box.run(["--help"])).stdout).toMatch(/^Usage: tasklog <command>/);
  });
  it("an unknown option is exit code 2 naming it", async () => {
    const result = await sandbox({ "tv-tasks.md": CLEAN }).run(["list", "--colour", "tv-tasks.md"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--colour/);
  });
});

describe("tasklog init", () => {
  it("writes the configuration, VS Code settings, extensions and snippets, and says so", async () => {
    const box = sandbox();
    const result = await box.run(["init"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter((line) => line.startsWith("wrote "))).toEqual([
      "wrote .markdownlint-cli2.jsonc",
      "wrote .vscode/settings.json",
      "wrote .vscode/extensions.json",
      "wrote .vscode/tasklog.code-snippets",
    ]);
    const config = parseJsonc(box.read(".markdownlint-cli2.jsonc"), "x") as Record<string, unknown>;
    expect(config).toEqual({
      customRules: ["markdownlint-rule-tasklog"],
      config: { extends: "markdownlint-rule-tasklog/recommended" },
      ignores: ["node_modules/**"],
    });
    expect(JSON.parse(box.read(".vscode/settings.json"))).toEqual({
      "editor.codeActionsOnSave": { "source.fixAll.markdownlint": "explicit" },
      // The pack's schemas beside the extension's own (tests/editor-schema.test.ts validates with them).
      "json.schemas": [
        {
          fileMatch: [".markdownlint-cli2.jsonc"],
          url: "./node_modules/markdownlint-rule-tasklog/schema/markdownlint-cli2-config.schema.json",
        },
        {
          fileMatch: [".markdownlint.json", ".markdownlint.jsonc"],
          url: "./node_modules/markdownlint-rule-tasklog/schema/markdownlint-config.schema.json",
        },
      ],
    });
    expect(JSON.parse(box.read(".vscode/extensions.json"))).toEqual({
      recommendations: ["DavidAnson.vscode-markdownlint"],
    });
    const snippets = JSON.parse(box.read(".vscode/tasklog.code-snippets")) as Record<
      string,
      { prefix: string[]; body: string[]; scope: string }
    >;
    expect(Object.keys(snippets)).toEqual(["tasklog: Open task", "tasklog: Deferred task"]);
    const open = snippets["tasklog: Open task"];
    expect(open?.scope).toBe("markdown");
    expect(open?.body[0]).toBe(
      "### Open · ${1:tv}-${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}:PR${2:??} · ${3:Short title}",
    );
    expect(open?.body.filter((line) => line.startsWith("- **")).map((line) => /\*\*(.+?)\*\*/.exec(line)?.[1])).toEqual(
      ["Summary", "Priority", "Size", "Meta?", "Dependencies", "Next steps", "Validation", "Git plan", "PR"],
    );
    expect(result.stdout).not.toMatch(/pre-commit/);
  });

  it("adds to a file that exists only what is missing; a second run changes nothing and says so", async () => {
    const box = sandbox({ ".vscode/settings.json": '{ "mine": true }\n' });
    const first = await box.run(["init"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^updated \.vscode\/settings\.json: added "editor\.codeActionsOnSave"/m);
    const settings = parseJsonc(box.read(".vscode/settings.json"), "x") as Record<string, unknown>;
    expect(settings).toHaveProperty(["mine"], true);
    expect(settings).toHaveProperty(["editor.codeActionsOnSave"]);
    const again = await box.run(["init"]);
    expect(again.stdout).toMatch(/^nothing to do: /);
  });

  it("--preset inline writes the preset's settings out; --prefix sets the pack's prefix; --pre-commit the hook entry", async () => {
    const box = sandbox();
    const result = await box.run(["init", "--preset", "inline", "--prefix", "ab", "--pre-commit"]);
    expect(result.code).toBe(0);
    const preset = JSON.parse(
      readFileSync(join(import.meta.dirname, "..", "..", "presets", "recommended.json"), "utf8"),
    ) as Record<string, unknown>;
    const config = parseJsonc(box.read(".markdownlint-cli2.jsonc"), "x") as { config: Record<string, unknown> };
    expect(config.config).toEqual({ ...preset, tasklog: { prefix: ["ab"] } });
    expect(box.read(".pre-commit-config.yaml")).toMatch(
      /- id: markdownlint-cli2\n {8}additional_dependencies: \["markdownlint-rule-tasklog@\d+\.\d+\.\d+"\]\n/,
    );
    expect(result.stdout).toMatch(/^wrote \.pre-commit-config\.yaml$/m);
    const snippets = JSON.parse(box.read(".vscode/tasklog.code-snippets")) as Record<string, { body: string[] }>;
    expect(snippets["tasklog: Open task"]?.body[0]).toMatch(/^### Open · \$\{1:ab\}-/);
  });

  it("snippets follow the statuses of a configuration it keeps", async () => {
    const box = sandbox({
      ".markdownlint-cli2.jsonc": JSON.stringify({
        config: { tasklog: { statuses: { Doing: ["Summary", "Owner"] } } },
      }),
    });
    const result = await box.run(["init"]);
    expect(result.stdout).toMatch(/^updated \.markdownlint-cli2\.jsonc: added "customRules"/m);
    const snippets = JSON.parse(box.read(".vscode/tasklog.code-snippets")) as Record<string, { body: string[] }>;
    expect(Object.keys(snippets)).toEqual(["tasklog: Doing task"]);
    expect(snippets["tasklog: Doing task"]?.body.slice(2)).toEqual(["- **Summary**: ${4}", "- **Owner**: ${5}"]);
  });

  it("refuses a bad --preset or --prefix with exit code 2 and writes nothing", async () => {
    const box = sandbox();
    expect((await box.run(["init", "--preset", "both"])).code).toBe(2);
    const bad = await box.run(["init", "--prefix", "A1"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/prefix/);
    expect((await box.run(["list", "--help"])).code).toBe(0);
    expect(() => box.read(".markdownlint-cli2.jsonc")).toThrow();
  });
});

describe("tasklog new", () => {
  it("adds the task at the top of its section, moves the stamp forward, lists what to fill in", async () => {
    const box = sandbox({ "tv-tasks.md": CLEAN });
    const result = await box.run([
      "new",
      "--status",
      "Open",
      "--title",
      "Add the tasklog command",
      "--pr",
      "52",
      "--date",
      "2025-10-12",
      "--priority",
      "p1",
      "--size",
      "M",
      "tv-tasks.md",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        "tv-tasks.md:8: added ### Open · tv-2025-10-12:PR52 · Add the tasklog command",
        "tv-tasks.md:6: section stamp 2025-10-05 -> 2025-10-12",
        "left for you to fill in: Summary (line 10), Meta? (line 13), Dependencies (line 14), Next steps (line 15), Validation (line 16), Git plan (line 17), PR (line 21)",
        "",
      ].join("\n"),
    );
    const after = box.read("tv-tasks.md");
    const lines = after.split("\n");
    expect(lines[5]).toBe("## Open tasks (updated 2025-10-12)");
    expect(lines.slice(7, 23)).toEqual([
      "### Open · tv-2025-10-12:PR52 · Add the tasklog command",
      "",
      "- **Summary**:",
      "- **Priority**: P1",
      "- **Size**: M",
      "- **Meta?**:",
      "- **Dependencies**:",
      "- **Next steps**:",
      "- **Validation**:",
      "- **Git plan**:",
      "  - Branch: `<type>/<scope>-<desc>`",
      "  - Commits:",
      "    - `<type>(<scope>): <subject>`",
      "- **PR**: Title `<type>: <subject>`; <https://github.com/acme/ml-playground/pull/52>.",
      "",
      "### Open · tv-2025-10-03:PR41 · Establish regression test suite",
    ]);
    // Everything else is as it was.
    expect([...lines.slice(0, 5), ...lines.slice(6, 7), ...lines.slice(22)].join("\n")).toBe(
      [...CLEAN.split("\n").slice(0, 5), ...CLEAN.split("\n").slice(6, 7), ...CLEAN.split("\n").slice(7)].join("\n"),
    );
    // The linter reports only the fields left to fill in.
    expect(entries(lintPack(after))).toEqual([
      "TL004:10",
      "TL004:13",
      "TL004:14",
      "TL004:15",
      "TL004:16",
      "TL005:18",
      "TL006:20",
      "TL006:21",
    ]);
  });

  it("without --pr: a placeholder, and it says so; an older date leaves the stamp; today is the default date", async () => {
    const box = sandbox({ "tv-tasks.md": CLEAN });
    const result = await box.run([
      "new",
      "--status",
      "deferred",
      "--title",
      "Expand the CI matrix",
      "--date",
      "2025-10-01",
      "tv-tasks.md",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^tv-tasks\.md:45: added ### Deferred · tv-2025-10-01:PR\?\? · Expand the CI matrix$/m,
    );
    expect(result.stdout).toMatch(
      /no --pr given: the identifier has the placeholder PR\?\? \(TL002 reports it\); once the PR exists: tasklog set-pr --line 45 <number> tv-tasks\.md/,
    );
    expect(result.stdout).not.toMatch(/section stamp/);
    expect(box.read("tv-tasks.md")).toMatch(/^## Deferred tasks \(updated 2025-10-03\)$/m);
    expect(box.read("tv-tasks.md")).toMatch(
      /^- \*\*PR status\*\*: <https:\/\/github\.com\/acme\/ml-playground\/pull\/###> \(in Draft\)\.$/m,
    );
    const today = await box.run(["new", "--status", "Open", "--title", "Today's task", "tv-tasks.md"], {
      today: "2025-11-02",
    });
    expect(today.stdout).toMatch(/added ### Open · tv-2025-11-02:PR\?\? · Today's task/);
    expect(today.stdout).toMatch(/section stamp 2025-10-05 -> 2025-11-02/);
  });

  it("keeps CRLF line endings and a byte order mark", async () => {
    const crlf = `\uFEFF${CLEAN.replace(/\n/g, "\r\n")}`;
    const box = sandbox({ "tv-tasks.md": crlf });
    const result = await box.run([
      "new",
      "--status",
      "Open",
      "--title",
      "Keep endings",
      "--pr",
      "60",
      "--date",
      "2025-10-06",
      "tv-tasks.md",
    ]);
    expect(result.code).toBe(0);
    const after = box.read("tv-tasks.md");
    expect(after.startsWith("\uFEFF# tv-tasks\r\n")).toBe(true);
    expect(after.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lf = sandbox({ "tv-tasks.md": CLEAN });
    await lf.run([
      "new",
      "--status",
      "Open",
      "--title",
      "Keep endings",
      "--pr",
      "60",
      "--date",
      "2025-10-06",
      "tv-tasks.md",
    ]);
    expect(after).toBe(`\uFEFF${lf.read("tv-tasks.md").replace(/\n/g, "\r\n")}`);
  });

  it("a section without tasks gets the task after its text", async () => {
    const log =
      "# Log\n\n## Open tasks (updated 2025-10-01)\n\nIntro text.\n\n## Deferred tasks (updated 2025-10-01)\n\n### Deferred · tv-2025-10-01:PR3 · Wait\n\n- **Summary**: Wait.\n";
    const box = sandbox({ "log.md": log });
    const result = await box.run([
      "new",
      "--status",
      "Open",
      "--title",
      "First",
      "--pr",
      "4",
      "--date",
      "2025-10-01",
      "log.md",
    ]);
    expect(result.stdout).toMatch(/^log\.md:7: added/);
    const lines = box.read("log.md").split("\n");
    expect(lines.slice(4, 8)).toEqual(["Intro text.", "", "### Open · tv-2025-10-01:PR4 · First", ""]);
    expect(lines[lines.indexOf("## Deferred tasks (updated 2025-10-01)") - 1]).toBe("");
  });

  it("refuses, exit code 2 and the file unchanged: an existing identifier, an unknown status, a bad date, a missing section, a title with a period", async () => {
    const box = sandbox({ "tv-tasks.md": CLEAN, "notes.md": "# Notes\n\n## Meeting\n\nText.\n" });
    const cases: [string[], RegExp][] = [
      [
        ["--status", "Open", "--title", "Again", "--pr", "41", "--date", "2025-10-03"],
        /^tasklog: tv-tasks\.md:8: the identifier tv-2025-10-03:PR41 already exists \(the task on line 8\); nothing was changed$/m,
      ],
      [["--status", "Blocked", "--title", "X"], /unknown status "Blocked"; the configuration defines Open, Deferred/],
      [["--status", "Open", "--title", "X", "--date", "2025-02-30"], /--date expects a real calendar date/],
      [["--status", "Open", "--title", "X."], /trailing period/],
      [["--status", "Open", "--title", "X", "--pr", "PR0x"], /--pr expects a PR number/],
      [["--status", "Open", "--title", "X", "--size", "XL"], /--size expects one of XS, S, M, L/],
      [["--status", "Open"], /--title is required/],
    ];
    for (const [args, message] of cases) {
      const result = await box.run(["new", ...args, "tv-tasks.md"]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(box.read("tv-tasks.md")).toBe(CLEAN);
    }
    const notLog = await box.run(["new", "--status", "Open", "--title", "X", "notes.md"]);
    expect(notLog.code).toBe(2);
    expect(notLog.stderr).toMatch(/^tasklog: notes\.md: not a task log/);
    expect(box.read("notes.md")).toBe("# Notes\n\n## Meeting\n\nText.\n");
    const missing = await box.run(["new", "--status", "Open", "--title", "X", "missing.md"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^tasklog: missing\.md: no such file; start a task log with: tasklog init --log missing\.md/,
    );
    const noSection = sandbox({
      "log.md": "# Log\n\n## Open tasks (updated 2025-10-01)\n\n### Open · tv-2025-10-01:PR1 · One\n",
    });
    const result = await noSection.run(["new", "--status", "Deferred", "--title", "X", "log.md"]);
    expect(result.stderr).toMatch(/no "Deferred tasks" section/);
  });

  it("uses the statuses, fields and prefix of the project's markdownlint configuration", async () => {
    const config = `// the project's configuration
{
  "customRules": ["markdownlint-rule-tasklog"],
  "config": {
    "tasklog": {
      "prefix": ["ab", "tv"],
      "statuses": { "Doing": ["Summary", "Owner", "Priority"], },
    },
  },
}
`;
    const log =
      "# Log\n\n## Doing tasks (updated 2025-10-01)\n\n### Doing · ab-2025-10-01:PR1 · First\n\n- **Summary**: One.\n- **Owner**: Me.\n- **Priority**: P1\n";
    const box = sandbox({ ".markdownlint-cli2.jsonc": config, "docs/log.md": log });
    const result = await box.run([
      "new",
      "--status",
      "doing",
      "--title",
      "Second",
      "--pr",
      "2",
      "--date",
      "2025-10-02",
      "docs/log.md",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/added ### Doing · ab-2025-10-02:PR2 · Second/);
    expect(result.stdout).toMatch(
      /left for you to fill in: Summary \(line 7\), Owner \(line 8\), Priority \(line 9\)$/m,
    );
    expect(box.read("docs/log.md").split("\n").slice(4, 11)).toEqual([
      "### Doing · ab-2025-10-02:PR2 · Second",
      "",
      "- **Summary**:",
      "- **Owner**:",
      "- **Priority**:",
      "",
      "### Doing · ab-2025-10-01:PR1 · First",
    ]);
    const other = await box.run([
      "new",
      "--status",
      "Doing",
      "--title",
      "Third",
      "--prefix",
      "tv",
      "--date",
      "2025-10-02",
      "docs/log.md",
    ]);
    expect(other.stdout).toMatch(/tv-2025-10-02:PR\?\?/);
    expect((await box.run(["new", "--status", "Doing", "--title", "X", "--prefix", "zz", "docs/log.md"])).code).toBe(2);
  });

  it("a bad configuration is exit code 2 naming the configuration file and line", async () => {
    const config = `{\n  "config": {\n    "TL002": {\n      "prefix": "Tv1"\n    }\n  }\n}\n`;
    const box = sandbox({ ".markdownlint-cli2.jsonc": config, "tv-tasks.md": CLEAN });
    const result = await box.run(["new", "--status", "Open", "--title", "X", "tv-tasks.md"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^tasklog: .*\.markdownlint-cli2\.jsonc:4: bad configuration: TL002\/task-id: Option "prefix" expects lowercase letters only/,
    );
    expect(box.read("tv-tasks.md")).toBe(CLEAN);
    box.write(".markdownlint-cli2.jsonc", '{\n  "config": {\n    "TL002": {\n  }\n');
    const broken = await box.run(["list", "tv-tasks.md"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/\.markdownlint-cli2\.jsonc(:\d+)?: invalid JSON in the configuration/);
  });
});

describe("tasklog set-pr", () => {
  it("--line: the identifier, the task's own PR link placeholder, and mentions of a unique placeholder identifier", async () => {
    const box = sandbox({ "tv-tasks.md": LOG_WITH_PLACEHOLDERS });
    const result = await box.run(["set-pr", "--line", "7", "52", "tv-tasks.md"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "tv-tasks.md:5: identifier: tv-2025-10-05:PR?? -> tv-2025-10-05:PR52",
        "tv-tasks.md:9: PR link in PR: ### -> 52",
        "tv-tasks.md:14: mention in Dependencies: tv-2025-10-05:PR?? -> tv-2025-10-05:PR52",
        "tv-tasks.md:21: mention in Dependencies: tv-2025-10-05:PR?? -> tv-2025-10-05:PR52",
        "",
      ].join("\n"),
    );
    expect(box.read("tv-tasks.md")).toBe(
      LOG_WITH_PLACEHOLDERS.replace(/tv-2025-10-05:PR\?\?/g, "tv-2025-10-05:PR52").replace("pull/###", "pull/52"),
    );
  });

  it("mentions of a placeholder identifier several tasks share are left, and it says so", async () => {
    const log = LOG_WITH_PLACEHOLDERS.replace("tv-2025-10-04:PR??", "tv-2025-10-05:PR??");
    const box = sandbox({ "tv-tasks.md": log });
    const result = await box.run(["set-pr", "--line", "11", "53", "tv-tasks.md"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("tv-tasks.md:11: identifier: tv-2025-10-05:PR?? -> tv-2025-10-05:PR53\n");
    expect(result.stderr).toMatch(
      /2 mentions of tv-2025-10-05:PR\?\? left as they are \(lines 14, 21\): 2 tasks have that placeholder identifier/,
    );
    expect(box.read("tv-tasks.md")).toBe(
      log.replace(
        "### Open · tv-2025-10-05:PR?? · Accelerate test execution\n\n- **Summary**: A second",
        "### Open · tv-2025-10-05:PR53 · Accelerate test execution\n\n- **Summary**: A second",
      ),
    );
  });

  it("--title picks the task by title; a title several tasks have is refused", async () => {
    const box = sandbox({ "tv-tasks.md": LOG_WITH_PLACEHOLDERS });
    const shared = await box.run(["set-pr", "--title", "Accelerate test execution", "52", "tv-tasks.md"]);
    expect(shared.code).toBe(2);
    expect(shared.stderr).toMatch(
      /2 tasks have the title "Accelerate test execution" \(lines 5, 11\); choose one with --line/,
    );
    const log = LOG_WITH_PLACEHOLDERS.replace(
      "PR?? · Accelerate test execution\n\n- **Summary**: A second",
      "PR?? · Another title\n\n- **Summary**: A second",
    );
    box.write("tv-tasks.md", log);
    const result = await box.run(["set-pr", "--title", "another title", "54", "tv-tasks.md"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("tv-tasks.md:11: identifier: tv-2025-10-04:PR?? -> tv-2025-10-04:PR54\n");
  });

  it("refuses, exit code 2 and the file unchanged: an existing identifier, a task with a number, no task, bad numbers", async () => {
    const log = LOG_WITH_PLACEHOLDERS.replace("tv-2025-10-03:PR35", "tv-2025-10-05:PR35");
    const box = sandbox({ "tv-tasks.md": log });
    const cases: [string[], RegExp][] = [
      [
        ["--line", "5", "35"],
        /^tasklog: tv-tasks\.md:5: the identifier tv-2025-10-05:PR35 already exists \(the task on line 18\); nothing was changed$/m,
      ],
      [["--line", "18", "36"], /^tasklog: tv-tasks\.md:18: the task already has a PR number \(tv-2025-10-05:PR35\)/],
      [["--line", "2", "36"], /^tasklog: tv-tasks\.md:2: no task heading or task body on this line/],
      [["--line", "5", "036"], /PR number such as 52/],
      [["--line", "5", "--title", "X", "36"], /--line <n> or --title/],
      [["36"], /--line <n> or --title/],
      [["--title", "Nothing like it", "36"], /no task has the title/],
    ];
    for (const [args, message] of cases) {
      const result = await box.run(["set-pr", ...args, "tv-tasks.md"]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(box.read("tv-tasks.md")).toBe(log);
    }
  });

  it("--dry-run prints the changes and writes nothing", async () => {
    const box = sandbox({ "tv-tasks.md": LOG_WITH_PLACEHOLDERS });
    const result = await box.run(["set-pr", "--dry-run", "--line", "5", "52", "tv-tasks.md"]);
    expect(result.stdout).toMatch(
      /identifier: tv-2025-10-05:PR\?\? -> tv-2025-10-05:PR52\n[\s\S]*\(dry run: nothing was written\)\n$/,
    );
    expect(box.read("tv-tasks.md")).toBe(LOG_WITH_PLACEHOLDERS);
  });
});

describe("tasklog list and export", () => {
  it("prints a table of every task, exit code 0 even with findings", async () => {
    const box = sandbox({ "tv-tasks.md": LOG_WITH_PLACEHOLDERS });
    const result = await box.run(["list", "tv-tasks.md"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "LINE  STATUS    IDENTIFIER          PRIORITY  SIZE  TITLE",
        "   5  Open      tv-2025-10-05:PR??  -         -     Accelerate test execution",
        "  11  Open      tv-2025-10-04:PR??  -         -     Accelerate test execution",
        "  18  Deferred  tv-2025-10-03:PR35  -         -     Stabilize coverage badge workflow",
        "3 tasks",
        "",
      ].join("\n"),
    );
  });

  it("filters by status, priority and size (repeated or comma-separated, any case)", async () => {
    const box = sandbox({ "tv-tasks.md": CLEAN });
    const all = JSON.parse((await box.run(["list", "--json", "tv-tasks.md"])).stdout) as {
      tasks: { line: number; priority: string }[];
    };
    expect(all.tasks.map((task) => [task.line, task.priority])).toEqual([
      [8, "P0"],
      [26, "P1"],
      [45, "P0"],
    ]);
    const byStatus = await box.run(["list", "--status", "deferred", "tv-tasks.md"]);
    expect(byStatus.stdout).toMatch(/^1 task of 3$/m);
    const byPriority = JSON.parse((await box.run(["export", "--json", "--priority", "p0", "tv-tasks.md"])).stdout) as {
      tasks: { line: number }[];
    };
    expect(byPriority.tasks.map((task) => task.line)).toEqual([8, 45]);
    const both = JSON.parse(
      (
        await box.run([
          "list",
          "--json",
          "--status",
          "Open,Deferred",
          "--size",
          "m",
          "--priority",
          "P1",
          "--priority",
          "P0",
          "tv-tasks.md",
        ])
      ).stdout,
    ) as { tasks: unknown[] };
    expect(both.tasks).toHaveLength(2);
    const none = await box.run(["list", "--size", "XS", "tv-tasks.md"]);
    expect(none.stdout).toBe("0 tasks of 3\n");
    const unknown = await box.run(["list", "--status", "Done", "tv-tasks.md"]);
    expect(unknown.code).toBe(2);
  });

  it("export --json: every field, valid against the published schema; list --json is the same document", async () => {
    const box = sandbox({ "tv-tasks.md": CLEAN });
    const exported = await box.run(["export", "--json", "tv-tasks.md"]);
    expect(exported.code).toBe(0);
    const document = JSON.parse(exported.stdout) as { tasks: Record<string, unknown>[] };
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect((await box.run(["list", "--json", "tv-tasks.md"])).stdout).toBe(exported.stdout);
    expect(document.tasks[0]).toEqual({
      line: 8,
      status: "Open",
      section: "Open",
      identifier: "tv-2025-10-03:PR41",
      prefix: "tv",
      date: "2025-10-03",
      pr: 41,
      placeholder: false,
      title: "Establish regression test suite",
      priority: "P0",
      size: "M",
      meta: "Yes — safeguards future changes.",
      branch: "test/regression-suite",
      commits: ["docs(tests): add regression suite readme", "test(regression): reorganize regression tests"],
      prTitle: "test: establish regression suite",
      prUrl: null,
      templatePlaceholders: [],
    });
    expect(document.tasks[2]).toMatchObject({
      status: "Deferred",
      pr: 35,
      prUrl: "https://github.com/acme/ml-playground/pull/35",
    });
    const withoutJson = await box.run(["export", "tv-tasks.md"]);
    expect(withoutJson.code).toBe(2);
    expect(withoutJson.stderr).toMatch(/export writes JSON/);
  });

  it("refuses a file that is not a task log", async () => {
    const box = sandbox({ "README.md": "# Readme\n\n## Usage\n\nText with tv-2025-10-03:PR41 in it.\n" });
    const result = await box.run(["list", "README.md"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tasklog: README\.md: not a task log/);
  });
});
