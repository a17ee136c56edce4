/**
 * `npm run bench:pack` (and the first table of `npm run bench`): the pack's own work next to
 * markdownlint's parse, with the parse done once.
 *
 * For the real log (tv-tasks.v40.md) and generated logs of 14, 77 and 293 KB:
 * - parse: lints with built-in rules off and one empty micromark custom rule (markdownlint's
 *   preprocessing plus the micromark parse every micromark rule shares);
 * - pack: then, with the parse done, every rule of the pack called directly, as markdownlint calls
 *   it, on a fresh deep copy of the token tree the last lint produced (made and frozen before the
 *   clock starts, so the model is rebuilt every run, and no parse runs in between, so the parse's
 *   garbage is not collected on the pack's time; all the copies are made before the first run and
 *   one full collection runs then, so that the collector neither promotes the copies nor collects
 *   the parse's garbage on a run's clock); `model` is the model build alone (what the first
 *   rule builds and the others reuse), on a copy of its own. (A forced full collection before each
 *   run doubles the pack's time: V8 then regrows its young generation on the pack's clock; the
 *   three warm-up runs after the single collection regrow it.)
 * The table gives CPU-time medians (wall time in parentheses) and pack/parse of the medians; the
 * target is ≤ 3 % at every size. Then the import time of the bundle in fresh processes (target ≤ 4
 * ms CPU).
 *
 * Runs the built package (dist/). Flags: `--quick` (fewer rounds), `--no-import`.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// Plain Node 22 strips the types of .ts files but does not map `./x.js` to `./x.ts`: import by URL.
const { generatedLogOfSize, medianClock, now, readRealLog, ROOT, since } = (await import(
  new URL("./bench-logs.ts", import.meta.url).href
)) as typeof import("./bench-logs.js");

type Clock = import("./bench-logs.js").Clock;
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
}

type LintSync = typeof import("markdownlint/sync").lint;

// `gc()` without `--expose-gc` on the command line.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");

const distUrl = (path: string): string => pathToFileURL(`${ROOT}dist/${path}`).href;
if (!existsSync(`${ROOT}dist/index.js`)) {
  console.error("dist/ is missing: run `npm run build` (or `npm run bench:pack`, which builds first).");
  process.exit(1);
}
const pack = (await import(distUrl("index.js"))).default as readonly Rule[];
const { getTaskLog } = (await import(distUrl("src/model/index.js"))) as { getTaskLog: (params: Params) => unknown };
const { lint } = (await import("markdownlint/sync")) as { lint: LintSync };

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const both = (clock: Clock): string => `${fmt(clock.cpu)} (${fmt(clock.wall)})`;
const pct = (ratio: number): string => `${(ratio * 100).toFixed(1)} %`;
const kb = (text: string): number => Buffer.byteLength(text, "utf8") / 1024;

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

function lintWith(content: string, customRules: readonly object[], config: Record<string, unknown>): void {
  lint({
    strings: { content },
    customRules: customRules as never,
    config: { default: false, ...config } as never,
    handleRuleFailures: false,
  });
}

/** A deep copy of a token tree, parents linked and frozen as markdownlint freezes its own. */
function cloneTree(tokens: readonly Token[]): readonly Token[] {
  const copy = (token: Token, parent: Token | null): Token => {
    const out = { ...token, parent, children: [] as Token[] };
    out.children = token.children.map((child) => copy(child, out));
    return out;
  };
  const roots = tokens.map((token) => copy(token, null));
  const freeze = (token: Token): void => {
    for (const child of token.children) freeze(child);
    Object.freeze(token.children);
    Object.freeze(token);
  };
  for (const root of roots) freeze(root);
  return Object.freeze(roots);
}

const real = readRealLog();
const docs: { name: string; text: string }[] = [{ name: "real v40", text: real }];
for (const size of [14, 77, 293]) {
  const { tasks, text } = await generatedLogOfSize(size * 1024);
  docs.push({ name: `generated ${size} KB (${tasks} tasks)`, text });
}

const noop = (): void => {};
let worst = 0;
console.log("| document | KB | parse ms | pack ms | model ms | pack/parse | runs |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const doc of docs) {
  const size = kb(doc.text);
  const runs = QUICK ? 5 : size < 50 ? 60 : size < 150 ? 20 : 10;
  const warmup = 3;
  // The parse: parse-only lints (the last one's parameters are kept for the pack).
  const parse: Clock[] = [];
  for (let run = 0; run < runs + warmup; run++) {
    const start = now();
    lintWith(doc.text, [captureRule], { "bench-capture": true });
    if (run >= warmup) parse.push(since(start));
  }
  const params = captured as Params;
  // A fresh deep copy per run: the model cache (keyed by the token array) misses every time.
  const fresh = (): Params => ({
    ...params,
    config: true,
    parsers: { micromark: { tokens: cloneTree(params.parsers.micromark.tokens) } },
  });
  // Every copy is made before the first clock starts: a copy made just before a run is young
  // garbage-collector data still live when the run starts, so the run's first scavenges would copy
  // (promote) the whole tree on the pack's clock, a cost of the benchmark, not of the pack.
  const copies = Array.from({ length: runs + warmup }, () => ({ model: fresh(), pack: fresh() }));
  // One full collection before the first run (none between runs): the parse's garbage is not
  // collected on the pack's clock, and the copies are in the old generation.
  collectGarbage();
  const model: Clock[] = [];
  const packTimes: Clock[] = [];
  for (let run = 0; run < runs + warmup; run++) {
    const { model: modelParams, pack: packParams } = copies[run] as { model: Params; pack: Params };
    // The model alone (what the first rule builds and the others reuse), on its own copy.
    const modelStart = now();
    getTaskLog(modelParams);
    const modelTime = since(modelStart);
    // The whole pack, as markdownlint calls it, on another copy.
    const packStart = now();
    for (const rule of pack) rule.function({ ...packParams, name: rule.names[0] as string }, noop);
    const packTime = since(packStart);
    if (run < warmup) continue;
    model.push(modelTime);
    packTimes.push(packTime);
  }
  const parseTime = medianClock(parse);
  const packTime = medianClock(packTimes);
  const ratio = packTime.cpu / parseTime.cpu;
  worst = Math.max(worst, ratio);
  console.log(
    `| ${doc.name} | ${size.toFixed(0)} | ${both(parseTime)} | ${both(packTime)} | ${both(medianClock(model))} | ${pct(ratio)} | ${runs} |`,
  );
}
console.log(
  `\ntarget pack ≤ 3 % of parse at every size (CPU time): ${worst <= 0.03 ? "met" : "NOT MET"} (worst ${pct(worst)})`,
);

if (!args.has("--no-import")) {
  const runs = QUICK ? 10 : 30;
  const times: Clock[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const run = spawnSync(process.execPath, [`${ROOT}scripts/bench-import.mjs`, distUrl("index.js")], {
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`import failed: ${run.stderr}`);
    const result = JSON.parse(run.stdout) as { ms: number; cpuMs: number };
    if (i >= 2) times.push({ wall: result.ms, cpu: result.cpuMs });
  }
  const time = medianClock(times);
  console.log(
    `import dist/index.js in a fresh process: median ${both(time)} ms over ${runs} runs (target ≤ 4 ms CPU: ${time.cpu <= 4 ? "met" : "NOT MET"})`,
  );
}
