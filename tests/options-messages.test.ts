/**
 * Option problems a user can act on: options that name statuses are checked against the configured
 * statuses, the `statuses` error names the offending key or value and why, unknown-option detection
 * looks at own properties only, and messages about option values stay a readable length.
 */
import { describe, expect, it } from "vitest";
import { clamp, listed } from "../src/messages.js";
import { lintPack } from "./harness.js";

const log = [
  "# Log",
  "",
  "## Deferred tasks (updated 2025-10-05)",
  "",
  "### Deferred · tv-2025-10-03:PR41 · Parked work",
  "",
  "- **PR status**: draft, not linked yet.",
  "- **Git plan**:",
  "  - Branch: `wip/parked-work`",
  "",
].join("\n");

/** The line-1 option problems of one rule. */
const problems = (config: Record<string, unknown>, rule = "TL007"): string[] =>
  lintPack(log, { tasklog: false, [rule]: config })
    .filter((error) => error.lineNumber === 1)
    .map((error) => error.errorDetail as string);

describe("options that name statuses", () => {
  it("report a typo as an unknown status, with the known ones, and fall back to the default", () => {
    expect(problems({ link_required: ["Deffered"] })).toEqual([
      'TL007/pr-link: Option "link_required" names unknown status "Deffered"; the configured statuses are Open, Deferred. Using the default.',
    ]);
    // The default still applies: the Deferred task must link its PR.
    const findings = lintPack(log, { tasklog: false, TL007: { link_required: ["Deffered"] } }).filter(
      (error) => error.lineNumber > 1,
    );
    expect(findings.map((error) => error.lineNumber)).toEqual([7]);
  });

  it("match the configured statuses in any case, custom ones included", () => {
    expect(problems({ link_required: ["deferred", "OPEN"] })).toEqual([]);
    const custom = {
      statuses: { Deferred: ["Summary"], Parked: ["Summary"] },
      link_required: ["parked", "Closed", "Done"],
    };
    expect(problems(custom)).toEqual([
      'TL007/pr-link: Option "link_required" names unknown statuses "Closed", "Done"; the configured statuses are Deferred, Parked. Using the default.',
    ]);
  });
});

describe("the statuses option", () => {
  const statusesProblem = (statuses: unknown): string | undefined => problems({ statuses }, "TL001")[0];
  const prefix =
    'TL001/task-heading: Option "statuses" expects an object mapping each status to a non-empty array of field labels; found';

  it.each([
    [{ Open: [] }, ' an object ({"Open":[]}): status "Open" has an empty array of fields. Using the default.'],
    [
      { "Open!": ["Summary"] },
      ' an object ({"Open!":["Summary"]}): status "Open!" is not a word (letters, digits, spaces and dashes, starting with a letter). Using the default.',
    ],
    [
      { Open: "Summary" },
      ' an object ({"Open":"Summary"}): the fields of status "Open" are the string "Summary", not an array of field labels. Using the default.',
    ],
    [
      { Open: ["Summary", ""] },
      ' an object ({"Open":["Summary",""]}): field 2 of status "Open" is empty, not a field label. Using the default.',
    ],
    [
      { Open: ["Summary", 3] },
      ' an object ({"Open":["Summary",3]}): field 2 of status "Open" is number 3, not a field label. Using the default.',
    ],
    [{}, " an object ({}): no status at all. Using the default."],
    [["Open"], ' an array (["Open"]). Using the default.'],
  ])("names the offending key or value: %j", (statuses, rest) => {
    expect(statusesProblem(statuses)).toBe(prefix + rest);
  });
});

describe("unknown options", () => {
  it("are found among own properties only", () => {
    const config = JSON.parse(
      '{"constructor": 1, "toString": 2, "__proto__": 3, "hasOwnProperty": 4, "prefix": "tv"}',
    ) as Record<string, unknown>;
    expect(problems(config, "TL002")).toEqual(
      ["constructor", "toString", "__proto__", "hasOwnProperty"].map(
        (name) => `TL002/task-id: Unknown option "${name}"; this rule takes: prefix, statuses, types.`,
      ),
    );
  });

  it("an inherited name alone gives exactly its unknown-option problem", () => {
    expect(problems(JSON.parse('{"toString": "x"}') as Record<string, unknown>, "TL001")).toHaveLength(1);
  });
});

describe("messages about option values are clamped", () => {
  const types = Array.from(
    { length: 100_000 },
    (_, index) => `t${"abcdefghij"[index % 10]?.repeat(1 + (index % 7))}${String.fromCharCode(97 + (index % 26))}`,
  );

  it("a 100,000-entry types list gives short findings", () => {
    const findings = lintPack(log, { tasklog: { types } });
    const tl005 = findings.filter((error) => error.ruleNames[0] === "TL005");
    expect(tl005.length).toBeGreaterThan(0);
    for (const error of findings) expect((error.errorDetail ?? "").length).toBeLessThan(300);
    expect(tl005[0]?.errorDetail).toMatch(
      /^Expected a branch type of taa, tbbb, .*, … \(100000 in all\); Actual: "wip"$/,
    );
  });

  it("a 100,000-entry wrong value and a huge option name give short problems", () => {
    const bad = lintPack(log, {
      tasklog: false,
      TL006: { types: ["Feat", ...Array(100_000).fill("x")], ["x".repeat(100_000)]: 1 },
    }).filter((error) => error.lineNumber === 1);
    expect(bad).toHaveLength(2);
    for (const error of bad) expect((error.errorDetail ?? "").length).toBeLessThan(300);
  });

  it("clamp and listed", () => {
    expect(clamp("abc", 3)).toBe("abc");
    expect(clamp("abcd", 3)).toBe("ab…");
    expect(listed(["a", "b"])).toBe("a, b");
    expect(listed(["a", "b", "c"], " or ", 2)).toBe("a or b or … (3 in all)");
  });
});
