// A user's ES module script calling markdownlint's API with the pack:
// `node api-esm.mjs <file.md> <markdownlint package>…` prints what each markdownlint found, as JSON.
// Copied into the api host project (tests/e2e/hosts/api), where the packed tarball is installed and
// markdownlint 0.40, 0.41 and 0.42 are installed under the names markdownlint-0.40, -0.41, -0.42.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import rules, { rules as named } from "markdownlint-rule-tasklog";

const [file, ...packages] = process.argv.slice(2);
const responses = [];
for (const markdownlint of packages) {
  const { lint } = await import(`${markdownlint}/promise`);
  const { getVersion } = await import(markdownlint);
  const results = await lint({
    strings: { [file]: readFileSync(file, "utf8") },
    customRules: rules,
    config: { default: false, tasklog: true },
  });
  responses.push({
    node: process.version,
    markdownlint: getVersion(),
    loader: "import",
    isArray: Array.isArray(rules),
    sameAsNamed: rules === named,
    resolved: import.meta.resolve("markdownlint-rule-tasklog"),
    requireResolved: createRequire(import.meta.url).resolve("markdownlint-rule-tasklog"),
    results: results[file],
  });
}
console.log(JSON.stringify(responses));
