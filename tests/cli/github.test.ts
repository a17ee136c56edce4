/**
 * `tasklog check-pr` and `tasklog sync`, in process: the GitHub input read through validated shapes
 * (real webhook payloads of @octokit/webhooks-examples), every finding, the annotations under
 * GITHUB_ACTIONS=true compared exactly, exit codes 0/1/2, --json, --timezone, --write keeping bytes.
 */
import examples from "@octokit/webhooks-examples";
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatAnnotation } from "../../src/github/annotations.js";
import { dateIn, readEventPullRequest, readPrList } from "../../src/github/pull-request.js";
import { sandbox } from "./run.js";

type Payload = Record<string, unknown> & { pull_request?: Record<string, unknown> };
const allExamples = (examples as unknown as { name: string; examples: Payload[] }[]).flatMap((group) =>
  group.examples.map((payload) => ({ name: group.name, payload })),
);
const opened = allExamples.find((example) => example.name === "pull_request" && example.payload["action"] === "opened")
  ?.payload as Payload;

/** A real `pull_request` payload with this PR's fields. */
function event(pr: {
  number: number;
  title: string;
  head: string;
  createdAt: string;
  url?: string;
  state?: string;
  mergedAt?: string | null;
}): string {
  const payload = structuredClone(opened);
  const body = payload.pull_request as Record<string, unknown>;
  Object.assign(body, {
    number: pr.number,
    title: pr.title,
    created_at: pr.createdAt,
    html_url: pr.url ?? `https://github.com/acme/app/pull/${pr.number}`,
    state: pr.state ?? "open",
    merged_at: pr.mergedAt ?? null,
  });
  (body["head"] as Record<string, unknown>)["ref"] = pr.head;
  payload["number"] = pr.number;
  return JSON.stringify(payload, null, 2);
}

const LOG = `# tv-tasks

## Open tasks (updated 2025-10-07)

### Open · tv-2025-10-06:PR?? · Add the parser

- **Summary**: Parse it.
- **Git plan**:
  - Branch: \`feat/parser-errors\`
  - Commits:
    - \`feat(parser): add error messages\`
- **PR**: Title \`feat(parser): add error messages\`; <https://github.com/acme/app/pull/###>.

### Open · tv-2025-10-03:PR41 · Speed up tests

- **Summary**: Faster. After \`tv-2025-10-06:PR??\`.
- **Git plan**:
  - Branch: \`ci/test-speedup\`
- **PR**: Title \`ci: speed up tests\`; <https://github.com/acme/app/pull/41>.

### Open · tv-2025-10-02:PR?? · Docs pass

- **Summary**: Docs.
- **Git plan**:
  - Commits:
    - \`docs: refresh\`
- **PR**: Title \`docs: refresh\`.
`;

const PR41 = {
  number: 41,
  title: "ci: speed up tests",
  head: "ci/test-speedup",
  createdAt: "2025-10-03T10:00:00Z",
};

const gh = (prs: readonly object[]): string => JSON.stringify(prs, null, 2);
const ghPr = (number: number, headRefName: string, createdAt: string, extra: Record<string, unknown> = {}) => ({
  number,
  title: "feat(parser): add error messages",
  headRefName,
  createdAt,
  url: `https://github.com/acme/app/pull/${number}`,
  state: "OPEN",
  mergedAt: null,
  ...extra,
});

describe("the GitHub input", () => {
  it("reads the PR of every real pull_request* example payload", () => {
    const withPr = allExamples.filter((example) => example.payload.pull_request !== undefined);
    expect(withPr.length).toBeGreaterThan(30);
    for (const { name, payload } of withPr) {
      const pr = readEventPullRequest(JSON.stringify(payload));
      const body = payload.pull_request as Record<string, unknown> & { head: { ref: string } };
      expect(pr, name).toMatchObject({ number: body["number"], headRefName: body.head.ref, url: body["html_url"] });
      expect(dateIn(pr.createdAt)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("refuses every other real payload, naming the event", () => {
    const others = allExamples.filter((example) => example.payload.pull_request === undefined);
    expect(others.length).toBeGreaterThan(50);
    for (const { name, payload } of others) {
      expect(() => readEventPullRequest(JSON.stringify(payload), name), name).toThrow(
        `not a pull_request event payload (GITHUB_EVENT_NAME=${name}): it has no pull_request object`,
      );
    }
  });

  it("names the missing or mistyped field", () => {
    const payload = JSON.parse(event(PR41)) as Payload;
    const body = payload.pull_request as Record<string, unknown>;
    delete (body["head"] as Record<string, unknown>)["ref"];
    expect(() => readEventPullRequest(JSON.stringify(payload))).toThrow(
      "pull_request.head.ref is missing (expected a branch name)",
    );
    body["head"] = "main";
    expect(() => readEventPullRequest(JSON.stringify(payload))).toThrow("pull_request.head is string");
    body["number"] = "41";
    expect(() => readEventPullRequest(JSON.stringify(payload))).toThrow(
      'pull_request.number is "41" (expected a PR number)',
    );
    expect(() => readEventPullRequest("{")).toThrow(/^the event file is not JSON/);
    expect(() => readPrList('[{"number":3}]')).toThrow("[0].title is missing (expected a string)");
    expect(() => readPrList(gh([ghPr(3, "a/b", "2025-01-01T00:00:00Z"), { ...ghPr(4, "", "x") }]))).toThrow(
      '[1].headRefName is "" (expected a branch name)',
    );
    expect(() =>
      readPrList(gh([ghPr(3, "a/b-c", "2025-01-01T00:00:00Z"), ghPr(3, "x/y-z", "2025-01-01T00:00:00Z")])),
    ).toThrow("[1]: PR #3 is listed twice (also at [0])");
    expect(() => readPrList('{"number":3}')).toThrow(/^the PR list is object \(expected the array/);
    expect(
      readPrList(
        gh([ghPr(3, "a/b", "2025-01-01T00:00:00Z", { state: "MERGED", mergedAt: "2025-01-02T00:00:00Z" })]),
      )[0],
    ).toMatchObject({
      state: "merged",
      mergedAt: "2025-01-02T00:00:00Z",
    });
  });

  it("escapes workflow commands by GitHub's rules", () => {
    expect(escapeData("50% done\r\nnext: a, b")).toBe("50%25 done%0D%0Anext: a, b");
    expect(escapeProperty("docs/a:b,c%.md")).toBe("docs/a%3Ab%2Cc%25.md");
    expect(formatAnnotation({ level: "error", file: "a,b:c.md", line: 3, title: "t: x", message: "m\nn" })).toBe(
      "::error file=a%2Cb%3Ac.md,line=3,title=t%3A x::m%0An",
    );
  });

  it("dates a timestamp in a time zone (Intl)", () => {
    expect(dateIn("2025-10-03T23:30:00Z")).toBe("2025-10-03");
    expect(dateIn("2025-10-03T23:30:00Z", "Europe/Berlin")).toBe("2025-10-04");
    expect(dateIn("2025-10-03T05:00:00Z", "America/Los_Angeles")).toBe("2025-10-02");
  });
});

describe("tasklog check-pr", () => {
  it("exit 0 for a consistent PR; the event from GITHUB_EVENT_PATH", async () => {
    const box = sandbox({ "tv-tasks.md": LOG, "event.json": event(PR41) });
    const result = await box.run(["check-pr", "tv-tasks.md"], { env: { GITHUB_EVENT_PATH: "event.json" } });
    expect(result).toEqual({
      code: 0,
      stdout: "tv-tasks.md:14: PR #41 (ci/test-speedup, created 2025-10-03) has its task tv-2025-10-03:PR41\n",
      stderr: "",
    });
  });

  it("exit 1 on a mismatch, with annotations under GITHUB_ACTIONS=true, compared exactly", async () => {
    const pr = { ...PR41, head: "ci/faster", createdAt: "2025-10-04T01:00:00Z", title: "Speed up tests, 50%" };
    const box = sandbox({
      "tv-tasks.md": LOG,
      "event.json": event({ ...PR41, ...pr, url: "https://github.com/acme/app/pull/41" }),
    });
    const env = { GITHUB_EVENT_PATH: "event.json", GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: box.dir };
    const result = await box.run(["check-pr", `${box.dir}/tv-tasks.md`], { env });
    expect(result.code).toBe(1);
    const file = `${box.dir}/tv-tasks.md`;
    expect(result.stdout.split("\n")).toEqual([
      `${file}:14: tv-2025-10-03:PR41: the date 2025-10-03 is not PR #41's creation date 2025-10-04 (UTC; created 2025-10-04T01:00:00Z)`,
      "::error file=tv-tasks.md,line=14,title=tasklog check-pr::tv-2025-10-03:PR41: the date 2025-10-03 is not PR #41's creation date 2025-10-04 (UTC; created 2025-10-04T01:00:00Z)",
      `${file}:14: tv-2025-10-03:PR41: the Git plan branch ci/test-speedup is not PR #41's head branch ci/faster`,
      "::error file=tv-tasks.md,line=14,title=tasklog check-pr::tv-2025-10-03:PR41: the Git plan branch ci/test-speedup is not PR #41's head branch ci/faster",
      `${file}:14: note: PR #41's title "Speed up tests, 50%" is not a Conventional Commits header: Expected a Conventional Commits header "<type>(<scope>): <subject>"; Actual: "Speed up tests, 50%"`,
      `::notice file=tv-tasks.md,line=14,title=tasklog check-pr::PR #41's title "Speed up tests, 50%25" is not a Conventional Commits header: Expected a Conventional Commits header "<type>(<scope>): <subject>"; Actual: "Speed up tests, 50%25"`,
      `${file}:14: note: PR #41's title "Speed up tests, 50%" differs from the task's PR title "ci: speed up tests"`,
      `::notice file=tv-tasks.md,line=14,title=tasklog check-pr::PR #41's title "Speed up tests, 50%25" differs from the task's PR title "ci: speed up tests"`,
      "",
    ]);
    // --timezone: a team logging Berlin dates would have written 2025-10-04 too; in Los Angeles it is 10-03.
    const local = await box.run(["check-pr", "--timezone", "America/Los_Angeles", "tv-tasks.md"], {
      env: { GITHUB_EVENT_PATH: "event.json" },
    });
    expect(local.stdout).not.toMatch(/creation date/);
  });

  it("names the placeholder task of the PR's branch and the set-pr command that fixes it", async () => {
    const box = sandbox({
      "tv-tasks.md": LOG,
      "event.json": event({
        number: 52,
        title: "feat(parser): add error messages",
        head: "feat/parser-errors",
        createdAt: "2025-10-07T09:00:00Z",
      }),
    });
    const result = await box.run(["check-pr", "--event", "event.json", "tv-tasks.md"], { env: {} });
    expect(result).toEqual({
      code: 1,
      stdout:
        'tv-tasks.md:5: no task has PR #52; the placeholder task tv-2025-10-06:PR?? "Add the parser" has its branch feat/parser-errors; fix: tasklog set-pr --line 5 --date 2025-10-07 52 tv-tasks.md\n',
      stderr: "",
    });
    const fix = await box.run(["set-pr", "--line", "5", "--date", "2025-10-07", "52", "tv-tasks.md"]);
    expect(fix.code, fix.stderr).toBe(0);
    expect(fix.stdout).toBe(
      [
        "tv-tasks.md:5: identifier: tv-2025-10-06:PR?? -> tv-2025-10-07:PR52",
        "tv-tasks.md:12: PR link in PR: ### -> 52",
        "tv-tasks.md:16: mention in Summary: tv-2025-10-06:PR?? -> tv-2025-10-07:PR52",
        "",
      ].join("\n"),
    );
    expect((await box.run(["check-pr", "--event", "event.json", "tv-tasks.md"], { env: {} })).code).toBe(0);
  });

  it("says when no task mentions the branch, or which task mentions it", async () => {
    const box = sandbox({
      "tv-tasks.md": LOG,
      "event.json": event({ number: 60, title: "fix: x", head: "fix/other-thing", createdAt: "2025-10-07T09:00:00Z" }),
      "docs.json": event({ number: 61, title: "fix: x", head: "tv-2025-10-06", createdAt: "2025-10-07T09:00:00Z" }),
    });
    const result = await box.run(["check-pr", "--event", "event.json", "tv-tasks.md"], { env: {} });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      "tv-tasks.md:3: no task has PR #60, and no task mentions its branch fix/other-thing; log it (tasklog new --pr 60 --date 2025-10-07 …)\n",
    );
    const mentioned = await box.run(["check-pr", "--event", "docs.json", "tv-tasks.md"], { env: {} });
    expect(mentioned.stdout).toBe(
      "tv-tasks.md:14: no task has PR #61; its branch tv-2025-10-06 is mentioned, not as a Git plan branch, by the task on line 14\n",
    );
  });

  it("reports PR links that point elsewhere and placeholder links", async () => {
    const log = LOG.replace("pull/41>", "pull/14>").replace(
      "Title `ci: speed up tests`; ",
      "Title `ci: speed up tests`; <https://github.com/<org>/<repo>/pull/###>, ",
    );
    const box = sandbox({ "tv-tasks.md": log, "event.json": event(PR41) });
    const result = await box.run(["check-pr", "--event", "event.json", "tv-tasks.md"], { env: {} });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        "tv-tasks.md:19: the PR link in PR is a placeholder (https://github.com/<org>/<repo>/pull/###); PR #41 is https://github.com/acme/app/pull/41",
        "tv-tasks.md:19: the PR link in PR (https://github.com/acme/app/pull/14) does not point at PR #41 (https://github.com/acme/app/pull/41)",
        "",
      ].join("\n"),
    );
    const other = sandbox({
      "tv-tasks.md": LOG,
      "event.json": event({ ...PR41, url: "https://github.com/fork/app/pull/41" }),
    });
    expect((await other.run(["check-pr", "--event", "event.json", "tv-tasks.md"], { env: {} })).stdout).toMatch(
      /does not point at PR #41 \(https:\/\/github\.com\/fork\/app\/pull\/41\)/,
    );
  });

  it("--json for tools", async () => {
    const box = sandbox({ "tv-tasks.md": LOG, "event.json": event(PR41) });
    const result = await box.run(["check-pr", "--json", "--event", "event.json", "tv-tasks.md"], { env: {} });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      schemaVersion: 1,
      file: "tv-tasks.md",
      pr: {
        number: 41,
        title: "ci: speed up tests",
        headRefName: "ci/test-speedup",
        createdAt: "2025-10-03T10:00:00Z",
        url: "https://github.com/acme/app/pull/41",
        state: "open",
        mergedAt: null,
      },
      timezone: "UTC",
      creationDate: "2025-10-03",
      task: { line: 14, identifier: "tv-2025-10-03:PR41", title: "Speed up tests" },
      consistent: true,
      findings: [],
    });
  });

  it("exit 2 on bad input, with a clear message", async () => {
    const push = allExamples.find((example) => example.name === "push")?.payload;
    const box = sandbox({
      "tv-tasks.md": LOG,
      "push.json": JSON.stringify(push),
      "event.json": event(PR41),
      "notes.md": "# Notes\n",
    });
    const cases: [string[], Record<string, string>, string][] = [
      [
        ["check-pr", "tv-tasks.md"],
        {},
        "tasklog: no event file: pass --event <file> (a pull_request event payload) or run in GitHub Actions, which sets GITHUB_EVENT_PATH\n",
      ],
      [
        ["check-pr", "--event", "missing.json", "tv-tasks.md"],
        {},
        "tasklog: missing.json: cannot read the event file (ENOENT)\n",
      ],
      [
        ["check-pr", "tv-tasks.md"],
        { GITHUB_EVENT_PATH: "push.json", GITHUB_EVENT_NAME: "push" },
        "tasklog: push.json: not a pull_request event payload (GITHUB_EVENT_NAME=push): it has no pull_request object; run check-pr on pull_request or pull_request_target events\n",
      ],
      [
        ["check-pr", "--event", "event.json", "notes.md"],
        {},
        expect.stringMatching(/^tasklog: notes\.md: not a task log/) as unknown as string,
      ],
      [
        ["check-pr", "--event", "event.json", "--timezone", "Mars/Olympus", "tv-tasks.md"],
        {},
        'tasklog: --timezone: --timezone "Mars/Olympus" is not a time zone this Node.js knows (an IANA name such as Europe/Berlin, or UTC)\n',
      ],
    ];
    for (const [args, env, stderr] of cases) {
      const result = await box.run(args, { env });
      expect(result, args.join(" ")).toEqual({ code: 2, stdout: "", stderr });
    }
  });
});

describe("tasklog sync", () => {
  const PRS = [
    ghPr(52, "feat/parser-errors", "2025-10-07T09:00:00Z"),
    ghPr(41, "ci/test-speedup", "2025-10-03T10:00:00Z", {
      title: "ci: speed up tests",
      state: "MERGED",
      mergedAt: "2025-10-05T12:00:00Z",
    }),
  ];

  it("prints the plan and changes nothing; --write applies it", async () => {
    const box = sandbox({ "tv-tasks.md": LOG, "prs.json": gh(PRS) });
    const plan = await box.run(["sync", "--prs", "prs.json", "tv-tasks.md"], { env: {} });
    const lines = [
      "tv-tasks.md:5: PR #52: identifier: tv-2025-10-06:PR?? -> tv-2025-10-07:PR52",
      "tv-tasks.md:12: PR #52: PR link in PR: https://github.com/acme/app/pull/### -> https://github.com/acme/app/pull/52",
      "tv-tasks.md:16: PR #52: mention in Summary: tv-2025-10-06:PR?? -> tv-2025-10-07:PR52",
      "tv-tasks.md:14: note: PR #41 was merged on 2025-10-05: tv-2025-10-03:PR41 is probably done",
      'tv-tasks.md:21: note: tv-2025-10-02:PR?? "Docs pass" has no Git plan branch to find its PR by; set it with tasklog set-pr --line 21 <number> tv-tasks.md',
    ];
    expect(plan).toEqual({
      code: 0,
      stdout: `${[...lines, "1 task given its PR, 3 changes in all; 0 mismatches, 2 notes (dry run: nothing was written; --write applies it)"].join("\n")}\n`,
      stderr: "",
    });
    expect(box.read("tv-tasks.md")).toBe(LOG);
    const written = await box.run(["sync", "--write", "--prs", "prs.json", "tv-tasks.md"], { env: {} });
    expect(written.stdout).toBe(
      `${[...lines, "1 task given its PR, 3 changes in all; 0 mismatches, 2 notes; written"].join("\n")}\n`,
    );
    expect(box.read("tv-tasks.md")).toBe(
      LOG.replace("tv-2025-10-06:PR?? · Add", "tv-2025-10-07:PR52 · Add")
        .replace("pull/###", "pull/52")
        .replace("After `tv-2025-10-06:PR??`", "After `tv-2025-10-07:PR52`"),
    );
    const again = await box.run(["sync", "--write", "--prs", "prs.json", "tv-tasks.md"], { env: {} });
    expect(again.stdout).toMatch(/; nothing to change\n$/);
  });

  it("keeps line endings and the BOM", async () => {
    const crlf = `\uFEFF${LOG.replaceAll("\n", "\r\n")}`;
    const box = sandbox({ "tv-tasks.md": crlf, "prs.json": gh(PRS) });
    expect((await box.run(["sync", "--write", "--prs", "prs.json", "tv-tasks.md"], { env: {} })).code).toBe(0);
    expect(box.read("tv-tasks.md")).toBe(
      crlf
        .replace("tv-2025-10-06:PR?? · Add", "tv-2025-10-07:PR52 · Add")
        .replace("pull/###", "pull/52")
        .replace("After `tv-2025-10-06:PR??`", "After `tv-2025-10-07:PR52`"),
    );
  });

  it("reports ambiguity, never guesses; reports numbered tasks that disagree (exit 1)", async () => {
    const twoPrs = [...PRS, ghPr(53, "feat/parser-errors", "2025-10-08T09:00:00Z", { state: "CLOSED" })];
    const box = sandbox({ "tv-tasks.md": LOG, "prs.json": gh(twoPrs) });
    const result = await box.run(["sync", "--write", "--prs", "prs.json", "tv-tasks.md"], { env: {} });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^tv-tasks\.md:5: tv-2025-10-06:PR\?\?: 2 PRs have the head branch feat\/parser-errors \(#52 open, #53 closed\); choose one with tasklog set-pr --line 5 <number> tv-tasks\.md$/m,
    );
    expect(box.read("tv-tasks.md")).toBe(LOG);

    const shared = LOG.replace("- Commits:\n    - `docs: refresh`", "- Branch: `feat/parser-errors`");
    const sharedBox = sandbox({ "tv-tasks.md": shared, "prs.json": gh(PRS) });
    const sharing = await sharedBox.run(["sync", "--prs", "prs.json", "tv-tasks.md"], { env: {} });
    expect(sharing.code).toBe(1);
    expect(sharing.stdout).toMatch(
      /^tv-tasks\.md:5: tv-2025-10-06:PR\?\?: 2 tasks have the branch feat\/parser-errors \(lines 5, 21\); PR #52 is left for you to place$/m,
    );

    const wrong = [ghPr(41, "ci/other", "2025-10-02T10:00:00Z", { url: "https://github.com/acme/app/pull/41" })];
    const numbered = sandbox({ "tv-tasks.md": LOG, "prs.json": gh(wrong) });
    const mismatch = await numbered.run(["sync", "--prs", "prs.json", "--timezone", "Asia/Tokyo", "tv-tasks.md"], {
      env: {},
    });
    expect(mismatch.code).toBe(1);
    // Tokyo: 2025-10-02T10:00Z is 19:00 on the 2nd there.
    expect(mismatch.stdout).toMatch(
      /^tv-tasks\.md:14: tv-2025-10-03:PR41: the date 2025-10-03 is not PR #41's creation date 2025-10-02 \(Asia\/Tokyo; created 2025-10-02T10:00:00Z\)$/m,
    );
    expect(mismatch.stdout).toMatch(
      /^tv-tasks\.md:14: tv-2025-10-03:PR41: the Git plan branch ci\/test-speedup is not PR #41's head branch ci\/other$/m,
    );
    const none = sandbox({ "tv-tasks.md": LOG, "prs.json": "[]" });
    expect((await none.run(["sync", "--prs", "prs.json", "tv-tasks.md"], { env: {} })).stdout).toMatch(
      /^tv-tasks\.md:14: tv-2025-10-03:PR41: no PR #41 in the list \(the list is empty\)$/m,
    );
  });

  it("--json, and exit 2 on a bad list", async () => {
    const box = sandbox({ "tv-tasks.md": LOG, "prs.json": gh(PRS), "bad.json": '[{"number": 1}]' });
    const json = JSON.parse(
      (await box.run(["sync", "--json", "--prs", "prs.json", "tv-tasks.md"], { env: {} })).stdout,
    ) as {
      written: boolean;
      changes: { line: number; pr: number; what: string }[];
      findings: { code: string }[];
    };
    expect(json.written).toBe(false);
    expect(json.changes.map((change) => [change.line, change.pr, change.what])).toEqual([
      [5, 52, "identifier"],
      [12, 52, "PR link in PR"],
      [16, 52, "mention in Summary"],
    ]);
    expect(json.findings.map((finding) => finding.code)).toEqual(["merged", "no-branch"]);
    expect(await box.run(["sync", "--prs", "bad.json", "tv-tasks.md"], { env: {} })).toEqual({
      code: 2,
      stdout: "",
      stderr: "tasklog: bad.json: [0].title is missing (expected a string)\n",
    });
    expect((await box.run(["sync", "tv-tasks.md"], { env: {} })).stderr).toMatch(/^tasklog: the PR list is required/);
    expect(box.read("tv-tasks.md")).toBe(LOG);
  });
});
