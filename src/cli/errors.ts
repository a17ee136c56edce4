/** The longest message printed (a 100,000-status configuration must not print 158 KB). */
export const MAX_MESSAGE = 1000;

/** A message cut at MAX_MESSAGE characters, saying how much was left out. */
export function clampMessage(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  return `${message.slice(0, MAX_MESSAGE)}… (${(message.length - MAX_MESSAGE).toLocaleString("en-US")} more characters)`;
}

/** An error the `tasklog` command reports as `tasklog: <file>:<line>: <message>` with exit code 2. */
export class CliError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  constructor(message: string, file?: string, line?: number) {
    super(message);
    this.name = "CliError";
    this.file = file;
    this.line = line;
  }

  /** The one line printed on standard error. */
  format(): string {
    const where = this.file === undefined ? "" : `${this.file}${this.line === undefined ? "" : `:${this.line}`}: `;
    return `tasklog: ${where}${clampMessage(this.message)}`;
  }
}

/** A command's output: what goes to standard output and standard error, and the exit code. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}
