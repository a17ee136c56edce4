/**
 * markdownlint-rule-tasklog: the rule pack. The default export is the array of all rules, which is
 * what markdownlint-cli2's `customRules` and markdownlint's `customRules` option expect.
 */
import TL001 from "./TL001-task-heading.js";
import TL002 from "./TL002-task-id.js";
import TL008 from "./TL008-section-updated.js";

export const rules = [TL001, TL002, TL008] as const;

export default rules;
