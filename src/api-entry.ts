/**
 * The public entry `markdownlint-rule-tasklog/api` (dist/api.js): the typed API of src/api.ts with
 * markdownlint loaded on import, so that `parseTaskLog` is synchronous from its first call. (The
 * `tasklog` command imports src/api.ts itself and loads markdownlint only when a command needs it.)
 */
import { loadMarkdownlint } from "./api.js";

await loadMarkdownlint();

export * from "./api.js";
