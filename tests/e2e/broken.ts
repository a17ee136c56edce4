/**
 * A broken task log for the fix tests: the clean log with breaks the spec calls fixable, plus one it
 * does not. Each break belongs to a rule; a break is made only when the pack has that rule, so a rule
 * added later joins the fix tests by itself.
 */
import { ruleIds } from "../harness.js";
import { CLEAN_LOG, replaceOnce } from "./support.js";

export interface Break {
  readonly rule: string;
  readonly from: string;
  readonly to: string;
  readonly fixable: boolean;
}

/** Breaks of the clean log (each `from` occurs once in it). */
export const BREAKS: readonly Break[] = [
  {
    rule: "TL001",
    from: "### Open · tv-2025-10-03:PR41 · Establish",
    to: "### Open - tv-2025-10-03:PR41 · Establish",
    fixable: true,
  },
  { rule: "TL001", from: "### Deferred · tv-2025-10-03:PR35", to: "### deferred · tv-2025-10-03:PR35", fixable: true },
  { rule: "TL003", from: "- **Priority**: P1", to: "- **Priority:** P1", fixable: true },
  { rule: "TL004", from: "- **Size**: S", to: "- **Size**: s", fixable: true },
  { rule: "TL004", from: "- **Meta?**: Yes — safeguards", to: "- **Meta?**: Yes - safeguards", fixable: true },
  {
    rule: "TL006",
    from: "`test(regression): reorganize regression tests`",
    to: "`test(regression): reorganize regression tests.`",
    fixable: true,
  },
  {
    rule: "TL008",
    from: "## Open tasks (updated 2025-10-05)",
    to: "## Open tasks (updated 2025-10-04)",
    fixable: false,
  },
];

export const active = BREAKS.filter((item) => ruleIds.includes(item.rule));
const apply = (text: string, breaks: readonly Break[]): string =>
  breaks.reduce((out, item) => replaceOnce(out, item.from, item.to), text);
export const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split("\n").length;

export const BROKEN = apply(CLEAN_LOG, active);
/** What fixing everything must leave: the clean log with only the unfixable breaks. */
export const FIXED = apply(
  CLEAN_LOG,
  active.filter((item) => !item.fixable),
);
export const crlf = (text: string): string => text.replace(/\n/g, "\r\n");
