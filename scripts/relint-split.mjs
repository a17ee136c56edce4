/**
 * A diagnostic split of the editor's re-lint (docs/performance.md, "Where the editor's re-lint goes"):
 * markdownlint 0.40.0 with every built-in rule, warm, three lints interleaved in alternating windows:
 * the built-ins alone, the built-ins plus the pack (each rule function timed: "inside"), and the
 * built-ins plus as many empty micromark rules (the host's floor). Main-thread CPU, medians of nine
 * windows of N lints (default 200; use N=8 at 77 KB).
 *
 *   node_modules/.bin/node scripts/relint-split.mjs FILE.md
 *
 * HOST (a markdownlint sync entry) and PACK (a rules entry) replace markdownlint 0.40.0 and dist/index.js.
 */
import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");
const { median, threadCpu } = await import(new URL("./bench-logs.ts", import.meta.url).href);
const { lint } = await import(process.env.HOST ?? "markdownlint-040/sync");
const rules = (await import(process.env.PACK ?? new URL("../dist/index.js", import.meta.url).href)).default;
const text = readFileSync(process.argv[2], "utf8");
let inside = 0;
const wrapped = rules.map((r) => ({
  ...r,
  function: (p, e) => {
    const t = threadCpu();
    r.function(p, e);
    inside += threadCpu() - t;
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
const customRules = { alone: [], pack: wrapped, empty };
const N = +(process.env.N ?? 200);
const res = { alone: [], pack: [], empty: [], inside: [] };
for (let i = 0; i < 20; i++) for (const list of Object.values(customRules)) run(list);
for (let w = 0; w < 9; w++) {
  const order = w % 2 ? ["alone", "pack", "empty"] : ["empty", "pack", "alone"];
  for (const k of order) {
    gc();
    run(customRules[k]);
    inside = 0;
    const t = threadCpu();
    for (let i = 0; i < N; i++) run(customRules[k]);
    res[k].push((threadCpu() - t) / N);
    if (k === "pack") res.inside.push(inside / N);
  }
}
const a = median(res.alone);
console.log(
  "alone",
  a.toFixed(3),
  "pack",
  median(res.pack).toFixed(3),
  `(+${((median(res.pack) / a - 1) * 100).toFixed(1)}%)`,
  "inside",
  median(res.inside).toFixed(3),
  "empty",
  median(res.empty).toFixed(3),
  `(+${((median(res.empty) / a - 1) * 100).toFixed(1)}%)`,
);
