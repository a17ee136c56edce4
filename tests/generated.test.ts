/**
 * Nothing generated is stale: the schemas and the docs options tables, generated in memory from the
 * rules' declarations (tests/support/generated.ts), must equal the committed files. With
 * TASKLOG_GENERATE=1 (`npm run generate`) this file writes them instead; `npm run generate` then
 * regenerates the pinned snapshots too (tests/snapshots.test.ts, which fails under CI=true on a
 * missing snapshot and everywhere on a changed one).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedSchemaNames, generatedPages, generatedSchemas, ROOT } from "./support/generated.js";
import { readFileSync } from "node:fs";

const write = process.env["TASKLOG_GENERATE"] === "1";
const STALE = "is stale: run `npm run generate` and commit the result";

describe("generated files", () => {
  it("schema/ holds exactly the generated schemas", () => {
    expect(committedSchemaNames(), `schema/ ${STALE}`).toEqual(
      generatedSchemas()
        .map((file) => file.path.slice("schema/".length))
        .sort(),
    );
  });

  for (const file of [...generatedSchemas(), ...generatedPages()]) {
    it(`${file.path}: ${file.from}`, () => {
      expect(file.text, `${file.path} has no generated options block (the two marker lines)`).toBeDefined();
      const committed = readFileSync(join(ROOT, file.path), "utf8");
      if (write && committed !== file.text) writeFileSync(join(ROOT, file.path), file.text as string);
      else expect(committed, `${file.path} ${STALE}`).toBe(file.text);
    });
  }
});
