import { FIELD, LINK_REQUIRED_STATUSES, PR_LINK_FIELDS, sameName } from "../src/convention.js";
import { defineRule, type Reporter } from "../src/kit/define.js";
import {
  classifyUrl,
  DEFAULT_HOST,
  isValidHost,
  prUrl,
  type ClassifiedUrl,
  type IssueLink,
} from "../src/grammar/prurl.js";
import { expected, visible } from "../src/kit/messages.js";
import type { Field, PrLinkMention, Task, TaskLog } from "../src/model/index.js";
import { statusNames, stringOrStrings } from "../src/kit/options.js";

/** The identifier's PR number, when it has one. */
function numberOf(task: Task): number | undefined {
  const suffix = task.identifier?.suffix;
  return suffix !== undefined && suffix.kind !== "placeholder" ? suffix.number : undefined;
}

/** `a and b`, `a, b and c`. */
function inWords(names: readonly string[]): string {
  return names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(", ")} and ${names.at(-1) as string}`;
}

/**
 * What a template URL leaves to fill in, in words without placeholders (`the real owner and
 * repository, and PR number 41`), so that a newcomer knows what to write there.
 */
function templateParts(url: string, number: number | undefined): string {
  const match = /^[a-z]+:\/\/([^/]*)\/?([^/]*)\/?([^/]*)\/?(?:pull\/?)?([^/?#]*)/i.exec(url);
  const [, host = "", owner = "", repo = "", pr = ""] = match ?? [];
  const names = [
    ...(host.includes("<") ? ["host"] : []),
    ...(owner.includes("<") ? ["owner"] : []),
    ...(repo.includes("<") ? ["repository"] : []),
  ];
  const parts = [
    ...(names.length > 0 ? [`the real ${inWords(names)}`] : []),
    ...(/^\d+$/.test(pr) ? [] : [number === undefined ? "the PR's number" : `PR number ${number}`]),
  ];
  return parts.length === 0 ? "the real owner and repository" : parts.join(", and ");
}

/** The problem of a PR link, or undefined when it is the task's PR. */
function linkProblem(
  url: Extract<ClassifiedUrl, { kind: "pr" | "placeholder" }>,
  via: string,
  number: number | undefined,
  host: string,
): string | undefined {
  if (url.kind === "placeholder") {
    return expected(
      `the template placeholders replaced with ${templateParts(url.url, number)}`,
      `${url.placeholders.join(", ")} in ${visible(url.url)}${via}`,
    );
  }
  if (url.problems.length > 0) {
    return expected(
      prUrl(url.number, host, url.owner, url.repo),
      `${visible(url.url)}${via} (${url.problems.join("; ")})`,
    );
  }
  if (number !== undefined && url.number !== number) {
    return expected(
      `a link to PR #${number} (the identifier's PR number)`,
      `PR #${url.number} (${visible(url.url)}${via})`,
    );
  }
  return undefined;
}

/** A task whose status requires it links its own PR: reported on `PR status` (or `PR`) when none does. */
function checkRequired(
  model: TaskLog,
  task: Task,
  number: number,
  host: string,
  issues: readonly IssueLink[],
  report: Reporter,
): void {
  const prFields = task.fields.filter((field) => PR_LINK_FIELDS.some((name) => sameName(field.label.trim(), name)));
  const target: Field | undefined =
    prFields.find((field) => sameName(field.label.trim(), FIELD.prStatus)) ?? prFields[0];
  if (target === undefined) return; // a missing field is TL003's finding
  const line = target.line;
  const lineText = model.lines[line - 1] ?? "";
  const issueNote =
    issues.length > 0 ? `; ${issues.map((issue) => issue.url).join(", ")} links an issue, not a PR` : "";
  const onValue = target.valueColumn <= lineText.length;
  report({
    line,
    column: onValue ? target.valueColumn : target.labelSpan.column,
    length: onValue ? lineText.length - target.valueColumn + 1 : target.labelSpan.text.length,
    detail: expected(`a link to PR #${number} (${prUrl(number, host)}) in ${target.label}`, `no PR link${issueNote}`),
    context: lineText.trim(),
  });
}

/** TL007 pr-link: PR links in the PR and PR status fields, and the Deferred task's link to its PR (spec section 8). */
export default defineRule({
  id: "TL007",
  name: "pr-link",
  description: "PR links point to the task's own GitHub PR",
  tag: "links",
  options: {
    host: stringOrStrings({
      default: Object.freeze([DEFAULT_HOST]),
      description:
        'Host names of PR links: one or an array (add GitHub Enterprise hosts, e.g. "github.example.com" or "ghe.corp:8443"); no scheme, no path. The first one is used in messages.',
      check: (value) =>
        value.every(isValidHost)
          ? undefined
          : 'host names such as "github.com" or "github.example.com:8443" (no scheme, no path)',
    }),
    link_required: statusNames({
      default: LINK_REQUIRED_STATUSES,
      description:
        'Statuses whose tasks must link their own PR (the identifier\'s number): a PR link in `PR status` or `PR`, reported on `PR status` (or on `PR` when the task has no `PR status` field). Each entry must be a configured status (any case): a typo such as `"Deffered"` is reported as an unknown status, with the configured ones listed, and the default is used.',
    }),
  },
  check({ model, options, report }) {
    const hosts = options.host;
    const host = hosts[0] ?? DEFAULT_HOST;
    const required = new Set(options.link_required.map((status) => status.toLowerCase()));
    for (const task of model.tasks) {
      const number = numberOf(task);
      let candidates = 0;
      const issues: IssueLink[] = [];
      for (const link of task.prLinks) {
        const url = classifyUrl(link.url, hosts);
        if (url.kind === "other") continue;
        if (url.kind === "issue") {
          issues.push(url);
          continue;
        }
        candidates++;
        const detail = linkProblem(url, viaOf(link), number, host);
        if (detail !== undefined)
          report({ line: link.line, column: link.column, length: link.text.length, context: link.context, detail });
      }
      if (number === undefined || candidates > 0) continue;
      if (!required.has(task.status?.text.toLowerCase() ?? "")) continue;
      checkRequired(model, task, number, host, issues, report);
    }
  },
});

const viaOf = (link: PrLinkMention): string => (link.reference === undefined ? "" : ` via [${link.reference}]`);
