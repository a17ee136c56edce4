/**
 * Every example of docs/cli/*.md is executed, in order, in one fresh folder per page:
 * - a fence whose info string has `file=<name>` writes that file;
 * - a `console` fence runs each `$ npx tasklog …` line (in process) and compares what it prints
 *   (standard output, then standard error) with the lines that follow it, exactly; leading
 *   `NAME=value` words set the command's environment (`GITHUB_ACTIONS=true npx tasklog check-pr …`);
 * - a fence with `result=<name>` is that file's text afterwards (`lines=a-b`: those lines of it).
 * Each command's page must run that command at least once.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sandbox } from "./run.js";

const docsDir = join(import.meta.dirname, "..", "..", "docs", "cli");

interface Fence {
  readonly info: string;
  readonly body: string;
  readonly line: number;
}

function fencesOf(page: string): Fence[] {
  const lines = page.split("\n");
  const out: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && (lines[j] as string).trim() !== fence) body.push(lines[j++] as string);
    out.push({ info: (open[2] as string).trim(), body: `${body.join("\n")}\n`, line: i + 1 });
    i = j;
  }
  return out;
}

/** Split a command line as a POSIX shell would for the simple quoting the docs use. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let current: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (char === '"' || char === "'") {
      const end = line.indexOf(char, i + 1);
      if (end < 0) throw new Error(`unclosed quote in: ${line}`);
      current = (current ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (char === " ") {
      if (current !== undefined) words.push(current);
      current = undefined;
    } else {
      current = (current ?? "") + char;
    }
  }
  if (current !== undefined) words.push(current);
  return words;
}

const option = (info: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\s)${name}=(\\S+)`).exec(info)?.[1];

/** Run a page's fences in order in one fresh folder; returns how often each subcommand ran. */
async function runFences(text: string, page: string): Promise<Record<string, number>> {
  const box = sandbox();
  const ran: Record<string, number> = {};
  for (const fence of fencesOf(text)) {
    const file = option(fence.info, "file");
    const result = option(fence.info, "result");
    if (file !== undefined) box.write(file, fence.body);
    if (result !== undefined) {
      const range = option(fence.info, "lines");
      let text = box.read(result);
      if (range !== undefined) {
        const [from, to] = range.split("-").map(Number) as [number, number];
        text = `${text
          .split("\n")
          .slice(from - 1, to)
          .join("\n")}\n`;
      }
      expect(text, `${page}:${fence.line}`).toBe(fence.body);
    }
    if (!fence.info.startsWith("console")) continue;
    const lines = fence.body.trimEnd().split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (!line.startsWith("$ ")) continue;
      const expected: string[] = [];
      while (i + 1 < lines.length && !(lines[i + 1] as string).startsWith("$ ")) expected.push(lines[++i] as string);
      const words = shellWords(line.slice(2));
      const env: NodeJS.ProcessEnv = {};
      while (/^[A-Z_]+=/.test(words[0] ?? "")) {
        const [name, ...value] = (words.shift() as string).split("=");
        env[name as string] = value.join("=");
      }
      expect(words.slice(0, 2), `${page}: ${line}`).toEqual(["npx", "tasklog"]);
      const subcommand = words[2] as string;
      ran[subcommand] = (ran[subcommand] ?? 0) + 1;
      const output = await box.run(words.slice(2), { today: "2025-10-20", env });
      expect(`${output.stdout}${output.stderr}`.trimEnd(), `${page}: ${line}`).toBe(expected.join("\n"));
    }
  }
  return ran;
}

const pages = readdirSync(docsDir)
  .filter((file) => file.endsWith(".md") && file !== "README.md")
  .sort();

describe("docs/cli examples", () => {
  it("has a page per command", () => {
    expect(pages).toEqual(["check-pr.md", "export.md", "init.md", "list.md", "new.md", "set-pr.md", "sync.md"]);
  });

  for (const page of pages) {
    it(`${page}: every example gives the output and files it shows`, async () => {
      const command = page.replace(/\.md$/, "");
      const ran = await runFences(readFileSync(join(docsDir, page), "utf8"), page);
      expect(ran[command] ?? 0, `${page} runs tasklog ${command}`).toBeGreaterThan(0);
    });
  }

  it("README.md: the init, new, set-pr and list sequence gives the output and files it shows, in order", async () => {
    const ran = await runFences(readFileSync(join(docsDir, "..", "..", "README.md"), "utf8"), "README.md");
    expect(Object.keys(ran).sort()).toEqual(["init", "list", "new", "set-pr"]);
  });
});
