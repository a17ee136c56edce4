/**
 * `npm run bench:pack` (and the first tables of `npm run bench`): what the pack costs, measured as the
 * developers' guide asks (main-thread CPU, A and B interleaved in one process, fresh slices of
 * markdownlint's frozen tokens, a linear parse). Three measures, for the newest real log (tv-tasks.v40.md today)
 * and generated logs of 14, 77, 293 KB and 1 MB:
 *
 * 1. **own work**: every rule of the pack called as markdownlint calls it, on a fresh slice
 *    (`Object.freeze(tokens.slice())`) of the frozen token array markdownlint produced, so the model
 *    cache (keyed by the array) misses and the model is rebuilt, but no token is copied or retained
 *    by the benchmark. Against the **linear parse**: a lint of markdownlint 0.42.1 with micromark
 *    4.0.2 (the README's override, installed in tests/overrides), built-in rules off and one empty
 *    micromark rule. Windows alternate: a window of parses, one full collection (so the parse's
 *    garbage is not collected on the pack's clock), one unclocked pack run (V8 regrows its young
 *    generation), then a window of pack runs.
 * 2. **in lint**: the pack's rule functions timed inside a lint of the same host with the pack only
 *    (the model is built by the first rule): what the pack pays right after the parse, its garbage
 *    included, against the parse-only lint of the same round.
 * 3. **re-lint**: what an editor user pays: a warm lint of the same in-memory document with every
 *    built-in rule on plus the pack, against the built-in rules alone, interleaved run by run, on
 *    markdownlint 0.40.0 (what the VS Code extension 0.61.2 bundles through markdownlint-cli2 0.20.0;
 *    its micromark 4.0.2 is linear). Reported: the median of the per-pair ratios and their range. The
 *    row "host floor" runs as many empty micromark rules as the pack has instead: markdownlint freezes
 *    the token tree once any custom rule is present and does per-rule work of its own, a cost no
 *    pack can go below.
 *
 * All times are the main thread's CPU (`process.threadCpuUsage()`), in ms: medians, with the range
 * over windows (own work, in lint) or pairs (re-lint) where it says so. Targets (issue 20): own work
 * ≤ 3 % of the linear parse at 14, 77 and 293 KB; re-lint ≤ +5 % on the real log and at 77 KB.
 *
 * `--baseline DIR` adds a second pack (DIR/index.js, for example a copy of main's dist/) measured in
 * the same process, interleaved with this one window by window, and prints both, for before/after
 * tables. Then the import time of dist/index.js (and of DIR/index.js) in fresh processes, alternating.
 *
 * Runs the built package (dist/). Flags: `--quick` (fewer rounds), `--no-import`, `--no-relint`,
 * `--sizes 14,77` (generated sizes in KB; `real` is always first), `--no-real`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// Plain Node 22 strips the types of .ts files but does not map `./x.js` to `./x.ts`: import by URL.
const { generatedLogOfSize, median, readRealLog, realLogPath, ROOT, spread, threadCpu } = (await import(
  new URL("./bench-logs.ts", import.meta.url).href
)) as typeof import("./bench-logs.js");

type Token = import("../src/markdown/tokens.js").Token;

interface Params {
  readonly name: string;
  readonly lines: readonly string[];
  readonly config: unknown;
  readonly parsers: { readonly micromark: { readonly tokens: readonly Token[] } };
  readonly [key: string]: unknown;
}

interface Rule {
  readonly names: readonly string[];
  readonly function: (params: Params, onError: (error: unknown) => void) => void;
  readonly [key: string]: unknown;
}

type LintSync = (options: Record<string, unknown>) => Record<string, unknown[]>;

if (typeof (process as unknown as { threadCpuUsage?: unknown }).threadCpuUsage !== "function") {
  console.error(
    `process.threadCpuUsage() is missing in Node ${process.version}: run with Node 22.19+ (npm run bench:pack).`,
  );
  process.exit(1);
}

// `gc()` without `--expose-gc` on the command line.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const argv = process.argv.slice(2);
const args = new Set(argv);
const QUICK = args.has("--quick");
const option = (name: string): string | undefined => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
};
const SIZES = (option("--sizes") ?? "14,77,293,1024").split(",").map(Number);
const BASELINE = option("--baseline");
const LOAD_BEFORE = os
  .loadavg()
  .map((n) => n.toFixed(1))
  .join(" ");

const distUrl = (path: string): string => pathToFileURL(`${ROOT}dist/${path}`).href;
if (!existsSync(`${ROOT}dist/index.js`)) {
  console.error("dist/ is missing: run `npm run build` (or `npm run bench:pack`, which builds first).");
  process.exit(1);
}
const packs: { name: string; rules: readonly Rule[]; entry: string }[] = [
  { name: "this", rules: (await import(distUrl("index.js"))).default, entry: distUrl("index.js") },
];
if (BASELINE !== undefined) {
  const entry = pathToFileURL(`${BASELINE.replace(/\/$/, "")}/index.js`).href;
  packs.unshift({ name: "baseline", rules: (await import(entry)).default, entry });
}

// The linear parse: markdownlint 0.42.1 with micromark 4.0.2 (tests/overrides, the README's override)
// when installed (`--install-overrides` runs `npm ci --prefix tests/overrides`); otherwise markdownlint
// 0.40.0 (the dev dependency markdownlint-040), whose own micromark is 4.0.2 too, and the table says so.
const OVERRIDES = `${ROOT}tests/overrides/`;
if (args.has("--install-overrides") && !existsSync(`${OVERRIDES}node_modules/markdownlint/package.json`)) {
  console.error("installing tests/overrides (markdownlint 0.42.1 with micromark 4.0.2) …");
  execFileSync("npm", ["ci", "--prefix", OVERRIDES, "--no-audit", "--no-fund"], { stdio: "inherit" });
}
const overridesInstalled = existsSync(`${OVERRIDES}node_modules/markdownlint/package.json`);
const LINEAR_HOST = overridesInstalled
  ? "markdownlint 0.42.1 over micromark 4.0.2 (tests/overrides)"
  : "markdownlint 0.40.0 over its micromark 4.0.2 (tests/overrides is not installed: `--install-overrides`)";
const linear = (
  overridesInstalled
    ? await import(pathToFileURL(`${OVERRIDES}node_modules/markdownlint/lib/exports-sync.mjs`).href)
    : await import("markdownlint-040/sync")
).lint as LintSync;
// The editor's markdownlint (0.40.0, the dev dependency markdownlint-040).
const editor = (await import("markdownlint-040/sync")).lint as LintSync;

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const pct = (ratio: number): string => `${(ratio * 100).toFixed(1)} %`;
const range = (values: readonly number[], show: (n: number) => string): string => {
  const { median: mid, min, max } = spread(values);
  return `${show(mid)} (${show(min)}–${show(max)})`;
};
const kb = (text: string): number => Buffer.byteLength(text, "utf8") / 1024;
const clock = (run: () => void): number => {
  const start = threadCpu();
  run();
  return threadCpu() - start;
};

let captured: Params | undefined;
const captureRule = {
  names: ["bench-capture"],
  description: "Keeps the parameters markdownlint passes (the parse every micromark rule shares)",
  tags: ["bench"],
  parser: "micromark",
  asynchronous: false,
  function: (params: Params): void => {
    captured = params;
  },
};

function lintWith(host: LintSync, content: string, customRules: readonly object[], config: object): void {
  host({ strings: { content }, customRules, config, handleRuleFailures: false });
}

/** The pack's rules wrapped so that their main-thread CPU time adds up in `timer.ms`. */
function timed(rules: readonly Rule[]): { rules: Rule[]; timer: { ms: number } } {
  const timer = { ms: 0 };
  return {
    timer,
    rules: rules.map((rule) => ({
      ...rule,
      function: (params: Params, onError: (error: unknown) => void): void => {
        const start = threadCpu();
        rule.function(params, onError);
        timer.ms += threadCpu() - start;
      },
    })),
  };
}

const docs: { name: string; text: string }[] = [];
const REAL_NAME = args.has("--no-real") ? "left out" : basename(realLogPath());
if (!args.has("--no-real"))
  docs.push({ name: `real ${REAL_NAME.replace(/^tv-tasks\.|\.md$/g, "")}`, text: readRealLog() });
for (const size of SIZES) {
  const { tasks, text } = await generatedLogOfSize(size * 1024);
  docs.push({ name: `generated ${size >= 1024 ? `${size / 1024} MB` : `${size} KB`} (${tasks} tasks)`, text });
}

const noop = (): void => {};
const FLOOR = "host floor: empty rules";
/** `count` custom micromark rules that do nothing (the re-lint's floor: what any pack of that many rules costs). */
const emptyRules = (count: number): Rule[] =>
  Array.from({ length: count }, (_, index) => ({
    names: [`bench-empty-${index}`],
    description: "Does nothing (the host's own cost of a custom rule)",
    tags: ["bench"],
    parser: "micromark",
    asynchronous: false,
    function: noop,
  }));
const label = (name: string): string => (packs.length > 1 ? ` [${name}]` : "");
const own: string[] = [];
const inLint: string[] = [];
const relint: string[] = [];
const worstOwn = new Map<string, number>();
const worstRelint = new Map<string, number>();

/** Runs for a window of about `ms` ms of a call that takes `each` ms (the thread clock ticks every few ms). */
const runsFor = (ms: number, each: number): number => Math.max(1, Math.round(ms / Math.max(each, 0.01)));
/** A call's duration on the process clock (fine-grained), for sizing windows only. */
const roughly = (run: () => void): number => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const WINDOW_MS = QUICK ? 120 : 300;

for (const doc of docs) {
  const size = kb(doc.text);
  const windows = QUICK ? 3 : size < 150 ? 7 : size < 500 ? 5 : 3;
  const parseOnly = (): void => lintWith(linear, doc.text, [captureRule], { default: false, "bench-capture": true });

  // 1. Own work against the linear parse, in alternating windows (each clocked as a whole).
  parseOnly(); // warm-up
  const parseRuns = runsFor(WINDOW_MS, Math.min(roughly(parseOnly), roughly(parseOnly), roughly(parseOnly)));
  const parseTimes: number[] = [];
  const packTimes = new Map<string, number[]>(packs.map((pack) => [pack.name, []]));
  const packWindowRatios = new Map<string, number[]>(packs.map((pack) => [pack.name, []]));
  let packRuns = 0;
  for (let window = 0; window < windows; window++) {
    const parse =
      clock(() => {
        for (let run = 0; run < parseRuns; run++) parseOnly();
      }) / parseRuns;
    parseTimes.push(parse);
    const params = captured as Params;
    const tokens = params.parsers.micromark.tokens;
    // The same frozen tokens, a new array: the model cache misses, nothing is copied.
    const fresh = (): Params => ({
      ...params,
      config: true,
      parsers: { micromark: { tokens: Object.freeze(tokens.slice()) } },
    });
    const callPack = (pack: (typeof packs)[number], input: Params): void => {
      for (const rule of pack.rules) rule.function({ ...input, name: rule.names[0] as string }, noop);
    };
    for (const pack of window % 2 === 0 ? packs : [...packs].reverse()) {
      collectGarbage();
      const warm = Math.min(...Array.from({ length: 3 }, () => roughly(() => callPack(pack, fresh()))));
      if (packRuns === 0) packRuns = runsFor(WINDOW_MS / 2, warm);
      const inputs = Array.from({ length: packRuns }, fresh);
      const time =
        clock(() => {
          for (const input of inputs) callPack(pack, input);
        }) / packRuns;
      packTimes.get(pack.name)?.push(time);
      packWindowRatios.get(pack.name)?.push(time / parse);
    }
  }
  const parseMedian = median(parseTimes);
  for (const pack of packs) {
    const times = packTimes.get(pack.name) as number[];
    const ratios = packWindowRatios.get(pack.name) as number[];
    const ratio = median(times) / parseMedian;
    if (!doc.name.startsWith("generated 1 MB") && !doc.name.startsWith("real"))
      worstOwn.set(pack.name, Math.max(worstOwn.get(pack.name) ?? 0, ratio));
    own.push(
      `| ${doc.name}${label(pack.name)} | ${size.toFixed(0)} | ${fmt(parseMedian)} | ${fmt(median(times))} | ${pct(ratio)} | ${range(ratios, pct)} | ${windows}×${packRuns} |`,
    );
  }

  // 2. In lint: the pack's functions timed inside lints with the pack only, against parse-only lints,
  // window by window.
  const wrapped = packs.map((pack) => ({ name: pack.name, ...timed(pack.rules) }));
  const inParse: number[] = [];
  const inPack = new Map<string, number[]>(packs.map((pack) => [pack.name, []]));
  const inRatios = new Map<string, number[]>(packs.map((pack) => [pack.name, []]));
  for (const pack of wrapped) lintWith(linear, doc.text, pack.rules, { default: false, tasklog: true }); // warm-up
  for (let window = 0; window < windows; window++) {
    const parse =
      clock(() => {
        for (let run = 0; run < parseRuns; run++) parseOnly();
      }) / parseRuns;
    inParse.push(parse);
    for (const pack of window % 2 === 0 ? wrapped : [...wrapped].reverse()) {
      pack.timer.ms = 0;
      for (let run = 0; run < parseRuns; run++)
        lintWith(linear, doc.text, pack.rules, { default: false, tasklog: true });
      const time = pack.timer.ms / parseRuns;
      inPack.get(pack.name)?.push(time);
      inRatios.get(pack.name)?.push(time / parse);
    }
  }
  for (const pack of packs) {
    inLint.push(
      `| ${doc.name}${label(pack.name)} | ${fmt(median(inParse))} | ${fmt(median(inPack.get(pack.name) as number[]))} | ${range(inRatios.get(pack.name) as number[], pct)} | ${windows}×${parseRuns} |`,
    );
  }

  // 3. Re-lint in the editor's markdownlint: built-ins + pack against built-ins alone, warm, in
  // alternating windows (the order flips every window, so neither side always pays the other's garbage).
  if (!args.has("--no-relint")) {
    const builtIns = (): void => lintWith(editor, doc.text, [], { default: true });
    const withRules = (rules: readonly Rule[]) => (): void => lintWith(editor, doc.text, rules, { default: true });
    // The host's floor: as many empty micromark rules as the pack has rules (markdownlint freezes the
    // token tree for custom rules and does per-rule work of its own), measured the same way.
    const relintPacks = [...packs, { name: FLOOR, rules: emptyRules(packs[0]?.rules.length ?? 9), entry: "" }];
    builtIns();
    for (const pack of relintPacks) withRules(pack.rules)();
    const runs = runsFor(WINDOW_MS, Math.min(roughly(builtIns), roughly(builtIns), roughly(builtIns)));
    const pairs = QUICK ? 4 : size < 50 ? 31 : size < 150 ? 15 : size < 500 ? 7 : 3;
    const alone: number[] = [];
    const withPack = new Map<string, number[]>(relintPacks.map((pack) => [pack.name, []]));
    const ratios = new Map<string, number[]>(relintPacks.map((pack) => [pack.name, []]));
    // Each window starts from the same heap: one full collection, then one unclocked lint (V8 regrows
    // its young generation), so that a major collection of the other side's garbage lands on neither.
    const window = (run: () => void): number => {
      collectGarbage();
      run();
      return (
        clock(() => {
          for (let i = 0; i < runs; i++) run();
        }) / runs
      );
    };
    for (let pair = 0; pair < pairs; pair++) {
      const first = pair % 2 === 0;
      const before = first ? window(builtIns) : Number.NaN;
      const times = new Map<string, number>();
      for (const pack of first ? relintPacks : [...relintPacks].reverse())
        times.set(pack.name, window(withRules(pack.rules)));
      const baseTime = first ? before : window(builtIns);
      alone.push(baseTime);
      for (const pack of relintPacks) {
        const time = times.get(pack.name) as number;
        withPack.get(pack.name)?.push(time);
        ratios.get(pack.name)?.push(time / baseTime - 1);
      }
    }
    for (const pack of relintPacks) {
      const extra = ratios.get(pack.name) as number[];
      if (pack.name !== FLOOR && (doc.name.startsWith("real") || doc.name.startsWith("generated 77 KB")))
        worstRelint.set(pack.name, Math.max(worstRelint.get(pack.name) ?? -1, median(extra)));
      relint.push(
        `| ${doc.name}${pack.name === FLOOR ? ` [${FLOOR}]` : label(pack.name)} | ${fmt(median(alone))} | ${fmt(median(withPack.get(pack.name) as number[]))} | ${range(extra, (n) => `${n >= 0 ? "+" : ""}${pct(n)}`)} | ${pairs}×${runs} |`,
      );
    }
  }
}

console.log(
  `Linear parse: ${LINEAR_HOST}; real log: ${REAL_NAME}; ${process.version}, load average ${LOAD_BEFORE} before, ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")} after\n`,
);
console.log(
  "Own work: the pack on fresh slices of the frozen tokens, against the linear parse (main-thread CPU ms, medians)\n",
);
console.log("| document | KB | parse ms | pack ms | pack/parse | per window (range) | windows |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const line of own) console.log(line);
for (const [name, worst] of worstOwn)
  console.log(
    `\n${name}: own work ≤ 3 % of the linear parse at 14, 77 and 293 KB: ${worst <= 0.03 ? "met" : "NOT MET"} (worst ${pct(worst)})`,
  );

console.log(
  "\nIn lint: the pack's rule functions inside a pack-only lint, against the parse-only lint of the same round\n",
);
console.log("| document | parse ms | pack in lint ms | pack/parse (range over windows) | windows |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const line of inLint) console.log(line);

if (relint.length > 0) {
  console.log(
    "\nRe-lint in the editor's markdownlint 0.40.0: built-in rules + the pack against the built-in rules alone\n",
  );
  console.log("| document | built-ins ms | built-ins + pack ms | extra (range over window pairs) | windows |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const line of relint) console.log(line);
  for (const [name, worst] of worstRelint)
    console.log(
      `\n${name}: re-lint ≤ +5 % on the real log and at 77 KB: ${worst <= 0.05 ? "met" : "NOT MET"} (worst ${pct(worst)})`,
    );
}

if (!args.has("--no-import")) {
  const runs = QUICK ? 10 : 30;
  const times = new Map<string, number[]>(packs.map((pack) => [pack.name, []]));
  for (let i = 0; i < runs + 2; i++) {
    for (const pack of i % 2 === 0 ? packs : [...packs].reverse()) {
      const run = spawnSync(process.execPath, [`${ROOT}scripts/bench-import.mjs`, pack.entry], { encoding: "utf8" });
      if (run.status !== 0) throw new Error(`import failed: ${run.stderr}`);
      const result = JSON.parse(run.stdout) as { ms: number; cpuMs: number };
      if (i >= 2) times.get(pack.name)?.push(result.cpuMs);
    }
  }
  console.log("");
  for (const pack of packs) {
    console.log(
      `import ${pack.name === "this" ? "dist/index.js" : pack.entry} in a fresh process (process CPU ms, ${runs} runs, alternating): ${range(times.get(pack.name) as number[], fmt)}`,
    );
  }
}
