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
 * Every time is taken twice: CPU time of the process (`process.cpuUsage()`, what the work costs, not
 * inflated when other processes compete for the CPU) and wall time (`performance.now()`). The
 * targets are judged on CPU time; wall time is printed beside it, with the load average.
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
const { generatedLog, generatedLogOfSize, median, medianClock, now, readRealLog, replicateLog, ROOT, since } =
  (await import(new URL("./bench-logs.ts", import.meta.url).href)) as typeof import("./bench-logs.js");

type Clock = import("./bench-logs.js").Clock;
type PackModule = typeof import("../rules/index.js");
type ModelModule = typeof import("../src/model/index.js");
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
const { getTaskLog } = (await import(distUrl("src/model/index.js"))) as ModelModule;
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
let spent = new Map<string, Clock>();
const add = (key: string, time: Clock): void => {
  spent.set(key, plus(spent.get(key), time));
};

/** Runs before the pack's rules and builds the shared model, so that its cost is timed on its own. */
const modelTimer = {
  ...parseOnlyRule,
  names: ["bench-model"],
  description: "Builds the task-log model (cached for the pack's rules)",
  function: (params: Parameters<typeof getTaskLog>[0]): void => {
    const start = now();
    getTaskLog(params);
    add("model", since(start));
  },
};

const timedPack = pack.map((rule) => ({
  ...rule,
  function(params: never, onError: never): void {
    const start = now();
    try {
      rule.function(params, onError);
    } finally {
      add(rule.names[0] as string, since(start));
    }
  },
}));

function lintWith(
  content: string,
  customRules: readonly object[],
  config: Record<string, unknown>,
  using: LintSync = lint,
): unknown {
  return using({
    strings: { content },
    customRules: customRules as never,
    config: { default: false, ...config } as never,
    handleRuleFailures: false,
  })["content"];
}

const parseOnly = (content: string, using: LintSync = lint): unknown =>
  lintWith(content, [parseOnlyRule], { "bench-parse-only": true }, using);

const plus = (a: Clock | undefined, b: Clock): Clock => ({ wall: (a?.wall ?? 0) + b.wall, cpu: (a?.cpu ?? 0) + b.cpu });
const ZERO: Clock = { wall: 0, cpu: 0 };

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
  readonly parse: Clock;
  readonly pack: Clock;
  readonly model: Clock;
  /** Medians over rounds of pack / parse within the same round. */
  readonly ratio: Clock;
  readonly rme: number;
  readonly findings: number;
  /** CPU ms by rule. */
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
  const parseSamples: Clock[] = [];
  const packSamples: Clock[] = [];
  const modelSamples: Clock[] = [];
  const ratios: Clock[] = [];
  const byRule = new Map<string, number[]>();
  let findings = 0;
  const bench = new Bench({ iterations, time: QUICK ? 200 : 1000, warmupIterations: QUICK ? 2 : 4, warmupTime: 0 });
  bench.add(
    `round ${doc.name}`,
    () => {
      const start = now();
      parseOnly(doc.text);
      const parse = since(start);
      spent = new Map();
      const errors = lintWith(doc.text, [modelTimer, ...timedPack], {
        "bench-model": true,
        tasklog: true,
      }) as unknown[];
      findings = errors.length;
      if (!recording) return;
      let total = ZERO;
      for (const [key, time] of spent) {
        total = plus(total, time);
        if (key === "model") modelSamples.push(time);
        else byRule.set(key, [...(byRule.get(key) ?? []), time.cpu]);
      }
      parseSamples.push(parse);
      packSamples.push(total);
      ratios.push({ wall: total.wall / parse.wall, cpu: total.cpu / parse.cpu });
    },
    {
      beforeAll(mode) {
        recording = mode === "run";
      },
    },
  );
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result === undefined || !("latency" in result)) throw new Error(`benchmark failed on ${doc.name}`);
  rows.push({
    doc,
    parse: medianClock(parseSamples),
    pack: medianClock(packSamples),
    model: medianClock(modelSamples),
    ratio: medianClock(ratios),
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
console.log(
  `\nmachine: ${machine}; load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(" ")} (1, 5, 15 min)`,
);
console.log(
  `markdownlint ${(await import("markdownlint")).getVersion()}, pack rules: ${pack.map((rule) => rule.names[0]).join(" ")}\n`,
);
console.log("CPU ms (wall ms): medians over rounds; pack/parse: median of the rounds' ratios; µs/KB on CPU time.\n");
console.log(
  "| document | KB | tasks | parse ms | pack ms | model ms | pack/parse CPU | pack/parse wall | pack µs/KB | findings | rounds (±rme) |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
let worst = 0;
const both = (clock: Clock): string => `${fmt(clock.cpu)} (${fmt(clock.wall)})`;
for (const row of rows) {
  worst = Math.max(worst, row.ratio.cpu);
  const tasks = (row.doc.text.match(/^### /gm) ?? []).length;
  console.log(
    `| ${row.doc.name} | ${kb(row.doc.text).toFixed(0)} | ${tasks} | ${both(row.parse)} | ${both(row.pack)} | ${both(row.model)} | ${pct(row.ratio.cpu)} | ${pct(row.ratio.wall)} | ${((row.pack.cpu * 1000) / kb(row.doc.text)).toFixed(0)} | ${row.findings} | ${row.rounds} (±${row.rme.toFixed(0)} %) |`,
  );
}
const largest = rows.at(-2);
if (largest !== undefined) {
  console.log(
    `\nper part on ${largest.doc.name} (median CPU ms): model ${fmt(largest.model.cpu)}; ${[...largest.byRule].map(([key, ms]) => `${key} ${fmt(ms)}`).join("; ")}`,
  );
}
console.log(
  `\ntarget pack ≤ 5 % of parse at every size (CPU time): ${worst <= 0.05 ? "met" : "NOT MET"} (worst ${pct(worst)})`,
);

// ---------------------------------------------------------------------------------------------
// Linear growth: the pack alone on tokens parsed once (many runs, no parse noise)

{
  type Params = Parameters<typeof getTaskLog>[0] & Record<string, unknown>;
  let captured: Params | undefined;
  const capture = {
    ...parseOnlyRule,
    names: ["bench-capture"],
    function: (params: Params): void => void (captured = params),
  };
  const growth: Doc[] = docs.filter((doc) => doc.name.startsWith("generated"));
  if (!QUICK) growth.push({ name: "generated 1000 tasks", text: await generatedLog(1000) });
  console.log(
    "\n| pack alone, tokens parsed once | KB | tasks | pack CPU ms (wall) | µs per KB | µs per task | runs |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const doc of growth) {
    captured = undefined;
    lintWith(doc.text, [capture], { "bench-capture": true });
    const params = captured as Params | undefined;
    if (params === undefined) throw new Error("capture rule did not run");
    const tokens = params.parsers.micromark?.tokens ?? [];
    const runs = QUICK ? 5 : Math.max(10, Math.min(200, Math.round(4000 / kb(doc.text))));
    const samples: Clock[] = [];
    for (let i = 0; i < runs + 3; i++) {
      // A new array of the same tokens: the model cache (keyed by the array) misses, the model is rebuilt.
      const fresh = { ...params, config: undefined, parsers: { micromark: { tokens: [...tokens] } } };
      const start = now();
      for (const rule of pack) rule.function(fresh as never, (() => {}) as never);
      if (i >= 3) samples.push(since(start));
    }
    const time = medianClock(samples);
    const tasks = (doc.text.match(/^### /gm) ?? []).length;
    console.log(
      `| ${doc.name} | ${kb(doc.text).toFixed(0)} | ${tasks} | ${both(time)} | ${((time.cpu * 1000) / kb(doc.text)).toFixed(0)} | ${((time.cpu * 1000) / tasks).toFixed(0)} | ${runs} |`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Import time in fresh processes

if (!args.has("--no-import")) {
  const child = `${ROOT}scripts/bench-import.mjs`;
  const target = distUrl("index.js");
  const runs = QUICK ? 10 : 40;
  const times: Clock[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, [child, target], { encoding: "utf8" });
    const elapsed = performance.now() - start;
    if (run.status !== 0) throw new Error(`import failed: ${run.stderr}`);
    const result = JSON.parse(run.stdout) as { ms: number; cpuMs: number; calls: string[] };
    if (i < 2) continue; // first runs warm the OS file cache
    times.push({ wall: result.ms, cpu: result.cpuMs });
    wall.push(elapsed);
  }
  // File-system calls made by the package while it is imported (a separate, traced run).
  const traced = spawnSync(process.execPath, [child, target, "--trace-fs"], { encoding: "utf8" });
  if (traced.status !== 0) throw new Error(`import failed: ${traced.stderr}`);
  const calls = (JSON.parse(traced.stdout) as { calls: string[] }).calls;
  const baseline: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ["--input-type=module", "-e", "0"], { encoding: "utf8" });
    baseline.push(performance.now() - start);
  }
  const importTime = medianClock(times);
  const importMs = importTime.cpu;
  console.log(
    `\nimport dist/index.js (the shipped bundle) in a fresh process: median ${fmt(importTime.cpu)} ms CPU (${fmt(importTime.wall)} ms wall, min ${fmt(Math.min(...times.map((t) => t.wall)))}) over ${runs} runs; ` +
      `process wall time ${fmt(median(wall))} ms vs ${fmt(median(baseline))} ms for an empty Node process; ` +
      `file-system calls by the package while importing: ${calls.length}${calls.length > 0 ? ` (${calls.join(", ")})` : ""}`,
  );
  console.log(
    `target import < 10 ms (CPU time): ${importMs < 10 ? "met" : "NOT MET"}; no file-system work at import: ${calls.length === 0 ? "met" : "NOT MET"}`,
  );
  // require() of each build: dist/index.js where Node can require() ES modules (module-sync; this
  // Node), dist/index.cjs where it cannot (Node 20.18). Same clocks, same number of runs.
  for (const file of ["index.js", "index.cjs"]) {
    const required: Clock[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const run = spawnSync(process.execPath, [child, distUrl(file), "--require"], { encoding: "utf8" });
      if (run.status !== 0) throw new Error(`require failed: ${run.stderr}`);
      const result = JSON.parse(run.stdout) as { ms: number; cpuMs: number };
      if (i >= 2) required.push({ wall: result.ms, cpu: result.cpuMs });
    }
    const time = medianClock(required);
    console.log(
      `require() of dist/${file} in a fresh process: median ${fmt(time.cpu)} ms CPU (${fmt(time.wall)} ms wall) over ${runs} runs`,
    );
  }
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
    const compare: Doc[] = [
      ...docs.slice(1, 4),
      ...(await Promise.all(counts.map(async (n) => ({ name: `generated ${n} tasks`, text: await generatedLog(n) })))),
    ];
    console.log(
      "\n| document | KB | parse CPU ms (wall), micromark 4.0.3 | parse CPU ms (wall), micromark 4.0.2 (overrides) | speed-up (CPU) |",
    );
    console.log("| --- | ---: | ---: | ---: | ---: |");
    for (const doc of compare) {
      const runs = QUICK || kb(doc.text) > 400 ? 3 : 7;
      const timeOf = (using: LintSync): Clock => {
        const samples: Clock[] = [];
        for (let i = 0; i < (kb(doc.text) > 400 ? 1 : 3); i++) parseOnly(doc.text, using); // warm-up (JIT)
        for (let i = 0; i < runs; i++) {
          const start = now();
          parseOnly(doc.text, using);
          samples.push(since(start));
        }
        return medianClock(samples);
      };
      const slow = timeOf(lint);
      const fast = timeOf(lint402);
      console.log(
        `| ${doc.name} | ${kb(doc.text).toFixed(0)} | ${both(slow)} | ${both(fast)} | ${(slow.cpu / fast.cpu).toFixed(1)}× |`,
      );
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
