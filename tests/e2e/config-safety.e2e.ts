/**
 * The linter's configuration, read safely (issue 16), from the packed tarball: the installed
 * `tasklog` (markdownlint-cli2 0.24.1's project, Node 22) in projects whose configuration tries to
 * run code, never ends, or is wrong. Each case: exit code 2 with a message that says why (or the
 * configuration markdownlint-cli2 itself applies), never an internal error, never a hang, never code
 * run from a configuration's folder, never a configuration file's content echoed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { context, envFor, runCli, type InstalledHost } from "./support.js";

const host = (): InstalledHost => context().hosts["cli2-0.24"];
const bin = (): string => join(host().dir, "node_modules", "markdownlint-rule-tasklog", "bin", "tasklog.js");

const LOG =
  "# Tasks\n\n## Open tasks (updated 2025-10-03)\n\n### Open · tv-2025-10-03:PR41 · Add a thing\n\n- **Summary**: Adds a thing.\n\n## Deferred tasks (updated 2025-10-03)\n";

const scratch = mkdtempSync(join(tmpdir(), "tasklog-config-safety-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let count = 0;

/** A project folder (its node_modules the installed host's) inside a fresh parent folder, with `files` relative to the parent. */
function project(files: Record<string, string>): { parent: string; dir: string } {
  const parent = join(scratch, String(count++));
  const dir = join(parent, "project");
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(host().dir, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "tv-tasks.md"), LOG);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(parent, name)), { recursive: true });
    writeFileSync(join(parent, name), text);
  }
  return { parent, dir };
}

/** A fake `js-yaml` package in `folder`/node_modules that leaves `marker` when loaded. */
function plantYaml(folder: string, marker: string): void {
  const pkg = join(folder, "node_modules", "js-yaml");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "js-yaml", version: "9.9.9", main: "index.js" }));
  writeFileSync(
    join(pkg, "index.js"),
    `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran");\nexports.load = () => ({ tasklog: { prefix: ["zz"] } });\n`,
  );
}

function tasklog(cwd: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(host().node, [bin(), ...args], {
    cwd,
    encoding: "utf8",
    env: envFor(host().node),
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const NEW = ["new", "--status", "Open", "--title", "Add another thing", "--date", "2025-10-04", "tv-tasks.md"];

describe("tasklog reads the configuration without running it", () => {
  it("a .markdownlint.yaml and a fake js-yaml in a parent folder: neither is used, as markdownlint-cli2 uses neither", () => {
    const { parent, dir } = project({
      ".markdownlint.yaml": "tasklog:\n  prefix: [zz]\n",
      ".markdownlint.json": '{ "tasklog": { "prefix": ["zz"] } }',
    });
    const marker = join(parent, "ran");
    plantYaml(parent, marker);
    const added = tasklog(dir, NEW);
    expect(added.status, added.stderr).toBe(0);
    expect(readFileSync(join(dir, "tv-tasks.md"), "utf8")).toMatch(
      /### Open · tv-2025-10-04:PR\?\? · Add another thing/,
    );
    expect(existsSync(marker)).toBe(false);
    // markdownlint-cli2 in the same project reads no parent configuration either: TL002 accepts tv-.
    const linted = runCli(host(), dir, ["tv-tasks.md"]);
    expect(linted.lines.filter((line) => line.includes("TL002"))).toEqual([]);
  });

  it("a YAML configuration beside the log with a fake js-yaml in its folder: read with the package's own js-yaml", () => {
    const { parent, dir } = project({});
    const docs = join(dir, "docs");
    mkdirSync(docs);
    writeFileSync(join(docs, ".markdownlint.yaml"), "tasklog:\n  prefix: [ab]\n");
    writeFileSync(join(docs, "tv-tasks.md"), LOG.replaceAll("tv-2025", "ab-2025"));
    const marker = join(parent, "ran");
    plantYaml(docs, marker);
    const added = tasklog(dir, [...NEW.slice(0, -1), "docs/tv-tasks.md"]);
    expect(added.status, added.stderr).toBe(0);
    expect(readFileSync(join(docs, "tv-tasks.md"), "utf8")).toMatch(
      /### Open · ab-2025-10-04:PR\?\? · Add another thing/,
    );
    expect(existsSync(marker)).toBe(false);
  });
});

describe("configuration that never ends, or is wrong: exit code 2 with the reason", () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      "extends /dev/zero (a device)",
      { "project/.markdownlint-cli2.jsonc": '{ "config": { "extends": "/dev/zero" } }' },
      /^tasklog: \/dev\/zero: the configuration is a device, not a regular file; it was not read$/m,
    ],
    [
      "extends /dev/urandom",
      { "project/.markdownlint.json": '{ "extends": "/dev/urandom" }' },
      /^tasklog: \/dev\/urandom: the configuration is a device, not a regular file; it was not read$/m,
    ],
    [
      "a YAML alias bomb",
      {
        "project/.markdownlint.yaml": `${Array.from({ length: 9 }, (_, i) => (i === 0 ? "a0: &a0 [x, x, x, x, x, x, x, x, x]" : `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(", ")}]`)).join("\n")}\ntasklog:\n  prefix: *a8\n`,
      },
      /^tasklog: \.markdownlint\.yaml: the configuration holds more than 100,000 values \(YAML aliases expanded\); it was not used$/m,
    ],
    [
      "a YAML alias inside its own value",
      { "project/.markdownlint.yaml": "tasklog: &self\n  prefix: [ab]\n  again: *self\n" },
      /^tasklog: \.markdownlint\.yaml: the configuration refers to itself \(a YAML alias inside its own value\); it was not used$/m,
    ],
    [
      "an extends outside the project that is not a configuration: named, never echoed",
      {
        "secret.txt": "SECRET-TOKEN-0123456789 { not: [ a configuration\n",
        "project/.markdownlint-cli2.jsonc": '{ "config": { "extends": "../secret.txt" } }',
      },
      /^tasklog: .*secret\.txt:1: invalid JSON in the configuration: a value was expected$/m,
    ],
    [
      "extends that loops",
      {
        "project/.markdownlint.json": '{ "extends": "./b.json" }',
        "project/b.json": '{ "extends": "./.markdownlint.json" }',
      },
      /^tasklog: b\.json:1: "extends" loops back to \.markdownlint\.json$/m,
    ],
    [
      "a misspelt option the command reads",
      { "project/.markdownlint-cli2.jsonc": '{\n  "config": {\n    "tasklog": { "prefx": ["ab"] }\n  }\n}\n' },
      /^tasklog: \.markdownlint-cli2\.jsonc:3: bad configuration: TL002\/task-id: Unknown option "prefx"/m,
    ],
  ];
  for (const [name, files, message] of cases) {
    it(name, () => {
      const { dir } = project(files);
      const before = readFileSync(join(dir, "tv-tasks.md"));
      const result = tasklog(dir, NEW);
      expect(result.stderr).toMatch(message);
      expect(result.status).toBe(2);
      expect(result.stderr).not.toMatch(/internal error|SECRET-TOKEN/);
      expect(result.stderr.length).toBeLessThan(1200);
      expect(readFileSync(join(dir, "tv-tasks.md")).equals(before)).toBe(true);
    });
  }

  it("a named pipe as extends: refused at once, not waited on", () => {
    const { dir } = project({ "project/.markdownlint-cli2.jsonc": '{ "config": { "extends": "./pipe" } }' });
    expect(spawnSync("mkfifo", [join(dir, "pipe")]).status).toBe(0);
    const result = tasklog(dir, NEW);
    expect(result.stderr).toMatch(
      /^tasklog: pipe: the configuration is a named pipe, not a regular file; it was not read$/m,
    );
    expect(result.status).toBe(2);
  });

  it("a misspelt config key: markdownlint-cli2 ignores it, and tasklog says so", () => {
    const { dir } = project({
      "project/.markdownlint-cli2.jsonc": '{\n  "confg": { "tasklog": { "prefix": ["ab"] } }\n}\n',
    });
    const result = tasklog(dir, NEW);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^\.markdownlint-cli2\.jsonc:2: "confg" is not a markdownlint-cli2 setting, so markdownlint-cli2 and tasklog ignore it; did you mean config\?$/m,
    );
  });

  it("a 30,000-status configuration (under the 1 MiB limit) gives a message of at most about a thousand characters", () => {
    const statuses = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`Status${i}`, ["Summary"]]));
    const { dir } = project({ "project/.markdownlint.json": JSON.stringify({ tasklog: { statuses } }) });
    const result = tasklog(dir, ["new", "--status", "Nope", "--title", "X", "tv-tasks.md"]);
    expect(result.status).toBe(2);
    expect(result.stderr.length).toBeLessThan(1200);
    expect(result.stderr).toMatch(
      /^tasklog: unknown status "Nope"; the configuration defines Status0, Status1, .*… \(30000 in all\)$/m,
    );
  });

  it("a configuration over 1 MiB is not read", () => {
    const statuses = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`Status${i}`, ["Summary"]]));
    const { dir } = project({ "project/.markdownlint.json": JSON.stringify({ tasklog: { statuses } }) });
    const result = tasklog(dir, NEW);
    expect(result.stderr).toBe(
      "tasklog: .markdownlint.json: the configuration is larger than 1 MiB; it was not read\n",
    );
    expect(result.status).toBe(2);
  });
});
