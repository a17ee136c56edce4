/**
 * Once per e2e run: `npm pack` the package (its `prepack` script builds dist/), then install the
 * tarball into temporary user projects, one per host (tests/e2e/hosts/<id>: package.json and
 * package-lock.json pin each host), and into a VS Code workspace that has only the package.
 *
 * Every host folder is installed with `npm ci` into a cache, node_modules/.cache/tasklog-e2e/, keyed
 * by a hash of its package.json and package-lock.json, so a second run reinstalls nothing; each run
 * copies the cached project into a fresh temporary folder and installs the tarball there (the cache
 * never sees the package). All installs run in parallel. The node@20.18.3 and node@24 binaries and
 * the packaging checkers (hosts/tools) are used from the cache in place. Set TASKLOG_E2E_KEEP=1 to keep the temporary folder for inspection,
 * TASKLOG_E2E_NO_CACHE=1 to install from scratch.
 * It also installs tests/overrides (markdownlint with the micromark overrides, for overrides.e2e.ts)
 * the same way (cached), and says in one line when the corpus is absent (its tests are then skipped;
 * under CI=true that fails the run here).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { corpusOrSkip } from "../support/corpus-location.mjs";
import {
  HOSTS,
  ROOT,
  nodeMajor,
  runOrThrow,
  type E2EContext,
  type HostId,
  type InstallId,
  type InstalledHost,
  type NodeId,
} from "./support.js";

const NPM_FLAGS = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];
const HOSTS_DIR = join(ROOT, "tests", "e2e", "hosts");
const CACHE = join(ROOT, "node_modules", ".cache", "tasklog-e2e");

/** The node binary of the given major version: this process's, `npm_node_execpath` (the node running npm), or the system's. */
function findNode(major: number): string {
  const candidates = [
    process.env[`TASKLOG_E2E_NODE${major}`],
    process.execPath,
    process.env["npm_node_execpath"],
    "/usr/bin/node",
    "/usr/local/bin/node",
  ].filter((candidate): candidate is string => candidate !== undefined && candidate !== "");
  for (const candidate of candidates) if (nodeMajor(candidate) === major) return candidate;
  throw new Error(`No Node.js ${major} found (tried ${candidates.join(", ")}); set TASKLOG_E2E_NODE${major}.`);
}

/** Run a command without blocking the other installs; reject with its output when it fails. */
function runAsync(command: string, args: readonly string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${code}:\n${output}`)),
    );
  });
}

/** `npm ci` of tests/e2e/hosts/<id> into the cache (once per content of its package files); returns the folder. */
async function cachedInstall(id: string, source = join(HOSTS_DIR, id)): Promise<string> {
  const hash = createHash("sha256");
  for (const file of ["package.json", "package-lock.json"]) hash.update(readFileSync(join(source, file)));
  const dir = join(CACHE, `${id}-${hash.digest("hex").slice(0, 16)}`);
  const done = join(dir, ".installed");
  if (process.env["TASKLOG_E2E_NO_CACHE"] !== "1" && existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ["package.json", "package-lock.json"]) cpSync(join(source, file), join(dir, file));
  await runAsync("npm", ["ci", ...NPM_FLAGS], dir);
  writeFileSync(done, `${new Date().toISOString()}\n`);
  return dir;
}

/** A user project: a copy of the cached host install with the packed tarball added. */
async function userProject(cached: string, dir: string, tarball: string): Promise<string> {
  cpSync(cached, dir, { recursive: true, verbatimSymlinks: true });
  await runAsync("npm", ["install", "--no-save", ...NPM_FLAGS, tarball], dir);
  return dir;
}

/** Pack exactly what `npm publish` would publish into a fresh temporary folder. */
export function pack(): { base: string; tarball: string } {
  const base = mkdtempSync(join(tmpdir(), "tasklog-e2e-"));
  const packed = JSON.parse(
    runOrThrow("npm", ["pack", "--json", "--pack-destination", base, "--loglevel=error"], { cwd: ROOT }),
  ) as { filename: string }[];
  return { base, tarball: join(base, (packed[0] as { filename: string }).filename) };
}

/** Teardown: remove the temporary folder (kept when TASKLOG_E2E_KEEP=1). */
export function cleanup(base: string): () => void {
  return () => {
    if (process.env["TASKLOG_E2E_KEEP"] !== "1") rmSync(base, { recursive: true, force: true });
  };
}

export default async function setup(project: TestProject): Promise<() => void> {
  const started = Date.now();
  const { skip } = corpusOrSkip();
  if (skip !== false) console.log(skip);
  const { base, tarball } = pack();
  const packed = Date.now();

  const ids = [...HOSTS.map((spec) => spec.id), "cli-0.50", "api", "node-20.18", "node-24", "tools"] as const;
  const cachedDirs = Object.fromEntries(
    await Promise.all([
      ...ids.map(async (id) => [id, await cachedInstall(id)] as const),
      // The opt-in micromark overrides of the README, installed from tests/overrides' lock file.
      (async () => ["overrides", await cachedInstall("overrides", join(ROOT, "tests", "overrides"))] as const)(),
    ]),
  ) as Record<HostId | InstallId | "overrides", string>;
  const installed = Date.now();

  const nodeBin = (id: "node-20.18" | "node-24"): string =>
    realpathSync(join(cachedDirs[id], "node_modules", ".bin", "node"));
  const nodes: Record<NodeId, string> = {
    "20": findNode(20),
    "20.18.3": nodeBin("node-20.18"),
    "22": findNode(22),
    "24": nodeBin("node-24"),
  };

  const vscodeWorkspace = join(base, "vscode-workspace");
  mkdirSync(vscodeWorkspace);
  writeFileSync(
    join(vscodeWorkspace, "package.json"),
    `${JSON.stringify({ name: "vscode-workspace", private: true }, null, 2)}\n`,
  );

  const projects = await Promise.all([
    ...HOSTS.map((spec) => userProject(cachedDirs[spec.id], join(base, spec.id), tarball)),
    userProject(cachedDirs["cli-0.50"], join(base, "cli-0.50"), tarball),
    userProject(cachedDirs["api"], join(base, "api"), tarball),
    runAsync("npm", ["install", "--save-dev", ...NPM_FLAGS, tarball], vscodeWorkspace),
  ]);
  const hosts = {} as Record<HostId, InstalledHost>;
  HOSTS.forEach((spec, index) => {
    hosts[spec.id] = { dir: projects[index] as string, node: nodes[spec.nodeMajor === 22 ? "22" : "20"] };
  });

  // The VS Code extension's own markdownlint-cli2 (0.20.0): the cached host without the package,
  // which comes from the workspace; the driver sits next to its node_modules.
  const extension = cachedDirs["cli2-0.20"];
  cpSync(join(ROOT, "tests", "e2e", "drivers", "vscode-extension.mjs"), join(extension, "vscode-extension.mjs"));
  for (const driver of ["api-esm.mjs", "api-cjs.cjs"])
    cpSync(join(ROOT, "tests", "e2e", "drivers", driver), join(base, "api", driver));

  const context: E2EContext = {
    base,
    tarball,
    hosts,
    extension,
    vscodeWorkspace,
    overrides: cachedDirs["overrides"],
    nodes,
    installs: {
      "cli-0.50": join(base, "cli-0.50"),
      api: join(base, "api"),
      "node-20.18": cachedDirs["node-20.18"],
      "node-24": cachedDirs["node-24"],
      tools: cachedDirs["tools"],
    },
  };
  project.provide("e2e", context);
  const seconds = (from: number, to: number): string => ((to - from) / 1000).toFixed(1);
  console.log(
    `e2e setup: packed ${readdirSync(base)
      .filter((name) => name.endsWith(".tgz"))
      .join(", ")} (${seconds(started, packed)} s), ` +
      `host installs ${seconds(packed, installed)} s (cache: ${CACHE}), user projects ${seconds(installed, Date.now())} s, in ${base}`,
  );
  return cleanup(base);
}
