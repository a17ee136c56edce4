/**
 * Shared helpers of the end-to-end tests. `global-setup.ts` packs the package (`npm pack`, as a
 * user gets it from the registry) and installs it into one temporary user project per host; the tests
 * write task logs and configuration into workspaces inside those projects and run the real hosts.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { inject } from "vitest";
import type { LintError } from "../harness.js";
import { corpusSkip, realDir } from "../support/corpus.js";

export const ROOT = join(import.meta.dirname, "..", "..");

export type HostId = "cli2-0.24" | "cli2-0.20" | "cli2-0.22";

export interface HostSpec {
  readonly id: HostId;
  /** markdownlint-cli2 version installed in the host project (tests/e2e/hosts/<id>/package-lock.json). */
  readonly cli2: string;
  /** The markdownlint version that markdownlint-cli2 version bundles. */
  readonly markdownlint: string;
  /** The Node.js major version the host runs on. */
  readonly nodeMajor: number;
}

/**
 * The markdownlint-cli2 hosts users run: the current CLI; the version the VS Code extension bundles;
 * and what `npm install markdownlint-cli2` resolves on Node 20 (0.23 and newer want Node 22).
 */
export const HOSTS: readonly HostSpec[] = [
  { id: "cli2-0.24", cli2: "0.24.1", markdownlint: "0.42.1", nodeMajor: 22 },
  { id: "cli2-0.20", cli2: "0.20.0", markdownlint: "0.40.0", nodeMajor: 20 },
  { id: "cli2-0.22", cli2: "0.22.1", markdownlint: "0.40.0", nodeMajor: 20 },
];

/**
 * Every Node.js the e2e tests run: the system's Node 20 (`/usr/bin/node`, or TASKLOG_E2E_NODE20),
 * the dev dependency node@22 (which runs the npm scripts), and the npm packages node@20.18.3 (no
 * `require()` of ES modules) and node@24 installed from tests/e2e/hosts/node-20.18 and node-24.
 */
export type NodeId = "20" | "20.18.3" | "22" | "24";

/** Other host projects (tests/e2e/hosts/<id>), installed once and shared by the tests that use them. */
export type InstallId = "cli-0.50" | "api" | "node-20.18" | "node-24" | "tools";

/** The VS Code extension: markdownlint-cli2 0.20.0 `main()`, on the extension host's Node versions. */
export const EDITORS: readonly { readonly node: NodeId; readonly where: string }[] = [
  { node: "22", where: "desktop" },
  { node: "24", where: "remote and web-server hosts" },
];

export interface InstalledHost {
  /** The temporary user project (node_modules with markdownlint-cli2 and the packed tarball). */
  readonly dir: string;
  /** The node binary the host runs on. */
  readonly node: string;
}

export interface E2EContext {
  /** Temporary folder holding everything the run created. */
  readonly base: string;
  /** The packed `markdownlint-rule-tasklog-<version>.tgz`. */
  readonly tarball: string;
  readonly hosts: Record<HostId, InstalledHost>;
  /**
   * markdownlint-cli2 0.20.0 as the VS Code extension bundles it: without the package, plus the
   * driver tests/e2e/drivers/vscode-extension.mjs (which calls `main` the way the extension does).
   */
  readonly extension: string;
  /** A VS Code workspace: only the tarball installed (the extension brings its own markdownlint-cli2). */
  readonly vscodeWorkspace: string;
  /** The node binary of each Node.js version the tests run. */
  readonly nodes: Record<NodeId, string>;
  /** The other host projects (the packed tarball installed in cli-0.50 and api). */
  readonly installs: Record<InstallId, string>;
  /** tests/overrides installed (markdownlint 0.42.1 with micromark 4.0.2 through npm overrides). */
  readonly overrides: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2EContext;
  }
}

export function context(): E2EContext {
  return inject("e2e");
}

export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
): SpawnSyncReturns<string> {
  return spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
}

/** Run a command and throw with its output when it fails (setup steps). */
export function runOrThrow(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): string {
  const result = run(command, args, options);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} (in ${options.cwd}) exited ${result.status}:\n${result.stdout}\n${result.stderr}\n${result.error ?? ""}`,
    );
  }
  return result.stdout;
}

export function nodeMajor(node: string): number | undefined {
  const result = spawnSync(node, ["--version"], { encoding: "utf8" });
  const match = /^v(\d+)\./.exec(result.stdout ?? "");
  return match ? Number(match[1]) : undefined;
}

/** Environment that puts `node` (the given binary) first on PATH, so `#!/usr/bin/env node` bins run on it. */
export function envFor(node: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${dirname(node)}:${process.env["PATH"] ?? ""}`, ...extra };
}

/** Create a fresh workspace folder inside a host project and write `files` (relative path → text). */
export function workspace(parent: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(parent, "ws-"));
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The default formatter's finding lines (`file:line[:column] severity RULE/name description …`). */
  readonly lines: string[];
}

/** Run the host's real `markdownlint-cli2` binary (node_modules/.bin) on the host's Node version. */
export function runCli(host: InstalledHost, cwd: string, args: readonly string[]): CliResult {
  const bin = join(host.dir, "node_modules", ".bin", "markdownlint-cli2");
  const result = run(bin, args, { cwd, env: envFor(host.node) });
  if (result.error) throw result.error;
  const lines = `${result.stderr}`.split("\n").filter((line) => FINDING.test(line));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines };
}

/** `tasklog args` as a user runs it in `cwd` (`npx --no-install tasklog`, the host's Node). */
export function runTasklog(
  host: InstalledHost,
  cwd: string,
  args: readonly string[],
): { status: number | null; stdout: string; stderr: string } {
  const result = run("npx", ["--no-install", "tasklog", ...args], { cwd, env: envFor(host.node) });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const FINDING = /^(\S+?):(\d+)(?::(\d+))? (?:(error|warning) )?([A-Z]+\d{3})\/(\S+) /;

export interface ParsedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number | undefined;
  readonly severity: string | undefined;
  readonly rule: string;
}

export function parseFinding(text: string): ParsedFinding {
  const match = FINDING.exec(text);
  if (!match) throw new Error(`not a finding line: ${text}`);
  return {
    file: match[1] as string,
    line: Number(match[2]),
    column: match[3] === undefined ? undefined : Number(match[3]),
    severity: match[4],
    rule: match[5] as string,
  };
}

/**
 * The line markdownlint-cli2's default formatter (markdownlint-cli2-formatter-default 0.0.6, used by
 * both hosts) prints for a library finding: what the library says must be what the CLI shows.
 */
export function formatDefault(file: string, error: LintError, severity = error.severity): string {
  const column = error.errorRange?.[0] ? `:${error.errorRange[0]}` : "";
  const sev = severity ? ` ${severity}` : "";
  const detail = error.errorDetail ? ` [${error.errorDetail}]` : "";
  const context = error.errorContext ? ` [Context: "${error.errorContext}"]` : "";
  return `${file}:${error.lineNumber}${column}${sev} ${error.ruleNames.join("/")} ${error.ruleDescription}${detail}${context}`;
}

export const sorted = (values: readonly string[]): string[] => [...values].sort();

/** `.markdownlint-cli2.jsonc` text: the pack from the installed package plus `config`. */
export function cli2Config(config: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return `// Written by the e2e tests, the way the README tells users to.\n${JSON.stringify({ customRules: ["markdownlint-rule-tasklog"], config, ...extra }, null, 2)}\n`;
}

/** A real task-log version (TASKLOG_CORPUS or ../shared/corpus); only in tests gated on the corpus. */
export function readReal(version: number): string {
  return readFileSync(join(realDir, `tv-tasks.v${String(version).padStart(2, "0")}.md`), "utf8");
}

/**
 * The task log the host-matrix tests lint: the newest real version (tv-tasks.v40.md) when the corpus is
 * there (always under CI=true), else examples/broken/tv-tasks.md, which every clone has and which
 * breaks every rule of the pack, so that a fresh clone still runs every host.
 */
export const HOST_LOG: string =
  corpusSkip === false ? readReal(40) : readFileSync(join(ROOT, "examples", "broken", "tv-tasks.md"), "utf8");

/** The clean task log of the e2e tests (every rule of the pack is satisfied). */
export const CLEAN_LOG = readFileSync(join(import.meta.dirname, "fixtures", "tv-tasks.clean.md"), "utf8");

/** Replace `search` (which must occur exactly once) by `replacement`. */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const index = text.indexOf(search);
  if (index < 0 || text.indexOf(search, index + 1) >= 0) throw new Error(`expected exactly one "${search}"`);
  return text.slice(0, index) + replacement + text.slice(index + search.length);
}
