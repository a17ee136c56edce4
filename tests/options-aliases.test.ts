/**
 * Configuration values that YAML aliases make huge or self-referencing (markdownlint-cli2 loads a
 * `.markdownlint.yaml` with js-yaml, which shares aliased values instead of copying them): every rule
 * reports the bad option once, with a short preview, and never throws or hangs.
 */
import { load } from "js-yaml";
import { lint } from "markdownlint/sync";
import { describe, expect, it } from "vitest";
import rules from "../rules/index.js";

const log = "## Open tasks (updated 2025-10-03)\n\n### Open · tv-2025-10-03:PR1 · Title\n";

function aliasBomb(levels: number): Record<string, unknown> {
  let text = "l0: &l0 [x, x, x, x, x, x, x, x, x]\n";
  for (let i = 1; i < levels; i++)
    text += `l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(", ")}]\n`;
  return load(text) as Record<string, unknown>;
}

function optionLines(config: Record<string, unknown>): string[] {
  const results = lint({ strings: { log }, config: { default: false, ...config }, customRules: rules });
  return (results["log"] ?? []).filter((entry) => entry.lineNumber === 1).map((entry) => entry.errorDetail ?? "");
}

describe("options built from YAML aliases", () => {
  it("an alias inside its own value is reported as [circular], by every rule, without a throw", () => {
    const self = (load("a: &a [*a]\n") as { a: unknown }).a;
    const lines = optionLines({ tasklog: { prefix: self } });
    // One report per document for a problem every rule of the block shares (the first rule that runs).
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      'TL001/task-heading: Option "prefix" expects a string or a non-empty array of strings; found an array ([[circular]]). Using the default.',
    );
  });

  it("an alias bomb (9^9 values once expanded) is previewed in at most a hundred characters", () => {
    const bomb = aliasBomb(9)["l8"];
    const lines = optionLines({ tasklog: { statuses: { Open: bomb }, types: bomb } });
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line.length).toBeLessThan(400);
    expect(lines.some((line) => line.includes('Option "types" expects an array of strings'))).toBe(true);
  });
});
