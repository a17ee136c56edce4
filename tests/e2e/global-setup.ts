/**
 * Once per e2e run: `npm pack` the package (its `prepack` script builds dist/), then install the
 * tarball into fresh temporary user projects, one per host (tests/e2e/hosts/<id>: package.json and
 * package-lock.json pin markdownlint-cli2 and the output formatters; `npm ci` installs them, from the
 * npm cache when it has them), and into a VS Code workspace that has only the package.
 * It also installs tests/overrides (markdownlint with the micromark overrides, for overrides.e2e.ts)
 * the same way, and says in one line when the corpus is absent (its tests are then skipped; under
 * CI=true that fails the run here). Set TASKLOG_E2E_KEEP=1 to keep the temporary folder for inspection.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { corpusOrSkip } from "../support/corpus-location.mjs";
import { HOSTS, ROOT, nodeMajor, runOrThrow, type E2EContext, type HostId, type InstalledHost } from "./support.js";

const NPM_FLAGS = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];

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

/** Pack exactly what `npm publish` would publish into a fresh temporary folder. */
export function pack(): { base: string; tarball: string } {
  const base = mkdtempSync(join(tmpdir(), "tasklog-e2e-"));
  const packed = JSON.parse(runOrThrow("npm", ["pack", "--json", "--pack-destination", base, "--loglevel=error"], { cwd: ROOT })) as { filename: string }[];
  return { base, tarball: join(base, (packed[0] as { filename: string }).filename) };
}

/** Teardown: remove the temporary folder (kept when TASKLOG_E2E_KEEP=1). */
export function cleanup(base: string): () => void {
  return () => {
    if (process.env["TASKLOG_E2E_KEEP"] !== "1") rmSync(base, { recursive: true, force: true });
  };
}

export default function setup(project: TestProject): () => void {
  const started = Date.now();
  const { skip } = corpusOrSkip();
  if (skip !== false) console.log(skip);
  const { base, tarball } = pack();

  const hosts = {} as Record<HostId, InstalledHost>;
  const extensions = {} as Record<HostId, InstalledHost>;
  for (const spec of HOSTS) {
    const node = findNode(spec.nodeMajor);
    // The VS Code extension's own markdownlint-cli2: the host without the package (it comes from the workspace).
    const extension = join(base, `extension-${spec.id}`);
    cpSync(join(ROOT, "tests", "e2e", "hosts", spec.id), extension, { recursive: true });
    runOrThrow("npm", ["ci", ...NPM_FLAGS], { cwd: extension });
    cpSync(join(ROOT, "tests", "e2e", "drivers", "vscode-extension.mjs"), join(extension, "vscode-extension.mjs"));
    extensions[spec.id] = { dir: extension, node };
    // A user project: the host and the packed package.
    const dir = join(base, spec.id);
    cpSync(join(ROOT, "tests", "e2e", "hosts", spec.id), dir, { recursive: true });
    runOrThrow("npm", ["ci", ...NPM_FLAGS], { cwd: dir });
    runOrThrow("npm", ["install", "--no-save", ...NPM_FLAGS, tarball], { cwd: dir });
    hosts[spec.id] = { dir, node };
  }

  const vscodeWorkspace = join(base, "vscode-workspace");
  mkdirSync(vscodeWorkspace);
  writeFileSync(join(vscodeWorkspace, "package.json"), `${JSON.stringify({ name: "vscode-workspace", private: true }, null, 2)}\n`);
  runOrThrow("npm", ["install", "--save-dev", ...NPM_FLAGS, tarball], { cwd: vscodeWorkspace });

  // The opt-in micromark overrides of the README, installed from tests/overrides' lock file.
  const overrides = join(base, "overrides");
  cpSync(join(ROOT, "tests", "overrides"), overrides, { recursive: true, filter: (path) => !path.includes("node_modules") });
  runOrThrow("npm", ["ci", ...NPM_FLAGS], { cwd: overrides });

  const context: E2EContext = { base, tarball, hosts, extensions, vscodeWorkspace, overrides };
  project.provide("e2e", context);
  console.log(`e2e setup: packed ${readdirSync(base).filter((name) => name.endsWith(".tgz")).join(", ")} and installed ${HOSTS.length} hosts, their extension copies and the micromark overrides in ${((Date.now() - started) / 1000).toFixed(1)} s (${base})`);
  return cleanup(base);
}
