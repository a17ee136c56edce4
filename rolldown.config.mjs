/**
 * `npm run build` after `tsc`: bundle the compiled rules into the two files the package's `exports`
 * name (see package.json):
 *
 * - dist/index.js, an ES module: `export default rules` (what markdownlint-cli2 and the VS Code
 *   extension import) and `export { rules as "module.exports" }`, so that `require()` of it on Node
 *   20.19+ and 22.12+ (the `module-sync` condition) returns the array;
 * - dist/index.cjs, CommonJS: `module.exports = rules`, for `require()` on Node versions without
 *   `require()` of ES modules (Node 20.18 and older); its types are dist/index.d.cts (`export =`);
 * - dist/api.js, the typed API (`markdownlint-rule-tasklog/api`), and dist/tasklog.js, the `tasklog`
 *   command: ES modules for Node that load markdownlint (an optional peer dependency) at run time.
 */
import { defineConfig } from "rolldown";

const CJS_TYPES = `// The CommonJS entry (dist/index.cjs): \`module.exports\` is the array of rules.
import type { rules } from "./rules/index.js";
declare const pack: typeof rules;
export = pack;
`;

export default defineConfig([
  {
    input: "dist/rules/index.js",
    logLevel: "warn",
    output: { file: "dist/index.js", format: "esm" },
  },
  {
    input: "dist/src/commonjs.js",
    logLevel: "warn",
    output: { file: "dist/index.cjs", format: "cjs", exports: "default" },
    plugins: [
      {
        name: "tasklog-cjs-types",
        generateBundle() {
          this.emitFile({ type: "asset", fileName: "index.d.cts", source: CJS_TYPES });
        },
      },
    ],
  },
  {
    input: "dist/src/api-entry.js",
    logLevel: "warn",
    platform: "node",
    external: ["markdownlint/sync"],
    output: { file: "dist/api.js", format: "esm" },
  },
  {
    input: "dist/src/cli/bin.js",
    logLevel: "warn",
    platform: "node",
    external: ["markdownlint/sync", "js-yaml"],
    output: { file: "dist/tasklog.js", format: "esm" },
  },
]);
