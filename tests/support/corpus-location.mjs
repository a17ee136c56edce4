/**
 * Where the shared corpora are (plain JavaScript so that the Node 20 host test, the bench scripts and
 * the TypeScript tests all use this one lookup).
 *
 * The corpus is a folder holding `real/` (the real task-log versions) and `foreign/` (Markdown that is
 * not a task log). It is found, in this order:
 *   1. `TASKLOG_CORPUS`, when set (a misconfigured value is an error, never a silent skip);
 *   2. `../shared/corpus` beside the checkout (how CI and the team's machines have it).
 * When neither exists, the tests that need it are skipped with one line saying so; under `CI=true`
 * that absence fails the run instead, so CI never loses those tests silently.
 */
import { existsSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SIBLING_CORPUS = join(REPO_ROOT, "..", "shared", "corpus");

const isDir = (path) => existsSync(path) && statSync(path).isDirectory();

/** True under CI (the `CI` variable set to anything but empty, "0" or "false"). */
export function isCI(env = process.env) {
  const value = (env.CI ?? "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
}

/**
 * Resolve the corpus folder. Returns `{ dir, realDir, foreignDir, source }` when found, or
 * `{ dir: null, missing, ci }` with the one-line explanations (skip, CI error) when not. Throws when
 * `TASKLOG_CORPUS` is set but does not name a folder with `real/` and `foreign/`.
 */
export function locateCorpus(env = process.env) {
  const configured = env.TASKLOG_CORPUS;
  if (configured !== undefined && configured !== "") {
    const dir = isAbsolute(configured) ? configured : resolve(configured);
    const lacking = ["real", "foreign"].filter((name) => !isDir(join(dir, name)));
    if (lacking.length > 0) {
      throw new Error(
        `TASKLOG_CORPUS=${configured}: ${lacking.map((name) => `${join(dir, name)}/`).join(" and ")} not found (it must name a folder holding real/ and foreign/)`,
      );
    }
    return { dir, realDir: join(dir, "real"), foreignDir: join(dir, "foreign"), source: "TASKLOG_CORPUS" };
  }
  if (isDir(join(SIBLING_CORPUS, "real")) && isDir(join(SIBLING_CORPUS, "foreign"))) {
    return {
      dir: SIBLING_CORPUS,
      realDir: join(SIBLING_CORPUS, "real"),
      foreignDir: join(SIBLING_CORPUS, "foreign"),
      source: "sibling",
    };
  }
  const how = `set TASKLOG_CORPUS to a folder holding real/ and foreign/, or put that folder at ${SIBLING_CORPUS}`;
  return {
    dir: null,
    missing: `corpus not found: the tests that need the real task-log history and the foreign Markdown are skipped; ${how} (CI=true makes this an error)`,
    ci: `CI=true but the corpus was not found, so the tests that need it cannot run: ${how}`,
  };
}

/**
 * The corpus, or the decision to skip: `{ corpus, skip }` where `skip` is the one-line reason (a
 * string) when the corpus is absent and this is not CI, and `false` otherwise. Under CI an absent
 * corpus throws (`ci`, one line: what is missing and how to provide it).
 */
export function corpusOrSkip(env = process.env) {
  const corpus = locateCorpus(env);
  if (corpus.dir !== null) return { corpus, skip: false };
  if (isCI(env)) throw new Error(corpus.ci);
  return { corpus, skip: corpus.missing };
}
