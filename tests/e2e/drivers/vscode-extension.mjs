// Calls markdownlint-cli2's exported `main` the way the VS Code markdownlint extension lints an open
// document (DavidAnson/vscode-markdownlint, extension.mjs: markdownlintWrapper, fixLine, fixAll):
//
// - `directory` is the workspace folder, `argv` is [":<absolute path>"] (a literal file name),
//   `fileContents` maps that path to the editor's text (unsaved edits included), `noGlobs: true`;
// - `noImport` is true unless the workspace is trusted (and a desktop `file:` workspace), which is
//   what lets markdownlint-cli2 load custom rules from the workspace's node_modules;
// - `optionsDefault` carries the extension's settings (`config` with the extension's default
//   `{ MD013: false }`, `customRules` from settings: none here); the workspace's
//   `.markdownlint-cli2.jsonc` is discovered by markdownlint-cli2 itself;
// - `optionsOverride` turns fixing off and captures the results with an in-memory output formatter.
//
// Each result becomes a diagnostic as the extension makes it: a 0-based range on the result's line
// from `errorRange` (the whole line without one), the message `ID/name: description [detail]`, the
// rule ID as code with its `ruleInformation` link, and the extension's default severity for errors,
// Warning. Quick fixes apply one result's `fixInfo` to its line with markdownlint's `applyFix`;
// "fix all" applies every result with `applyFixes` to the whole text, and the per-rule fix-all (all
// of one rule's violations) applies that rule's results only. Both come from markdownlint-cli2's
// `markdownlint` export, as in the extension.
//
// This file is copied next to the host's node_modules (so the bare imports resolve to that host's
// markdownlint-cli2) and run as `node vscode-extension.mjs <request.json> <response.json>`.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "markdownlint-cli2";
import { applyFix, applyFixes } from "markdownlint-cli2/markdownlint";

const [requestPath, responsePath] = process.argv.slice(2);
/** @type {{ workspace: string, file: string, text: string, trusted: boolean }} */
const request = JSON.parse(readFileSync(requestPath, "utf8"));
const newLine = /\r\n|\r|\n/;

async function lintDocument(text, trusted) {
  let results = [];
  const capture = (options) => {
    results = options.results;
  };
  const exitCode = await main({
    directory: request.workspace,
    argv: [`:${request.file}`],
    fileContents: { [request.file]: text },
    noGlobs: true,
    noImport: !trusted,
    optionsDefault: { config: { MD013: false }, customRules: [] },
    optionsOverride: { fix: false, outputFormatters: [[capture]] },
  });
  return { exitCode, results: results.map((result) => ({ ...result })) };
}

/** The extension's diagnostic for a result on `lines` (the document's lines). */
function toDiagnostic(result, lines) {
  const line = result.lineNumber - 1;
  const text = lines[line] ?? "";
  const [start, end] = result.errorRange
    ? [result.errorRange[0] - 1, result.errorRange[0] - 1 + result.errorRange[1]]
    : [0, text.length];
  const detail = result.errorDetail ? ` [${result.errorDetail}]` : "";
  return {
    range: { start: { line, character: start }, end: { line, character: end } },
    message: `${result.ruleNames.slice(0, 2).join("/")}: ${result.ruleDescription}${detail}`,
    severity: result.severity === "warning" ? "Information" : "Warning",
    source: "markdownlint",
    code: { value: result.ruleNames[0], target: result.ruleInformation },
    fixable: Boolean(result.fixInfo),
  };
}

const key = (result) => `${result.ruleNames[0]}:${result.lineNumber}:${result.errorDetail}`;

const trusted = await lintDocument(request.text, true);

// A quick fix per result with fixInfo, each applied alone to the document.
const quickFixes = [];
for (const result of trusted.results.filter((item) => item.fixInfo)) {
  const lines = request.text.split(newLine);
  const lineNumber = result.fixInfo.lineNumber || result.lineNumber;
  const before = lines[lineNumber - 1];
  const after = applyFix(before, result.fixInfo, "\n");
  if (typeof after === "string") lines[lineNumber - 1] = after;
  else lines.splice(lineNumber - 1, 1);
  const eol = request.text.match(newLine)?.[0] ?? "\n";
  const relint = await lintDocument(lines.join(eol), true);
  quickFixes.push({
    finding: key(result),
    lineNumber,
    before,
    after: typeof after === "string" ? after : null,
    stillReported: relint.results.some((item) => key(item) === key(result)),
  });
}

const diagnostics = trusted.results.map((result) => toDiagnostic(result, request.text.split(newLine)));

// "Fix all violations of <rule>": one rule's results applied together.
const perRuleFixAll = [];
for (const rule of [
  ...new Set(trusted.results.filter((item) => item.fixInfo).map((item) => item.ruleNames[0])),
].sort()) {
  const text = applyFixes(
    request.text,
    trusted.results.filter((item) => item.ruleNames[0] === rule),
  );
  const relint = await lintDocument(text, true);
  perRuleFixAll.push({ rule, text, results: relint.results });
}

// "Fix all supported markdownlint violations in the document".
const fixedText = applyFixes(request.text, trusted.results);
const afterFixAll = await lintDocument(fixedText, true);

const untrusted = await lintDocument(request.text, false);

const cli2Package = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.resolve("markdownlint-cli2"))), "package.json"), "utf8"),
);
writeFileSync(
  responsePath,
  JSON.stringify(
    {
      node: process.version,
      cli2: cli2Package.version,
      trusted,
      diagnostics,
      quickFixes,
      perRuleFixAll,
      fixedText,
      afterFixAll,
      untrusted,
    },
    null,
    2,
  ),
);
