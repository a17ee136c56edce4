/**
 * The GitHub input of `tasklog check-pr` and `tasklog sync`, read through validated shapes: the
 * `pull_request` object of a GitHub Actions event payload (GITHUB_EVENT_PATH) and the JSON that
 * `gh pr list --json number,title,headRefName,createdAt,url,state,mergedAt` prints. Only the fields the
 * commands use are read; a missing or mistyped one is an error that names it. No network: the data
 * comes in as text.
 *
 * The payload's field types come from `@octokit/webhooks-types` (a dev dependency: types only).
 */
import type { PullRequest as WebhookPullRequest } from "@octokit/webhooks-types";

/** A PR as both inputs give it (gh's names). */
export interface PullRequestInfo {
  readonly number: number;
  readonly title: string;
  /** The head branch's name. */
  readonly headRefName: string;
  /** ISO 8601 timestamp (`2025-10-03T12:34:56Z`). */
  readonly createdAt: string;
  /** The PR's page, `https://github.com/<owner>/<repo>/pull/<number>`. */
  readonly url: string;
  readonly state: "open" | "closed" | "merged";
  readonly mergedAt: string | null;
}

/** Bad input: the message names the field (`pull_request.head.ref`, `[3].headRefName`). */
export class GitHubInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GitHubInputError";
  }
}

type Json = unknown;

const kind = (value: Json): string => (value === null ? "null" : Array.isArray(value) ? "an array" : typeof value);

function object(value: Json, path: string, what: string): Record<string, Json> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new GitHubInputError(
      `${path === "" ? what : `${path}`} ${value === undefined ? "is missing" : `is ${kind(value)}`} (expected an object)`,
    );
  }
  return value as Record<string, Json>;
}

function field<T>(
  record: Record<string, Json>,
  path: string,
  name: string,
  expected: string,
  test: (value: Json) => boolean,
): T {
  const value = record[name];
  const where = `${path}${path === "" ? "" : "."}${name}`;
  if (value === undefined) throw new GitHubInputError(`${where} is missing (expected ${expected})`);
  if (!test(value)) throw new GitHubInputError(`${where} is ${JSON.stringify(value)} (expected ${expected})`);
  return value as T;
}

const isNumber = (value: Json): boolean => typeof value === "number" && Number.isInteger(value) && value > 0;
const isString = (value: Json): boolean => typeof value === "string" && value !== "";
const isTimestamp = (value: Json): boolean =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
const isTimestampOrNull = (value: Json): boolean => value === null || value === "" || isTimestamp(value);

/** The fields of a webhook `pull_request` object that check-pr reads (the types of @octokit/webhooks-types). */
type WebhookFields = Pick<WebhookPullRequest, "number" | "title" | "created_at" | "html_url" | "merged_at"> & {
  readonly state: WebhookPullRequest["state"];
  readonly head: Pick<WebhookPullRequest["head"], "ref">;
  readonly merged?: WebhookPullRequest["merged"];
};

/** Read the PR of a GitHub Actions event payload (`pull_request`, `pull_request_target`, `pull_request_review…`). */
export function readEventPullRequest(text: string, eventName?: string): PullRequestInfo {
  let payload: Json;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    throw new GitHubInputError(`the event file is not JSON (${(error as Error).message})`);
  }
  const root = object(payload, "", "the event payload");
  if (root["pull_request"] === undefined || root["pull_request"] === null) {
    const name = eventName === undefined || eventName === "" ? "" : ` (GITHUB_EVENT_NAME=${eventName})`;
    throw new GitHubInputError(
      `not a pull_request event payload${name}: it has no pull_request object; run check-pr on pull_request or pull_request_target events`,
    );
  }
  const pr = object(root["pull_request"], "pull_request", "pull_request");
  const number = field<number>(pr, "pull_request", "number", "a PR number", isNumber);
  const title = field<string>(pr, "pull_request", "title", "a string", (v) => typeof v === "string");
  const head = object(pr["head"], "pull_request.head", "pull_request.head");
  const ref = field<string>(head, "pull_request.head", "ref", "a branch name", isString);
  const createdAt = field<string>(pr, "pull_request", "created_at", "an ISO 8601 timestamp", isTimestamp);
  const url = field<string>(pr, "pull_request", "html_url", "the PR's URL", isString);
  const state = field<string>(pr, "pull_request", "state", '"open" or "closed"', (v) => v === "open" || v === "closed");
  const mergedAt = field<string | null>(pr, "pull_request", "merged_at", "a timestamp or null", isTimestampOrNull);
  const fields: WebhookFields = {
    number,
    title,
    head: { ref },
    created_at: createdAt,
    html_url: url,
    state: state as WebhookFields["state"],
    merged_at: mergedAt === "" ? null : mergedAt,
  };
  return {
    number: fields.number,
    title: fields.title,
    headRefName: fields.head.ref,
    createdAt: fields.created_at,
    url: fields.html_url,
    state: fields.merged_at !== null ? "merged" : fields.state,
    mergedAt: fields.merged_at,
  };
}

/** One entry of `gh pr list --json number,title,headRefName,createdAt,url,state,mergedAt`. */
export interface GhPullRequest {
  readonly number: number;
  readonly title: string;
  readonly headRefName: string;
  readonly createdAt: string;
  readonly url: string;
  readonly state: "OPEN" | "CLOSED" | "MERGED";
  readonly mergedAt?: string | null;
}

export const GH_FIELDS = "number,title,headRefName,createdAt,url,state,mergedAt";

/** Read `gh pr list --json …` output: an array of PRs (numbers unique). */
export function readPrList(text: string): PullRequestInfo[] {
  let list: Json;
  try {
    list = JSON.parse(text);
  } catch (error) {
    throw new GitHubInputError(`the PR list is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(list)) {
    throw new GitHubInputError(
      `the PR list is ${kind(list)} (expected the array that gh pr list --json ${GH_FIELDS} prints)`,
    );
  }
  const seen = new Map<number, number>();
  return list.map((entry, index) => {
    const path = `[${index}]`;
    const pr = object(entry, path, path);
    const number = field<number>(pr, path, "number", "a PR number", isNumber);
    const title = field<string>(pr, path, "title", "a string", (v) => typeof v === "string");
    const headRefName = field<string>(pr, path, "headRefName", "a branch name", isString);
    const createdAt = field<string>(pr, path, "createdAt", "an ISO 8601 timestamp", isTimestamp);
    const url = field<string>(pr, path, "url", "the PR's URL", isString);
    const state = field<GhPullRequest["state"]>(
      pr,
      path,
      "state",
      '"OPEN", "CLOSED" or "MERGED"',
      (v) => typeof v === "string" && ["OPEN", "CLOSED", "MERGED"].includes(v.toUpperCase()),
    );
    const mergedAt = pr["mergedAt"];
    if (mergedAt !== undefined && !isTimestampOrNull(mergedAt))
      throw new GitHubInputError(`${path}.mergedAt is ${JSON.stringify(mergedAt)} (expected a timestamp or null)`);
    const gh: GhPullRequest = {
      number,
      title,
      headRefName,
      createdAt,
      url,
      state,
      mergedAt: (mergedAt as string | null | undefined) ?? null,
    };
    const earlier = seen.get(gh.number);
    if (earlier !== undefined)
      throw new GitHubInputError(`${path}: PR #${gh.number} is listed twice (also at [${earlier}])`);
    seen.set(gh.number, index);
    const upper = gh.state.toUpperCase();
    return {
      number: gh.number,
      title: gh.title,
      headRefName: gh.headRefName,
      createdAt: gh.createdAt,
      url: gh.url,
      state: upper === "MERGED" ? "merged" : upper === "CLOSED" ? "closed" : "open",
      mergedAt: gh.mergedAt === "" || gh.mergedAt === undefined ? null : gh.mergedAt,
    };
  });
}

/** Check a time zone name (IANA, e.g. `Europe/Berlin`, or `UTC`); throws GitHubInputError for an unknown one. */
export function checkTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new GitHubInputError(
      `--timezone ${JSON.stringify(timeZone)} is not a time zone this Node.js knows (an IANA name such as Europe/Berlin, or UTC)`,
    );
  }
}

/** The calendar date (`YYYY-MM-DD`) of an ISO timestamp in `timeZone` (Intl; UTC by default). */
export function dateIn(timestamp: string, timeZone = "UTC"): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(timestamp));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** `https://host/owner/repo` of a PR URL (lowercased), or undefined when it is not one. */
export function repositoryOf(url: string): string | undefined {
  const match = /^https?:\/\/([^/?#]+)\/([^/?#]+)\/([^/?#]+)\/pull\/\d+/.exec(url);
  return match === null ? undefined : `${match[1]}/${match[2]}/${match[3]}`.toLowerCase();
}
