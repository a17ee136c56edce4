/**
 * Reading the project's markdownlint configuration for the `tasklog` commands: JSONC, key order as
 * markdownlint applies it, `extends`, YAML, and where the file is found.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, optionsFromConfig, parseJsonc, ruleConfig } from "../../src/cli/config.js";

describe("parseJsonc", () => {
  it("drops comments and trailing commas, never inside strings", () => {
    const text = `// top\n{\n  "a": "https://x.test/y", /* block */\n  "b": ["c, ]", "d",],\n  "e": { "f": "g\\" // h", },\n}\n`;
    expect(parseJsonc(text, "x.jsonc")).toEqual({ a: "https://x.test/y", b: ["c, ]", "d"], e: { f: 'g" // h' } });
  });
  it("reports invalid JSON with the file and a line", () => {
    expect(() => parseJsonc('{\n  "a": 1\n  "b": 2\n}\n', "x.jsonc")).toThrow(/invalid JSON in the configuration/);
    try {
      parseJsonc('{\n  "a": 1\n  "b": 2\n}\n', "x.jsonc");
    } catch (error) {
      expect((error as { file: string; line: number }).file).toBe("x.jsonc");
      expect((error as { line: number }).line).toBe(3);
    }
  });
});

describe("rule keys, as markdownlint applies them", () => {
  it("the tasklog tag configures every rule; a later rule key replaces it for that rule; default is not a rule's options", () => {
    const config = {
      default: true,
      tasklog: { prefix: ["ab"], statuses: { Doing: ["Summary"] } },
      "task-id": { severity: "warning", prefix: ["cd"] },
    };
    expect(ruleConfig(config, "TL002").value).toEqual({ prefix: ["cd"] });
    expect(ruleConfig(config, "TL003").value).toEqual({ prefix: ["ab"], statuses: { Doing: ["Summary"] } });
    expect(optionsFromConfig(config).options).toEqual({ statuses: { Doing: ["Summary"] }, prefix: ["cd"] });
    // A boolean after the tag resets that rule to its defaults, as in markdownlint.
    expect(ruleConfig({ tasklog: { prefix: ["ab"] }, TL002: true }, "TL002").value).toEqual({});
    expect(ruleConfig({ TL002: { prefix: ["ab"] }, tasklog: { prefix: ["zz"] } }, "TL002").value).toEqual({
      prefix: ["zz"],
    });
  });
});

describe("loadConfig", () => {
  it("finds the nearest configuration above the log, follows extends, reads YAML", async () => {
    const root = mkdtempSync(join(tmpdir(), "tasklog-config-"));
    mkdirSync(join(root, "docs", "logs"), { recursive: true });
    writeFileSync(join(root, "base.json"), JSON.stringify({ tasklog: { prefix: ["ab"] } }));
    writeFileSync(
      join(root, ".markdownlint-cli2.jsonc"),
      `{ "config": { "extends": "./base.json", "TL006": { "types": ["feat"] } } }`,
    );
    const found = await loadConfig(join(root, "docs", "logs", "tv-tasks.md"), undefined, root);
    expect(found.file).toBe(join(root, ".markdownlint-cli2.jsonc"));
    // markdownlint-cli2 assigns the extended keys onto the config object: its own keys (TL006) come
    // first, base.json's tag `tasklog` after them, so the tag's object is what TL006 receives.
    expect(found.options).toEqual({ prefix: ["ab"] });
    writeFileSync(join(root, "docs", ".markdownlint.yaml"), "tasklog:\n  prefix: [yz]\n");
    const yaml = await loadConfig(join(root, "docs", "logs", "tv-tasks.md"), undefined, root);
    expect(yaml.file).toBe(join(root, "docs", ".markdownlint.yaml"));
    expect(yaml.options).toEqual({ prefix: ["yz"] });
    writeFileSync(join(root, "docs", "logs", ".markdownlint-cli2.mjs"), "export default {};\n");
    const js = await loadConfig(join(root, "docs", "logs", "tv-tasks.md"), undefined, root);
    // A JavaScript options file sets nothing tasklog can know: the parent folder's configuration still applies, as in cli2.
    expect(js.options).toEqual({ prefix: ["yz"] });
    expect(js.notes[0]).toMatch(
      /a JavaScript configuration is never run by tasklog, so the settings it makes are unknown here/,
    );
    // --config is the base options, under the base folder's own .markdownlint-cli2.jsonc (as in cli2).
    expect((await loadConfig(join(root, "x.md"), join(root, "base.json"), root)).options).toEqual({
      prefix: ["ab"],
      types: ["feat"],
    });
  });
});

describe("messages", () => {
  it("a message longer than a thousand characters is cut, saying how much was left out", async () => {
    const { CliError, MAX_MESSAGE } = await import("../../src/cli/errors.js");
    const line = new CliError("x".repeat(5000), "f.json", 3).format();
    expect(line).toBe(`tasklog: f.json:3: ${"x".repeat(MAX_MESSAGE)}… (4,000 more characters)`);
  });
});

describe("parseJsonc reads JSONC as markdownlint-cli2's jsonc-parser does, with src/cli/jsonc.ts", () => {
  it("takes Unicode spaces, U+2028 line breaks and the BOM as white space, and counts lines by every break", async () => {
    const { whereKey } = await import("../../src/cli/config-read.js");
    const value = parseJsonc('\uFEFF{\u00a0"a":\u30001,\u2028"b"\u202f:\r2\r}', "x.jsonc") as object;
    expect(value).toEqual({ a: 1, b: 2 });
    expect(whereKey(value, "b")).toEqual({ file: "x.jsonc", line: 2 });
  });
  it("refuses nesting deeper than 64 levels with a message, never a stack overflow", () => {
    expect(() => parseJsonc(`${"[".repeat(100_000)}`, "x.json")).toThrow(
      /invalid JSON in the configuration: values are nested more than 64 deep/,
    );
    expect(parseJsonc(`${"[".repeat(64)}${"]".repeat(64)}`, "x.json")).toBeDefined();
  });
  it("an empty file or one of comments only is an error, as in markdownlint-cli2", () => {
    expect(() => parseJsonc("// nothing\n", "x.json")).toThrow(
      "invalid JSON in the configuration: the configuration is empty (a JSON value was expected)",
    );
  });
});
