/**
 * Preloaded (`node --import`) by scripts/bench-cli.ts: at exit, print the whole process's CPU time
 * (user + system, microseconds, since the process started) on file descriptor 3, so that the measured
 * command's own output is untouched.
 */
import { writeSync } from "node:fs";

process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  try {
    writeSync(3, `${user + system}\n`);
  } catch {
    // Run without the bench's pipe: nothing to report to.
  }
});
