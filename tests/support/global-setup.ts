/**
 * Once per vitest run (unit suite): say, in one line, when the corpus is absent and its tests are
 * skipped; under CI=true its absence fails the run here, before any test (tests/support/corpus-location.mjs).
 */
import { corpusOrSkip } from "./corpus-location.mjs";

export default function setup(): void {
  // `npm run generate:files` (also run by `npm run release`) writes files from the rules' declarations
  // and reads no corpus, so it does not ask for one, in CI or not.
  if (process.env.TASKLOG_GENERATE === "1") return;
  const { corpus, skip } = corpusOrSkip();
  if (skip !== false) console.log(skip);
  else if (corpus.dir !== null && corpus.source === "TASKLOG_CORPUS")
    console.log(`corpus: ${corpus.dir} (TASKLOG_CORPUS)`);
}
