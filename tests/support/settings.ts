/**
 * fast-check settings for the property tests. Runs are kept modest so that the suite stays fast;
 * fast-check prints the seed and path of any failure. To replay or to search harder:
 *
 *   FC_SEED=1234 FC_PATH="0:1:2" npm run test:unit -- tests/property   # replay one counterexample
 *   FC_RUNS=2000 npm run test:unit -- tests/property                    # more runs
 */
import type fc from "fast-check";

export function propertyParameters(defaultRuns: number): fc.Parameters<unknown> {
  const seed = process.env["FC_SEED"];
  const runs = process.env["FC_RUNS"];
  const path = process.env["FC_PATH"];
  return {
    numRuns: runs !== undefined && runs !== "" ? Number(runs) : defaultRuns,
    ...(seed !== undefined && seed !== "" ? { seed: Number(seed) } : {}),
    ...(path !== undefined && path !== "" ? { path } : {}),
  };
}
