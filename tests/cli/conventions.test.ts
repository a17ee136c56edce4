/**
 * The habits of a command-line tool people already know (issue 16), in process: `--version`/`-V`,
 * `help <command>`, "did you mean" for commands, options and values, every flag value checked with
 * the allowed values in the message (exit code 2, the file untouched), `-` for standard input and
 * output, `null` for absent values and template placeholders in the JSON, and the bad input that was
 * accepted before (`--title "… ###"`, `--date 9999-12-31`, `--line 1e2`). The messages are pinned in
 * tests/cli/__snapshots__/conventions.test.ts.snap.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HELP } from "../../src/cli/main.js";
import { encodeText } from "../../src/cli/write.js";
import { closest } from "../../src/kit/suggest.js";
import { VERSION } from "../../src/version.js";
import { sandbox } from "./run.js";

const LOG = `# Tasks

## Open tasks (updated 2025-10-03)

### Open · tv-2025-10-03:PR?? · Write the conventions

- **Summary**: The habits of a good CLI.
- **Priority**:
- **Size**: S
- **PR**: Title \`feat: conventions\`; <https://github.com/acme/app/pull/###>.

## Deferred tasks (updated 2025-10-03)
`;

const COMMANDS = ["init", "new", "set-pr", "check-pr", "sync", "list", "export"];

describe("--version and help", () => {
  it("--version and -V print the package's version, exit code 0; extra arguments are an error", async () => {
    const box = sandbox();
    for (const flag of ["--version", "-V"]) {
      expect(await box.run([flag])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    }
    const extra = await box.run(["--version", "list"]);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toBe("tasklog: --version takes no arguments (got list)\n");
  });

  it("help <command> is <command> --help for every command; help alone is the overview", async () => {
    const box = sandbox();
    for (const command of COMMANDS) {
      const viaHelp = await box.run(["help", command]);
      expect(viaHelp).toEqual({ code: 0, stdout: `${HELP[command]}\n`, stderr: "" });
      expect(await box.run([command, "--help"])).toEqual(viaHelp);
      expect(await box.run([command, "-h"])).toEqual(viaHelp);
    }
    expect(await box.run(["help"])).toEqual({ code: 0, stdout: `${HELP["tasklog"]}\n`, stderr: "" });
  });

  it("the overview documents the options, standard input and the exit codes 0 to 3", () => {
    const overview = HELP["tasklog"] as string;
    expect(overview).toMatch(/-V, --version/);
    expect(overview).toMatch(/tasklog help <command>/);
    expect(overview).toMatch(/named - is read from standard input/);
    for (const code of ["0  done", "1  a mismatch", "2  bad input or configuration", "3  an internal error"]) {
      expect(overview).toContain(`  ${code}`);
    }
  });
});

describe("did you mean", () => {
  it("suggests the one close candidate, never a far or tied one", () => {
    expect(closest("lsit", COMMANDS)).toBe("list");
    expect(closest("nwe", COMMANDS)).toBe("new");
    expect(closest("setpr", COMMANDS)).toBe("set-pr");
    expect(closest("exprot", COMMANDS)).toBe("export");
    expect(closest("--prioirty", ["--priority", "--size"])).toBe("--priority");
    expect(closest("--pri", ["--priority", "--prefix"])).toBe("--priority");
    expect(closest("frobnicate", COMMANDS)).toBeUndefined();
    expect(closest("Opne", ["Open", "Deferred"])).toBe("Open");
    expect(closest("x", ["a", "b"])).toBeUndefined();
  });

  it("for a mistyped command, help topic, option and value (exit code 2, the log untouched)", async () => {
    const box = sandbox({ "tv-tasks.md": LOG });
    const cases: [string[], string][] = [
      [["lsit", "tv-tasks.md"], 'unknown command "lsit"; did you mean list?'],
      [["help", "nwe"], 'no help for "nwe"; did you mean new?'],
      [["--verison"], 'unknown option "--verison"; did you mean --version?'],
      [["list", "--prioirty", "P1", "tv-tasks.md"], "unknown option --prioirty; did you mean --priority?"],
      [["list", "--jsno", "tv-tasks.md"], "unknown option --jsno; did you mean --json?"],
      [["new", "--status", "Open", "--tittle", "T", "tv-tasks.md"], "unknown option --tittle; did you mean --title?"],
      [["list", "-x", "tv-tasks.md"], "unknown option -x (see tasklog list --help)"],
      [
        ["list", "--status", "Opne", "tv-tasks.md"],
        'unknown status "Opne"; the configuration defines Open, Deferred; did you mean Open?',
      ],
      [["new", "--status", "Deferd", "--title", "T", "tv-tasks.md"], "did you mean Deferred?"],
    ];
    for (const [args, message] of cases) {
      const result = await box.run(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout, args.join(" ")).toBe("");
      expect(result.stderr, args.join(" ")).toContain(message);
    }
    expect(box.read("tv-tasks.md")).toBe(LOG);
  });

  it("an option's value that looks like an option is still its value (--title --draft)", async () => {
    const box = sandbox({ "tv-tasks.md": LOG });
    const result = await box.run(["new", "--status", "Open", "--title=--draft", "--dry-run", "tv-tasks.md"]);
    expect(result.stderr).not.toMatch(/unknown option/);
    expect(result.code).toBe(0);
  });
});

describe("every flag value checked, with the allowed values in the message (exit code 2)", () => {
  const cases: [string, string[]][] = [
    ["list --priority P9", ["list", "--priority", "P9", "tv-tasks.md"]],
    ["list --priority P1,P9 (one bad value of a list)", ["list", "--priority", "P1,P9", "tv-tasks.md"]],
    ["list --size XL", ["list", "--size", "XL", "tv-tasks.md"]],
    ["export --size XXL", ["export", "--json", "--size", "XXL", "tv-tasks.md"]],
    ["list --status Done", ["list", "--status", "Done", "tv-tasks.md"]],
    ["new --priority P9", ["new", "--status", "Open", "--title", "T", "--priority", "P9", "tv-tasks.md"]],
    ["new --size XL", ["new", "--status", "Open", "--title", "T", "--size", "XL", "tv-tasks.md"]],
    ["new --status Done", ["new", "--status", "Done", "--title", "T", "tv-tasks.md"]],
    ["new --prefix ab", ["new", "--status", "Open", "--title", "T", "--prefix", "ab", "tv-tasks.md"]],
    ["new --pr 0x10", ["new", "--status", "Open", "--title", "T", "--pr", "0x10", "tv-tasks.md"]],
    ['new --title "Title ###"', ["new", "--status", "Open", "--title", "Title ###", "tv-tasks.md"]],
    ['new --title "#"', ["new", "--status", "Open", "--title", "#", "tv-tasks.md"]],
    ["new --date 9999-12-31", ["new", "--status", "Open", "--title", "T", "--date", "9999-12-31", "tv-tasks.md"]],
    ["new --date 1999-12-31", ["new", "--status", "Open", "--title", "T", "--date", "1999-12-31", "tv-tasks.md"]],
    ["new --date 2025-02-30", ["new", "--status", "Open", "--title", "T", "--date", "2025-02-30", "tv-tasks.md"]],
    ["set-pr --date 9999-12-31", ["set-pr", "--line", "5", "--date", "9999-12-31", "52", "tv-tasks.md"]],
    ["set-pr --line 1e2", ["set-pr", "--line", "1e2", "52", "tv-tasks.md"]],
    ["set-pr --line 0x5", ["set-pr", "--line", "0x5", "52", "tv-tasks.md"]],
    ["set-pr --line +5", ["set-pr", "--line", "+5", "52", "tv-tasks.md"]],
    ["set-pr --line 5.0", ["set-pr", "--line", "5.0", "52", "tv-tasks.md"]],
    ["set-pr --line 0", ["set-pr", "--line", "0", "52", "tv-tasks.md"]],
    ["set-pr 5e1 (the PR number)", ["set-pr", "--line", "5", "5e1", "tv-tasks.md"]],
  ];
  for (const [name, args] of cases) {
    it(name, async () => {
      const box = sandbox({ "tv-tasks.md": LOG });
      const result = await box.run(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatchSnapshot();
      expect(box.read("tv-tasks.md")).toBe(LOG);
    });
  }

  it("the values that are allowed still are: a title with C#, a date a year from today, --line 5", async () => {
    const box = sandbox({ "tv-tasks.md": LOG });
    const csharp = await box.run([
      "new",
      "--status",
      "Open",
      "--title",
      "Port the parser to C#",
      "--dry-run",
      "tv-tasks.md",
    ]);
    expect(csharp.code).toBe(0);
    expect(csharp.stdout).toContain("· Port the parser to C#\n");
    const ahead = await box.run(
      ["new", "--status", "open", "--title", "Plan ahead", "--date", "2026-10-20", "--dry-run", "tv-tasks.md"],
      { today: "2025-10-20" },
    );
    expect(ahead.code).toBe(0);
    const tooFar = await box.run(
      ["new", "--status", "Open", "--title", "Plan ahead", "--date", "2026-10-21", "tv-tasks.md"],
      { today: "2025-10-20" },
    );
    expect(tooFar.stderr).toBe(
      "tasklog: --date 2026-10-21 is not a plausible task date (from 2000-01-01 to a year from today, 2026-10-20)\n",
    );
    expect((await box.run(["set-pr", "--line", "5", "--dry-run", "52", "tv-tasks.md"])).code).toBe(0);
    expect((await box.run(["list", "--priority", "p1,P2", "--size", "s", "tv-tasks.md"])).code).toBe(0);
  });
});

describe("- reads the log from standard input", () => {
  const stdin = (text: string | Buffer) => ({
    today: "2025-10-20",
    stdin: () => (typeof text === "string" ? Buffer.from(text) : text),
  });

  it("new -: the changed log on standard output, the report on standard error, no file written", async () => {
    const box = sandbox();
    const result = await box.run(
      ["new", "--status", "Open", "--title", "From standard input", "--date", "2025-10-04", "-"],
      stdin(LOG),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
    expect(result.stderr).toMatchSnapshot();
    expect(existsSync(join(box.dir, "-"))).toBe(false);
    // The same as the file edited in place.
    box.write("tv-tasks.md", LOG);
    await box.run(["new", "--status", "Open", "--title", "From standard input", "--date", "2025-10-04", "tv-tasks.md"]);
    expect(result.stdout).toBe(box.read("tv-tasks.md"));
  });

  it("set-pr -: the changed log on standard output; invalid UTF-8 bytes come out as they went in", async () => {
    const bytes = Buffer.concat([Buffer.from(LOG), Buffer.from([0x62, 0xff, 0xfe, 0x0a])]);
    const result = await sandbox().run(["set-pr", "--line", "5", "52", "-"], stdin(bytes));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "-:5: identifier: tv-2025-10-03:PR?? -> tv-2025-10-03:PR52\n-:10: PR link in PR: ### -> 52\n",
    );
    const edited = LOG.replace("PR?? ·", "PR52 ·").replace("pull/###", "pull/52");
    const expected = Buffer.concat([Buffer.from(edited), Buffer.from([0x62, 0xff, 0xfe, 0x0a])]);
    expect(encodeText(result.stdout).equals(expected)).toBe(true);
  });

  it("set-pr --dry-run -: the report on standard output, as for a file", async () => {
    const result = await sandbox().run(["set-pr", "--line", "5", "--dry-run", "52", "-"], stdin(LOG));
    expect(result.stdout).toContain("-:5: identifier: tv-2025-10-03:PR?? -> tv-2025-10-03:PR52\n");
    expect(result.stdout).toMatch(/\(dry run: nothing was written\)\n$/);
  });

  it('list - and export --json -: the log read from standard input (file "-")', async () => {
    const box = sandbox({ "tv-tasks.md": LOG });
    const fromFile = await box.run(["list", "tv-tasks.md"]);
    expect(await box.run(["list", "-"], stdin(LOG))).toEqual(fromFile);
    const exported = JSON.parse((await box.run(["export", "--json", "-"], stdin(LOG))).stdout) as {
      file: string;
      tasks: unknown[];
    };
    expect(exported.file).toBe("-");
    expect(exported.tasks).toHaveLength(1);
  });

  it("- with something that is not a task log: exit code 2, nothing on standard output", async () => {
    const result = await sandbox().run(["new", "--status", "Open", "--title", "T", "-"], stdin("# Notes\n"));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^tasklog: -: not a task log/);
  });
});

describe("JSON: null for every absent value, template placeholders named, never exported as values", () => {
  it("an empty field is null like a missing one; the table shows - for both", async () => {
    const box = sandbox({ "tv-tasks.md": LOG });
    const [task] = (
      JSON.parse((await box.run(["export", "--json", "tv-tasks.md"])).stdout) as {
        tasks: Record<string, unknown>[];
      }
    ).tasks as [Record<string, unknown>];
    expect(task).toMatchObject({ priority: null, size: "S", meta: null, branch: null, prUrl: null });
    expect(task["templatePlaceholders"]).toEqual([]);
    expect((await box.run(["list", "tv-tasks.md"])).stdout).toContain(
      "tv-2025-10-03:PR??  -         S     Write the conventions",
    );
  });

  it("a task new just added: branch, commits and PR title are the template's, so null, [] and named", async () => {
    const box = sandbox({ "tv-tasks.md": LOG });
    await box.run(["new", "--status", "Open", "--title", "Fill me in", "--date", "2025-10-04", "tv-tasks.md"]);
    const { tasks } = JSON.parse((await box.run(["export", "--json", "tv-tasks.md"])).stdout) as {
      tasks: Record<string, unknown>[];
    };
    const added = tasks.find((task) => task["title"] === "Fill me in") as Record<string, unknown>;
    expect(added).toMatchObject({
      priority: null,
      size: null,
      meta: null,
      branch: null,
      commits: [],
      prTitle: null,
      prUrl: null,
      templatePlaceholders: ["branch", "commits", "prTitle"],
    });
    // Every string in the export is a real value: no template text anywhere.
    expect(JSON.stringify(tasks)).not.toMatch(/<type>|<scope>|<subject>|<desc>/);
  });
});
