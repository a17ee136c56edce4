/**
 * A diagnostic split of the editor's re-lint (docs/performance.md, "Where the editor's re-lint goes"):
 * markdownlint 0.40.0 with every built-in rule, warm, three lints interleaved in alternating windows:
 * the built-ins alone, the built-ins plus the pack (each rule function timed: "inside"), and the
 * built-ins plus as many empty micromark rules (the host's floor). Main-thread CPU, medians of nine
 * windows of N lints (default 200; use N=8 at 77 KB).
 *
 *   node_modules/.bin/node scripts/relint-split.mjs FILE.md
 */
import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");
const { lint } = await import(process.env.HOST ?? "markdownlint-040/sync");
const rules = (await import(process.env.PACK ?? new URL("../dist/index.js", import.meta.url).href)).default;
const text = readFileSync(process.argv[2], "utf8");
const cpu = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
let inside = 0;
const wrapped = rules.map((r) => ({
  ...r,
  function: (p, e) => {
    const t = cpu();
    r.function(p, e);
    inside += cpu() - t;
  },
}));
const noop = () => {};
const empty = rules.map((_r, i) => ({
  names: [`e${i}`],
  description: "e",
  tags: ["e"],
  parser: "micromark",
  function: noop,
}));
const run = (cr) =>
  lint({ strings: { content: text }, customRules: cr, config: { default: true }, handleRuleFailures: false });
const N = +(process.env.N ?? 200);
const res = { alone: [], pack: [], empty: [], inside: [] };
for (let i = 0; i < 20; i++) {
  run([]);
  run(wrapped);
  run(empty);
}
for (let w = 0; w < 9; w++) {
  const order = w % 2 ? ["alone", "pack", "empty"] : ["empty", "pack", "alone"];
  for (const k of order) {
    gc();
    run(k === "alone" ? [] : k === "pack" ? wrapped : empty);
    inside = 0;
    const t = cpu();
    for (let i = 0; i < N; i++) run(k === "alone" ? [] : k === "pack" ? wrapped : empty);
    res[k].push((cpu() - t) / N);
    if (k === "pack") res.inside.push(inside / N);
  }
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const a = med(res.alone);
console.log(
  "alone",
  a.toFixed(3),
  "pack",
  med(res.pack).toFixed(3),
  `(+${((med(res.pack) / a - 1) * 100).toFixed(1)}%)`,
  "inside",
  med(res.inside).toFixed(3),
  "empty",
  med(res.empty).toFixed(3),
  `(+${((med(res.empty) / a - 1) * 100).toFixed(1)}%)`,
);
