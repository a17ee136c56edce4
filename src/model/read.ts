/**
 * The one entry to a task log's model, for the rules (through `defineRule`), the API and so the
 * `tasklog` command: every document correction is applied here, once, and the model is built once
 * per token array (and statuses configuration).
 *
 * - Byte order marks: with two or more, micromark's texts are one character off markdownlint's lines
 *   (src/markdown/bom.ts); the model reads a corrected copy of the tokens and fixes are withheld.
 *   With one, nothing in the parameters shows it, but the hosts that fix files apply the columns to
 *   the text with its BOM, so no fix is offered on the file's first line (`fixableLine`).
 * - Front matter (YAML `---` or TOML `+++`): markdownlint removes it before the rules run and shifts
 *   their line numbers back by its length; `lineOffset` is that length, for readers outside a rule.
 * - Line endings: markdownlint splits `\r\n`, `\r` and `\n` alike; the model reads `lines` only.
 */
import { DEFAULT_STATUSES, type StatusFields } from "../convention.js";
import { correctedParams, fixableLine, hasExtraBom } from "../markdown/bom.js";
import { getTaskLog } from "../markdown/build.js";
import type { ModelParams, TaskLog } from "./types.js";

export interface TaskLogReading<P extends ModelParams = ModelParams> {
  readonly model: TaskLog;
  /** The parameters the model was read from (for a document with two or more BOMs, a corrected copy). */
  readonly params: P;
  /** Whether fixes may be offered: not on a document with two or more BOMs (the hosts edit other text). */
  readonly fixable: boolean;
  /**
   * Whether a fix may be offered on the rule's `line` (markdownlint's numbering, after front matter):
   * never when `fixable` is false, and never on the file's first physical line (`fixableLine`).
   */
  readonly fixableOn: (line: number) => boolean;
  /**
   * Lines of front matter markdownlint removed: the model's line numbers (and a rule's, which
   * markdownlint shifts back) plus `lineOffset` are the file's physical lines.
   */
  readonly lineOffset: number;
}

/** Read the task log markdownlint's rule parameters `params` hold, for the statuses configuration `statuses`. */
export function readTaskLog<P extends ModelParams>(
  params: P,
  statuses: StatusFields = DEFAULT_STATUSES,
): TaskLogReading<P> {
  const read = correctedParams(params);
  const fixable = !hasExtraBom(params.lines);
  const lineOffset = params.frontMatterLines?.length ?? 0;
  return {
    model: getTaskLog(read, statuses),
    params: read,
    fixable,
    fixableOn: (line) => fixable && fixableLine(line + lineOffset),
    lineOffset,
  };
}
