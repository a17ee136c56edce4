/**
 * Child process of `npm run bench`: import the built package once in a fresh Node process and print
 * how long the import took and which file-system calls the package's own code made meanwhile.
 * Usage: node scripts/bench-import.mjs <file URL of dist/rules/index.js>
 */
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const target = process.argv[2];
// Node's ESM loader reads module files through these same functions: count only the calls made
// from the package's own code (a stack frame in dist/rules or dist/src).
const calls = [];
const fromPackage = () => {
  const frames = (new Error().stack ?? "").split("\n").slice(3);
  return frames.some((frame) => frame.includes("/dist/rules/") || frame.includes("/dist/src/"));
};
for (const name of Object.keys(fs)) {
  const original = fs[name];
  if (typeof original !== "function" || !/^(read|open|stat|lstat|exists|access|watch|realpath|createRead)/.test(name)) continue;
  fs[name] = function (...args) {
    if (fromPackage()) calls.push(`${name} ${String(args[0])}`);
    return original.apply(this, args);
  };
}
for (const name of Object.keys(fs.promises)) {
  const original = fs.promises[name];
  if (typeof original !== "function") continue;
  fs.promises[name] = function (...args) {
    if (fromPackage()) calls.push(`promises.${name} ${String(args[0])}`);
    return original.apply(this, args);
  };
}
syncBuiltinESMExports();

const start = performance.now();
const pack = await import(target);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rules: pack.default.length, calls }));
