/**
 * Once per vitest run (unit suite): say, in one line, when the corpus is absent and its tests are
 * skipped; under CI=true its absence fails the run here, before any test (tests/support/corpus-location.mjs).
 */
import { corpusOrSkip } from "./corpus-location.mjs";

export default function setup(): void {
  const { corpus, skip } = corpusOrSkip();
  if (skip !== false) console.log(skip);
  else if (corpus.dir !== null && corpus.source === "TASKLOG_CORPUS")
    console.log(`corpus: ${corpus.dir} (TASKLOG_CORPUS)`);
}
