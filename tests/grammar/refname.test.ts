import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkBranchName, checkRefFormat, isValidBranchName, type RefRule } from "../../src/grammar/refname.js";
import { mulberry32 } from "../support/prng.js";

const rulesOf = (name: string): RefRule[] => checkBranchName(name).map((problem) => problem.rule);

describe("git branch names (check-ref-format --branch)", () => {
  it("accepts conventional and unusual but valid names", () => {
    for (const name of [
      "test/regression-suite",
      "feat/add-thing",
      "main",
      "a",
      "x/y/z",
      "v1.2.3",
      "foo./bar",
      "a.lock.b",
      "lock",
      "a@b",
      "@a",
      "a{b}",
      "a/@",
      "@",
      "x/HEAD",
      "head",
      "refs/heads/x",
      "é/ünïcode-名前",
      "a-",
      "a#b!c'd\"e`f",
    ]) {
      expect(checkBranchName(name), name).toEqual([]);
      expect(isValidBranchName(name)).toBe(true);
    }
  });

  it("names each rule a name breaks, with its position", () => {
    expect(checkBranchName("feat/foo..bar")).toEqual([
      { rule: "double-dot", offset: 8, length: 2, message: 'a refname may not contain ".."' },
    ]);
    expect(rulesOf("feat/.hidden")).toEqual(["leading-dot"]);
    expect(checkBranchName(".x")[0]).toMatchObject({ rule: "leading-dot", offset: 0, length: 1 });
    expect(checkBranchName("feat/x.lock")).toEqual([
      { rule: "lock-suffix", offset: 6, length: 5, message: 'a component may not end with ".lock"' },
    ]);
    expect(rulesOf("x.lock/y")).toEqual(["lock-suffix"]);
    expect(checkBranchName("a\tb")[0]).toMatchObject({
      rule: "control-character",
      offset: 1,
      message: expect.stringContaining("U+0009"),
    });
    expect(rulesOf("a\u007fb")).toEqual(["control-character"]);
    expect(checkBranchName("feat/a b")[0]).toMatchObject({
      rule: "forbidden-character",
      offset: 6,
      message: expect.stringContaining("space"),
    });
    for (const char of ["~", "^", ":", "?", "*", "[", "\\"]) {
      expect(checkBranchName(`a${char}b`), char).toEqual([
        // Quoted as a JSON string: the backslash reads "\\".
        {
          rule: "forbidden-character",
          offset: 1,
          length: 1,
          message: `a refname may not contain ${JSON.stringify(char)}`,
        },
      ]);
    }
    expect(checkBranchName("a@{b")).toEqual([
      { rule: "at-brace", offset: 1, length: 2, message: 'a refname may not contain "@{"' },
    ]);
    expect(rulesOf("@{-1}")).toEqual(["at-brace"]);
    expect(checkBranchName("a//b")).toEqual([
      { rule: "empty-component", offset: 2, length: 1, message: 'a refname may not contain "//"' },
    ]);
    expect(checkBranchName("feat/")[0]).toMatchObject({
      rule: "empty-component",
      offset: 4,
      message: 'a refname may not end with "/"',
    });
    expect(checkBranchName("/feat")[0]).toMatchObject({
      rule: "empty-component",
      offset: 0,
      message: 'a branch name may not begin with "/"',
    });
    expect(checkBranchName("feat/x.")).toEqual([
      { rule: "trailing-dot", offset: 6, length: 1, message: 'a refname may not end with "."' },
    ]);
    expect(checkBranchName("-feat")).toEqual([
      { rule: "leading-dash", offset: 0, length: 1, message: 'a branch name may not begin with "-"' },
    ]);
    expect(rulesOf("HEAD")).toEqual(["head"]);
    expect(checkBranchName("")).toMatchObject([{ rule: "empty-component", message: "a branch name may not be empty" }]);
  });

  it("lists every problem of a name that breaks several rules, in order", () => {
    expect(rulesOf("-a..b c/.d.lock/")).toEqual([
      "leading-dash",
      "double-dot",
      "forbidden-character",
      "leading-dot",
      "lock-suffix",
      "empty-component",
    ]);
  });
});

describe("git refnames (check-ref-format)", () => {
  it("needs two components unless one-level names are allowed", () => {
    expect(checkRefFormat("heads/foo")).toEqual([]);
    expect(checkRefFormat("foo").map((problem) => problem.rule)).toEqual(["one-level"]);
    expect(checkRefFormat("foo", { allowOnelevel: true })).toEqual([]);
  });

  it("rejects the refname @ but not @ inside a refname", () => {
    expect(checkRefFormat("@", { allowOnelevel: true }).map((problem) => problem.rule)).toEqual(["at-sign"]);
    expect(checkRefFormat("heads/@")).toEqual([]);
    expect(checkRefFormat("heads/foo@bar")).toEqual([]);
  });

  it("follows git's own test cases (t1402)", () => {
    const valid = ["heads/foo", "foo/bar/baz", "foo./bar", "heads/foo@bar"];
    const invalid = [
      "foo",
      "heads/foo/",
      "./foo",
      ".refs/foo",
      "heads/foo..bar",
      "heads/foo?bar",
      "heads/foo.lock",
      "heads/v@{ation",
      "heads/foo\\bar",
      "refs///heads/foo",
    ];
    for (const name of valid) expect(checkRefFormat(name), name).toEqual([]);
    for (const name of invalid) expect(checkRefFormat(name).length, name).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Oracle: the real `git check-ref-format` on a generated set of names.

/** Fragments that exercise every rule, plus harmless look-alikes. */
const FRAGMENTS = [
  " ",
  "~",
  "^",
  ":",
  "?",
  "*",
  "[",
  "\\",
  "..",
  ".",
  "@{",
  "@",
  "{",
  "}",
  "]",
  "//",
  "/",
  ".lock",
  "lock",
  "\t",
  "\n",
  "\u0001",
  "\u001f",
  "\u007f",
  "-",
  "--",
  "HEAD",
  "#",
  "!",
  "'",
  '"',
  "`",
  "é",
  "€",
  "\u00a0",
  "&",
  ";",
  "|",
  "<",
  ">",
  "=",
  "+",
  ",",
  "%",
  "$",
  "_",
  "a.",
  ".a",
  "@{-1}",
  "refs/heads",
];
const BASES = ["feat/add-thing", "a", "x/y"];

export function generateBranchNames(): string[] {
  const names = new Set<string>([
    "",
    "@",
    "HEAD",
    "-",
    ".",
    "/",
    "..",
    ".lock",
    "a.lock",
    "@{",
    "@{-1}",
    "x/HEAD",
    "heads/@",
  ]);
  for (const fragment of FRAGMENTS) {
    names.add(fragment);
    for (const base of BASES) {
      const slash = base.indexOf("/");
      names.add(fragment + base);
      names.add(base + fragment);
      names.add(`${base.slice(0, 1)}${fragment}${base.slice(1)}`);
      if (slash > 0) {
        names.add(`${base.slice(0, slash + 1)}${fragment}${base.slice(slash + 1)}`);
        names.add(`${base.slice(0, slash)}${fragment}${base.slice(slash)}`);
      }
    }
  }
  const random = mulberry32(20251128);
  const alphabet = [
    "a",
    "b",
    "z",
    "0",
    "-",
    "_",
    "/",
    ".",
    "@",
    "{",
    "}",
    " ",
    "~",
    ":",
    "?",
    "*",
    "[",
    "\\",
    "^",
    "é",
    "\u007f",
    "\t",
    "lock",
    "HEAD",
  ];
  while (names.size < 900) {
    const length = 1 + Math.floor(random() * 7);
    let name = "";
    for (let i = 0; i < length; i++) name += alphabet[Math.floor(random() * alphabet.length)] as string;
    names.add(name);
  }
  return [...names];
}

/**
 * Ask git about every name in one shell process: one `git check-ref-format --branch` and one plain
 * `git check-ref-format --allow-onelevel` per name, NUL-separated on stdin, outside any repository
 * (so that git does not expand `@{-1}`). Returns [branch ok, refname ok] per name; the refname
 * verdict is undefined for a name starting with "-", which git would read as an option.
 */
function askGit(names: readonly string[], cwd: string): [boolean, boolean | undefined][] {
  const script = [
    "while IFS= read -r -d '' name; do",
    '  if git check-ref-format --branch "$name" >/dev/null 2>&1; then b=1; else b=0; fi',
    // git reads a refname starting with "-" as an option in this mode: no verdict (x).
    '  case "$name" in -*) r=x ;; *) if git check-ref-format --allow-onelevel "$name" >/dev/null 2>&1; then r=1; else r=0; fi ;; esac',
    '  printf "%s%s\\n" "$b" "$r"',
    "done",
  ].join("\n");
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CEILING_DIRECTORIES: dirname(cwd) };
  delete env["GIT_DIR"];
  delete env["GIT_WORK_TREE"];
  const result = spawnSync("bash", ["-c", script], {
    cwd,
    env,
    input: names.map((name) => `${name}\0`).join(""),
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`git oracle failed: ${result.stderr}`);
  const lines = result.stdout.trim().split("\n");
  return lines.map((line) => [line[0] === "1", line[1] === "x" ? undefined : line[1] === "1"]);
}

describe("oracle: git check-ref-format", () => {
  const cwd = mkdtempSync(join(tmpdir(), "tasklog-refname-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("git is available", () => {
    expect(spawnSync("git", ["--version"], { encoding: "utf8" }).stdout).toMatch(/^git version /);
  });

  it("agrees with git on every generated name, with --branch and as a one-level refname", () => {
    const names = generateBranchNames();
    expect(names.length).toBeGreaterThanOrEqual(900);
    const verdicts = askGit(names, cwd);
    expect(verdicts).toHaveLength(names.length);
    const disagreements: string[] = [];
    let validBranches = 0;
    names.forEach((name, index) => {
      const [gitBranch, gitRef] = verdicts[index] as [boolean, boolean | undefined];
      const ours = isValidBranchName(name);
      const oursRef = checkRefFormat(name, { allowOnelevel: true }).length === 0;
      if (gitBranch) validBranches++;
      if (ours !== gitBranch) disagreements.push(`--branch ${JSON.stringify(name)}: git ${gitBranch}, ours ${ours}`);
      if (gitRef !== undefined && oursRef !== gitRef)
        disagreements.push(`refname ${JSON.stringify(name)}: git ${gitRef}, ours ${oursRef}`);
    });
    expect(disagreements).toEqual([]);
    // The set must exercise both verdicts in earnest.
    expect(validBranches).toBeGreaterThan(100);
    expect(names.length - validBranches).toBeGreaterThan(300);
  });

  it("covers every rule with the generated names", () => {
    const seen = new Set(generateBranchNames().flatMap((name) => rulesOf(name)));
    const refRules = new Set(
      generateBranchNames().flatMap((name) => checkRefFormat(name, { allowOnelevel: true }).map((p) => p.rule)),
    );
    for (const rule of [
      "empty-component",
      "leading-dot",
      "lock-suffix",
      "double-dot",
      "control-character",
      "forbidden-character",
      "at-brace",
      "trailing-dot",
      "leading-dash",
      "head",
    ] as const) {
      expect(seen.has(rule), rule).toBe(true);
    }
    expect(refRules.has("at-sign")).toBe(true);
  });
});
