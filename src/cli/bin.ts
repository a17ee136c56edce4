#!/usr/bin/env node
/**
 * The `tasklog` executable (package.json "bin"): runs the command and exits with its code. Standard
 * output gets the bytes of the text (a log read from standard input keeps its invalid UTF-8 bytes);
 * a reader that stops early (`tasklog list … | head -1`: EPIPE) ends the run quietly.
 */
import { runTasklog } from "./main.js";
import { encodeText } from "./write.js";

const quietOnBrokenPipe = (error: NodeJS.ErrnoException): void => {
  if (error.code === "EPIPE") {
    // The reader has what it wanted; nothing more to say, and nothing to print a stack trace about.
    process.exit(process.exitCode ?? 0);
  }
  throw error;
};
process.stdout.on("error", quietOnBrokenPipe);
process.stderr.on("error", quietOnBrokenPipe);

const result = await runTasklog(process.argv.slice(2));
process.exitCode = result.code;
process.stdout.write(encodeText(result.stdout));
process.stderr.write(result.stderr);
