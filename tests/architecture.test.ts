/**
 * The architecture, checked: the imports of src/ and rules/ (value and type imports, re-exports,
 * dynamic `import()`), read with TypeScript's own pre-processor, form no circle and point only
 * downward through the layers below; only src/markdown/ names micromark's tokens. On a failure the
 * test prints the whole graph, layer by layer, so that the arrow to fix is in the message.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

/**
 * The layers, bottom first: a file may import files of its own layer (without a circle) and of any
 * layer below, never one above. The first pattern a file matches is its layer.
 */
export const LAYERS: readonly { readonly name: string; readonly files: RegExp }[] = [
  { name: "base", files: /^src\/(version|messages)\.ts$/ },
  { name: "convention", files: /^src\/convention\.ts$/ },
  { name: "grammar", files: /^src\/grammar\// },
  { name: "model types", files: /^src\/model\/types\.ts$/ },
  { name: "markdown readers", files: /^src\/markdown\// },
  { name: "model entry", files: /^src\/model\// },
  { name: "kit", files: /^src\/kit\// },
  { name: "rules", files: /^rules\// },
  { name: "api and github", files: /^src\/(api|api-entry|commonjs)\.ts$|^src\/github\// },
  { name: "command", files: /^src\/cli\// },
];

/** The only files that may import the token helpers (src/markdown/tokens.ts) or micromark's types. */
const TOKEN_READERS = /^src\/(markdown\/|model\/(read|index)\.ts$)/;
const TOKEN_MODULES = /^src\/markdown\/tokens\.ts$|^(micromark|mdast)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** A file's imports: repository paths for relative ones (`.js` → `.ts`), package names otherwise. */
export function importsOf(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map(({ fileName }) => {
    if (!fileName.startsWith(".")) return fileName;
    return relative(ROOT, resolve(ROOT, dirname(file), fileName)).replace(/\.js$/, ".ts");
  });
}

function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.files.test(file));
}

/** Every circle of the graph (Tarjan's strongly connected components of more than one file, or a self-import). */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) out.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return out;
}

/** The graph, layer by layer, for a failure message. */
function printed(graph: ReadonlyMap<string, readonly string[]>): string {
  const lines: string[] = [];
  LAYERS.forEach((layer, n) => {
    lines.push(`[${n}] ${layer.name}`);
    for (const [file, imports] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
      if (layerOf(file) !== n) continue;
      lines.push(`    ${file}${imports.length === 0 ? "" : ` → ${imports.join(", ")}`}`);
    }
  });
  return lines.join("\n");
}

const files = [...sourceFiles("src"), ...sourceFiles("rules")].sort();
const graph = new Map(files.map((file) => [file, importsOf(file, readFileSync(join(ROOT, file), "utf8"))]));
/** The project's own edges only (packages and node: built-ins are left out). */
const internal = new Map([...graph].map(([file, imports]) => [file, imports.filter((to) => graph.has(to))]));

describe("the import graph of src/ and rules/", () => {
  it("reads every file, and every relative import names a file that exists", () => {
    expect(files.length).toBeGreaterThan(40);
    const dangling = [...graph].flatMap(([file, imports]) =>
      imports
        .filter((to) => to.startsWith("src/") || to.startsWith("rules/"))
        .flatMap((to) => (graph.has(to) ? [] : [`${file} → ${to}`])),
    );
    expect(dangling).toEqual([]);
  });

  it("puts every file in a layer", () => {
    expect(files.filter((file) => layerOf(file) === -1)).toEqual([]);
  });

  it("has no import circle", () => {
    const found = circles(internal);
    expect(
      found,
      `import circles:\n${found.map((c) => `  ${c.join(" ⇄ ")}`).join("\n")}\n\n${printed(internal)}`,
    ).toEqual([]);
  });

  it("imports only downward (or within a layer)", () => {
    const upward = [...internal].flatMap(([file, imports]) =>
      imports.flatMap((to) =>
        layerOf(to) > layerOf(file)
          ? [`${file} [${LAYERS[layerOf(file)]?.name}] → ${to} [${LAYERS[layerOf(to)]?.name}]`]
          : [],
      ),
    );
    expect(upward, `upward imports:\n  ${upward.join("\n  ")}\n\n${printed(internal)}`).toEqual([]);
  });

  it("lets only the markdown readers (and the model's entry, which hands them the params) name the token helpers", () => {
    const outside = [...graph].flatMap(([file, imports]) =>
      TOKEN_READERS.test(file) ? [] : imports.filter((to) => TOKEN_MODULES.test(to)).map((to) => `${file} → ${to}`),
    );
    expect(outside, `token imports outside src/markdown/:\n  ${outside.join("\n  ")}\n\n${printed(graph)}`).toEqual([]);
  });

  it("keeps rules/ to the kit, the model's public types, grammars and the convention", () => {
    const allowed = /^(src\/(kit|model|grammar)\/|src\/(convention|messages)\.ts$|rules\/)/;
    const wrong = [...graph].flatMap(([file, imports]) =>
      file.startsWith("rules/")
        ? imports.filter((to) => !allowed.test(to) || to.startsWith("src/markdown/")).map((to) => `${file} → ${to}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });
});

describe("the checks themselves", () => {
  it("find a circle and leave a chain alone", () => {
    expect(
      circles(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
          ["d", ["a"]],
        ]),
      ),
    ).toEqual([["a", "b", "c"]]);
    expect(circles(new Map([["a", ["a"]]]))).toEqual([["a"]]);
    expect(
      circles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("read type imports, re-exports and dynamic imports", () => {
    const text = [
      'import type { A } from "./a.js";',
      'export { B } from "../b.js";',
      'export * from "./c.js";',
      'const d = await import("markdownlint/sync");',
    ].join("\n");
    expect(importsOf("src/kit/x.ts", text)).toEqual(["src/kit/a.ts", "src/b.ts", "src/kit/c.ts", "markdownlint/sync"]);
  });
});
