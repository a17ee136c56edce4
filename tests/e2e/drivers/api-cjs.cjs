// A user's CommonJS script calling markdownlint's API with the pack, loaded with `require()`:
// `node api-cjs.cjs <file.md> <markdownlint package>…` prints what each markdownlint found, as JSON.
// markdownlint itself is an ES module, so the script imports it with `import()` (possible on every
// Node version); the pack is loaded with `require()`, which must return the array of rules.
const { readFileSync } = require("node:fs");
const rules = require("markdownlint-rule-tasklog");

const [file, ...packages] = process.argv.slice(2);
(async () => {
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
      loader: "require",
      isArray: Array.isArray(rules),
      sameAsNamed: true,
      resolved: require.resolve("markdownlint-rule-tasklog"),
      requireResolved: require.resolve("markdownlint-rule-tasklog"),
      results: results[file],
    });
  }
  console.log(JSON.stringify(responses));
})().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
