/**
 * Child process of `npm run bench`: import the built package once in a fresh Node process and print
 * how long the import took (wall and CPU time) and which file-system calls the package's own code made meanwhile.
 * Usage: node scripts/bench-import.mjs <file URL of dist/index.js> [--trace-fs] [--require]
 * `--require` loads the file with `require()` (as markdownlint-cli and CommonJS scripts do) instead of `import()`.
 * The file-system tracing captures a stack trace on every call (the loader's too), which costs
 * milliseconds: time the import without it, check the calls with it.
 */
import fs from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { fileURLToPath } from "node:url";

const target = process.argv[2];
// Node's ESM loader reads module files through these same functions: count only the calls made
// from the package's own code (a stack frame in dist/index.js, dist/chunks, dist/rules or dist/src).
const calls = [];
const fromPackage = () => {
  const frames = (new Error().stack ?? "").split("\n").slice(3);
  return frames.some(
    (frame) =>
      frame.includes("/dist/index.js") ||
      frame.includes("/dist/chunks/") ||
      frame.includes("/dist/rules/") ||
      frame.includes("/dist/src/"),
  );
};
const trace = process.argv.includes("--trace-fs");
for (const name of trace ? Object.keys(fs) : []) {
  const original = fs[name];
  if (typeof original !== "function" || !/^(read|open|stat|lstat|exists|access|watch|realpath|createRead)/.test(name))
    continue;
  fs[name] = function (...args) {
    if (fromPackage()) calls.push(`${name} ${String(args[0])}`);
    return original.apply(this, args);
  };
}
for (const name of trace ? Object.keys(fs.promises) : []) {
  const original = fs.promises[name];
  if (typeof original !== "function") continue;
  fs.promises[name] = function (...args) {
    if (fromPackage()) calls.push(`promises.${name} ${String(args[0])}`);
    return original.apply(this, args);
  };
}
if (trace) syncBuiltinESMExports();

const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const start = performance.now();
const startCpu = cpu();
const rules = process.argv.includes("--require")
  ? createRequire(import.meta.url)(fileURLToPath(target))
  : (await import(target)).default;
const cpuMs = cpu() - startCpu;
const ms = performance.now() - start;
if (!Array.isArray(rules)) throw new Error(`${target} did not give the array of rules`);
console.log(JSON.stringify({ ms, cpuMs, rules: rules.length, calls }));
