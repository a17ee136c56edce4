/**
 * The newest real task log of the shared corpus, gated: found through TASKLOG_CORPUS (the corpus
 * folder) or the `shared/corpus` folder beside the checkout. Without it the tests that need it are
 * skipped with one line saying why, and fail under CI=true (CI always has the corpus).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const corpus = process.env["TASKLOG_CORPUS"] ?? join(import.meta.dirname, "..", "..", "..", "shared", "corpus");
const realDir = join(corpus, "real");

export interface RealLog {
  readonly name: string;
  readonly path: string;
  readonly text: string;
}

/** The highest-numbered `tv-tasks.vNN.md`, or undefined when the corpus is absent. */
export function newestRealLog(): RealLog | undefined {
  if (!existsSync(realDir)) return undefined;
  const names = readdirSync(realDir)
    .filter((file) => /^tv-tasks\.v\d+\.md$/.test(file))
    .sort();
  const name = names[names.length - 1];
  if (name === undefined) return undefined;
  const path = join(realDir, name);
  return { name, path, text: readFileSync(path, "utf8") };
}

/** Say why the real-log tests do not run; under CI=true their absence is a failure. */
export function realLogGate(what: string): RealLog | undefined {
  const log = newestRealLog();
  if (log !== undefined) return log;
  const message = `${what}: skipped, the real corpus is absent (${realDir}; set TASKLOG_CORPUS)`;
  if (process.env["CI"] === "true") throw new Error(`${message}, and CI=true requires it`);
  console.log(message);
  return undefined;
}
