/**
 * `npm run demo:github`: issue 19's demonstration on a copy of the newest real log (the shared corpus;
 * TASKLOG_CORPUS or ../shared/corpus): a `gh pr list`-shaped file built for its tasks
 * (tests/support/gh-list.ts), `tasklog sync` filling its placeholders, then `tasklog check-pr` under
 * GITHUB_ACTIONS=true passing for one PR and failing, with an annotation, for a mismatched one (the
 * same PR opened from another branch, a day later). Runs the built command (npm run build first).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = join(import.meta.dirname, "..");
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(root, path)).href)) as T;
const { parseTaskLog } = await load<typeof import("../src/api.js")>("dist/api.js");
const { eventFor, ghListFor } = await load<typeof import("../tests/support/gh-list.js")>("tests/support/gh-list.ts");

const corpus = process.env["TASKLOG_CORPUS"] ?? join(import.meta.dirname, "..", "..", "shared", "corpus");
const realDir = join(corpus, "real");
const newest = readdirSync(realDir)
  .filter((name) => /^tv-tasks\.v\d+\.md$/.test(name))
  .sort()
  .pop();
if (newest === undefined) throw new Error(`no real log in ${realDir}`);
const dir = mkdtempSync(join(tmpdir(), "tasklog-demo-"));
copyFileSync(join(realDir, newest), join(dir, "tv-tasks.md"));
const bin = join(import.meta.dirname, "..", "bin", "tasklog.js");

function tasklog(args: string[], env: NodeJS.ProcessEnv = {}): void {
  console.log(
    `$ ${Object.entries(env)
      .map(([k, v]) => `${k}=${v} `)
      .join("")}tasklog ${args.join(" ")}`,
  );
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  process.stdout.write(result.stdout + result.stderr);
  console.log(`(exit code ${result.status})\n`);
}

const list = ghListFor(parseTaskLog(readFileSync(join(dir, "tv-tasks.md"), "utf8")).tasks);
writeFileSync(
  join(dir, "prs.json"),
  JSON.stringify(
    list.map((entry) => entry.pr),
    null,
    2,
  ),
);
console.log(
  `${newest} copied to ${dir}; prs.json: ${list.length} PRs, ${list.filter((e) => e.placeholder).length} for placeholder tasks\n`,
);
tasklog(["sync", "--prs", "prs.json", "tv-tasks.md"]);
tasklog(["sync", "--prs", "prs.json", "--write", "tv-tasks.md"]);
const filled = list.find((entry) => entry.placeholder) ?? list[0];
if (filled === undefined) throw new Error("no PR");
writeFileSync(join(dir, "event-good.json"), eventFor(filled.pr));
const day = new Date(Date.parse(filled.pr.createdAt) + 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
writeFileSync(
  join(dir, "event-bad.json"),
  eventFor({ ...filled.pr, headRefName: "fix/another-branch", createdAt: day }),
);
tasklog(["check-pr", "--event", "event-good.json", "tv-tasks.md"], { GITHUB_ACTIONS: "true" });
tasklog(["check-pr", "--event", "event-bad.json", "tv-tasks.md"], { GITHUB_ACTIONS: "true" });
