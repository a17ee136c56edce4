/** Run `tasklog` in process, in a fresh temporary folder holding `files`. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runTasklog, type RunContext } from "../../src/cli/main.js";
import type { CommandResult } from "../../src/cli/errors.js";

export interface Sandbox {
  readonly dir: string;
  run(args: readonly string[], context?: RunContext): Promise<CommandResult>;
  read(name: string): string;
  write(name: string, text: string): void;
}

export function sandbox(files: Record<string, string> = {}): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), "tasklog-cli-"));
  const write = (name: string, text: string): void => {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  return {
    dir,
    async run(args, context = { today: "2025-10-20" }) {
      const previous = process.cwd();
      process.chdir(dir);
      try {
        return await runTasklog(args, context);
      } finally {
        process.chdir(previous);
      }
    },
    read: (name) => readFileSync(join(dir, name), "utf8"),
    write,
  };
}
