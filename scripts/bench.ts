/**
 * `npm run bench`: what the pack costs next to markdownlint's own parse.
 *
 * For the real log (tv-tasks.v40.md), generated logs of 1×, 8× and 32× its size, and the real log
 * replicated 32 times (a log with findings), it measures with markdownlint 0.42.1:
 * - parse: a lint with built-in rules off and one empty micromark custom rule (markdownlint's
 *   preprocessing plus the micromark parse every micromark rule shares), median of tinybench samples;
 * - pack: the time spent inside the pack (the model build, timed on its own, plus each rule's
 *   `function`, wrapped with a timer) during a lint with the pack only, median over the same runs;
 * - their ratio (target ≤ 5 %) and the pack's time per KB (linear growth keeps it flat).
 * Then the package's import time in fresh processes (median of many; target < 10 ms) with a count
 * of file-system calls made while importing (target 0), the micromark 4.0.2 / 4.0.3 comparison when
 * tests/overrides is installed, and scripts/regex-adversarial.* when it exists.
 *
 * Runs the built package (dist/): `npm run bench` builds first. Flags: `--quick` (fewer samples, no
 * 1000-task micromark comparison), `--no-micromark`, `--no-import`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { Bench } from "tinybench";

// Plain Node 22 strips the types of .ts files but does not map `./x.js` to `./x.ts`: import by URL.
const { generatedLog, generatedLogOfSize, readRealLog, replicateLog, ROOT } = (await import(
  new URL("./bench-logs.ts", import.meta.url).href
)) as typeof import("./bench-logs.js");

type PackModule = typeof import("../rules/index.js");
type ModelModule = typeof import("../src/model.js");
type LintSync = typeof import("markdownlint/sync").lint;

interface Rule {
  readonly names: readonly string[];
  readonly function: (params: never, onError: never) => void;
  readonly [key: string]: unknown;
}

const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");

const distUrl = (path: string): string => pathToFileURL(`${ROOT}dist/${path}`).href;
if (!existsSync(`${ROOT}dist/rules/index.js`)) {
  console.error("dist/ is missing: run `npm run build` (or `npm run bench`, which builds first).");
  process.exit(1);
}
const pack = ((await import(distUrl("rules/index.js"))) as PackModule).default as unknown as readonly Rule[];
const { getTaskLog } = (await import(distUrl("src/model.js"))) as ModelModule;
const { lint } = (await import("markdownlint/sync")) as { lint: LintSync };

// ---------------------------------------------------------------------------------------------
// Instruments

const parseOnlyRule = {
  names: ["bench-parse-only"],
  description: "Does nothing: markdownlint still parses the document with micromark for it",
  tags: ["bench"],
  parser: "micromark",
  asynchronous: false,
  function: (): void => {},
};

/** Time spent in the pack during the current lint, by part ("model" and each rule ID). */
let spent = new Map<string, number>();
const add = (key: string, ms: number): void => {
  spent.set(key, (spent.get(key) ?? 0) + ms);
};

/** Runs before the pack's rules and builds the shared model, so that its cost is timed on its own. */
const modelTimer = {
  ...parseOnlyRule,
  names: ["bench-model"],
  description: "Builds the task-log model (cached for the pack's rules)",
  function: (params: Parameters<typeof getTaskLog>[0]): void => {
    const start = performance.now();
    getTaskLog(params);
    add("model", performance.now() - start);
  },
};

const timedPack = pack.map((rule) => ({
  ...rule,
  function(params: never, onError: never): void {
    const start = performance.now();
    try {
      rule.function(params, onError);
    } finally {
      add(rule.names[0] as string, performance.now() - start);
    }
  },
}));

function lintWith(content: string, customRules: readonly object[], config: Record<string, unknown>, using: LintSync = lint): unknown {
  return using({
    strings: { content },
    customRules: customRules as never,
    config: { default: false, ...config } as never,
    handleRuleFailures: false,
  })["content"];
}

const parseOnly = (content: string, using: LintSync = lint): unknown =>
  lintWith(content, [parseOnlyRule], { "bench-parse-only": true }, using);

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

// ---------------------------------------------------------------------------------------------
// Documents

const real = readRealLog();
const kb = (text: string): number => Buffer.byteLength(text, "utf8") / 1024;

interface Doc {
  readonly name: string;
  readonly text: string;
}

const docs: Doc[] = [{ name: "real v40", text: real }];
for (const factor of [1, 8, 32]) {
  const { tasks, text } = await generatedLogOfSize(real.length * factor);
  docs.push({ name: `generated ${factor}× (${tasks} tasks)`, text });
}
docs.push({ name: "real v40 ×32 (renumbered)", text: replicateLog(real, 32) });

// ---------------------------------------------------------------------------------------------
// Parse vs pack

interface Row {
  readonly doc: Doc;
  readonly parseMs: number;
  readonly packMs: number;
  readonly modelMs: number;
  /** Median over rounds of pack / parse within the same round (robust to a busy machine). */
  readonly ratio: number;
  readonly rme: number;
  readonly findings: number;
  readonly byRule: Map<string, number>;
  readonly rounds: number;
}

const rows: Row[] = [];
for (const doc of docs) {
  const size = kb(doc.text);
  const iterations = QUICK ? 3 : size < 50 ? 40 : size < 200 ? 10 : 5;
  // One round = a parse-only lint, then a lint with the pack, back to back: the pair sees the same
  // machine load, so the ratio of each round is meaningful even when other processes compete.
  let recording = false;
  const parseSamples: number[] = [];
  const packSamples: number[] = [];
  const modelSamples: number[] = [];
  const ratios: number[] = [];
  const byRule = new Map<string, number[]>();
  let findings = 0;
  const bench = new Bench({ iterations, time: QUICK ? 200 : 1000, warmupIterations: 2, warmupTime: 0 });
  bench.add(`round ${doc.name}`, () => {
    const start = performance.now();
    parseOnly(doc.text);
    const parseMs = performance.now() - start;
    spent = new Map();
    const errors = lintWith(doc.text, [modelTimer, ...timedPack], { "bench-model": true, tasklog: true }) as unknown[];
    findings = errors.length;
    if (!recording) return;
    let total = 0;
    for (const [key, ms] of spent) {
      total += ms;
      if (key === "model") modelSamples.push(ms);
      else byRule.set(key, [...(byRule.get(key) ?? []), ms]);
    }
    parseSamples.push(parseMs);
    packSamples.push(total);
    ratios.push(total / parseMs);
  }, {
    beforeAll(mode) {
      recording = mode === "run";
    },
  });
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result === undefined || !("latency" in result)) throw new Error(`benchmark failed on ${doc.name}`);
  rows.push({
    doc,
    parseMs: median(parseSamples),
    packMs: median(packSamples),
    modelMs: median(modelSamples),
    ratio: median(ratios),
    rme: result.latency.rme,
    findings,
    byRule: new Map([...byRule].map(([key, samples]) => [key, median(samples)])),
    rounds: parseSamples.length,
  });
  process.stderr.write(`measured ${doc.name} (${parseSamples.length} rounds)\n`);
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const pct = (ratio: number): string => `${(ratio * 100).toFixed(2)} %`;

const machine = `${cpus().length} CPU (nproc ${execFileSync("nproc").toString().trim()}), ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}, ${process.platform}/${process.arch}`;
console.log(`\nmachine: ${machine}; load average ${loadavg().map((load) => load.toFixed(1)).join(" ")} (1, 5, 15 min)`);
console.log(`markdownlint ${(await import("markdownlint")).getVersion()}, pack rules: ${pack.map((rule) => rule.names[0]).join(" ")}\n`);
console.log("| document | KB | tasks | parse ms | pack ms | model ms | rules ms | pack/parse | pack µs/KB | findings | rounds (±rme) |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
let worst = 0;
for (const row of rows) {
  const ratio = row.ratio;
  worst = Math.max(worst, ratio);
  const tasks = (row.doc.text.match(/^### /gm) ?? []).length;
  console.log(
    `| ${row.doc.name} | ${kb(row.doc.text).toFixed(0)} | ${tasks} | ${fmt(row.parseMs)} | ${fmt(row.packMs)} | ${fmt(row.modelMs)} | ${fmt(row.packMs - row.modelMs)} | ${pct(ratio)} | ${((row.packMs * 1000) / kb(row.doc.text)).toFixed(0)} | ${row.findings} | ${row.rounds} (±${row.rme.toFixed(0)} %) |`,
  );
}
const largest = rows.at(-2);
if (largest !== undefined) {
  console.log(`\nper rule on ${largest.doc.name} (median ms): model ${fmt(largest.modelMs)}; ${[...largest.byRule].map(([key, ms]) => `${key} ${fmt(ms)}`).join("; ")}`);
}
console.log(`\ntarget pack ≤ 5 % of parse at every size: ${worst <= 0.05 ? "met" : "NOT MET"} (worst ${pct(worst)})`);

// ---------------------------------------------------------------------------------------------
// Import time in fresh processes

if (!args.has("--no-import")) {
  const child = `${ROOT}scripts/bench-import.mjs`;
  const target = distUrl("rules/index.js");
  const runs = QUICK ? 10 : 40;
  const times: number[] = [];
  const wall: number[] = [];
  let calls: string[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, [child, target], { encoding: "utf8" });
    const elapsed = performance.now() - start;
    if (run.status !== 0) throw new Error(`import failed: ${run.stderr}`);
    const result = JSON.parse(run.stdout) as { ms: number; calls: string[] };
    if (i < 2) continue; // first runs warm the OS file cache
    times.push(result.ms);
    wall.push(elapsed);
    if (result.calls.length > 0) calls = result.calls;
  }
  const baseline: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ["--input-type=module", "-e", "0"], { encoding: "utf8" });
    baseline.push(performance.now() - start);
  }
  const importMs = median(times);
  console.log(
    `\nimport dist/rules/index.js in a fresh process: median ${fmt(importMs)} ms over ${runs} runs (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}); ` +
      `process wall time ${fmt(median(wall))} ms vs ${fmt(median(baseline))} ms for an empty Node process; ` +
      `file-system calls by the package while importing: ${calls.length}${calls.length > 0 ? ` (${calls.join(", ")})` : ""}`,
  );
  console.log(`target import < 10 ms: ${importMs < 10 ? "met" : "NOT MET"}; no file-system work at import: ${calls.length === 0 ? "met" : "NOT MET"}`);
}

// ---------------------------------------------------------------------------------------------
// micromark 4.0.3 (markdownlint 0.42.1 as published) vs 4.0.2 (npm overrides, tests/overrides)

if (!args.has("--no-micromark")) {
  const overridden = `${ROOT}tests/overrides/node_modules/markdownlint/lib/exports-sync.mjs`;
  if (!existsSync(overridden)) {
    console.log("\nmicromark comparison skipped: install it with `npm ci --prefix tests/overrides`.");
  } else {
    const lint402 = ((await import(pathToFileURL(overridden).href)) as { lint: LintSync }).lint;
    const counts = QUICK ? [] : [1000];
    const compare: Doc[] = [...docs.slice(1, 4), ...(await Promise.all(counts.map(async (n) => ({ name: `generated ${n} tasks`, text: await generatedLog(n) }))))];
    console.log("\n| document | KB | parse ms, micromark 4.0.3 | parse ms, micromark 4.0.2 (overrides) | speed-up |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    for (const doc of compare) {
      const runs = QUICK || kb(doc.text) > 400 ? 3 : 7;
      const timeOf = (using: LintSync): number => {
        const samples: number[] = [];
        parseOnly(doc.text, using); // warm-up
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          parseOnly(doc.text, using);
          samples.push(performance.now() - start);
        }
        return median(samples);
      };
      const slow = timeOf(lint);
      const fast = timeOf(lint402);
      console.log(`| ${doc.name} | ${kb(doc.text).toFixed(0)} | ${fmt(slow)} | ${fmt(fast)} | ${(slow / fast).toFixed(1)}× |`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Regular expressions on adversarial strings (the Reliability half of issue 6), when present

if (!args.has("--no-regex")) {
  const script = existsSync(`${ROOT}scripts`)
    ? readdirSync(`${ROOT}scripts`).find((name) => /^regex-adversarial\.(ts|mjs|js)$/.test(name))
    : undefined;
  if (script !== undefined) {
    console.log(`\nscripts/${script}:`);
    const child = spawnSync(process.execPath, [`${ROOT}scripts/${script}`], { stdio: "inherit" });
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  }
}
