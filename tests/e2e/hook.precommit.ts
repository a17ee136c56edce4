/**
 * pre-commit end to end with the real `pre-commit` tool and real `git commit`s, on the system's Node
 * (what pre-commit's `language: node` uses when node and npm are on PATH), on two pre-commit versions:
 *
 * - pre-commit 4.6.2 from pip, in a virtual environment cached in node_modules/.cache/tasklog-e2e/
 *   (`python3 -m venv`, then `pip install pre-commit==4.6.2`; a rerun reuses it). pre-commit 4.x
 *   installs a hook repository with `npm install -g git+file://<clone> <additional_dependencies>`;
 * - the system's `pre-commit` when it is a 3.x (Debian's 3.0.4, which scripts/ci-deps.sh installs), or
 *   the 3.x tests are skipped with one line that says why.
 *
 * On each, the two forms docs/hosts.md shows, each with the packed tarball in place of
 * `markdownlint-rule-tasklog@<version>` (the only difference from the documented text):
 *
 * 1. markdownlint-cli2's own hook (`repo: https://github.com/DavidAnson/markdownlint-cli2`, `rev:
 *    v0.20.0`, `additional_dependencies`): the hook repository is a git repository of markdownlint-cli2
 *    0.20.0's published files with a `.pre-commit-hooks.yaml` entry that runs it as upstream's does (id, entry, language, types), so pre-commit
 *    installs it exactly as it installs the GitHub repository (a git install; markdownlint-cli2 has no
 *    build step);
 * 2. the same hook defined with `repo: local`.
 *
 * In each, a commit of a broken task log is refused with the pack's findings in the output (exactly
 * the library's, in the default formatter's format), and a commit of the clean log passes.
 * This repository is no hook repository (it has no `.pre-commit-hooks.yaml`): pre-commit 4.x installs
 * a hook repository from git without building it, and this package is built (dist/ is not committed).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { lintPack } from "../harness.js";
import { BROKEN } from "./broken.js";
import { CLEAN_LOG, FINDING, ROOT, cli2Config, context, formatDefault, run, runOrThrow, sorted } from "./support.js";

const PRE_COMMIT_4 = "4.6.2";
const CLI2_VERSION = "0.20.0";
const VENV = join(ROOT, "node_modules", ".cache", "tasklog-e2e", `pre-commit-${PRE_COMMIT_4}`);

/** The environment of a user's shell: no npm-script variables, no node_modules/.bin on PATH. */
function userEnv(preCommitHome: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name)) env[name] = value;
  env["PATH"] = (process.env["PATH"] ?? "")
    .split(":")
    .filter((entry) => !entry.includes("node_modules"))
    .join(":");
  env["PRE_COMMIT_HOME"] = preCommitHome;
  // Only speeds up the installs (use the npm cache when it has the package).
  env["npm_config_prefer_offline"] = "true";
  env["npm_config_audit"] = "false";
  env["npm_config_fund"] = "false";
  for (const role of ["AUTHOR", "COMMITTER"]) {
    env[`GIT_${role}_NAME`] = "E2E";
    env[`GIT_${role}_EMAIL`] = "e2e@example.invalid";
  }
  return env;
}

/** pre-commit 4.x in a cached virtual environment (created once); returns its `pre-commit`. */
function preCommit4(): string {
  const bin = join(VENV, "bin", "pre-commit");
  const done = join(VENV, ".installed");
  if (existsSync(done)) return bin;
  rmSync(VENV, { recursive: true, force: true });
  runOrThrow("python3", ["-m", "venv", VENV], { cwd: ROOT });
  runOrThrow(join(VENV, "bin", "pip"), ["install", "--quiet", `pre-commit==${PRE_COMMIT_4}`], { cwd: ROOT });
  writeFileSync(done, `${new Date().toISOString()}\n`);
  return bin;
}

/** The system's pre-commit when it is a 3.x, or why not. */
function preCommit3(): { bin: string } | { skip: string } {
  const result = run("pre-commit", ["--version"], { cwd: ROOT, env: userEnv(ROOT) });
  if (result.error !== undefined || result.status !== 0)
    return { skip: "pre-commit 3.x: no `pre-commit` on PATH (scripts/ci-deps.sh installs Debian's 3.0.4)" };
  const version = result.stdout.trim();
  if (!/^pre-commit 3\./.test(version)) return { skip: `pre-commit 3.x: the system's is ${version}` };
  return { bin: "pre-commit" };
}

/** markdownlint-cli2's hook definition (the one entry of its `.pre-commit-hooks.yaml`). */
const CLI2_HOOKS = [
  "- id: markdownlint-cli2",
  "  name: markdownlint-cli2",
  "  entry: markdownlint-cli2",
  "  language: node",
  "  types: [markdown]",
  "",
].join("\n");

/** A git repository of markdownlint-cli2's published files at `v<version>`, as pre-commit clones the real one. */
function cli2HookRepository(target: string, env: NodeJS.ProcessEnv): void {
  cpSync(join(context().extension, "node_modules", "markdownlint-cli2"), target, { recursive: true });
  const version = (JSON.parse(readFileSync(join(target, "package.json"), "utf8")) as { version: string }).version;
  expect(version).toBe(CLI2_VERSION);
  writeFileSync(join(target, ".pre-commit-hooks.yaml"), CLI2_HOOKS);
  runOrThrow("git", ["init", "-q"], { cwd: target, env });
  runOrThrow("git", ["add", "-A"], { cwd: target, env });
  runOrThrow("git", ["commit", "-q", "-m", `v${version}`], { cwd: target, env });
  runOrThrow("git", ["tag", `v${version}`], { cwd: target, env });
}

/** The forms of docs/hosts.md; `repo` is markdownlint-cli2's GitHub URL there, the local clone in the test. */
const cli2Hook = (repo: string, pack: string): string =>
  [
    "repos:",
    `  - repo: ${repo}`,
    `    rev: v${CLI2_VERSION}`,
    "    hooks:",
    "      - id: markdownlint-cli2",
    `        additional_dependencies: ["${pack}"]`,
    "",
  ].join("\n");

const localHook = (pack: string): string =>
  [
    "repos:",
    "  - repo: local",
    "    hooks:",
    "      - id: markdownlint-cli2",
    "        name: markdownlint-cli2",
    "        entry: markdownlint-cli2",
    "        language: node",
    "        types: [markdown]",
    `        additional_dependencies: ["markdownlint-cli2@${CLI2_VERSION}", "${pack}"]`,
    "",
  ].join("\n");

interface Commit {
  readonly status: number | null;
  readonly output: string;
  readonly findings: string[];
}

function commit(repo: string, env: NodeJS.ProcessEnv, log: string, message: string): Commit {
  writeFileSync(join(repo, "tv-tasks.md"), log);
  runOrThrow("git", ["add", "-A"], { cwd: repo, env });
  const result = run("git", ["commit", "-m", message], { cwd: repo, env });
  const output = `${result.stdout}${result.stderr}`;
  return { status: result.status, output, findings: output.split("\n").filter((line) => FINDING.test(line)) };
}

function userRepository(dir: string, env: NodeJS.ProcessEnv, preCommit: string, preCommitConfig: string): void {
  mkdirSync(dir, { recursive: true });
  runOrThrow("git", ["init", "-q"], { cwd: dir, env });
  writeFileSync(join(dir, ".pre-commit-config.yaml"), preCommitConfig);
  writeFileSync(
    join(dir, ".markdownlint-cli2.jsonc"),
    cli2Config({ extends: "markdownlint-rule-tasklog/recommended" }),
  );
  writeFileSync(join(dir, "README.md"), "# Project\n\nNot a task log: the pack stays silent here.\n");
  runOrThrow(preCommit, ["install"], { cwd: dir, env });
}

const expectedFindings = (content: string): string[] =>
  sorted(lintPack(content).map((error) => formatDefault("tv-tasks.md", error)));

function checkRefusedThenAccepted(repo: string, env: NodeJS.ProcessEnv, broken: string): void {
  const refused = commit(repo, env, broken, "docs: add a broken task log");
  expect(refused.output).toMatch(/markdownlint-cli2\.+Failed/);
  expect(refused.output).toContain(`markdownlint-cli2 v${CLI2_VERSION} (markdownlint v0.40.0)`);
  expect(sorted(refused.findings)).toEqual(expectedFindings(broken));
  expect(refused.findings.length).toBeGreaterThan(0);
  expect(refused.status).not.toBe(0);
  expect(run("git", ["rev-parse", "--verify", "-q", "HEAD"], { cwd: repo, env }).status).not.toBe(0);

  const accepted = commit(repo, env, CLEAN_LOG, "docs: add the task log");
  expect(accepted.output, accepted.output).toMatch(/markdownlint-cli2\.+Passed/);
  expect(accepted.findings).toEqual([]);
  expect(accepted.status).toBe(0);
  expect(readFileSync(join(repo, "tv-tasks.md"), "utf8")).toBe(CLEAN_LOG);
  expect(runOrThrow("git", ["log", "--format=%s"], { cwd: repo, env }).trim()).toBe("docs: add the task log");
}

const three = preCommit3();
if ("skip" in three) console.log(`tests/e2e/hook.precommit.ts: skipped ${three.skip}`);

for (const [label, major, skip] of [
  [`pre-commit ${PRE_COMMIT_4} (pip)`, 4, false],
  ["pre-commit 3.x (the system's)", 3, "skip" in three],
] as const) {
  describe.skipIf(skip)(label, () => {
    const { base, tarball } = context();
    const home = join(base, `pre-commit-${major}`);
    const env = userEnv(join(home, "cache"));
    let preCommit = "";
    let hookRepo = "";

    beforeAll(() => {
      preCommit = major === 4 ? preCommit4() : (three as { bin: string }).bin;
      hookRepo = join(home, "markdownlint-cli2");
      cli2HookRepository(hookRepo, env);
    });

    it("is the version under test, on the system's Node", () => {
      const version = runOrThrow(preCommit, ["--version"], { cwd: base, env }).trim();
      expect(version).toMatch(major === 4 ? `pre-commit ${PRE_COMMIT_4}` : /^pre-commit 3\./);
      expect(run("node", ["--version"], { cwd: base, env }).stdout).toMatch(/^v\d+\./);
      expect(run("npm", ["--version"], { cwd: base, env }).status).toBe(0);
    });

    it("markdownlint-cli2's hook with the package in additional_dependencies refuses a broken log and accepts a clean one", () => {
      const repo = join(home, "user-cli2-hook");
      userRepository(repo, env, preCommit, cli2Hook(hookRepo, tarball));
      checkRefusedThenAccepted(repo, env, BROKEN);
    });

    it("the repo: local hook refuses a broken log and accepts a clean one", () => {
      const repo = join(home, "user-local-hook");
      userRepository(repo, env, preCommit, localHook(tarball));
      checkRefusedThenAccepted(repo, env, BROKEN);
    });
  });
}

describe("the documented pre-commit forms", () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const pin = `markdownlint-rule-tasklog@${version}`;

  it("are the tested ones in docs/hosts.md, markdownlint-cli2's hook first", () => {
    const hosts = readFileSync(join(ROOT, "docs", "hosts.md"), "utf8");
    const cli2 = hosts.indexOf(cli2Hook("https://github.com/DavidAnson/markdownlint-cli2", pin));
    const local = hosts.indexOf(localHook(pin));
    expect(cli2).toBeGreaterThan(0);
    expect(local).toBeGreaterThan(cli2);
  });

  it("init --pre-commit writes markdownlint-cli2's hook (docs/cli/init.md shows its output)", () => {
    const init = readFileSync(join(ROOT, "docs", "cli", "init.md"), "utf8");
    expect(init).toContain(cli2Hook("https://github.com/DavidAnson/markdownlint-cli2", pin));
  });

  it("name no hook of this repository (it has none: pre-commit 4.x would install it unbuilt)", () => {
    expect(existsSync(join(ROOT, ".pre-commit-hooks.yaml"))).toBe(false);
    for (const file of ["README.md", "docs/hosts.md", "docs/cli/init.md"])
      expect(readFileSync(join(ROOT, file), "utf8"), file).not.toMatch(
        /repo: https:\/\/github\.com\/markdownlint-rule-tasklog\//,
      );
  });
});
