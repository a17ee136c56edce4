/**
 * Checks shared by the property, corpus and pathological tests: every report inside markdownlint's
 * contract (a line of the document, a range and a fix inside that line), and fix safety (a fix touches
 * only the text its finding names, keeps line endings and the byte order mark, and converges in one pass).
 */
import { applyFixes } from "markdownlint";
import { lintPack, type LintError } from "../harness.js";

const NEWLINE = /\r\n|\r|\n/; // markdownlint's newLineRe

/** The lines markdownlint numbers (byte order mark removed, CRLF, CR and LF all end a line). */
export function documentLines(content: string): string[] {
  return content.replace(/^\uFEFF/, "").split(NEWLINE);
}

export interface NormalFix {
  readonly lineNumber: number;
  readonly editColumn: number;
  readonly deleteCount: number;
  readonly insertText: string;
}

/** A finding's fix as markdownlint applies it (its defaults filled in). */
export function normalFix(error: LintError): NormalFix | undefined {
  const fix = error.fixInfo;
  if (fix === null || fix === undefined) return undefined;
  return {
    lineNumber: fix.lineNumber || error.lineNumber,
    editColumn: fix.editColumn || 1,
    deleteCount: fix.deleteCount || 0,
    insertText: fix.insertText || "",
  };
}

/** Problems with the positions of `errors` on `content` (empty when every report is well formed). */
export function reportProblems(content: string, errors: readonly LintError[]): string[] {
  const lines = documentLines(content);
  const problems: string[] = [];
  for (const error of errors) {
    const where = `${error.ruleNames.join("/")} line ${error.lineNumber} (${error.errorDetail ?? ""})`;
    if (!/^TL\d{3}$/.test(error.ruleNames[0] ?? "")) problems.push(`${where}: not a rule of the pack`);
    if (!error.errorDetail) problems.push(`${where}: no detail`);
    if (!Number.isInteger(error.lineNumber) || error.lineNumber < 1 || error.lineNumber > lines.length) {
      problems.push(`${where}: line outside the document (1…${lines.length})`);
      continue;
    }
    const length = (lines[error.lineNumber - 1] as string).length;
    const range = error.errorRange;
    if (range !== null && range !== undefined) {
      const [column, size] = range;
      if (
        !(Number.isInteger(column) && Number.isInteger(size) && column >= 1 && size >= 1 && column + size - 1 <= length)
      ) {
        problems.push(`${where}: range [${column}, ${size}] outside the line (length ${length})`);
      }
    }
    const fix = normalFix(error);
    if (fix !== undefined) {
      const fixLine = lines[fix.lineNumber - 1];
      if (fixLine === undefined) {
        problems.push(`${where}: fix on line ${fix.lineNumber}, outside the document`);
      } else if (
        !(fix.editColumn >= 1 && fix.deleteCount >= 0 && fix.editColumn + fix.deleteCount - 1 <= fixLine.length)
      ) {
        problems.push(`${where}: fix ${JSON.stringify(fix)} outside the line (length ${fixLine.length})`);
      }
      if (/[\r\n]/.test(fix.insertText)) problems.push(`${where}: fix inserts a line break`);
    }
  }
  return problems;
}

interface SplitText {
  readonly bom: string;
  readonly lines: string[];
  readonly endings: string[];
}

export function splitKeepingEndings(content: string): SplitText {
  const bom = content.startsWith("\uFEFF") ? "\uFEFF" : "";
  const parts = content.slice(bom.length).split(/(\r\n|\r|\n)/);
  const lines: string[] = [];
  const endings: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    lines.push(parts[i] as string);
    if (i + 1 < parts.length) endings.push(parts[i + 1] as string);
  }
  return { bom, lines, endings };
}

function join({ bom, lines, endings }: SplitText): string {
  return bom + lines.map((line, index) => line + (endings[index] ?? "")).join("");
}

/**
 * Apply the findings' fixes with markdownlint's own `applyFixes` (same order, de-duplication and
 * overlap rules), but keep every line's own ending and the byte order mark. markdownlint's
 * `applyFixes` rewrites every line ending to the document's most frequent one and counts the byte
 * order mark as part of line 1; the pack's fixes never add or remove a line, so a per-line
 * application is exact.
 */
export function applyFixesKeepingEndings(content: string, errors: readonly LintError[]): string {
  const split = splitKeepingEndings(content);
  const fixed = applyFixes(split.lines.join("\n"), errors as never).split("\n");
  if (fixed.length !== split.lines.length) {
    throw new Error(`fixes changed the number of lines (${split.lines.length} → ${fixed.length})`);
  }
  return join({ ...split, lines: fixed });
}

export interface FixSafety {
  /** The findings on the original text. */
  readonly errors: LintError[];
  readonly fixed: string;
  /** Everything that went wrong (empty when the fixes are safe). */
  readonly problems: string[];
}

/**
 * Fix safety: applying all fixes once leaves no fixable finding; a second pass changes nothing; no
 * line that no fix names changes; on a named line only the text between the leftmost fix start and the
 * rightmost fix end may change; line endings and the byte order mark are preserved. Also checks that
 * markdownlint's own `applyFixes` gives the same text when the document has one kind of line ending
 * and no byte order mark.
 */
export function checkFixSafety(content: string, config: Record<string, unknown> = {}): FixSafety {
  const problems: string[] = [];
  const errors = lintPack(content, config);
  const fixed = applyFixesKeepingEndings(content, errors);
  const before = splitKeepingEndings(content);
  const after = splitKeepingEndings(fixed);
  if (after.bom !== before.bom) problems.push("the byte order mark changed");
  if (JSON.stringify(after.endings) !== JSON.stringify(before.endings)) problems.push("line endings changed");
  const byLine = new Map<number, NormalFix[]>();
  for (const error of errors) {
    const fix = normalFix(error);
    if (fix !== undefined) byLine.set(fix.lineNumber, [...(byLine.get(fix.lineNumber) ?? []), fix]);
  }
  before.lines.forEach((original, index) => {
    const now = after.lines[index] ?? "";
    if (now === original) return;
    const fixes = byLine.get(index + 1);
    if (fixes === undefined) {
      problems.push(
        `line ${index + 1} changed but no fix names it: ${JSON.stringify(original)} → ${JSON.stringify(now)}`,
      );
      return;
    }
    const lo = Math.min(...fixes.map((fix) => fix.editColumn - 1));
    const hi = Math.max(...fixes.map((fix) => fix.editColumn - 1 + fix.deleteCount));
    const tail = original.slice(hi);
    if (!(now.startsWith(original.slice(0, lo)) && now.endsWith(tail) && now.length >= lo + tail.length)) {
      problems.push(
        `line ${index + 1} changed outside its fixes [${lo}, ${hi}): ${JSON.stringify(original)} → ${JSON.stringify(now)}`,
      );
    }
  });
  const uniform = new Set(before.endings).size <= 1 && before.bom === "";
  if (uniform && applyFixes(content, errors as never) !== fixed) {
    problems.push("markdownlint's applyFixes disagrees with the per-line application");
  }
  const again = lintPack(fixed, config);
  const fixable = again.filter((error) => error.fixInfo !== null && error.fixInfo !== undefined);
  for (const error of fixable) {
    problems.push(
      `fixable finding left after one pass: ${error.ruleNames[0]} line ${error.lineNumber}: ${error.errorDetail ?? ""}`,
    );
  }
  if (applyFixesKeepingEndings(fixed, again) !== fixed) problems.push("a second pass changed the text");
  return { errors, fixed, problems };
}
