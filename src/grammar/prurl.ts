/**
 * Pull-request URLs (spec section 8): `https://github.com/<owner>/<repo>/pull/<number>`, with the
 * host configurable for GitHub Enterprise.
 *
 * Two pure steps: `findUrls` picks URL-shaped text out of a line (a bare URL, an autolink's inside, a
 * link destination, a URL written in a code span, template placeholders such as `<org>` included),
 * and `classifyUrl` says what one URL is: a PR link, a template placeholder, an issue link (which is
 * not a PR link) or some other URL.
 */
import { quote } from "../messages.js";
import { isSpace } from "./space.js";

export const DEFAULT_HOST = "github.com";

/** A URL found in a string. */
export interface UrlMatch {
  readonly text: string;
  /** 0-based offset in the searched string. */
  readonly index: number;
}

const SCHEME = /(?<![A-Za-z0-9+.-])https?:\/\//gi;
/** Characters GFM's autolink literal drops from the end of a URL. */
const TRAILING_PUNCTUATION = /(?<![.,:;!?*_~'"])[.,:;!?*_~'"]+$/;

/**
 * URLs with an `http` or `https` scheme in `text`. A URL ends at whitespace, a backtick, a quote, an
 * unbalanced `>` `)` or `]`, or a second `<` that does not open a placeholder; a `<word>` placeholder
 * inside it belongs to it (so `<https://github.com/<org>/<repo>/pull/35>` yields
 * `https://github.com/<org>/<repo>/pull/35`). Trailing punctuation (`.`, `,`, `;`, …) is dropped as GFM does.
 */
export function findUrls(text: string): UrlMatch[] {
  const out: UrlMatch[] = [];
  SCHEME.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SCHEME.exec(text)) !== null) {
    const start = match.index;
    let end = start + match[0].length;
    let angle = 0;
    let paren = 0;
    let bracket = 0;
    for (; end < text.length; end++) {
      const char = text[end] as string;
      if (isSpace(char) || char === "`" || char === '"') break;
      if (char === "<") {
        if (angle > 0) break;
        angle++;
      } else if (char === ">") {
        if (angle === 0) break;
        angle--;
      } else if (char === "(") {
        paren++;
      } else if (char === ")") {
        if (paren === 0) break;
        paren--;
      } else if (char === "[") {
        bracket++;
      } else if (char === "]") {
        if (bracket === 0) break;
        bracket--;
      }
    }
    let url = text.slice(start, end);
    // An unclosed placeholder at the end (`https://x/<org`) is not part of the URL's shape.
    if (angle > 0) url = url.slice(0, url.lastIndexOf("<"));
    // In an explicit autolink (`<https://…>`) nothing is dropped (CommonMark keeps it whole); elsewhere
    // trailing punctuation is dropped as GFM does, except a `?` run right after `/pull/`: that is the
    // template's number placeholder (`pull/??`), not the end of a sentence.
    const explicit = text[start - 1] === "<" && text[start + url.length] === ">";
    if (!explicit) {
      const stripped = url.replace(TRAILING_PUNCTUATION, "");
      const question = /^\?+/.exec(url.slice(stripped.length))?.[0];
      url = question !== undefined && stripped.endsWith("/pull/") ? stripped + question : stripped;
    }
    SCHEME.lastIndex = Math.max(start + match[0].length, start + url.length);
    if (url.length > match[0].length) out.push({ text: url, index: start });
  }
  return out;
}

/** GitHub user and organisation names: alphanumerics and single hyphens, not at either end, at most 39. */
export function isValidOwner(owner: string): boolean {
  return owner.length <= 39 && /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*$/.test(owner);
}

/** GitHub repository names: alphanumerics, `-`, `_` and `.`, at most 100, not `.` or `..`. */
export function isValidRepo(repo: string): boolean {
  return repo.length <= 100 && /^[A-Za-z0-9._-]+$/.test(repo) && repo !== "." && repo !== "..";
}

/** A host name with an optional port, e.g. `github.com` or `ghe.example.com:8443`. */
export function isValidHost(host: string): boolean {
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?$/.test(
    host,
  );
}

export interface PrLink {
  readonly kind: "pr";
  readonly url: string;
  readonly scheme: string;
  readonly host: string;
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  /** What is wrong with an otherwise PR-shaped URL (scheme, host, owner, repo, number form); empty when fine. */
  readonly problems: readonly string[];
}

export interface PlaceholderLink {
  readonly kind: "placeholder";
  readonly url: string;
  /** The placeholders as written, e.g. `<org>`, `<repo>`, `###`. */
  readonly placeholders: readonly string[];
}

export interface IssueLink {
  readonly kind: "issue";
  readonly url: string;
  readonly host: string;
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export interface OtherLink {
  readonly kind: "other";
  readonly url: string;
}

export type ClassifiedUrl = PrLink | PlaceholderLink | IssueLink | OtherLink;

const ANGLE_PLACEHOLDER = /<[^<>]*>/g;
/** What stands in for a number in a template: `###`, `??`, `xx`, `N`, `<number>`, or nothing. */
const NUMBER_PLACEHOLDER = /^(?:#+|\?+|[xX]+|[nN]|<[^<>]*>)?$/;
const URL_PARTS = /^([A-Za-z]+):\/\/([^/?#]*)(.*)$/s;

function sameHost(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * What a URL is, for a PR-link check against `hosts` (the GitHub host and any GitHub Enterprise hosts).
 *
 * - `placeholder`: template text left in a PR-ish URL (one with a `/pull/` path, on one of `hosts`, or
 *   with a placeholder host): a `<word>` anywhere (`<org>`, `<repo>`, `<number>`), or a `pull/`
 *   followed by `###`, `??`, `xx`, `N` or nothing. Placeholders in unrelated URLs make them `other`.
 * - `pr`: `<scheme>://<host>/<owner>/<repo>/pull/<digits>` optionally followed by `/…` (a PR tab such as
 *   `/files`), `?…` or `#…`. `problems` lists what differs from `https://<host>/<owner>/<repo>/pull/<n>`:
 *   scheme, a host not in `hosts` (for a path this shaped on another host, most likely an
 *   unconfigured GitHub Enterprise), owner or repo names GitHub does not allow, a leading zero.
 * - `issue`: the same shape with `issues` instead of `pull`; an issue is not a PR.
 * - `other`: everything else (including `…/pull/new/<branch>` and `…/pulls`).
 */
export function classifyUrl(url: string, hosts: readonly string[] = [DEFAULT_HOST]): ClassifiedUrl {
  const parts = URL_PARTS.exec(url);
  if (!parts) return { kind: "other", url };
  const scheme = parts[1] as string;
  const host = parts[2] as string;
  const rest = parts[3] as string;

  const placeholders = [...url.matchAll(ANGLE_PLACEHOLDER)].map((match) => match[0]);
  const pullIndex = rest.indexOf("/pull/");
  if (pullIndex >= 0) {
    const afterPull = rest.slice(pullIndex + "/pull/".length);
    const numberText = /^(?:<[^<>]*>|[^/?]*)/.exec(afterPull)?.[0] ?? "";
    // `###` reads as a fragment in a real URL; here it is the template's number.
    if (NUMBER_PLACEHOLDER.test(numberText) && !placeholders.includes(numberText)) {
      placeholders.push(numberText === "" ? "(no number)" : numberText);
    }
  }
  // Template text on a PR-ish URL: a `/pull/` path, a known host, or a placeholder host.
  const prIsh = pullIndex >= 0 || hosts.some((known) => sameHost(known, host)) || host.startsWith("<");
  if (placeholders.length > 0 && prIsh) return { kind: "placeholder", url, placeholders };
  if (placeholders.length > 0) return { kind: "other", url };

  const path = /^\/([^/?#]+)\/([^/?#]+)\/(pull|issues)\/(\d+)(?=$|[/?#])/.exec(rest);
  if (!path) return { kind: "other", url };
  const owner = path[1] as string;
  const repo = path[2] as string;
  const digits = path[4] as string;
  const number = Number(digits);
  if (path[3] === "issues") return { kind: "issue", url, host, owner, repo, number };

  const problems: string[] = [];
  if (scheme.toLowerCase() !== "https") problems.push(`the scheme is ${scheme}, not https`);
  if (!hosts.some((known) => sameHost(known, host))) {
    problems.push(`the host ${host} is not ${hosts.join(" or ")} (see the "host" option)`);
  }
  if (!isValidOwner(owner))
    problems.push(`${quote(owner)} is not a GitHub owner name (alphanumerics and single hyphens)`);
  if (!isValidRepo(repo))
    problems.push(`${quote(repo)} is not a GitHub repository name (alphanumerics, "-", "_", ".")`);
  if (digits.length > 1 && digits.startsWith("0")) problems.push(`the PR number ${digits} has a leading zero`);
  if (number === 0) problems.push("PR numbers start at 1");
  return { kind: "pr", url, scheme, host, owner, repo, number, problems };
}

/** The canonical PR URL, for messages; unknown parts stay as `<owner>` / `<repo>`. */
export function prUrl(
  number: number | string,
  host: string = DEFAULT_HOST,
  owner = "<owner>",
  repo = "<repo>",
): string {
  return `https://${host}/${owner}/${repo}/pull/${number}`;
}
