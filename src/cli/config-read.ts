/**
 * Reading one configuration file safely, for src/cli/config.ts: only a regular file of bounded size
 * (never a FIFO, a device such as /dev/zero, or a folder), parsed as markdownlint-cli2 parses it (JSONC
 * as `jsonc-parser` with trailing commas accepts it, YAML with the `js-yaml` that markdownlint-cli2
 * installs, TOML with its `smol-toml`), with every object's keys' lines remembered for messages.
 *
 * Nothing a configuration names is ever run or imported: YAML and TOML readers are looked up from this
 * package's own installation (the project's node_modules), never from a configuration's folder, and a
 * reader found outside the project that holds this package is not used. A YAML document's aliases are
 * expanded into plain values within a budget, so an alias bomb or an alias that contains itself is a
 * clear error instead of a hang or a crash.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CliError } from "./errors.js";
import { JsoncError, MAX_JSONC_DEPTH, type Node, parseTree } from "./jsonc.js";

/** The largest configuration file read (markdownlint configurations are a few kilobytes). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** The most values (objects, arrays and scalars) a configuration may hold once its YAML aliases are expanded. */
export const MAX_CONFIG_VALUES = 100_000;
/** The deepest nesting accepted (the JSONC reader's bound, for YAML and TOML too). */
export const MAX_CONFIG_DEPTH = MAX_JSONC_DEPTH;

/** Where each key of a parsed object was written: the file and the key's line. */
const KEY_LINES = new WeakMap<object, { readonly file: string; readonly lines: Map<string, number> }>();

/** The file and line where `key` of `object` (an object read by this module) was written, when known. */
export function whereKey(object: object, key: string): { file: string; line: number | undefined } | undefined {
  const entry = KEY_LINES.get(object);
  if (entry === undefined) return undefined;
  return { file: entry.file, line: entry.lines.get(key) };
}

/** The file an object (read by this module) was read from. */
export function fileOf(object: object): string | undefined {
  return KEY_LINES.get(object)?.file;
}

function errno(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** The text of a configuration file: a regular file of at most MAX_CONFIG_BYTES, read without blocking. */
export function readConfigText(file: string): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new CliError(`cannot read the configuration (${errno(error)})`, file);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      const kind = stat.isDirectory()
        ? "a folder"
        : stat.isFIFO()
          ? "a named pipe"
          : stat.isCharacterDevice() || stat.isBlockDevice()
            ? "a device"
            : stat.isSocket()
              ? "a socket"
              : "not a regular file";
      throw new CliError(`the configuration is ${kind}, not a regular file; it was not read`, file);
    }
    if (stat.size > MAX_CONFIG_BYTES) throw tooLarge(file);
    // Read at most one byte more than the limit, whatever the size said (files that grow, /proc).
    const buffer = Buffer.alloc(Math.min(MAX_CONFIG_BYTES + 1, Math.max(stat.size, 4096)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_CONFIG_BYTES) throw tooLarge(file);
        break;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_CONFIG_BYTES) throw tooLarge(file);
    return buffer.subarray(0, length).toString("utf8");
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read the configuration (${errno(error)})`, file);
  } finally {
    closeSync(fd);
  }
}

const tooLarge = (file: string): CliError =>
  new CliError(`the configuration is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB; it was not read`, file);

// ---------------------------------------------------------------------------------------------
// JSONC, as markdownlint-cli2 reads it (jsonc-parser, trailing commas allowed, any error fatal),
// with the one JSONC reader of the command (src/cli/jsonc.ts)

/** The values of a syntax tree, every object's keys' lines remembered. */
function withKeyLines(node: Node, file: string, lineStarts: readonly number[]): unknown {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "array") return node.items.map((item) => withKeyLines(item.value, file, lineStarts));
  const object: Record<string, unknown> = {};
  const lines = new Map<string, number>();
  KEY_LINES.set(object, { file, lines });
  for (const member of node.members) {
    // An own property always (`__proto__` included), the last one of a name winning, as JSON.parse does.
    Object.defineProperty(object, member.key, {
      value: withKeyLines(member.value, file, lineStarts),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    lines.set(member.key, lineAt(lineStarts, member.keyStart));
  }
  return object;
}

/** The offsets where the text's lines start (line breaks as jsonc.ts counts them). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|[\n\r\u2028\u2029]/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** The 1-based line holding `offset` (a binary search of the line starts). */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** JSON with comments and trailing commas, as markdownlint-cli2 reads `.jsonc` and `.json` files. */
export function parseJsonc(text: string, file: string): unknown {
  let tree: Node | undefined;
  try {
    tree = parseTree(text);
  } catch (error) {
    if (error instanceof JsoncError) {
      throw new CliError(`invalid JSON in the configuration: ${error.reason}`, file, error.line);
    }
    throw error;
  }
  if (tree === undefined) {
    throw new CliError(
      "invalid JSON in the configuration: the configuration is empty (a JSON value was expected)",
      file,
      1,
    );
  }
  return withKeyLines(tree, file, lineStartsOf(text));
}

// ---------------------------------------------------------------------------------------------
// YAML and TOML, with the readers markdownlint-cli2 installs, found from this package

type Load = (text: string) => unknown;

/** The folder whose node_modules this package was installed in (or the package's own folder when run from its repository). */
function installRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const parent = dirname(dir);
    if (parent.endsWith(`${sep}node_modules`)) return dirname(parent);
    if (dirname(parent).endsWith(`${sep}node_modules`) && parent.split(sep).pop()?.startsWith("@") === true)
      return dirname(dirname(parent));
    if (parent === dir) break;
    dir = parent;
  }
  // Run from the repository (tests, scripts): the repository's own node_modules.
  let repo = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4 && !repo.endsWith(`${sep}src`) && !repo.endsWith(`${sep}dist`); i++) repo = dirname(repo);
  return dirname(repo);
}

const readers = new Map<string, Promise<Load | undefined>>();

/**
 * A reader package (`js-yaml`, `smol-toml`) as this package resolves it, or through markdownlint-cli2's
 * installation (strict layouts such as pnpm's), but only from inside the project's node_modules:
 * a package of that name in a parent folder's node_modules is never loaded.
 */
function reader(
  name: "js-yaml" | "smol-toml",
  pick: (module: Record<string, unknown>) => unknown,
): Promise<Load | undefined> {
  let found = readers.get(name);
  if (found !== undefined) return found;
  const allowed = join(installRoot(), "node_modules") + sep;
  const own = createRequire(import.meta.url);
  const attempts = [
    () => own.resolve(name),
    () => createRequire(own.resolve("markdownlint-cli2/package.json")).resolve(name),
  ];
  found = (async () => {
    for (const attempt of attempts) {
      let path: string;
      try {
        path = attempt();
      } catch {
        continue;
      }
      if (!path.startsWith(allowed)) continue;
      try {
        const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
        const load = pick(module) ?? pick((module["default"] ?? {}) as Record<string, unknown>);
        if (typeof load === "function") return load as Load;
      } catch {
        // Not loadable: try the next place.
      }
    }
    return undefined;
  })();
  readers.set(name, found);
  return found;
}

export const yamlReader = (): Promise<Load | undefined> => reader("js-yaml", (module) => module["load"]);
export const tomlReader = (): Promise<Load | undefined> => reader("smol-toml", (module) => module["parse"]);

/**
 * A plain copy of a YAML or TOML value: aliases expanded within MAX_CONFIG_VALUES values and
 * MAX_CONFIG_DEPTH levels, an alias that contains itself refused. Keys' lines are found in the text
 * (the first `key:` at the object's indentation or anywhere, for messages only).
 */
export function boundedCopy(value: unknown, file: string, text: string): unknown {
  let count = 0;
  const path: object[] = [];
  const keyLine = keyLineFinder(text);
  const copy = (entry: unknown, depth: number): unknown => {
    if (++count > MAX_CONFIG_VALUES) {
      throw new CliError(
        `the configuration holds more than ${MAX_CONFIG_VALUES.toLocaleString("en-US")} values (YAML aliases expanded); it was not used`,
        file,
      );
    }
    if (typeof entry !== "object" || entry === null) return entry;
    if (entry instanceof Date) return entry.toISOString();
    if (path.includes(entry))
      throw new CliError(
        "the configuration refers to itself (a YAML alias inside its own value); it was not used",
        file,
      );
    if (depth > MAX_CONFIG_DEPTH)
      throw new CliError(`values are nested more than ${MAX_CONFIG_DEPTH} deep; it was not used`, file);
    path.push(entry);
    try {
      if (Array.isArray(entry)) return entry.map((item) => copy(item, depth + 1));
      const out: Record<string, unknown> = {};
      const lines = new Map<string, number>();
      KEY_LINES.set(out, { file, lines });
      for (const [key, item] of Object.entries(entry)) {
        Object.defineProperty(out, key, {
          value: copy(item, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        const line = keyLine(key);
        if (line !== undefined) lines.set(key, line);
      }
      return out;
    } finally {
      path.pop();
    }
  };
  return copy(value, 0);
}

/** The line of the first line of `text` that starts (after indentation and quotes) with `key:`; linear per key, cached. */
function keyLineFinder(text: string): (key: string) => number | undefined {
  let index: Map<string, number> | undefined;
  return (key) => {
    if (index === undefined) {
      index = new Map();
      const lines = text.split(/\r\n|\r|\n/);
      for (let i = 0; i < lines.length; i++) {
        const line = (lines[i] as string).replace(/^[\s-]*/, "");
        const colon = line.indexOf(":");
        if (colon <= 0) continue;
        let name = line.slice(0, colon).trim();
        const quote = name[0];
        if (name.length >= 2 && (quote === '"' || quote === "'") && name.endsWith(quote)) name = name.slice(1, -1);
        if (!index.has(name)) index.set(name, i + 1);
      }
    }
    return index.get(key);
  };
}
