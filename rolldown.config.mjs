/**
 * `npm run build` after `tsc` (which compiles src/ and rules/ into dist/src and dist/rules, with
 * declarations): bundle what the package's `exports` name (see package.json). The package holds only
 * these files, not tsc's output.
 *
 * - One ES module build with three entries that share their code through chunks (dist/chunks/):
 *   dist/index.js, the rules (`export default rules`, what markdownlint-cli2 and the VS Code extension
 *   import, and `export { rules as "module.exports" }`, so that `require()` of it on Node 20.19+ and
 *   22.12+, the `module-sync` condition, returns the array); dist/api.js, the typed API
 *   (`markdownlint-rule-tasklog/api`); dist/tasklog.js, the `tasklog` command. The rules entry loads
 *   only the chunk of the rules; the API and the command load markdownlint (an optional peer
 *   dependency) at run time.
 * - dist/index.cjs, CommonJS and self-contained (`module.exports = rules`), for `require()` on Node
 *   versions without `require()` of ES modules (Node 20.18 and older).
 * - The declarations bundled, one file per entry (rolldown-plugin-dts, from tsc's declarations):
 *   dist/index.d.ts, dist/api.d.ts (a shared declaration chunk if they share types), and
 *   dist/index.d.cts (`export =`) for the CommonJS entry.
 *
 * The JavaScript is minified (comments left out, names shortened: 307 kB of bundles became 185 kB; the
 * sources have the comments, the declarations keep their doc comments). Size won over readable stack
 * traces: a rule that throws is named by markdownlint with the exception's message, and a build
 * with `minify` off gives readable bundles to debug with.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { defineConfig } from "rolldown";
import { dts } from "rolldown-plugin-dts";

/** The modules the rules entry loads (tsc's output: static relative imports), so they form one chunk. */
function importClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"(\.{1,2}\/[^"]+)"/gms))
      visit(resolve(dirname(file), match[1]));
  };
  visit(resolve(entry));
  return seen;
}

// The ES module types are imported with `resolution-mode` (TypeScript 5.3+): without it, a CommonJS
// declaration file may not import an ES module's under node16/nodenext (TS1541, with skipLibCheck off).
const CJS_TYPES = `// The CommonJS entry (dist/index.cjs): \`module.exports\` is the array of rules.
import type { rules } from "./index.js" with { "resolution-mode": "import" };
declare const pack: typeof rules;
export = pack;
`;

/** Bare imports the bundles leave to Node: markdownlint (the optional peer) and js-yaml (optional, the command's YAML configuration files). */
const external = ["markdownlint/sync", "js-yaml"];
const RULES = importClosure("dist/rules/index.js");

export default defineConfig([
  {
    input: { index: "dist/rules/index.js", api: "dist/src/api-entry.js", tasklog: "dist/src/cli/bin.js" },
    logLevel: "warn",
    platform: "node",
    external,
    output: {
      dir: "dist",
      format: "esm",
      entryFileNames: "[name].js",
      chunkFileNames: "chunks/[name].js",
      comments: false,
      minify: true,
      // Everything the rules load in one chunk (dist/chunks/rules.js), which the API and the command
      // share: the rules entry costs two files.
      codeSplitting: {
        groups: [{ name: "rules", test: (id) => RULES.has(id) }],
      },
    },
  },
  {
    input: "dist/src/commonjs.js",
    logLevel: "warn",
    platform: "node",
    output: { file: "dist/index.cjs", format: "cjs", exports: "default", comments: false, minify: true },
  },
  {
    input: { index: "dist/rules/index.d.ts", api: "dist/src/api.d.ts" },
    logLevel: "warn",
    external: ["markdownlint"],
    plugins: [
      dts({ dtsOnly: true, tsconfig: "tsconfig.build.json" }),
      {
        name: "tasklog-cjs-types",
        generateBundle() {
          this.emitFile({ type: "asset", fileName: "index.d.cts", source: CJS_TYPES });
        },
      },
    ],
    output: { dir: "dist", chunkFileNames: "chunks/[name].d.ts" },
  },
]);
