/**
 * The scripts of `npm run bench`, `npm run profile` and `npm run guard:output` run under plain Node
 * over the TypeScript sources (scripts/ts-resolve.mjs maps the sources' `./x.js` specifiers to
 * `./x.ts`). They are not part of `npm test`'s timings; this checks that they still start and
 * print their tables, on the built package (`npm test` builds first).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const hasThreadClock = typeof (process as unknown as { threadCpuUsage?: unknown }).threadCpuUsage === "function";

describe("the benchmark scripts", () => {
  it("load the test generator through the sources' .js specifiers (scripts/ts-resolve.mjs)", () => {
    const script = [
      'await import("./scripts/ts-resolve.mjs");',
      'const { generateTaskLog } = await import("./tests/support/generate.ts");',
      "console.log(generateTaskLog(2).split('\\n')[0]);",
    ].join("\n");
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^# /);
  });

  it.skipIf(!hasThreadClock)(
    "bench:pack measures the pack against the parse (one small generated log, quick)",
    () => {
      expect(existsSync(join(ROOT, "dist", "index.js")), "npm run build first").toBe(true);
      const result = spawnSync(
        process.execPath,
        ["scripts/bench-pack.ts", "--quick", "--sizes", "14", "--no-real", "--no-relint", "--no-import"],
        { cwd: ROOT, encoding: "utf8", timeout: 120_000 },
      );
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^\| generated 14 KB \(\d+ tasks\) \| 1[45] \| [\d.]+ \| [\d.]+ \| [\d.]+ % \|/m);
      expect(result.stdout).toContain("own work ≤ 3 % of the linear parse");
    },
    150_000,
  );
});
