/**
 * The fenced blocks of README.md and docs/**\/*.md, and how each is checked (its info string after the
 * language; docs/README of tests/docs.test.ts lists every class). The executable ones run in order,
 * in one fresh folder per page, through a `DocRunner`: in process (tests/cli/docs.test.ts, markdownlint
 * 0.42) and from the packed tarball on markdownlint 0.40, 0.41 and 0.42 (tests/e2e/docs.e2e.ts).
 *
 * - `file=<name>` writes the block to that file;
 * - `result=<name>` is that file's text afterwards (`lines=a-b`: those lines of it);
 * - `console`: each `$ …` line is run and what it prints (standard output, then standard error) must
 *   be the lines that follow it, exactly. `$ npx tasklog …` runs the command (leading `NAME=value`
 *   words set its environment), `$ node <file>` runs a script a `file=` block wrote;
 * - `lint=<name>`: every line of the block is a finding markdownlint-cli2's default formatter prints
 *   for that file (markdownlint's default configuration and the pack).
 */
import { expect } from "vitest";

export interface Fence {
  readonly language: string;
  /** The info string after the language. */
  readonly info: string;
  readonly body: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

/** The fenced blocks of a page (an inner fence shorter than the outer one, or of the other kind, is content). */
export function fencesOf(text: string): Fence[] {
  const lines = text.split("\n");
  const out: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    const body: string[] = [];
    let j = i + 1;
    const closes = (line: string): boolean => {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      return close !== null && (close[1] as string)[0] === fence[0] && (close[1] as string).length >= fence.length;
    };
    while (j < lines.length && !closes(lines[j] as string)) body.push(lines[j++] as string);
    const [language = "", ...rest] = (open[2] as string).trim().split(/\s+/);
    out.push({ language, info: rest.join(" "), body: `${body.join("\n")}\n`, line: i + 1 });
    i = j;
  }
  return out;
}

export const option = (info: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\s)${name}=(\\S+)`).exec(info)?.[1];

/** The `$ ` lines of a console block, each with the output shown under it (up to the next `$ `). */
export function consoleCommands(body: string): { readonly line: string; readonly expected: string }[] {
  const out: { line: string; expected: string }[] = [];
  const lines = body.trimEnd().split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.startsWith("$ ")) continue;
    const expected: string[] = [];
    while (i + 1 < lines.length && !(lines[i + 1] as string).startsWith("$ ")) expected.push(lines[++i] as string);
    out.push({ line, expected: expected.join("\n") });
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

export interface Output {
  readonly stdout: string;
  readonly stderr: string;
}

/** Where a page's blocks run: one fresh folder. */
export interface DocRunner {
  write(name: string, text: string): void;
  read(name: string): string;
  /** `tasklog <args>` in the folder, on 2025-10-20 (the day the docs' examples are written for). */
  tasklog(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Output>;
  /** `node <script>` in the folder. */
  node(script: string): Promise<Output>;
  /** markdownlint-cli2's default formatter's lines for `file`, linted with the default configuration and the pack. */
  lint(file: string): Promise<string[]>;
}

/** markdownlint-cli2-formatter-default's line for one result (`fileName` added). */
export function formatFinding(
  file: string,
  error: {
    lineNumber: number;
    ruleNames: readonly string[];
    ruleDescription: string;
    errorDetail: string | null;
    errorContext: string | null;
    errorRange: readonly number[] | null;
    severity?: string;
  },
): string {
  const column = error.errorRange?.[0] ? `:${error.errorRange[0]}` : "";
  const severity = error.severity ? ` ${error.severity}` : "";
  const detail = error.errorDetail ? ` [${error.errorDetail}]` : "";
  const context = error.errorContext ? ` [Context: "${error.errorContext}"]` : "";
  return `${file}:${error.lineNumber}${column}${severity} ${error.ruleNames.join("/")} ${error.ruleDescription}${detail}${context}`;
}

/** Run a page's executable blocks in order; returns how often each `tasklog` subcommand ran. */
export async function runFences(text: string, page: string, runner: DocRunner): Promise<Record<string, number>> {
  const ran: Record<string, number> = {};
  for (const fence of fencesOf(text)) {
    const where = `${page}:${fence.line}`;
    const file = option(fence.info, "file");
    const result = option(fence.info, "result");
    const lint = option(fence.info, "lint");
    if (file !== undefined) runner.write(file, fence.body);
    if (result !== undefined) {
      const range = option(fence.info, "lines");
      let text = runner.read(result);
      if (range !== undefined) {
        const [from, to] = range.split("-").map(Number) as [number, number];
        text = `${text
          .split("\n")
          .slice(from - 1, to)
          .join("\n")}\n`;
      }
      expect(text, where).toBe(fence.body);
    }
    if (lint !== undefined) {
      const findings = await runner.lint(lint);
      for (const line of fence.body.trimEnd().split("\n")) expect(findings, where).toContain(line);
    }
    if (fence.language !== "console") continue;
    for (const { line, expected } of consoleCommands(fence.body)) {
      const words = shellWords(line.slice(2));
      const env: NodeJS.ProcessEnv = {};
      while (/^[A-Z_]+=/.test(words[0] ?? "")) {
        const [name, ...value] = (words.shift() as string).split("=");
        env[name as string] = value.join("=");
      }
      let output: Output;
      if (words[0] === "node" && words.length === 2) {
        output = await runner.node(words[1] as string);
      } else {
        expect(words.slice(0, 2), `${where}: ${line}`).toEqual(["npx", "tasklog"]);
        const subcommand = words[2] as string;
        ran[subcommand] = (ran[subcommand] ?? 0) + 1;
        output = await runner.tasklog(words.slice(2), env);
      }
      expect(`${output.stdout}${output.stderr}`.trimEnd(), `${where}: ${line}`).toBe(expected);
    }
  }
  return ran;
}
