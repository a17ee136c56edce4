/**
 * The task-log model, as rules, the API and the command see it: the token-free public types and the
 * entry that builds the model of a document (once per token array).
 */
export { configuredStatus, DEFAULT_STATUSES, type LabelForm, type StatusFields } from "../convention.js";
export { getTaskLog } from "../markdown/build.js";
export { readTaskLog, type TaskLogReading } from "./read.js";
export * from "./types.js";
export { checkPlanBranch } from "../markdown/gitplan.js";
