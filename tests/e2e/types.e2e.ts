/**
 * TypeScript consumers: for markdownlint 0.40.0, 0.41.1 and 0.42.1 (their type definitions), a user's
 * project with the packed tarball installed (one `npm install` per markdownlint version, reused by
 * every module setting) is checked with `tsc --noEmit` (strict, `skipLibCheck: false`, so the pack's
 * declarations are checked too) under `module`/`moduleResolution` node16/node16, nodenext/nodenext and
 * preserve/bundler, with an ES module (`esm.mts`) and a CommonJS module (`cjs.cts`):
 *
 * - the rules go to `lint({ customRules: tasklog })` and to markdownlint's `Rule[]` with no cast;
 * - the `./api` subpath: `parseTaskLog` and its types (from CommonJS through `await import()`, as the
 *   API is an ES module only);
 * - the preset `markdownlint-rule-tasklog/recommended` as a JSON import: with `require` in CommonJS,
 *   and in ES modules with `with { type: "json" }` where the setting has import attributes (not
 *   node16). TypeScript widens a JSON file's strings, so the preset is typed as an object, not as
 *   markdownlint's `Configuration` (whose rule options are string unions); hosts read it through
 *   `extends`.
 *
 * markdownlint 0.42.1's own declarations have one error under `skipLibCheck: false`
 * (lib/resolve-module.d.cts, TS2309); it is allowed for that version only, every other line fails.
 * The TypeScript is the repository's (`typescript` of package.json); only markdownlint and the pack
 * are installed in the consumer projects.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, context, run, runOrThrow } from "./support.js";

const MARKDOWNLINT = ["0.40.0", "0.41.1", "0.42.1"] as const;
const SETTINGS = [
  { module: "node16", moduleResolution: "node16", attributes: false },
  { module: "nodenext", moduleResolution: "nodenext", attributes: true },
  { module: "preserve", moduleResolution: "bundler", attributes: true },
] as const;
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

const esm = (attributes: boolean): string =>
  [
    'import type { Rule } from "markdownlint";',
    'import { lint } from "markdownlint/promise";',
    'import tasklog from "markdownlint-rule-tasklog";',
    'import { parseTaskLog, type TaskLogView } from "markdownlint-rule-tasklog/api";',
    attributes ? 'import recommended from "markdownlint-rule-tasklog/recommended" with { type: "json" };' : "",
    "",
    "const rules: Rule[] = tasklog;",
    'const results = await lint({ strings: { log: "# Log\\n" }, customRules: tasklog });',
    'const view: TaskLogView = parseTaskLog("# Log\\n", { prefix: "tv" });',
    attributes ? "const preset: Record<string, unknown> = recommended;" : "const preset = {};",
    'export const counts: number[] = [rules.length, results["log"]?.length ?? 0, view.sections.length, Object.keys(preset).length];',
    "",
  ].join("\n");

const cjs = [
  'import tasklog = require("markdownlint-rule-tasklog");',
  'import recommended = require("markdownlint-rule-tasklog/recommended");',
  "",
  "async function main(): Promise<number> {",
  '  const { lint } = await import("markdownlint/promise");',
  '  const { parseTaskLog } = await import("markdownlint-rule-tasklog/api");',
  '  const results = await lint({ strings: { log: "# Log\\n" }, customRules: tasklog });',
  "  const preset: Record<string, unknown> = recommended;",
  '  return tasklog.length + (results["log"]?.length ?? 0) + parseTaskLog("# Log\\n").sections.length + Object.keys(preset).length;',
  "}",
  "export = main;",
  "",
].join("\n");

describe.each(MARKDOWNLINT)("TypeScript consumer with markdownlint %s", (version) => {
  const dir = join(context().base, `types-markdownlint-${version}`);

  beforeAll(() => {
    mkdirSync(dir);
    writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "types-consumer", private: true })}\n`);
    runOrThrow(
      "npm",
      [
        "install",
        "--no-save",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        `markdownlint@${version}`,
        context().tarball,
      ],
      { cwd: dir },
    );
  });

  it.each(SETTINGS)(
    "module $module, moduleResolution $moduleResolution: ESM and CJS check clean, no cast",
    (setting) => {
      const project = join(dir, setting.module);
      mkdirSync(project);
      writeFileSync(join(project, "esm.mts"), esm(setting.attributes));
      writeFileSync(join(project, "cjs.cts"), cjs);
      const compilerOptions = {
        module: setting.module,
        moduleResolution: setting.moduleResolution,
        target: "es2022",
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        resolveJsonModule: true,
        types: [],
      };
      writeFileSync(
        join(project, "tsconfig.json"),
        `${JSON.stringify({ compilerOptions, files: ["esm.mts", "cjs.cts"] })}\n`,
      );
      const result = run(process.execPath, [TSC, "-p", join(project, "tsconfig.json")], { cwd: project });
      // markdownlint 0.42.1's own lib/resolve-module.d.cts fails `skipLibCheck: false` (TS2309): its
      // errors are markdownlint's; every other line must be absent.
      const lines = (result.stdout + result.stderr).split("\n").filter((line) => line.trim() !== "");
      expect(lines.filter((line) => !line.startsWith("../node_modules/markdownlint/lib/"))).toEqual([]);
      if (lines.length > 0) expect(version).toBe("0.42.1");
      else expect(result.status).toBe(0);
      // Not vacuous: the same project with a wrong use fails.
      writeFileSync(
        join(project, "wrong.mts"),
        'import tasklog from "markdownlint-rule-tasklog";\nexport const n: string = tasklog;\n',
      );
      writeFileSync(join(project, "tsconfig.json"), `${JSON.stringify({ compilerOptions, files: ["wrong.mts"] })}\n`);
      const wrong = run(process.execPath, [TSC, "-p", join(project, "tsconfig.json")], { cwd: project });
      expect(wrong.stdout).toMatch(/wrong\.mts\(2,14\): error TS2322/);
    },
  );
});
