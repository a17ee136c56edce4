/**
 * markdownlint-rule-tasklog: the rule pack. The default export is the array of all rules, which is
 * what markdownlint-cli2's `customRules` and markdownlint's `customRules` option expect.
 */
import TL001 from "./TL001-task-heading.js";
import TL002 from "./TL002-task-id.js";
import TL003 from "./TL003-task-fields.js";
import TL004 from "./TL004-task-values.js";
import TL005 from "./TL005-branch-name.js";
import TL006 from "./TL006-commit-message.js";
import TL007 from "./TL007-pr-link.js";
import TL008 from "./TL008-section-updated.js";
import TL009 from "./TL009-task-reference.js";

/** markdownlint's `Rule` objects (each also a `TasklogRule`): `lint({ customRules: rules })` needs no cast. */
export const rules = [TL001, TL002, TL003, TL004, TL005, TL006, TL007, TL008, TL009];

export default rules;

// `require()` of this ES module (Node 20.19+, 22.12+) returns the array itself, not the module
// namespace: markdownlint-cli and CommonJS scripts get what markdownlint's `customRules` expects.
export { rules as "module.exports" };
