/**
 * The `tasklog` command's habits from the packed tarball (issue 16): `--help`, `--version` and
 * argument errors never import markdownlint (a module loader hook that refuses any markdownlint
 * import proves it; the same hook makes a command that needs the parser fail, so the hook is known to
 * work); a broken pipe (`tasklog list … | head -1`) ends quietly; `-` reads standard input and writes
 * standard output; and the README's "npx tasklog init" sequence, run command by command in its
 * order in a fresh project, prints what the README shows and writes the file it shows.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { consoleCommands, fencesOf, option, shellWords } from "../support/doc-fences.js";
import { ROOT, context, envFor, run, runCli, workspace, type InstalledHost } from "./support.js";

const host = (): InstalledHost => context().hosts["cli2-0.24"];
const bin = (): string => join(host().dir, "node_modules", "markdownlint-rule-tasklog", "bin", "tasklog.js");

const LOG = `# Tasks

## Open tasks (updated 2025-10-03)

### Open · tv-2025-10-03:PR?? · Check the habits

- **Summary**: From the tarball.
- **Priority**: P1
`;

/** A preload (`node --import`) whose resolve hook refuses every import of markdownlint. */
function noMarkdownlintHook(dir: string): string {
  const hook = `export async function resolve(specifier, context, next) {
  if (/^markdownlint(?:\\/|$)/.test(specifier)) throw new Error("the hook refused an import of " + specifier);
  return next(specifier, context);
}
`;
  const preload = `import { register } from "node:module";
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});
`;
  const path = join(dir, "no-markdownlint.mjs");
  writeFileSync(path, preload);
  return path;
}

describe("tasklog from the tarball: what a command-line user expects", () => {
  it("--help, --version, help <command> and argument errors do not import markdownlint", () => {
    const dir = workspace(host().dir, { "tv-tasks.md": LOG });
    const preload = noMarkdownlintHook(dir);
    const tasklog = (args: readonly string[]) =>
      run(host().node, ["--import", preload, bin(), ...args], { cwd: dir, env: envFor(host().node) });
    const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
    expect(tasklog(["--version"])).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: "" });
    expect(tasklog(["-V"])).toMatchObject({ status: 0, stdout: `${version}\n` });
    expect(tasklog(["--help"])).toMatchObject({ status: 0, stderr: "" });
    expect(tasklog(["help", "list"])).toMatchObject({ status: 0, stderr: "" });
    expect(tasklog(["new", "--help"])).toMatchObject({ status: 0, stderr: "" });
    const errors: [string[], RegExp][] = [
      [["lsit", "tv-tasks.md"], /did you mean list\?/],
      [["list", "--prioirty", "P1", "tv-tasks.md"], /did you mean --priority\?/],
      [["list", "--priority", "P9", "tv-tasks.md"], /--priority expects one of P0, P1, P2, P3/],
      [["list", "--status", "Done", "tv-tasks.md"], /unknown status "Done"; the configuration defines Open, Deferred/],
      [["new", "--status", "Open", "--title", "Title ###", "tv-tasks.md"], /--title ends with #/],
      [["new", "--status", "Open", "--title", "T", "--date", "9999-12-31", "tv-tasks.md"], /not a plausible task date/],
      [["new", "--status", "Done", "--title", "T", "tv-tasks.md"], /unknown status "Done"/],
      [["set-pr", "--line", "1e2", "52", "tv-tasks.md"], /--line expects a line number in decimal digits/],
    ];
    for (const [args, message] of errors) {
      const result = tasklog(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(message);
      expect(result.stderr, args.join(" ")).not.toMatch(/hook refused|needs markdownlint/);
    }
    // The hook works: a command that reads the log needs markdownlint, and is refused it.
    const list = tasklog(["list", "tv-tasks.md"]);
    expect(list.status).toBe(2);
    expect(list.stderr).toMatch(/needs markdownlint/);
    expect(readFileSync(join(dir, "tv-tasks.md"), "utf8")).toBe(LOG);
  });

  it("tasklog list … | head -1: the first line, then a quiet end (no stack trace for EPIPE)", () => {
    const tasks = Array.from(
      { length: 3000 },
      (_, i) => `### Open · tv-2025-10-03:PR${i + 1} · Task ${i + 1}\n\n- **Priority**: P2\n`,
    );
    const dir = workspace(host().dir, {
      "tv-tasks.md": `# Tasks\n\n## Open tasks (updated 2025-10-03)\n\n${tasks.join("\n")}`,
    });
    for (const args of ["list tv-tasks.md", "export --json tv-tasks.md"]) {
      const result = run("bash", ["-c", `set -o pipefail; "${host().node}" "${bin()}" ${args} | head -1`], {
        cwd: dir,
        env: envFor(host().node),
      });
      expect(result.stderr, args).toBe("");
      expect(result.stdout, args).toMatch(/^(?: *LINE {2}STATUS .*|\{)\n$/);
    }
  });

  it("- reads the log from standard input; new and set-pr write the changed log to standard output", () => {
    const dir = workspace(host().dir, {});
    const tasklog = (args: readonly string[], input: string) =>
      run(host().node, [bin(), ...args], { cwd: dir, env: envFor(host().node), input });
    const added = tasklog(["new", "--status", "Open", "--title", "Piped", "--date", "2025-10-03", "-"], LOG);
    expect(added.status).toBe(0);
    expect(added.stderr).toMatch(/^-:5: added ### Open · tv-2025-10-03:PR\?\? · Piped\n/);
    expect(added.stdout).toMatch(
      /^# Tasks\n\n## Open tasks \(updated 2025-10-03\)\n\n### Open · tv-2025-10-03:PR\?\? · Piped\n/,
    );
    const set = tasklog(["set-pr", "--title", "Check the habits", "77", "-"], added.stdout);
    expect(set.status).toBe(0);
    expect(set.stdout).toBe(added.stdout.replace("PR?? · Check the habits", "PR77 · Check the habits"));
    const listed = tasklog(["list", "-"], set.stdout);
    expect(listed.stdout).toMatch(/tv-2025-10-03:PR77 {2}P1 {8}- {5}Check the habits\n2 tasks\n$/);
  });
});

describe("README.md's npx tasklog init sequence, from the tarball, in its order", () => {
  it("every command prints what the README shows; the files are the README's; the linter then reports what is left", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## `npx tasklog init`"), readme.indexOf("\n## Configuration"));
    const dir = workspace(host().dir, {});
    const ran: string[] = [];
    for (const fence of fencesOf(section)) {
      const file = option(fence.info, "file");
      const result = option(fence.info, "result");
      if (file !== undefined) writeFileSync(join(dir, file), fence.body);
      if (result !== undefined) expect(readFileSync(join(dir, result), "utf8"), result).toBe(fence.body);
      if (fence.language !== "console") continue;
      for (const { line, expected } of consoleCommands(fence.body)) {
        const argv = shellWords(line.slice(2));
        expect(argv.slice(0, 2)).toEqual(["npx", "tasklog"]);
        const output = run("npx", ["--no-install", "tasklog", ...argv.slice(2)], {
          cwd: dir,
          env: envFor(host().node),
        });
        expect(output.status, line).toBe(0);
        expect(`${output.stdout}${output.stderr}`.trimEnd(), line).toBe(expected);
        ran.push(argv[2] as string);
      }
    }
    expect(ran).toEqual(["init", "new", "set-pr", "list"]);
    // "npx markdownlint-cli2 tv-tasks.md then reports the fields left to fill in (exit code 1 on errors)".
    const lint = runCli(host(), dir, ["tv-tasks.md"]);
    expect(lint.status).toBe(1);
    expect(lint.lines.length).toBeGreaterThan(0);
    expect(lint.lines.every((finding) => /TL00[3-7]/.test(finding))).toBe(true);
  });
});
