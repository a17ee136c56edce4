/**
 * `npm run profile`: where the time goes when markdownlint lints a large log with the pack.
 *
 * Spawns Node with `--cpu-prof` on a lint loop (generated log of 32× the real log, the pack only,
 * built-in rules off), then reads the .cpuprofile and prints the self time by origin (micromark,
 * markdownlint, the pack's model, each rule file, …) and the heaviest functions of the pack.
 * `--size N` sets the multiple of the real log (default 32), `--runs N` the lint count (default 5).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const { generatedLogOfSize, readRealLog, ROOT } = (await import(
  new URL("./bench-logs.ts", import.meta.url).href
)) as typeof import("./bench-logs.js");

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const index = argv.indexOf(name);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
};
const size = flag("--size", 32);
const runs = flag("--runs", 5);
const dir = `${ROOT}scratch/profile`;

if (argv.includes("--child")) {
  // The profiled process: lint the document `runs` times with the pack only.
  const { lint } = await import("markdownlint/sync");
  const rules = ((await import(pathToFileURL(`${ROOT}dist/rules/index.js`).href)) as typeof import("../rules/index.js"))
    .default;
  const text = readFileSync(`${dir}/input.md`, "utf8");
  for (let i = 0; i < runs; i++) {
    lint({
      strings: { content: text },
      customRules: rules as never,
      config: { default: false, tasklog: true } as never,
    });
  }
} else {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { tasks, text } = await generatedLogOfSize(readRealLog().length * size);
  writeFileSync(`${dir}/input.md`, text);
  console.log(
    `profiling ${runs} lints of a generated log of ${size}× the real log (${tasks} tasks, ${(text.length / 1024).toFixed(0)} KB)`,
  );
  const child = spawnSync(
    process.execPath,
    [
      "--cpu-prof",
      "--cpu-prof-dir",
      dir,
      "--cpu-prof-interval",
      "200",
      new URL(import.meta.url).pathname,
      "--child",
      "--runs",
      String(runs),
    ],
    { stdio: "inherit" },
  );
  if (child.status !== 0) process.exit(child.status ?? 1);
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (file === undefined) throw new Error("no .cpuprofile written");

  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
    children?: number[];
  }
  const profile = JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
    endTime: number;
  };
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const origin = (url: string): string => {
    if (url === "") return "(native / GC / idle)";
    const pack = /\/dist\/(src\/[\w/.-]+|rules\/[\w.-]+)\.js$/.exec(url);
    if (pack) return `pack: ${pack[1]}`;
    const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url.slice(url.lastIndexOf("node_modules/")));
    if (dep) return dep[1] as string;
    if (url.startsWith("node:")) return "node internals";
    return url.replace(pathToFileURL(ROOT).href, "");
  };
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = selfTime.get(node.id) ?? 0;
    const where = origin(node.callFrame.url);
    byOrigin.set(where, (byOrigin.get(where) ?? 0) + ms);
    if (where.startsWith("pack")) {
      const key = `${node.callFrame.functionName || "(anonymous)"} (${where.slice(6)}:${node.callFrame.lineNumber + 1})`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    }
  }
  const total = [...byOrigin.values()].reduce((a, b) => a + b, 0);
  const top = (map: Map<string, number>, count: number): [string, number][] =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
  console.log(`\nself time by origin (total ${total.toFixed(0)} ms):`);
  for (const [key, ms] of top(byOrigin, 20))
    console.log(`  ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(6)} ms  ${key}`);
  const packTotal = [...byOrigin].filter(([key]) => key.startsWith("pack")).reduce((sum, [, ms]) => sum + ms, 0);
  console.log(
    `\npack total self time: ${packTotal.toFixed(0)} ms (${((packTotal / total) * 100).toFixed(2)} %); heaviest pack functions:`,
  );
  for (const [key, ms] of top(byFunction, 15)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${key}`);
  console.log(`\nprofile: ${dir}/${file} (open in Chrome DevTools › Performance)`);
}
