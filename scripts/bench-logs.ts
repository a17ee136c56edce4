/**
 * Documents for the benchmark and the micromark-overrides equivalence test.
 *
 * - `generatedLogOfSize(bytes)`: a valid generated log (tests/support/generate.ts) whose size is the
 *   closest to `bytes` (the generator takes a task count, so the count is searched for).
 * - `replicateLog(source, copies)`: the real log repeated `copies` times with its identifiers, PR
 *   links and PR mentions renumbered per copy, so identifiers stay unique and references still
 *   resolve inside each copy. Unlike the generated logs it keeps the real log's findings (placeholder
 *   identifiers, stale stamps, template placeholders), so the rules' reporting paths are exercised.
 */
import "./ts-resolve.mjs";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { locateCorpus } from "../tests/support/corpus-location.mjs";

type GenerateModule = typeof import("../tests/support/generate.js");

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The newest real log (highest `tv-tasks.vN.md`): `TASKLOG_CORPUS` or `../shared/corpus` (tests/support/corpus-location.mjs). */
export function realLogPath(): string {
  const corpus = locateCorpus();
  if (corpus.dir === null) throw new Error(corpus.missing);
  const version = (name: string): number => Number(/^tv-tasks\.v(\d+)\.md$/.exec(name)?.[1] ?? -1);
  const newest = readdirSync(corpus.realDir).reduce((best, name) => (version(name) > version(best) ? name : best), "");
  if (version(newest) < 0) throw new Error(`no tv-tasks.vN.md in ${corpus.realDir}`);
  return join(corpus.realDir, newest);
}
/** Seed of every generated log of the benchmark and the equivalence test. */
export const SEED = 40;

let generator: GenerateModule | undefined;

/**
 * The shared generator. Imported by URL so that the same code runs under vitest and under plain
 * Node 22 (which strips the types of `.ts` files but does not map `.js` specifiers to them).
 */
export async function loadGenerator(): Promise<GenerateModule> {
  generator ??= (await import(pathToFileURL(`${ROOT}tests/support/generate.ts`).href)) as GenerateModule;
  return generator;
}

export function readRealLog(): string {
  return readFileSync(realLogPath(), "utf8");
}

/** Task count whose generated log (seed `SEED`) is closest in size to `bytes`, and the log. */
export async function generatedLogOfSize(bytes: number): Promise<{ tasks: number; text: string }> {
  const { generateTaskLog } = await loadGenerator();
  const probe = 64;
  const perTask = generateTaskLog(probe, SEED).length / probe;
  const estimate = Math.max(1, Math.round(bytes / perTask));
  let best = { tasks: estimate, text: generateTaskLog(estimate, SEED) };
  // Sizes are not strictly monotonic in the count (each count draws a new log): look around.
  const window = Math.max(2, Math.round(estimate * 0.08));
  for (let tasks = Math.max(1, estimate - window); tasks <= estimate + window; tasks++) {
    const text = tasks === best.tasks ? best.text : generateTaskLog(tasks, SEED);
    if (Math.abs(text.length - bytes) < Math.abs(best.text.length - bytes)) best = { tasks, text };
  }
  return best;
}

/** A generated log with exactly `tasks` tasks (seed `SEED`). */
export async function generatedLog(tasks: number): Promise<string> {
  const { generateTaskLog } = await loadGenerator();
  return generateTaskLog(tasks, SEED);
}

/** The real log repeated `copies` times; copy k > 0 adds k × 10000 to every PR number it carries. */
export function replicateLog(source: string, copies: number): string {
  const parts: string[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const shift = copy * 10_000;
    parts.push(
      copy === 0
        ? source
        : source
            .replace(
              /(\b[a-z]+-\d{4}-\d{2}-\d{2}:PR)(\d+)/g,
              (_, head: string, n: string) => `${head}${Number(n) + shift}`,
            )
            .replace(/(\/pull\/)(\d+)/g, (_, head: string, n: string) => `${head}${Number(n) + shift}`)
            .replace(/(\bPR #)(\d+)/g, (_, head: string, n: string) => `${head}${Number(n) + shift}`),
    );
  }
  return parts.join(source.endsWith("\n") ? "\n" : "\n\n");
}

// ---------------------------------------------------------------------------------------------
// Clocks (shared by bench.ts and bench-pack.ts)

/** A point in time or a duration on both clocks, in ms: wall (`performance.now()`) and CPU time of the process. */
export interface Clock {
  readonly wall: number;
  readonly cpu: number;
}

export const now = (): Clock => {
  const usage = process.cpuUsage();
  return { wall: performance.now(), cpu: (usage.user + usage.system) / 1000 };
};

export const since = (start: Clock): Clock => {
  const end = now();
  return { wall: end.wall - start.wall, cpu: end.cpu - start.cpu };
};

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Medians of each clock, taken separately. */
export const medianClock = (samples: readonly Clock[]): Clock => ({
  wall: median(samples.map((sample) => sample.wall)),
  cpu: median(samples.map((sample) => sample.cpu)),
});

/**
 * The main thread's CPU time in ms (`process.threadCpuUsage()`, Node 22.19+ and 23.9+): unlike the
 * process's, it leaves out V8's parallel collector and compiler threads, so a measured call pays for
 * its own work and for the collection that runs on the main thread while it runs.
 */
export const threadCpu = (): number => {
  const usage = (process as unknown as { threadCpuUsage: () => { user: number; system: number } }).threadCpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Median, minimum and maximum of samples. */
export const spread = (values: readonly number[]): { median: number; min: number; max: number } => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
});
