/**
 * A task-log file as the `tasklog` commands edit it: its lines (as markdownlint numbers them), the
 * line ending after each, and a leading byte order mark. Edits replace text at a checked position or
 * insert whole lines; everything else is written back byte for byte. Invalid UTF-8 bytes are kept (see
 * src/cli/write.ts, which does every write).
 */
import { readFileSync, statSync } from "node:fs";
import { CliError } from "./errors.js";
import { decodeBytes } from "./write.js";

export interface Document {
  readonly path: string;
  readonly bom: boolean;
  /** Line texts, without endings (markdownlint's `lines`). */
  readonly lines: string[];
  /** The ending after each line (`""` after the last one). */
  readonly endings: string[];
}

export function parseDocument(path: string, text: string): Document {
  const bom = text.startsWith("\uFEFF");
  const body = bom ? text.slice(1) : text;
  const lines: string[] = [];
  const endings: string[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (const match of body.matchAll(pattern)) {
    lines.push(body.slice(start, match.index));
    endings.push(match[0]);
    start = match.index + match[0].length;
  }
  lines.push(body.slice(start));
  endings.push("");
  return { path, bom, lines, endings };
}

export function readDocument(path: string, given?: string): { document: Document; text: string } {
  if (given !== undefined) return { document: parseDocument(path, given), text: given };
  let text: string;
  try {
    if (!statSync(path).isFile()) throw new CliError(`not a file`, path);
    text = decodeBytes(readFileSync(path)).text;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, path);
  }
  return { document: parseDocument(path, text), text };
}

export function documentText(document: Document): string {
  let out = document.bom ? "\uFEFF" : "";
  document.lines.forEach((line, i) => {
    out += line + (document.endings[i] as string);
  });
  return out;
}

/** The file's most common line ending (`\n` when it has none). */
export function commonEnding(document: Document): string {
  const counts = new Map<string, number>();
  for (const ending of document.endings) if (ending !== "") counts.set(ending, (counts.get(ending) ?? 0) + 1);
  let best = "\n";
  let most = 0;
  for (const [ending, count] of counts) {
    if (count > most) {
      best = ending;
      most = count;
    }
  }
  return best;
}

/** One change a command made, for its report. */
export interface Change {
  readonly line: number;
  readonly before: string;
  readonly after: string;
}

/**
 * Replace `expected` at (line, column) with `replacement`. The text must be exactly there: a position
 * that does not hold it (a model/file mismatch) is an error, never a guess.
 */
export function replaceAt(
  document: Document,
  line: number,
  column: number,
  expected: string,
  replacement: string,
): Change {
  const text = document.lines[line - 1];
  if (text === undefined || text.slice(column - 1, column - 1 + expected.length) !== expected) {
    throw new CliError(
      `expected ${JSON.stringify(expected)} at column ${column}; the file changed or the line holds tabs (nothing was written)`,
      document.path,
      line,
    );
  }
  document.lines[line - 1] = text.slice(0, column - 1) + replacement + text.slice(column - 1 + expected.length);
  return { line, before: expected, after: replacement };
}

/** Insert `lines` before line `before` (1-based; `lines.length + 1` appends), each ending with `ending`. */
export function insertLines(document: Document, before: number, lines: readonly string[], ending: string): void {
  const index = before - 1;
  if (index === document.lines.length) {
    // Appending after the last line: it gets an ending, and the new last line keeps the old (none).
    const last = document.lines.length - 1;
    if (document.lines[last] === "" && last > 0) {
      // The file ends with a line ending: insert before the empty last "line".
      insertLines(document, last + 1, lines, ending);
      return;
    }
    document.endings[last] = ending;
    document.lines.push(...lines);
    document.endings.push(...lines.map((_, i) => (i === lines.length - 1 ? "" : ending)));
    return;
  }
  document.lines.splice(index, 0, ...lines);
  document.endings.splice(index, 0, ...lines.map(() => ending));
}
