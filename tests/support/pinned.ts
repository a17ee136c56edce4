/**
 * The human-readable form of everything a user sees from the pack on one document: each finding
 * (rule, line, column range and the text it covers, detail, context, fixInfo) and the text after one
 * pass of all fixes, as a line diff against the input. tests/snapshots.test.ts pins this text per
 * fixture and per docs page under tests/__snapshots__/pinned/; `npm run test:update` regenerates it.
 */
import { VERSION } from "../../src/version.js";
import type { LintError } from "../harness.js";

/** The release tag in a help URL, written as `v<VERSION>`, so a release does not rewrite every pin (tests/e2e/package.e2e.ts checks the real URLs). */
const versionless = (url: string): string => url.replace(`/blob/v${VERSION}/`, "/blob/v<VERSION>/");

const quote = (text: string): string => JSON.stringify(text);

function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** `[column, length]` as "columns a–b" plus the raw pair and the text it covers. */
function range(error: LintError, lines: readonly string[]): string {
  if (error.errorRange === null) return "(none)";
  const [column, length] = error.errorRange;
  const line = lines[error.lineNumber - 1] ?? "";
  const covered = line.slice(column - 1, column - 1 + length);
  const columns = length <= 1 ? `column ${column}` : `columns ${column}–${column + length - 1}`;
  return `${columns} [${column}, ${length}] ${quote(covered)}`;
}

/** fixInfo exactly (its own JSON), then what it does in words. */
function fix(error: LintError, lines: readonly string[]): string[] {
  const info = error.fixInfo;
  if (info === null || info === undefined) return [];
  const lineNumber = info.lineNumber ?? error.lineNumber;
  const line = lines[lineNumber - 1] ?? "";
  const column = info.editColumn ?? 1;
  const deleteCount = info.deleteCount ?? 0;
  const insertText = info.insertText ?? "";
  let effect: string;
  if (deleteCount < 0) effect = `deletes line ${lineNumber}`;
  else {
    const removed = line.slice(column - 1, column - 1 + deleteCount);
    effect =
      deleteCount === 0
        ? `inserts ${quote(insertText)} at line ${lineNumber}, column ${column}`
        : `replaces ${quote(removed)} at line ${lineNumber}, column ${column} with ${quote(insertText)}`;
  }
  return [`  fixInfo: ${JSON.stringify(info)}`, `           ${effect}`];
}

/** One block per finding, in markdownlint's order (by line, then rule). */
export function renderFindings(content: string, errors: readonly LintError[]): string {
  const lines = splitLines(content.replace(/^\uFEFF/, ""));
  if (errors.length === 0) return "Findings: none\n";
  const blocks = errors.map((error) =>
    [
      `line ${error.lineNumber} · ${error.ruleNames.join("/")}${error.severity === undefined ? "" : ` · ${error.severity}`}`,
      `  range:   ${range(error, lines)}`,
      `  detail:  ${error.errorDetail === null ? "(none)" : quote(error.errorDetail)}`,
      `  context: ${error.errorContext === null ? "(none)" : quote(error.errorContext)}`,
      ...fix(error, lines),
    ].join("\n"),
  );
  // What every finding of a rule shares: its description and its link (printed once per rule).
  const rules = [...new Map(errors.map((error) => [error.ruleNames.join("/"), error])).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([names, error]) =>
        `${names}: ${quote(error.ruleDescription)} ${error.ruleInformation === null ? "(no link)" : versionless(error.ruleInformation)}`,
    );
  return `Findings: ${errors.length}\n\n${blocks.join("\n\n")}\n\nRules reporting:\n${rules.map((rule) => `  ${rule}`).join("\n")}\n`;
}

/** The lines of `after` that differ from `before` (longest common subsequence), numbered as in each. */
export function lineDiff(before: string, after: string): string {
  if (before === after) return "After one pass of fixes: unchanged\n";
  const a = splitLines(before);
  const b = splitLines(after);
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push(`- ${String(i + 1).padStart(4)} | ${a[i]}`);
      i++;
    } else {
      out.push(`+ ${String(j + 1).padStart(4)} | ${b[j]}`);
      j++;
    }
  }
  // The diff shows lines; a change of line endings alone (or of the final newline) is named instead.
  const endings = (text: string): string => JSON.stringify(text.match(/\r\n|\n|\r/g)?.join("") ?? "");
  if (out.length === 0) out.push(`(only line endings changed: ${endings(before)} → ${endings(after)})`);
  return `After one pass of fixes (- line before, + line after):\n\n${out.join("\n")}\n`;
}
