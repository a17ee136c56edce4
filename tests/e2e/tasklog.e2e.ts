/**
 * The `tasklog` command end to end, from the packed tarball: `npx tasklog …` in temporary projects
 * (markdownlint-cli2 0.24.1 on Node 22, and 0.20.0 with markdownlint 0.40.0 on Node 20), every
 * command on the real log (the newest version; gated like the corpus tests) and on generated logs,
 * and the linter run afterwards by the project's own markdownlint-cli2 with the configuration
 * `tasklog init` wrote.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { generateTaskLog } from "../support/generate.js";
import { realLogGate } from "../support/real-log.js";
import {
  HOSTS,
  ROOT,
  context,
  envFor,
  parseFinding,
  run,
  runCli,
  runTasklog,
  workspace,
  type InstalledHost,
} from "./support.js";

const validate = new Ajv2020({ strict: true }).compile(
  JSON.parse(readFileSync(join(ROOT, "docs", "cli", "export.schema.json"), "utf8")) as object,
);

const tasklog = runTasklog;

/** `RULE:line` of every finding markdownlint-cli2 prints for `file` (built-in rules included). */
function lint(host: InstalledHost, cwd: string, file: string): string[] {
  return runCli(host, cwd, [file]).lines.map((line) => {
    const finding = parseFinding(line);
    return `${finding.rule}:${finding.line}`;
  });
}

/** Lines of the fields `tasklog new` says are left to fill in, plus the heading (for a placeholder PR). */
function fillLines(stdout: string, after: string): { heading: number; size: number; lines: Set<number> } {
  const heading = Number(/:(\d+): added /.exec(stdout)?.[1]);
  const text = after.split("\n");
  let end = heading;
  while (end < text.length && !/^#{1,6} /.test(text[end] as string)) end++;
  const labels = (/^left for you to fill in: (.*)$/m.exec(stdout)?.[1] ?? "")
    .split(", ")
    .map((entry) => /^(.*) \(line (\d+)\)$/.exec(entry));
  const starts = labels.flatMap((match) => (match === null ? [] : [Number(match[2])]));
  const fieldStarts = text.flatMap((line, i) => (i >= heading && i < end && line.startsWith("- **") ? [i + 1] : []));
  const lines = new Set<number>();
  for (const start of starts) {
    const next = fieldStarts.find((line) => line > start) ?? end + 1;
    for (let line = start; line < next; line++) lines.add(line);
  }
  return { heading, size: end - heading + 1, lines };
}

describe("the packed tarball's tasklog files", () => {
  it("holds the executable, the API bundle, its types and the export schema", () => {
    const listing = run("tar", ["-tzf", context().tarball], { cwd: ROOT }).stdout.split("\n");
    for (const file of [
      "bin/tasklog.js",
      "dist/tasklog.js",
      "dist/api.js",
      "dist/api.d.ts",
      "docs/cli/export.schema.json",
    ]) {
      expect(listing, file).toContain(`package/${file}`);
    }
    const manifest = JSON.parse(
      run("tar", ["-xOzf", context().tarball, "package/package.json"], { cwd: ROOT }).stdout,
    ) as Record<string, Record<string, unknown>>;
    expect(manifest["bin"]).toEqual({ tasklog: "bin/tasklog.js" });
    expect(manifest["peerDependenciesMeta"]).toEqual({ markdownlint: { optional: true } });
    expect(
      run("tar", ["-xOzf", context().tarball, "package/bin/tasklog.js"], { cwd: ROOT }).stdout.startsWith(
        "#!/usr/bin/env node\n",
      ),
    ).toBe(true);
  });
});

describe.each(HOSTS)("tasklog from the tarball with markdownlint-cli2 $cli2 on Node $nodeMajor", (spec) => {
  const host = (): InstalledHost => context().hosts[spec.id];

  it("prints the usage of every command (--help, exit code 0)", () => {
    const dir = workspace(host().dir, {});
    expect(tasklog(host(), dir, ["--help"])).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^Usage: tasklog <command>/),
    });
    for (const command of ["init", "new", "set-pr", "list", "export"]) {
      const result = tasklog(host(), dir, [command, "--help"]);
      expect(result.status, command).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: tasklog ${command}`));
    }
  });

  it("init writes a configuration the project's markdownlint-cli2 runs the pack with", () => {
    const log = generateTaskLog(6, 11);
    const dir = workspace(host().dir, { "tv-tasks.md": log });
    const init = tasklog(host(), dir, ["init"]);
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/^wrote \.markdownlint-cli2\.jsonc$/m);
    expect(init.stdout).toMatch(/^wrote \.vscode\/tasklog\.code-snippets$/m);
    expect(lint(host(), dir, "tv-tasks.md")).toEqual([]);
    // The pack runs: a damaged heading is reported.
    writeFileSync(join(dir, "broken.md"), log.replace(" · tv-", " - tv-"));
    expect(lint(host(), dir, "broken.md").some((finding) => finding.startsWith("TL001:"))).toBe(true);
    expect(tasklog(host(), dir, ["init"]).stdout).toMatch(/^nothing to do: \.markdownlint-cli2\.jsonc, /m);
    // The inline preset lints the same.
    const inline = workspace(host().dir, { "tv-tasks.md": log });
    expect(tasklog(host(), inline, ["init", "--preset", "inline", "--pre-commit"]).status).toBe(0);
    expect(readFileSync(join(inline, ".markdownlint-cli2.jsonc"), "utf8")).not.toMatch(/"extends":/);
    expect(lint(host(), inline, "tv-tasks.md")).toEqual([]);
    writeFileSync(join(inline, "broken.md"), log.replace(" · tv-", " - tv-"));
    expect(lint(host(), inline, "broken.md").some((finding) => finding.startsWith("TL001:"))).toBe(true);
  });

  it("new, set-pr, list and export on generated logs; the linter then reports only the fields left to fill in", () => {
    for (const seed of [1, 2]) {
      const log = generateTaskLog(8, seed);
      const dir = workspace(host().dir, { "tv-tasks.md": log });
      expect(tasklog(host(), dir, ["init"]).status).toBe(0);

      const listed = tasklog(host(), dir, ["list", "--json", "tv-tasks.md"]);
      expect(listed.status).toBe(0);
      const document = JSON.parse(listed.stdout) as { tasks: { line: number; identifier: string; pr: number }[] };
      expect(validate(document)).toBe(true);
      expect(document.tasks).toHaveLength(8);
      expect(tasklog(host(), dir, ["export", "--json", "tv-tasks.md"]).stdout).toBe(listed.stdout);
      const table = tasklog(host(), dir, ["list", "tv-tasks.md"]);
      expect(table.stdout).toMatch(/^LINE {2}STATUS/);
      expect(table.stdout).toMatch(/^8 tasks$/m);

      const added = tasklog(host(), dir, [
        "new",
        "--status",
        "Open",
        "--title",
        "Add the tasklog command",
        "--date",
        "2019-12-31",
        "tv-tasks.md",
      ]);
      expect(added.status, added.stderr).toBe(0);
      expect(added.stdout).toMatch(/no --pr given: the identifier has the placeholder PR\?\?/);
      const after = readFileSync(join(dir, "tv-tasks.md"), "utf8");
      const fill = fillLines(added.stdout, after);
      const findings = lint(host(), dir, "tv-tasks.md");
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        const [rule, line] = finding.split(":") as [string, string];
        expect(fill.lines.has(Number(line)) || (rule === "TL002" && Number(line) === fill.heading), finding).toBe(true);
      }

      // set-pr gives the new task a number no task has; only its heading changes.
      const number = Math.max(...document.tasks.map((task) => task.pr)) + 1;
      const set = tasklog(host(), dir, ["set-pr", "--title", "Add the tasklog command", String(number), "tv-tasks.md"]);
      expect(set.status, set.stderr).toBe(0);
      expect(set.stdout).toMatch(
        new RegExp(
          `^tv-tasks\\.md:${fill.heading}: identifier: tv-2019-12-31:PR\\?\\? -> tv-2019-12-31:PR${number}$`,
          "m",
        ),
      );
      const final = readFileSync(join(dir, "tv-tasks.md"), "utf8");
      // Exactly the lines it reports changed: the heading, and the new task's PR link when it has one.
      const finalLines = final.split("\n");
      const changed = after.split("\n").flatMap((line, i) => (line === finalLines[i] ? [] : [i + 1]));
      expect(changed).toEqual(
        set.stdout
          .trimEnd()
          .split("\n")
          .map((line) => Number(/^tv-tasks\.md:(\d+):/.exec(line)?.[1])),
      );
      expect(final).toBe(
        after
          .replace("tv-2019-12-31:PR??", `tv-2019-12-31:PR${number}`)
          .replace(/(\/pull\/)###(?=>?`?\.$)/m, `$1${number}`),
      );
      expect(lint(host(), dir, "tv-tasks.md")).not.toContain(`TL002:${fill.heading}`);

      // Refusals leave the file as it was.
      const again = tasklog(host(), dir, ["set-pr", "--line", String(fill.heading), String(number + 1), "tv-tasks.md"]);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/^tasklog: tv-tasks\.md:\d+: the task already has a PR number/);
      expect(readFileSync(join(dir, "tv-tasks.md"), "utf8")).toBe(final);
    }
  });

  it("every command on the real log (the newest version)", () => {
    const real = realLogGate(`tasklog e2e on the real log (${spec.id})`);
    if (real === undefined) return;
    const dir = workspace(host().dir, { "tv-tasks.md": real.text });
    expect(tasklog(host(), dir, ["init"]).status).toBe(0);
    const headings = real.text.split("\n").flatMap((line, i) => (/^### (Open|Deferred) · /.test(line) ? [i + 1] : []));

    const table = tasklog(host(), dir, ["list", "tv-tasks.md"]);
    expect(table.status).toBe(0);
    expect(
      table.stdout
        .trimEnd()
        .split("\n")
        .slice(1, -1)
        .map((row) => Number(row.trim().split(/\s+/)[0])),
    ).toEqual(headings);
    const exported = JSON.parse(tasklog(host(), dir, ["export", "--json", "tv-tasks.md"]).stdout) as {
      tasks: { line: number; placeholder: boolean; status: string }[];
    };
    expect(validate(exported)).toBe(true);
    expect(exported.tasks.map((task) => task.line)).toEqual(headings);
    const open = JSON.parse(tasklog(host(), dir, ["list", "--json", "--status", "open", "tv-tasks.md"]).stdout) as {
      tasks: { status: string }[];
    };
    expect(open.tasks.length).toBeGreaterThan(0);
    expect(open.tasks.every((task) => task.status === "Open")).toBe(true);

    const before = lint(host(), dir, "tv-tasks.md");
    const added = tasklog(host(), dir, [
      "new",
      "--status",
      "Open",
      "--title",
      "Add the tasklog command",
      "--pr",
      "90",
      "--date",
      "2025-10-12",
      "--priority",
      "P1",
      "--size",
      "M",
      "tv-tasks.md",
    ]);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/section stamp 2025-10-03 -> 2025-10-12/);
    const after = readFileSync(join(dir, "tv-tasks.md"), "utf8");
    const fill = fillLines(added.stdout, after);
    const inserted = after.split("\n").length - real.text.split("\n").length;
    // The inserted lines start where the texts first differ below the stamp's line.
    const beforeLines = real.text.split("\n");
    const afterLines = after.split("\n");
    let start = 12;
    while (beforeLines[start - 1] === afterLines[start - 1]) start++;
    // Findings after: on the new task, only fields to fill in; elsewhere the old ones, shifted.
    const mapped = lint(host(), dir, "tv-tasks.md").flatMap((finding) => {
      const [rule, text] = finding.split(":") as [string, string];
      const line = Number(text);
      if (line >= start && line < start + inserted) {
        expect(fill.lines.has(line), finding).toBe(true);
        return [];
      }
      return [`${rule}:${line >= start + inserted ? line - inserted : line}`];
    });
    expect(mapped.every((finding) => before.includes(finding))).toBe(true);
    // What disappeared: only the Open section's stale stamp, which moved forward.
    expect(before.filter((finding) => !mapped.includes(finding))).toEqual(["TL008:11"]);

    const firstPlaceholder = JSON.parse(tasklog(host(), dir, ["export", "--json", "tv-tasks.md"]).stdout).tasks.find(
      (task: { placeholder: boolean }) => task.placeholder,
    ) as { line: number; identifier: string };
    const set = tasklog(host(), dir, ["set-pr", "--line", String(firstPlaceholder.line), "91", "tv-tasks.md"]);
    expect(set.status, set.stderr).toBe(0);
    const changed = readFileSync(join(dir, "tv-tasks.md"), "utf8").split("\n");
    const diff = after.split("\n").flatMap((line, i) => (line === changed[i] ? [] : [i + 1]));
    expect(diff).toEqual(
      set.stdout
        .trimEnd()
        .split("\n")
        .map((line) => Number(/^tv-tasks\.md:(\d+):/.exec(line)?.[1])),
    );
    expect(diff).toContain(firstPlaceholder.line);
    expect(lint(host(), dir, "tv-tasks.md")).not.toContain(`TL002:${firstPlaceholder.line}`);
  });

  it("the typed API from the tarball: markdownlint-rule-tasklog/api", () => {
    const dir = workspace(host().dir, { "tv-tasks.md": generateTaskLog(3, 5) });
    const script = [
      'import { readFileSync } from "node:fs";',
      'import { parseTaskLog } from "markdownlint-rule-tasklog/api";',
      'const log = parseTaskLog(readFileSync("tv-tasks.md", "utf8"), { prefix: ["tv"] });',
      "console.log(JSON.stringify(log.tasks.map((task) => [task.line, task.status, task.identifier?.pr])));",
    ].join("\n");
    writeFileSync(join(dir, "api.mjs"), script);
    const result = run(host().node, ["api.mjs"], { cwd: dir, env: envFor(host().node) });
    expect(result.stderr).toBe("");
    const tasks = JSON.parse(result.stdout) as [number, string, number][];
    expect(tasks).toHaveLength(3);
    expect(tasks.every(([line, status, pr]) => line > 0 && /^(Open|Deferred)$/.test(status) && pr > 0)).toBe(true);
  });
});

describe("tasklog without markdownlint (a project with only the package)", () => {
  it("says that it needs markdownlint, exit code 2", () => {
    const { vscodeWorkspace, hosts } = context();
    const dir = workspace(vscodeWorkspace, { "tv-tasks.md": generateTaskLog(2, 1) });
    const result = tasklog(hosts["cli2-0.24"], dir, ["list", "tv-tasks.md"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /needs markdownlint \(0\.40 or newer\), its peer dependency: npm install --save-dev markdownlint/,
    );
    // Commands that need no parser still run.
    expect(tasklog(hosts["cli2-0.24"], dir, ["--help"]).status).toBe(0);
  });
});
