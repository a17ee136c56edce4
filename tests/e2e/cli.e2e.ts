/**
 * markdownlint-cli2 end to end, from the packed tarball: the real `markdownlint-cli2` binary of each
 * host (0.24.1 on Node 22; 0.22.1 and 0.20.0, with markdownlint 0.40.0, on Node 20) lints the real task log, a
 * clean log, severity-configured logs and the recommended preset through `extends`.
 *
 * Expected findings come from the library (tests/harness.ts `lintPack`, the pack from source through
 * markdownlint 0.42.1) rendered in the default formatter's format, so every rule of the pack, present
 * and future, is covered: what the library reports must be exactly what each host's CLI prints.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack, type LintError } from "../harness.js";
import { itCorpus } from "../support/corpus.js";
import {
  CLEAN_LOG,
  HOSTS,
  ROOT,
  cli2Config,
  context,
  envFor,
  formatDefault,
  nodeMajor,
  parseFinding,
  readReal,
  replaceOnce,
  run,
  runCli,
  sorted,
  workspace,
} from "./support.js";

const PACK_ONLY = { default: false, tasklog: true };

/** Findings the spec and the issues pin on tv-tasks.v40.md (a subset: later rules add more). */
const KNOWN_V40 = [
  ...[40, 64, 89, 143, 161, 216].map((line) => `TL002:${line}`),
  ...[11, 182].map((line) => `TL008:${line}`),
];

const expectedLines = (file: string, errors: readonly LintError[], severity?: (error: LintError) => string): string[] =>
  sorted(errors.map((error) => formatDefault(file, error, severity?.(error) ?? error.severity)));

/** The clean log with a stale Open stamp: the one finding is TL008 on that heading (not fixable). */
const STALE = replaceOnce(CLEAN_LOG, "## Open tasks (updated 2025-10-05)", "## Open tasks (updated 2025-10-04)");

describe("the packed tarball", () => {
  it("holds the built rules, the preset and the export schema, not the docs (the help URLs name them on GitHub)", () => {
    const { tarball } = context();
    const listing = run("tar", ["-tzf", tarball], { cwd: ROOT }).stdout.split("\n").filter(Boolean);
    expect(listing).toContain("package/package.json");
    expect(listing).toContain("package/dist/index.js");
    expect(listing).toContain("package/presets/recommended.json");
    expect(listing).toContain("package/docs/cli/export.schema.json");
    expect(listing.filter((path) => path.startsWith("package/docs/") && path.endsWith(".md"))).toEqual([]);
    expect(listing.filter((path) => /^package\/(src|rules|tests|scratch|node_modules)\//.test(path))).toEqual([]);
  });
});

describe("the clean test log", () => {
  it("gets no finding from the library (so a CLI finding on it is a host problem)", () => {
    expect(lintPack(CLEAN_LOG)).toEqual([]);
    expect(lintPack(STALE).map((error) => `${error.ruleNames[0]}:${error.lineNumber}`)).toEqual(["TL008:6"]);
  });
});

describe.each(HOSTS)("markdownlint-cli2 $cli2 (markdownlint $markdownlint) on Node $nodeMajor", (spec) => {
  const host = () => context().hosts[spec.id];

  it("runs the host versions it claims", () => {
    const { node, dir } = host();
    expect(nodeMajor(node)).toBe(spec.nodeMajor);
    // `#!/usr/bin/env node` in the bin resolves to that node.
    expect(run("node", ["--version"], { cwd: dir, env: envFor(node) }).stdout).toMatch(
      new RegExp(`^v${spec.nodeMajor}\\.`),
    );
    const result = runCli(host(), workspace(dir, { "a.md": "# A\n" }), ["a.md"]);
    expect(result.stdout).toContain(`markdownlint-cli2 v${spec.cli2} (markdownlint v${spec.markdownlint})`);
    expect(result.status).toBe(0);
  });

  itCorpus("reports the real task log's findings, exactly as the library does, and exits 1", () => {
    const content = readReal(40);
    const dir = workspace(host().dir, { "tv-tasks.md": content, ".markdownlint-cli2.jsonc": cli2Config(PACK_ONLY) });
    const result = runCli(host(), dir, ["tv-tasks.md"]);
    expect(result.stderr).not.toMatch(/Unable to import|threw an exception|Error:/);
    expect(result.status).toBe(1);
    expect(sorted(result.lines)).toEqual(expectedLines("tv-tasks.md", lintPack(content)));
    const found = result.lines.map(parseFinding).map((finding) => `${finding.rule}:${finding.line}`);
    for (const entry of KNOWN_V40) expect(found, entry).toContain(entry);
  });

  it("exits 0 with no finding on a clean task log", () => {
    const dir = workspace(host().dir, { "tv-tasks.md": CLEAN_LOG, ".markdownlint-cli2.jsonc": cli2Config(PACK_ONLY) });
    const result = runCli(host(), dir, ["tv-tasks.md"]);
    expect(result.stdout).toMatch(/Linting: 1 file/);
    expect(result.lines).toEqual([]);
    expect(result.status).toBe(0);
  });

  describe("severity", () => {
    it('"TL008": "warning" turns a stale stamp into a warning: printed, exit code 0', () => {
      const dir = workspace(host().dir, {
        "tv-tasks.md": STALE,
        ".markdownlint-cli2.jsonc": cli2Config({ ...PACK_ONLY, TL008: "warning" }),
      });
      const result = runCli(host(), dir, ["tv-tasks.md"]);
      expect(result.lines).toEqual(expectedLines("tv-tasks.md", lintPack(STALE), () => "warning"));
      expect(
        result.lines.map(parseFinding).map((finding) => `${finding.severity} ${finding.rule}:${finding.line}`),
      ).toEqual(["warning TL008:6"]);
      expect(result.status).toBe(0);
      // Control: the same log with the default severity fails.
      const strict = workspace(host().dir, { "tv-tasks.md": STALE, ".markdownlint-cli2.jsonc": cli2Config(PACK_ONLY) });
      expect(runCli(host(), strict, ["tv-tasks.md"]).status).toBe(1);
    });

    it('"section-updated": "warning" (the rule name) works the same', () => {
      const dir = workspace(host().dir, {
        "tv-tasks.md": STALE,
        ".markdownlint-cli2.jsonc": cli2Config({ ...PACK_ONLY, "section-updated": "warning" }),
      });
      const result = runCli(host(), dir, ["tv-tasks.md"]);
      expect(result.lines.map(parseFinding).map((finding) => `${finding.severity} ${finding.rule}`)).toEqual([
        "warning TL008",
      ]);
      expect(result.status).toBe(0);
    });

    itCorpus(
      '"tasklog": "warning" (the tag) makes every finding of the pack a warning: exit code 0 on the real log',
      () => {
        const content = readReal(40);
        const dir = workspace(host().dir, {
          "tv-tasks.md": content,
          ".markdownlint-cli2.jsonc": cli2Config({ default: false, tasklog: "warning" }),
        });
        const result = runCli(host(), dir, ["tv-tasks.md"]);
        expect(result.lines.length).toBeGreaterThan(0);
        expect(sorted(result.lines)).toEqual(expectedLines("tv-tasks.md", lintPack(content), () => "warning"));
        expect(result.status).toBe(0);
      },
    );

    itCorpus('an options object with "severity": "warning" keeps the options and the other rules\' errors', () => {
      const content = readReal(40);
      const config = { ...PACK_ONLY, TL002: { severity: "warning", prefix: ["tv"] } };
      const dir = workspace(host().dir, { "tv-tasks.md": content, ".markdownlint-cli2.jsonc": cli2Config(config) });
      const result = runCli(host(), dir, ["tv-tasks.md"]);
      // The library run gets the rule's options without "severity" (markdownlint strips it).
      const library = lintPack(content, { TL002: { prefix: ["tv"] } });
      expect(sorted(result.lines)).toEqual(
        expectedLines("tv-tasks.md", library, (error) => (error.ruleNames[0] === "TL002" ? "warning" : "error")),
      );
      expect(result.lines.some((line) => / warning TL002\//.test(line))).toBe(true);
      expect(result.lines.some((line) => / error TL008\//.test(line))).toBe(true);
      expect(result.stderr).not.toMatch(/Unknown option/);
      expect(result.status).toBe(1);
    });
  });

  describe('the recommended preset through "extends"', () => {
    /**
     * v32–v40 are the log as the mdformat formatter writes it. The preset's built-in rules report
     * nothing on the formatter's own style (`1.` numbering, `______` breaks, `\<` escapes, long lines,
     * `<details>`) — only two hand edits that never went through the formatter: v32's `2.`/`3.`
     * numbering in a task pasted in by hand (mdformat writes `1.`), and v38's deleted lines that left
     * a heading glued to a list (mdformat puts a blank line there); both were gone a version later.
     */
    const BUILT_IN_EXPECTED = [
      "tv-tasks.v32.md MD029:127",
      "tv-tasks.v32.md MD029:129",
      "tv-tasks.v38.md MD022:83",
      "tv-tasks.v38.md MD032:82",
    ];

    itCorpus("turns on the pack and the task-log built-in rules, silent on the formatter's style of v32–v40", () => {
      const files: Record<string, string> = {
        ".markdownlint-cli2.jsonc": cli2Config({ extends: "markdownlint-rule-tasklog/recommended" }),
      };
      for (let version = 32; version <= 40; version += 1) files[`tv-tasks.v${version}.md`] = readReal(version);
      const dir = workspace(host().dir, files);
      const result = runCli(host(), dir, ["tv-tasks.v*.md"]);
      expect(result.stderr).not.toMatch(/Unable to|Error:/);
      expect(result.stdout).toMatch(/Linting: 9 file/);
      const findings = result.lines.map(parseFinding);
      const builtIn = findings
        .filter((finding) => finding.rule.startsWith("MD"))
        .map((finding) => `${finding.file} ${finding.rule}:${finding.line}`);
      expect(sorted(builtIn)).toEqual(sorted(BUILT_IN_EXPECTED));
      // The pack runs through the preset's "tasklog": true, with the same findings as the library.
      for (let version = 32; version <= 40; version += 1) {
        const file = `tv-tasks.v${version}.md`;
        const pack = result.lines.filter((line) => line.startsWith(`${file}:`) && / TL\d{3}\//.test(line));
        expect(sorted(pack), file).toEqual(expectedLines(file, lintPack(files[file] as string)));
      }
      expect(findings.some((finding) => finding.rule === "TL002")).toBe(true);
      expect(result.status).toBe(1);
    });

    itCorpus("lets the user's settings override it: pack rules by ID, name or tag; built-in rules by ID", () => {
      const preset = { extends: "markdownlint-rule-tasklog/recommended" };
      const cases: {
        config: Record<string, unknown>;
        file: string;
        content: string;
        expected: string[];
        status: number;
      }[] = [
        // The clean log is clean under the preset too (built-in rules included).
        { config: preset, file: "tv-tasks.md", content: CLEAN_LOG, expected: [], status: 0 },
        {
          config: { ...preset, TL008: "warning" },
          file: "tv-tasks.md",
          content: STALE,
          expected: ["warning TL008:6"],
          status: 0,
        },
        {
          config: { ...preset, "section-updated": false },
          file: "tv-tasks.md",
          content: STALE,
          expected: [],
          status: 0,
        },
        {
          config: { ...preset, tasklog: "warning" },
          file: "tv-tasks.md",
          content: STALE,
          expected: ["warning TL008:6"],
          status: 0,
        },
        // v32's only built-in findings are MD029 (see above); switched off, only the pack's remain.
        {
          config: { ...preset, MD029: false },
          file: "tv-tasks.v32.md",
          content: readReal(32),
          expected: lintPack(readReal(32)).map((error) => `error ${error.ruleNames[0]}:${error.lineNumber}`),
          status: -1,
        },
      ];
      for (const { config, file, content, expected, status } of cases) {
        const dir = workspace(host().dir, { [file]: content, ".markdownlint-cli2.jsonc": cli2Config(config) });
        const result = runCli(host(), dir, [file]);
        const found = result.lines
          .map(parseFinding)
          .map((finding) => `${finding.severity} ${finding.rule}:${finding.line}`);
        expect(sorted(found), JSON.stringify(config)).toEqual(sorted(expected));
        expect(result.status, JSON.stringify(config)).toBe(status >= 0 ? status : expected.length > 0 ? 1 : 0);
      }
    });
  });
});

describe("the recommended preset file", () => {
  const preset = JSON.parse(readFileSync(join(ROOT, "presets", "recommended.json"), "utf8")) as Record<string, unknown>;
  const builtIns = (module: string): string[] => {
    const schema = JSON.parse(
      readFileSync(join(ROOT, "node_modules", module, "schema", "markdownlint-config-schema.json"), "utf8"),
    ) as { properties: Record<string, unknown> };
    return Object.keys(schema.properties).filter((key) => /^MD\d{3}$/.test(key));
  };

  it("sets every built-in rule of markdownlint 0.42.1 and 0.40.0 explicitly, by ID, and nothing else", () => {
    // The pack stays on through markdownlint's default, so a user's setting for a pack rule (by ID,
    // name or the "tasklog" tag) is the only one that names it: no key order can override it
    // (markdownlint-cli2 0.24 merges an extended config's keys after the user's own).
    const ids = [...new Set([...builtIns("markdownlint"), ...builtIns("markdownlint-040")])].sort();
    expect(Object.keys(preset).sort()).toEqual(ids);
  });

  it("leaves off the rules the formatter owns: line length, bullet, emphasis, rule, fence and table style", () => {
    for (const rule of ["MD004", "MD013", "MD035", "MD046", "MD048", "MD049", "MD050", "MD055", "MD060"])
      expect(preset[rule], rule).toBe(false);
    expect(preset["MD029"]).toEqual({ style: "one" });
  });
});

describe("the configuration examples of README.md and docs/hosts.md", () => {
  const usingIt = ["README.md", "docs/hosts.md"].map((page) => readFileSync(join(ROOT, page), "utf8")).join("\n");
  const blocks = [...usingIt.matchAll(/^```jsonc(?: config)?\n([\s\S]*?)^```$/gm)]
    .map((match) => match[1] as string)
    .filter((block) => block.includes('"customRules"'));

  it("are there", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(HOSTS)("copied as .markdownlint-cli2.jsonc, run by markdownlint-cli2 $cli2", (spec) => {
    itCorpus("each loads the pack and the preset and reports the real log's findings", () => {
      for (const block of blocks) {
        const dir = workspace(context().hosts[spec.id].dir, {
          "tv-tasks.md": readReal(40),
          ".markdownlint-cli2.jsonc": block,
        });
        const result = runCli(context().hosts[spec.id], dir, ["tv-tasks.md"]);
        expect(result.stderr, block).not.toMatch(/Unable to|Error:|Unknown option/);
        const rules = new Set(result.lines.map(parseFinding).map((finding) => finding.rule));
        expect([...rules].filter((rule) => rule.startsWith("TL")).length, block).toBeGreaterThan(0);
        expect(rules.has("TL002"), block).toBe(true);
        // The preset applied: markdownlint's default alone would report the log's long lines (MD013).
        expect(rules.has("MD013"), block).toBe(false);
        expect([0, 1], block).toContain(result.status);
      }
    });
  });
});
