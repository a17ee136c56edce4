/**
 * GitHub, end to end from the packed tarball: the workflow the README shows
 * (examples/github-actions-tasklog.yml) run step by step in a project that installed the tarball, the
 * way a runner runs it (GITHUB_EVENT_PATH pointing at a real `pull_request` payload of
 * @octokit/webhooks-examples with this PR's fields, GITHUB_ACTIONS=true), its annotations compared
 * exactly; and `tasklog sync` fed by a `gh pr list`-shaped file and by standard input, then `check-pr`
 * consistent for the PR it filled in.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import examples from "@octokit/webhooks-examples";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { ROOT, context, envFor, run, runCli, workspace, type InstalledHost } from "./support.js";

const WORKFLOW_FILE = join(ROOT, "examples", "github-actions-tasklog.yml");
const workflow = readFileSync(WORKFLOW_FILE, "utf8");

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
}

const LOG = `# tv-tasks

## Open tasks (updated 2025-10-07)

### Open · tv-2025-10-06:PR?? · Add parser error messages

- **Summary**: Report the line and column of every parse error.
- **Priority**: P1
- **Size**: S
- **Meta?**: No.
- **Dependencies**: None.
- **Next steps**:
  1. Collect the parser's error paths.
- **Validation**: \`npm test\`.
- **Git plan**:
  - Branch: \`feat/parser-errors\`
  - Commits:
    - \`feat(parser): add error messages\`
- **PR**: Title \`feat(parser): add error messages\`; <https://github.com/acme/app/pull/###>.

### Open · tv-2025-10-03:PR41 · Speed up the test suite

- **Summary**: Run the slow tests in parallel.
- **Priority**: P2
- **Size**: XS
- **Meta?**: No.
- **Dependencies**: None.
- **Next steps**:
  1. Split the suite into shards.
- **Validation**: \`npm test\`.
- **Git plan**:
  - Branch: \`ci/test-speedup\`
  - Commits:
    - \`ci: run tests in parallel\`
- **PR**: Title \`ci: speed up the test suite\`; <https://github.com/acme/app/pull/41>.
`;

type Payload = Record<string, unknown>;
const opened = (examples as unknown as { name: string; examples: Payload[] }[])
  .flatMap((group) => group.examples.map((payload) => ({ name: group.name, payload })))
  .find((example) => example.name === "pull_request" && example.payload["action"] === "opened")?.payload as Payload;

/** A real `pull_request` "opened" payload carrying this PR's fields. */
function event(number: number, title: string, head: string, createdAt: string): string {
  const payload = structuredClone(opened);
  const pr = payload["pull_request"] as Record<string, unknown>;
  Object.assign(pr, {
    number,
    title,
    created_at: createdAt,
    html_url: `https://github.com/acme/app/pull/${number}`,
    state: "open",
    merged_at: null,
  });
  (pr["head"] as Record<string, unknown>)["ref"] = head;
  payload["number"] = number;
  return JSON.stringify(payload);
}

const PRS = [
  {
    number: 42,
    title: "feat(parser): add error messages",
    headRefName: "feat/parser-errors",
    createdAt: "2025-10-07T08:02:10Z",
    url: "https://github.com/acme/app/pull/42",
    state: "OPEN",
    mergedAt: null,
  },
  {
    number: 41,
    title: "ci: speed up the test suite",
    headRefName: "ci/test-speedup",
    createdAt: "2025-10-03T09:12:44Z",
    url: "https://github.com/acme/app/pull/41",
    state: "OPEN",
    mergedAt: null,
  },
];

function project(host: InstalledHost): string {
  return workspace(host.dir, {
    "tv-tasks.md": LOG,
    // The README's configuration: the pack on top of markdownlint's own rules.
    ".markdownlint-cli2.jsonc": `${JSON.stringify(
      {
        customRules: ["markdownlint-rule-tasklog"],
        config: { extends: "markdownlint-rule-tasklog/recommended", MD013: false },
      },
      null,
      2,
    )}\n`,
    "event-41.json": event(41, "ci: speed up the test suite", "ci/test-speedup", "2025-10-03T09:12:44Z"),
    "event-42.json": event(42, "feat(parser): add error messages", "feat/parser-errors", "2025-10-07T08:02:10Z"),
    "prs.json": `${JSON.stringify(PRS, null, 2)}\n`,
  });
}

/** A `run:` step as the runner runs it: bash, in the checkout, with the runner's variables. */
function runStep(host: InstalledHost, cwd: string, script: string, env: NodeJS.ProcessEnv = {}) {
  return run("bash", ["-e", "-c", script], { cwd, env: envFor(host.node, env) });
}

describe("examples/github-actions-tasklog.yml", () => {
  const steps = ((load(workflow) as { jobs: { tasklog: { steps: Step[] } } }).jobs.tasklog.steps ?? []) as Step[];

  it("is the workflow the README shows, on pull_request events, linting then checking the PR", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = /```yaml e2e=tests\/e2e\/github\.e2e\.ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(workflow);
    const parsed = load(workflow) as { on: Record<string, unknown>; permissions: Record<string, string> };
    expect(Object.keys(parsed.on)).toEqual(["pull_request"]);
    expect(parsed.permissions).toEqual({ contents: "read" });
    expect(steps.map((step) => step.uses ?? step.run)).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      "npm ci",
      'npx markdownlint-cli2 "**/*.md" "#node_modules"',
      "npx tasklog check-pr tv-tasks.md",
    ]);
  });

  it("passes on a PR whose task is consistent and fails with exact annotations on a mismatch", () => {
    const host = context().hosts["cli2-0.24"];
    const dir = project(host);
    const [lint, check] = steps.slice(3).map((step) => step.run as string) as [string, string];
    // Step 4, the linter: the log is clean.
    // Step 4, the linter: it already fails on the placeholder task (TL002, TL007) that check-pr names.
    const linted = runStep(host, dir, lint);
    expect(linted.stdout).toMatch(/Linting: 1 file/);
    expect(linted.status).toBe(1);
    expect(runCli(host, dir, ["tv-tasks.md"]).lines.map((line) => line.split(" ").slice(0, 3).join(" "))).toEqual([
      "tv-tasks.md:5:26 error TL002/task-id",
      "tv-tasks.md:19:54 error TL007/pr-link",
    ]);

    const runner = (eventFile: string) => ({ GITHUB_ACTIONS: "true", GITHUB_EVENT_PATH: join(dir, eventFile) });
    const good = runStep(host, dir, check, runner("event-41.json"));
    expect({ status: good.status, stdout: good.stdout, stderr: good.stderr }).toEqual({
      status: 0,
      stdout: "tv-tasks.md:21: PR #41 (ci/test-speedup, created 2025-10-03) has its task tv-2025-10-03:PR41\n",
      stderr: "",
    });

    const bad = runStep(host, dir, check, runner("event-42.json"));
    expect(bad.status).toBe(1);
    expect(bad.stdout.split("\n").filter((line) => line.startsWith("::"))).toEqual([
      '::error file=tv-tasks.md,line=5,title=tasklog check-pr::no task has PR #42; the placeholder task tv-2025-10-06:PR?? "Add parser error messages" has its branch feat/parser-errors%0AFix: tasklog set-pr --line 5 --date 2025-10-07 42 tv-tasks.md',
    ]);
    expect(readFileSync(join(dir, "tv-tasks.md"), "utf8")).toBe(LOG);

    // The mismatch's own fix, then the same step passes.
    const fixed = run(
      "npx",
      ["--no-install", "tasklog", "set-pr", "--line", "5", "--date", "2025-10-07", "42", "tv-tasks.md"],
      {
        cwd: dir,
        env: envFor(host.node),
      },
    );
    expect(fixed.status, fixed.stderr).toBe(0);
    const again = runStep(host, dir, check, runner("event-42.json"));
    expect(again.status, again.stdout).toBe(0);
    expect(again.stdout).not.toMatch(/^::error/m);
    const clean = runStep(host, dir, lint);
    expect(clean.status, clean.stderr).toBe(0);
  });

  it("refuses a push event or a missing payload with exit code 2 and a message", () => {
    const host = context().hosts["cli2-0.24"];
    const dir = project(host);
    writeFileSync(join(dir, "push.json"), JSON.stringify({ ref: "refs/heads/main", commits: [] }));
    const check = steps[4]?.run as string;
    const push = runStep(host, dir, check, { GITHUB_EVENT_PATH: join(dir, "push.json") });
    expect(push.status).toBe(2);
    expect(push.stderr).toMatch(/^tasklog: .*not a pull_request event payload/m);
    const none = runStep(host, dir, check, { GITHUB_EVENT_PATH: "" });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^tasklog: /m);
    expect(`${push.stderr}${none.stderr}`).not.toMatch(/internal error|\n\s+at /);
  });
});

describe("tasklog sync from the packed tarball", () => {
  it("fills the placeholder from gh's list (a file, then standard input) and check-pr agrees", () => {
    const host = context().hosts["cli2-0.24"];
    const dir = project(host);
    const tasklog = (args: readonly string[], input?: string) =>
      run("npx", ["--no-install", "tasklog", ...args], {
        cwd: dir,
        env: envFor(host.node),
        ...(input === undefined ? {} : { input }),
      });
    const dry = tasklog(["sync", "--prs", "prs.json", "tv-tasks.md"]);
    expect({ status: dry.status, stdout: dry.stdout }).toEqual({
      status: 0,
      stdout: [
        "tv-tasks.md:5: PR #42: identifier: tv-2025-10-06:PR?? -> tv-2025-10-07:PR42",
        "tv-tasks.md:19: PR #42: PR link in PR: https://github.com/acme/app/pull/### -> https://github.com/acme/app/pull/42",
        "1 task given its PR, 2 changes in all; 0 mismatches, 0 notes (dry run: nothing was written; --write applies it)",
        "",
      ].join("\n"),
    });
    expect(readFileSync(join(dir, "tv-tasks.md"), "utf8")).toBe(LOG);

    const written = tasklog(["sync", "--prs", "-", "--write", "tv-tasks.md"], JSON.stringify(PRS));
    expect(written.status, written.stderr).toBe(0);
    expect(written.stdout).toMatch(/; written\n$/);
    const after = readFileSync(join(dir, "tv-tasks.md"), "utf8");
    expect(after).toBe(
      LOG.replace("tv-2025-10-06:PR?? · Add", "tv-2025-10-07:PR42 · Add").replace("pull/###", "pull/42"),
    );
    for (const pr of [41, 42]) {
      const check = tasklog(["check-pr", "--event", `event-${pr}.json`, "tv-tasks.md"]);
      expect(check.status, check.stdout).toBe(0);
      expect(check.stdout).toMatch(new RegExp(`PR #${pr} .* has its task tv-\\S+:PR${pr}\\n`));
    }
    expect(runCli(host, dir, ["tv-tasks.md"]).lines).toEqual([]);
    const bad = tasklog(["sync", "--prs", "-", "tv-tasks.md"], '[{"number": 1}]');
    expect({ status: bad.status, stderr: bad.stderr }).toEqual({
      status: 2,
      stderr: "tasklog: (stdin): [0].title is missing (expected a string)\n",
    });
  });
});
