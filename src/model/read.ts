/**
 * The one entry to a task log's model, for the rules (through `defineRule`), the API and so the
 * `tasklog` command: every document correction is applied here, once, and the model is built once
 * per token array (and statuses configuration).
 *
 * - Byte order marks: with two or more, micromark's texts are one character off markdownlint's lines
 *   (src/markdown/bom.ts); the model reads a corrected copy of the tokens and fixes are withheld.
 * - Front matter (YAML `---` or TOML `+++`): markdownlint removes it before the rules run and shifts
 *   their line numbers back by its length; `lineOffset` is that length, for readers outside a rule.
 * - Line endings: markdownlint splits `\r\n`, `\r` and `\n` alike; the model reads `lines` only.
 */
import { DEFAULT_STATUSES, type StatusFields } from "../convention.js";
import { correctedParams, hasExtraBom } from "../markdown/bom.js";
import { getTaskLog } from "../markdown/build.js";
import type { ModelParams, TaskLog } from "./types.js";

export interface TaskLogReading<P extends ModelParams = ModelParams> {
  readonly model: TaskLog;
  /** The parameters the model was read from (for a document with two or more BOMs, a corrected copy). */
  readonly params: P;
  /** Whether fixes may be offered: not on a document with two or more BOMs (the hosts edit other text). */
  readonly fixable: boolean;
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
  return {
    model: getTaskLog(read, statuses),
    params: read,
    fixable: !hasExtraBom(params.lines),
    lineOffset: params.frontMatterLines?.length ?? 0,
  };
}
