/**
 * `npm run schema`: write schema/*.json from the built rules (src/kit/schema.ts generates them from the
 * rules' declarations). tests/schema.test.ts fails when the committed files differ from this output.
 */
import { mkdirSync, writeFileSync } from "node:fs";

// Plain Node 22 strips the types of .ts files but does not map `./x.js` to `./x.ts`: use the build.
const root = new URL("../", import.meta.url);
const { default: rules } = (await import(
  new URL("dist/rules/index.js", root).href
)) as typeof import("../rules/index.js");
const { schemaFiles } = (await import(
  new URL("dist/src/kit/schema.js", root).href
)) as typeof import("../src/kit/schema.js");

mkdirSync(new URL("schema/", root), { recursive: true });
for (const [name, text] of Object.entries(schemaFiles(rules))) {
  writeFileSync(new URL(`schema/${name}`, root), text);
  console.log(`wrote schema/${name}`);
}
