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
    return `tasklog: ${where}${this.message}`;
  }
}

/** A command's output: what goes to standard output and standard error, and the exit code. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}
