/**
 * pre-commit end to end with the real `pre-commit` tool and real `git commit`s, on the system's Node
 * (what pre-commit's `language: node` uses when node and npm are on PATH):
 *
 * 1. This repository as the hook repository (`.pre-commit-hooks.yaml`, hook `markdownlint-tasklog`):
 *    a snapshot of the working tree (the files git tracks or would track) committed to a temporary
 *    git repository, as pre-commit clones it from a `repo:` URL at a `rev`. pre-commit runs
 *    `npm install` there, `npm pack` (the `prepack` script builds dist/) and installs the package.
 * 2. The alternative without this repository: a hook that installs markdownlint-cli2 and the package
 *    as `additional_dependencies` (the packed tarball here, `markdownlint-rule-tasklog@<version>` for a
 *    user) — the same mechanism as markdownlint-cli2's own hook with the package added.
 *
 * In both, a commit of a broken task log is refused with the pack's findings in the output (exactly
 * the library's, in the default formatter's format), and a commit of the clean log passes.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack } from "../harness.js";
import { itCorpus } from "../support/corpus.js";
import { BROKEN } from "./broken.js";
import {
  CLEAN_LOG,
  FINDING,
  ROOT,
  cli2Config,
  context,
  formatDefault,
  readReal,
  run,
  runOrThrow,
  sorted,
} from "./support.js";

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

function snapshotRepository(target: string, env: NodeJS.ProcessEnv): string {
  const files = runOrThrow("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: ROOT })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    try {
      mkdirSync(dirname(join(target, file)), { recursive: true });
      cpSync(join(ROOT, file), join(target, file));
    } catch (error) {
      // A tracked file deleted in the working tree is not part of the snapshot.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  runOrThrow("git", ["init", "-q"], { cwd: target, env });
  runOrThrow("git", ["add", "-A"], { cwd: target, env });
  runOrThrow("git", ["commit", "-q", "-m", "snapshot"], { cwd: target, env });
  return runOrThrow("git", ["rev-parse", "HEAD"], { cwd: target, env }).trim();
}

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

function userRepository(dir: string, env: NodeJS.ProcessEnv, preCommitConfig: string): void {
  mkdirSync(dir, { recursive: true });
  runOrThrow("git", ["init", "-q"], { cwd: dir, env });
  writeFileSync(join(dir, ".pre-commit-config.yaml"), preCommitConfig);
  writeFileSync(
    join(dir, ".markdownlint-cli2.jsonc"),
    cli2Config({ extends: "markdownlint-rule-tasklog/recommended" }),
  );
  writeFileSync(join(dir, "README.md"), "# Project\n\nNot a task log: the pack stays silent here.\n");
  runOrThrow("pre-commit", ["install"], { cwd: dir, env });
}

/** The `repo: local` hook (markdownlint-cli2's own hook definition with the package added). */
const localHook = (pack: string): string =>
  [
    "  - repo: local",
    "    hooks:",
    "      - id: markdownlint-cli2",
    "        name: markdownlint-cli2",
    "        entry: markdownlint-cli2",
    "        language: node",
    "        types: [markdown]",
    `        additional_dependencies: ["markdownlint-cli2@0.20.0", "${pack}"]`,
    "",
  ].join("\n");

const expectedFindings = (content: string): string[] =>
  sorted(lintPack(content).map((error) => formatDefault("tv-tasks.md", error)));

function checkRefusedThenAccepted(repo: string, env: NodeJS.ProcessEnv, broken: string): void {
  const refused = commit(repo, env, broken, "docs: add a broken task log");
  expect(refused.output).toMatch(/markdownlint.*Failed/);
  expect(refused.output).toMatch(/markdownlint-cli2 v0\.20\.0 \(markdownlint v0\.40\.0\)/);
  expect(sorted(refused.findings)).toEqual(expectedFindings(broken));
  expect(refused.findings.length).toBeGreaterThan(0);
  expect(refused.status).not.toBe(0);
  expect(run("git", ["rev-parse", "--verify", "-q", "HEAD"], { cwd: repo, env }).status).not.toBe(0);

  const accepted = commit(repo, env, CLEAN_LOG, "docs: add the task log");
  expect(accepted.output).toMatch(/markdownlint.*Passed/);
  expect(accepted.findings).toEqual([]);
  expect(accepted.status).toBe(0);
  expect(readFileSync(join(repo, "tv-tasks.md"), "utf8")).toBe(CLEAN_LOG);
  expect(runOrThrow("git", ["log", "--format=%s"], { cwd: repo, env }).trim()).toBe("docs: add the task log");
}

describe("pre-commit", () => {
  const { base, tarball } = context();
  const env = userEnv(join(base, "pre-commit-home"));

  it("runs on the system's Node (pre-commit's language: node)", () => {
    expect(run("pre-commit", ["--version"], { cwd: base, env }).stdout).toMatch(/^pre-commit \d+\./);
    expect(run("node", ["--version"], { cwd: base, env }).stdout).toMatch(/^v\d+\./);
    expect(run("npm", ["--version"], { cwd: base, env }).status).toBe(0);
  });

  itCorpus("this repository as the hook repository refuses a broken task log and accepts a clean one", () => {
    const hookRepo = join(base, "hook-repo");
    mkdirSync(hookRepo);
    const rev = snapshotRepository(hookRepo, env);
    const repo = join(base, "user-repo");
    userRepository(
      repo,
      env,
      `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: markdownlint-tasklog\n`,
    );
    checkRefusedThenAccepted(repo, env, readReal(40));
  });

  it("a hook with the package in additional_dependencies refuses a broken task log and accepts a clean one", () => {
    const repo = join(base, "user-repo-local");
    userRepository(repo, env, `repos:\n${localHook(tarball)}`);
    checkRefusedThenAccepted(repo, env, BROKEN);
  });

  it("is documented in the README as tested (hook ID, local hook with the package's version)", () => {
    const readme = readFileSync(join(ROOT, "docs", "hosts.md"), "utf8");
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(readme).toContain(localHook(`markdownlint-rule-tasklog@${version}`));
    const hooks = readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8");
    const id = /^- id: (\S+)$/m.exec(hooks)?.[1];
    expect(id).toBe("markdownlint-tasklog");
    expect(readme).toContain(`      - id: ${id}\n`);
  });
});
