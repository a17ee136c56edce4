/**
 * What a user pays for `tasklog --help`, `--version` and an argument error: the CPU time of the whole
 * Node process (user + system, measured inside it by scripts/cpu-report.mjs), against `node -e 0`,
 * interleaved run by run, median of each. markdownlint is loaded only on first use (src/api.ts
 * `loadMarkdownlint`), so these commands must stay within 2x `node -e 0`; `tasklog list` on a small
 * log (which loads markdownlint) is shown for comparison. Part of `npm run bench`; also
 * `npm run bench:cli` alone. Needs the build (`npm run build`).
 *
 * Usage: node scripts/bench-cli.ts [runs] [bin]   (default 15 runs, bin/tasklog.js)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 15);
const bin = resolve(process.argv[3] ?? join(root, "bin", "tasklog.js"));
const report = join(root, "scripts", "cpu-report.mjs");

const dir = mkdtempSync(join(tmpdir(), "tasklog-bench-cli-"));
writeFileSync(
  join(dir, "tv-tasks.md"),
  "# Tasks\n\n## Open tasks (updated 2025-10-03)\n\n### Open · tv-2025-10-03:PR41 · Write the bench\n\n- **Priority**: P1\n",
);

const cases: Record<string, readonly string[]> = {
  "node -e 0": ["-e", "0"],
  "tasklog --help": [bin, "--help"],
  "tasklog --version": [bin, "--version"],
  "tasklog list --priority P9 (argument error)": [bin, "list", "--priority", "P9", "tv-tasks.md"],
  "tasklog lsit (unknown command)": [bin, "lsit"],
  "tasklog list (loads markdownlint)": [bin, "list", "tv-tasks.md"],
};

function cpuMs(args: readonly string[]): number {
  const result = spawnSync(process.execPath, ["--import", report, ...args], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "ignore", "ignore", "pipe"],
  });
  const micros = Number((result.output[3] ?? "").trim());
  if (!Number.isFinite(micros) || micros <= 0) throw new Error(`no CPU report from node ${args.join(" ")}`);
  return micros / 1000;
}

const samples = new Map<string, number[]>(Object.keys(cases).map((name) => [name, []]));
for (let i = 0; i < runs + 1; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const ms = cpuMs(args);
    if (i > 0) samples.get(name)?.push(ms); // The first round warms the file cache.
  }
}
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const base = median(samples.get("node -e 0") ?? []);
console.log(`tasklog start-up CPU (user + system of the whole process, median of ${runs}, ${process.version})`);
let over = false;
for (const [name, values] of samples) {
  const ms = median(values);
  const ratio = ms / base;
  const bounded = name !== "node -e 0" && !name.includes("loads markdownlint");
  if (bounded && ratio > 2) over = true;
  console.log(
    `  ${name.padEnd(46)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x${bounded ? " (target <= 2x)" : ""}`,
  );
}
if (over) {
  console.log("over the target: a command that needs no parser paid more than 2x node -e 0");
  process.exitCode = 1;
}
