import { defineRule, type Report } from "../src/factory.js";
import { classifyUrl, DEFAULT_HOST, findUrls, isValidHost, prUrl, type IssueLink } from "../src/grammar/prurl.js";
import { fieldTextLines, itemTokens } from "../src/itemtext.js";
import type { Field } from "../src/model.js";
import { option } from "../src/options.js";
import { childOfType, descendants, type Token } from "../src/tokens.js";

/** Fields whose links are PR links (matched case-insensitively). */
const PR_FIELDS = new Set(["pr", "pr status"]);

/** CommonMark label matching: case-insensitive, inner whitespace collapsed. */
function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase().toUpperCase();
}

/** The label a reference link names: `[text][label]` → label; `[label][]` and `[label]` → label. */
function referenceLabel(link: Token): string {
  const reference = childOfType(link, "reference");
  const named = reference === undefined ? undefined : childOfType(reference, "referenceString");
  if (named !== undefined) return named.text;
  const label = childOfType(link, "label");
  return label === undefined ? "" : (childOfType(label, "labelText")?.text ?? "");
}

/** Link reference definitions of the document: normalized label → destination (the first one wins). */
function definitionsOf(tokens: readonly Token[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const token of descendants(tokens)) {
    if (token.type !== "definition") continue;
    const label = childOfType(token, "definitionLabel");
    const labelString = label === undefined ? undefined : childOfType(label, "definitionLabelString");
    const destination = descendants(token.children).find((child) => child.type === "definitionDestinationString");
    if (labelString === undefined || destination === undefined) continue;
    const key = normalizeLabel(labelString.text);
    if (!out.has(key)) out.set(key, destination.text);
  }
  return out;
}

/** TL007 pr-link: PR links in the PR and PR status fields, and the Deferred task's link to its PR (spec section 8). */
export default defineRule({
  id: "TL007",
  name: "pr-link",
  description: "PR links in PR and PR status are https://github.com/<owner>/<repo>/pull/<number> with the identifier's PR number",
  tag: "links",
  options: {
    host: option<readonly string[]>({
      kind: "string-or-strings",
      default: Object.freeze([DEFAULT_HOST]),
      description: "Host of PR links: one host name or an array (GitHub Enterprise, e.g. \"github.example.com\"); no scheme, no path.",
      check: (value) =>
        value.every(isValidHost) ? undefined : "host names such as \"github.com\" or \"github.example.com:8443\" (no scheme, no path)",
    }),
    link_required: option<readonly string[]>({
      kind: "strings",
      default: Object.freeze(["Deferred"]),
      description: "Statuses whose tasks must link their own PR (the identifier's number) in PR status.",
    }),
  },
  check({ model, options, params, report }) {
    let definitions: Map<string, string> | undefined;
    const hosts = options.host;
    const host = hosts[0] ?? DEFAULT_HOST;
    const required = new Set(options.link_required.map((status) => status.toLowerCase()));
    for (const task of model.tasks) {
      const suffix = task.identifier?.suffix;
      const number = suffix !== undefined && suffix.kind !== "placeholder" ? suffix.number : undefined;
      const expected = prUrl(number ?? "<number>", host);
      const prFields = task.fields.filter((field) => PR_FIELDS.has(field.label.trim().toLowerCase()));
      let candidates = 0;
      const issues: IssueLink[] = [];
      const check = (found: string, at: Omit<Report, "detail">, via = ""): void => {
        const url = classifyUrl(found, hosts);
        if (url.kind === "other") return;
        if (url.kind === "issue") {
          issues.push(url);
          return;
        }
        candidates++;
        if (url.kind === "placeholder") {
          report({
            ...at,
            detail: `Expected the task's PR URL ${expected}; Actual: template placeholder ${url.placeholders.join(", ")} in ${url.url}${via}`,
          });
        } else if (url.problems.length > 0) {
          report({
            ...at,
            detail: `Expected ${prUrl(url.number, host, url.owner, url.repo)}; Actual: ${url.url}${via} (${url.problems.join("; ")})`,
          });
        } else if (number !== undefined && url.number !== number) {
          report({
            ...at,
            detail: `Expected a link to PR #${number} (the identifier's PR number); Actual: PR #${url.number} (${url.url}${via})`,
          });
        }
      };
      for (const field of prFields) {
        for (const text of fieldTextLines(field)) {
          for (const found of findUrls(text.text)) {
            check(found.text, { line: text.line, column: text.column + found.index, length: found.text.length, context: found.text });
          }
        }
        // Reference links (`[PR][pr35]` with `[pr35]: https://…` anywhere in the document).
        for (const link of itemTokens(field.item)) {
          if (link.type !== "link" || childOfType(link, "resource") !== undefined) continue;
          const label = referenceLabel(link);
          definitions ??= definitionsOf(params.parsers.micromark?.tokens ?? []);
          const destination = definitions.get(normalizeLabel(label));
          if (destination === undefined) continue;
          const firstLine = link.text.split("\n")[0] as string;
          check(destination, { line: link.startLine, column: link.startColumn, length: firstLine.length, context: link.text }, ` via [${label}]`);
        }
      }
      if (number === undefined || candidates > 0) continue;
      if (!required.has(task.status?.text.toLowerCase() ?? "")) continue;
      const target: Field | undefined =
        prFields.find((field) => field.label.trim().toLowerCase() === "pr status") ?? prFields[0];
      if (target === undefined) continue; // a missing field is TL003's finding
      const line = target.line;
      const lineText = model.lines[line - 1] ?? "";
      const issueNote = issues.length > 0 ? `; ${issues.map((issue) => issue.url).join(", ")} links an issue, not a PR` : "";
      report({
        line,
        column: target.valueColumn <= lineText.length ? target.valueColumn : target.labelSpan.column,
        length: target.valueColumn <= lineText.length ? lineText.length - target.valueColumn + 1 : target.labelSpan.text.length,
        detail: `Expected a link to PR #${number} (${expected}) in ${target.label}; Actual: no PR link${issueNote}`,
        context: lineText.trim(),
      });
    }
  },
});
