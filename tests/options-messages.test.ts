/**
 * Option problems a user can act on: options that name statuses are checked against the configured
 * statuses, the `statuses` error names the offending key or value and why, unknown-option detection
 * looks at own properties only, and messages about option values stay a readable length.
 */
import { lint } from "markdownlint/sync";
import { describe, expect, it } from "vitest";
import rules from "../rules/index.js";
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

describe("option problems are reported once per document", () => {
  /** Every line-1 finding: [rule, detail]. */
  const lineOne = (config: Record<string, unknown>): [string, string][] =>
    lintPack(log, config)
      .filter((error) => error.lineNumber === 1)
      .map((error) => [error.ruleNames[0] as string, error.errorDetail as string]);

  it("a typo under the tasklog tag gives one finding, by the first rule of the pack that runs", () => {
    expect(lineOne({ tasklog: { allow: ["Notes:"] } })).toEqual([
      [
        "TL001",
        'TL001/task-heading: Unknown option "allow"; this rule takes: prefix, statuses, types. Did you mean "allowed" (an option of TL003/task-fields)?',
      ],
    ]);
    expect(lineOne({ tasklog: { types: "feat" } })).toEqual([
      [
        "TL001",
        'TL001/task-heading: Option "types" expects an array of strings; found the string "feat". Using the default.',
      ],
    ]);
  });

  it("with TL001 off, the next rule reports it, still once", () => {
    const found = lineOne({ tasklog: { types: 1, prefx: "tv" }, TL001: false });
    expect(found.map(([rule]) => rule)).toEqual(["TL002", "TL002"]);
    expect(found[1]?.[1]).toBe(
      'TL002/task-id: Unknown option "prefx"; this rule takes: prefix, statuses, types. Did you mean "prefix"?',
    );
  });

  it("each configuration block reports its own problems, and every lint reports them again", () => {
    const config = { tasklog: { types: "x" }, TL006: { types: "x" } };
    expect(lineOne(config).map(([rule]) => rule)).toEqual(["TL001", "TL006"]);
    expect(lineOne(config)).toEqual(lineOne(config));
  });

  it("two documents of one lint each report it once", () => {
    const results = lint({
      strings: { a: log, b: log },
      customRules: rules,
      config: { default: false, tasklog: { allow: 1 } },
    }) as unknown as Record<string, { lineNumber: number; ruleNames: string[] }[]>;
    for (const name of ["a", "b"])
      expect(results[name]?.filter((error) => error.lineNumber === 1).map((error) => error.ruleNames[0])).toEqual([
        "TL001",
      ]);
  });

  it("an option of another rule says whose it is", () => {
    expect(lineOne({ tasklog: false, TL001: { header_max_length: 60 } })).toEqual([
      [
        "TL001",
        'TL001/task-heading: Option "header_max_length" is an option of TL006/commit-message, not of this rule (set it under "TL006"); this rule takes: prefix, statuses, types.',
      ],
    ]);
  });
});

describe("an unknown option name gets a suggestion when a declared one is close", () => {
  it.each([
    ["TL003", "allow", ' Did you mean "allowed"?'],
    ["TL006", "header_max_lenght", ' Did you mean "header_max_length"?'],
    ["TL006", "Header_Max_Length", ' Did you mean "header_max_length"?'],
    ["TL007", "hosts", ' Did you mean "host"?'],
    ["TL004", "summary_sentence", ' Did you mean "summary_sentences"?'],
    ["TL002", "statusses", ' Did you mean "statuses"?'],
    ["TL002", "colour", ""],
    ["TL002", "max_length", ""],
  ])("%s, %j", (rule, name, suggestion) => {
    const [problem] = problems({ [name]: 1 }, rule);
    expect(problem).toMatch(new RegExp(`^${rule}/[a-z-]+: Unknown option "${name}"; this rule takes: [a-z_, ]+\\.`));
    expect(problem?.slice(problem.lastIndexOf(".") + 1)).toBe(suggestion);
  });

  it("a huge name is not compared (the message stays short)", () => {
    const [problem] = problems({ ["prefix".repeat(20_000)]: 1 }, "TL002");
    expect(problem).toMatch(/; this rule takes: prefix, statuses, types\.$/);
  });
});
