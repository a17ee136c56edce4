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

// markdownlint's and markdownlint-cli2's own schemas, bundled into the pack's (the dev dependencies' versions).
const { readFileSync } = await import("node:fs");
const upstream = (path: string) => JSON.parse(readFileSync(new URL(`node_modules/${path}`, root), "utf8"));
const upstreamSchemas = {
  markdownlint: upstream("markdownlint/schema/markdownlint-config-schema.json"),
  markdownlintCli2: upstream("markdownlint-cli2/schema/markdownlint-cli2-config-schema.json"),
};

mkdirSync(new URL("schema/", root), { recursive: true });
for (const [name, text] of Object.entries(schemaFiles(rules, upstreamSchemas))) {
  writeFileSync(new URL(`schema/${name}`, root), text);
  console.log(`wrote schema/${name}`);
}
