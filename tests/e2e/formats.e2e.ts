/**
 * CI output formats, end to end on both hosts: markdownlint-cli2-formatter-sarif (code scanning
 * annotations) and markdownlint-cli2-formatter-junit (test reports), installed in the user project
 * next to the packed tarball. Every finding the library reports on the real log must appear with its
 * rule ID, line, column and (SARIF) help URL pointing at the rule's page, which the package ships.
 * `"TL008": "warning"` checks how each format carries a warning.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintPack } from "../harness.js";
import { corpusSkip } from "../support/corpus.js";
import { HOSTS, ROOT, cli2Config, context, readReal, runCli, sorted, workspace } from "./support.js";

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; name: string; helpUri?: string; shortDescription: { text: string } }[] } };
    results: {
      ruleId: string;
      level?: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } };
      }[];
    }[];
  }[];
}

const CONFIG = { default: false, tasklog: true, TL008: "warning" };
/** The command line of examples/github-actions.yml. */
const ARGS = ["**/*.md", "#node_modules"];
const FORMATTERS = [
  ["markdownlint-cli2-formatter-default"],
  ["markdownlint-cli2-formatter-sarif", { name: "markdownlint.sarif" }],
  ["markdownlint-cli2-formatter-junit", { name: "markdownlint.xml" }],
];

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

// The real log gives findings of many rules; without the corpus these tests are skipped.
describe.skipIf(corpusSkip !== false).each(HOSTS)("output formatters with markdownlint-cli2 $cli2", (spec) => {
  const content = corpusSkip === false ? readReal(40) : "";
  const library = lintPack(content, { TL008: "warning" });
  const severity = (rule: string): string => (rule === "TL008" ? "warning" : "error");

  const lint = () => {
    const host = context().hosts[spec.id];
    const dir = workspace(host.dir, {
      "tv-tasks.md": content,
      ".markdownlint-cli2.jsonc": cli2Config(CONFIG, { outputFormatters: FORMATTERS }),
    });
    const result = runCli(host, dir, ARGS);
    expect(result.stdout).toMatch(/Linting: 1 file/);
    expect(result.stderr).not.toMatch(/Unable to import|threw an exception/);
    expect(result.status).toBe(1);
    return dir;
  };

  it("SARIF: every finding with rule ID, line, column, level, detail, and the rule's help URL", () => {
    const dir = lint();
    const sarif = JSON.parse(readFileSync(join(dir, "markdownlint.sarif"), "utf8")) as SarifLog;
    const run = sarif.runs[0];
    expect(run).toBeDefined();
    if (run === undefined) return;
    const found = run.results.map((result) => {
      const location = result.locations[0]?.physicalLocation;
      return `${location?.artifactLocation.uri} ${result.ruleId}:${location?.region.startLine}:${location?.region.startColumn} ${result.level}`;
    });
    const expected = library.map(
      (error) =>
        `tv-tasks.md ${error.ruleNames[0]}:${error.lineNumber}:${error.errorRange?.[0]} ${severity(error.ruleNames[0] as string)}`,
    );
    expect(sorted(found)).toEqual(sorted(expected));
    for (const error of library) {
      const message = run.results.find(
        (result) =>
          result.ruleId === error.ruleNames[0] &&
          result.locations[0]?.physicalLocation.region.startLine === error.lineNumber &&
          result.message.text.includes(error.errorDetail ?? ""),
      );
      expect(message, `${error.ruleNames[0]}:${error.lineNumber} detail`).toBeDefined();
    }
    const ids = [...new Set(library.map((error) => error.ruleNames[0] as string))];
    expect(sorted(run.tool.driver.rules.map((rule) => rule.id))).toEqual(sorted(ids));
    for (const rule of run.tool.driver.rules) {
      const error = library.find((item) => item.ruleNames[0] === rule.id);
      expect(rule.helpUri, rule.id).toBe(error?.ruleInformation);
      const page = /\/docs\/rules\/(TL\d{3}-[a-z-]+\.md)$/.exec(rule.helpUri ?? "");
      expect(page?.[1], `${rule.id} help URL names a docs page`).toMatch(new RegExp(`^${rule.id}-`));
      expect(
        existsSync(join(ROOT, "docs", "rules", page?.[1] ?? "missing")),
        `${rule.helpUri} exists in docs/rules`,
      ).toBe(true);
    }
  });

  it("JUnit: every error finding as a failed test case named by the rule, with line and column; warnings left out", () => {
    const dir = lint();
    const xml = readFileSync(join(dir, "markdownlint.xml"), "utf8");
    const cases = [
      ...xml.matchAll(
        /<testcase classname="([^"]*)" name="([^"]*)"[^>]*>\s*<failure message="([^"]*)"[^>]*><!\[CDATA\[(.*?)\]\]><\/failure>/gs,
      ),
    ].map(
      (match) =>
        `${match[1]} ${match[2]} ${unescapeXml(match[3] as string)} | ${/^Line \d+(?:, Column \d+)?/.exec(match[4] as string)?.[0]}`,
    );
    const errors = library.filter((error) => severity(error.ruleNames[0] as string) === "error");
    const expected = errors.map(
      (error) =>
        `tv-tasks.md ${error.ruleNames.join("/")} ${error.ruleDescription} | Line ${error.lineNumber}${error.errorRange ? `, Column ${error.errorRange[0]}` : ""}`,
    );
    expect(errors.length).toBeGreaterThan(0);
    expect(sorted(cases)).toEqual(sorted(expected));
    expect(xml).not.toMatch(/TL008\//);
    // JUnit has no field for a help URL; the rule ID names the docs page (docs/rules/<ID>-<name>.md).
  });
});

describe("examples/github-actions.yml", () => {
  const workflow = readFileSync(join(ROOT, "examples", "github-actions.yml"), "utf8");

  it("runs the tested command line and uploads the SARIF file the tested configuration writes", () => {
    expect(workflow).toMatch(/^\s+- run: npm ci$/m);
    expect(workflow).toContain(`- run: npx markdownlint-cli2 ${ARGS.map((arg) => `"${arg}"`).join(" ")}\n`);
    const sarif = FORMATTERS.find((formatter) => formatter[0] === "markdownlint-cli2-formatter-sarif")?.[1] as {
      name: string;
    };
    expect(workflow).toMatch(new RegExp(`^\\s+sarif_file: ${sarif.name.replace(".", "\\.")}$`, "m"));
    expect(workflow).toContain(`["markdownlint-cli2-formatter-sarif", { "name": "${sarif.name}" }]`);
    expect(workflow).toContain("uses: github/codeql-action/upload-sarif@");
  });
});
