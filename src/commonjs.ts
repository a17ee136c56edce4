/**
 * Entry of the CommonJS build (dist/index.cjs): its only export is the rule array, so that the
 * bundle ends in `module.exports = rules` and `require("markdownlint-rule-tasklog")` returns the
 * array itself (markdownlint-cli, CommonJS scripts, Node versions without `require()` of ES modules).
 */
import rules from "../rules/index.js";

export default rules;
