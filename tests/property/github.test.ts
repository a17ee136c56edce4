/**
 * `tasklog sync` and `tasklog check-pr` agree (property): for a generated log and the `gh pr list` of
 * its tasks (tests/support/gh-list.ts), turn some tasks back into placeholders (`PR??`, the PR links
 * `pull/###`, the mentions of their identifier, sometimes another logging date); `sync --write` must
 * give each its PR, after which `check-pr` with each PR's event reports it consistent, a second sync
 * has nothing to change, and, when the placeholder identifiers are unique, the log is the original
 * byte for byte. Two PRs from one branch are reported by sync, never guessed (two tasks on one branch:
 * tests/cli/github.test.ts).
 * On the real corpus (gated): the newest real log with a list built from its own tasks.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTaskLog, type TaskView } from "../../src/api-entry.js";
import { sandbox } from "../cli/run.js";
import { eventFor, ghListFor } from "../support/gh-list.js";
import { validTaskLogArbitrary } from "../support/generate.js";
import { realLogGate } from "../support/real-log.js";
import { propertyParameters } from "../support/settings.js";

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The log with `tasks` made placeholders again (heading, own PR links, mentions), as before their PR. */
function unfill(text: string, tasks: readonly TaskView[], shiftDate: readonly boolean[]): string {
  let out = text;
  tasks.forEach((task, i) => {
    const id = task.identifier;
    if (id === null || id.pr === null) return;
    const date = shiftDate[i] ? "2019-01-01" : id.date;
    const placeholder = `${id.prefix}-${date}:PR??`;
    out = out.replace(new RegExp(`${escapeRegExp(id.text)}(?!\\d)`, "g"), placeholder);
    out = out.replace(new RegExp(`/pull/${id.pr}(?!\\d)`, "g"), "/pull/###");
  });
  return out;
}

async function reconcile(text: string, prs: string) {
  const box = sandbox({ "tv-tasks.md": text, "prs.json": prs });
  const sync = await box.run(["sync", "--prs", "prs.json", "--write", "tv-tasks.md"]);
  return { box, sync, after: box.read("tv-tasks.md") };
}

describe("sync --write, then check-pr for every PR (property)", () => {
  it("gives each placeholder task its PR, and check-pr then finds every PR consistent", async () => {
    await fc.assert(
      fc.asyncProperty(
        validTaskLogArbitrary(5),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        async (log, pick, shiftDate) => {
          const tasks = parseTaskLog(log.text).tasks;
          const branches = tasks.map((task) => task.branch).filter((branch) => branch !== null);
          fc.pre(new Set(branches).size === branches.length);
          const list = ghListFor(tasks);
          const chosen = tasks.filter(
            (task, i) => pick[i] === true && task.branch !== null && list.some((entry) => entry.line === task.line),
          );
          // Links to another task's PR number would be unfilled too: keep those logs out.
          fc.pre(
            chosen.every(
              (task) =>
                !tasks.some(
                  (other) => other !== task && other.links.some((link) => link.number === task.identifier?.pr),
                ),
            ),
          );
          const text = unfill(log.text, chosen, shiftDate);
          const { box, sync, after } = await reconcile(text, JSON.stringify(list.map((entry) => entry.pr)));
          expect(sync.code, `${sync.stdout}${sync.stderr}`).toBe(0);
          for (const { pr } of list) {
            box.write(`event-${pr.number}.json`, eventFor(pr));
            const check = await box.run(["check-pr", "--event", `event-${pr.number}.json`, "tv-tasks.md"]);
            expect(check.code, `PR #${pr.number}:\n${check.stdout}\n${after}`).toBe(0);
            expect(check.stdout).toContain(`PR #${pr.number} (${pr.headRefName}, `);
          }
          const again = await box.run(["sync", "--prs", "prs.json", "tv-tasks.md"]);
          expect(again.stdout).toMatch(/0 tasks given their PR, 0 changes in all; 0 mismatches/);
          const placeholders = chosen.map((task) => `${task.identifier?.prefix}-${task.identifier?.date}`);
          if (new Set(placeholders).size === placeholders.length && !shiftDate.some((shift, i) => shift && pick[i]))
            expect(after).toBe(log.text);
        },
      ),
      propertyParameters(25),
    );
  }, 120_000);

  it("reports two PRs from one placeholder task's branch, and leaves the task as it was", async () => {
    await fc.assert(
      fc.asyncProperty(validTaskLogArbitrary(4), async (log) => {
        const tasks = parseTaskLog(log.text).tasks;
        const list = ghListFor(tasks);
        const first = list.find((entry) => tasks.some((task) => task.line === entry.line && task.branch !== null));
        fc.pre(first !== undefined);
        const others = list.filter((entry) => entry !== first).map((entry) => entry.pr);
        const firstTask = tasks.find((task) => task.line === first.line) as TaskView;
        // Two PRs from the first task's branch, and the task back to a placeholder.
        const text = unfill(log.text, [firstTask], [false]);
        const twin = { ...first.pr, number: 9_000, url: first.pr.url.replace(/\d+$/, "9000") };
        const { sync, after } = await reconcile(text, JSON.stringify([first.pr, twin, ...others]));
        expect(sync.code).toBe(1);
        expect(sync.stdout).toContain(`2 PRs have the head branch ${first.pr.headRefName}`);
        expect(after.split("\n")[firstTask.line - 1]).toContain(":PR??");
      }),
      propertyParameters(10),
    );
  }, 120_000);
});

const real = realLogGate("sync and check-pr on the real log");
describe.skipIf(real === undefined)("sync and check-pr on the newest real log", () => {
  it("fills every placeholder task that has a unique branch, and check-pr then passes for every PR", async () => {
    const text = (real as { text: string }).text;
    const tasks = parseTaskLog(text).tasks;
    const list = ghListFor(tasks);
    const placeholders = list.filter((entry) => entry.placeholder);
    expect(placeholders.length).toBeGreaterThan(0);
    const byBranch = new Map<string, number>();
    for (const { pr } of list) byBranch.set(pr.headRefName, (byBranch.get(pr.headRefName) ?? 0) + 1);
    const { box, sync, after } = await reconcile(text, JSON.stringify(list.map((entry) => entry.pr)));
    const filled = placeholders.filter((entry) => byBranch.get(entry.pr.headRefName) === 1);
    expect(sync.stdout).toContain(`${filled.length} task${filled.length === 1 ? "" : "s"} given`);
    const afterTasks = parseTaskLog(after).tasks;
    for (const entry of list) {
      box.write("event.json", eventFor(entry.pr));
      const check = await box.run(["check-pr", "--event", "event.json", "tv-tasks.md"]);
      const unique = byBranch.get(entry.pr.headRefName) === 1;
      if (unique) expect(check.code, `PR #${entry.pr.number}: ${check.stdout}`).toBe(0);
      else expect(check.stdout, `PR #${entry.pr.number}`).toMatch(/branch|placeholder|no task/);
      if (unique && entry.placeholder)
        expect(afterTasks.find((task) => task.line === entry.line)?.identifier?.pr).toBe(entry.pr.number);
    }
  }, 120_000);
});
