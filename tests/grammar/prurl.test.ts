import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyUrl, findUrls, isValidHost, isValidOwner, isValidRepo, prUrl } from "../../src/grammar/prurl.js";

const urls = (text: string): string[] => findUrls(text).map((match) => match.text);

describe("findUrls", () => {
  it("finds a URL in each Markdown form, at the right offset", () => {
    const url = "https://github.com/acme/ml-playground/pull/35";
    const forms = [
      `${url}`,
      `see ${url}.`,
      `<${url}>`,
      `[PR #35](${url})`,
      `[PR #35](${url} "title")`,
      `\`${url}\``,
      `\`<${url}>\` (keep in Draft)`,
      `(${url})`,
      `${url}, then`,
      `**${url}**`,
    ];
    for (const text of forms) {
      const found = findUrls(text);
      expect(found, text).toEqual([{ text: url, index: text.indexOf(url) }]);
    }
  });

  it("keeps template placeholders inside the URL", () => {
    expect(urls("`<https://github.com/<org>/<repo>/pull/35>`")).toEqual(["https://github.com/<org>/<repo>/pull/35"]);
    expect(urls("Link: `<https://github.com/<org>/<repo>/pull/###>` (prefer Draft)")).toEqual([
      "https://github.com/<org>/<repo>/pull/###",
    ]);
    expect(urls("https://<host>/<owner>/<repo>/pull/<number> next")).toEqual([
      "https://<host>/<owner>/<repo>/pull/<number>",
    ]);
  });

  it("keeps balanced parentheses and query/fragment, drops trailing punctuation", () => {
    expect(urls("https://en.wikipedia.org/wiki/Foo_(bar)")).toEqual(["https://en.wikipedia.org/wiki/Foo_(bar)"]);
    expect(urls("https://github.com/o/r/pull/5#issuecomment-1?!")).toEqual([
      "https://github.com/o/r/pull/5#issuecomment-1",
    ]);
    expect(urls("https://github.com/o/r/pull/5/files?w=1;")).toEqual(["https://github.com/o/r/pull/5/files?w=1"]);
  });

  it("finds several URLs and ignores scheme-less or glued text", () => {
    expect(urls("a http://x.io/1 and HTTPS://y.io/2")).toEqual(["http://x.io/1", "HTTPS://y.io/2"]);
    expect(urls("github.com/o/r/pull/5 xhttps://x.io/1 https://")).toEqual([]);
  });
});

describe("name rules", () => {
  it("owners: alphanumerics and single inner hyphens, at most 39", () => {
    for (const ok of ["acme", "a", "mehrmorgen", "a-b-c", "A1", "x".repeat(39)])
      expect(isValidOwner(ok), ok).toBe(true);
    for (const bad of ["", "-a", "a-", "a--b", "a_b", "a.b", "<org>", "x".repeat(40)])
      expect(isValidOwner(bad), bad).toBe(false);
  });

  it("repositories: alphanumerics, -, _ and ., not . or ..", () => {
    for (const ok of ["nanoGPT", "ml-playground", "a_b", "a.b", ".github", "x".repeat(100)])
      expect(isValidRepo(ok), ok).toBe(true);
    for (const bad of ["", ".", "..", "a b", "a/b", "<repo>", "x".repeat(101)])
      expect(isValidRepo(bad), bad).toBe(false);
  });

  it("hosts: names with an optional port, no scheme or path", () => {
    for (const ok of ["github.com", "github.example.com", "ghe.corp:8443", "localhost"])
      expect(isValidHost(ok), ok).toBe(true);
    for (const bad of ["", "https://github.com", "github.com/", "-x.com", "a..b", "x.com:"])
      expect(isValidHost(bad), bad).toBe(false);
  });
});

describe("classifyUrl", () => {
  it("reads a PR link", () => {
    expect(classifyUrl("https://github.com/mehrmorgen/nanoGPT/pull/45")).toEqual({
      kind: "pr",
      url: "https://github.com/mehrmorgen/nanoGPT/pull/45",
      scheme: "https",
      host: "github.com",
      owner: "mehrmorgen",
      repo: "nanoGPT",
      number: 45,
      problems: [],
    });
  });

  it("accepts PR tabs, queries, fragments and host case", () => {
    for (const url of [
      "https://github.com/o/r/pull/45/files",
      "https://github.com/o/r/pull/45/commits/abc123",
      "https://github.com/o/r/pull/45#discussion_r1",
      "https://github.com/o/r/pull/45?w=1",
      "https://GitHub.com/o/r/pull/45/",
    ]) {
      expect(classifyUrl(url), url).toMatchObject({ kind: "pr", number: 45, problems: [] });
    }
  });

  it("lists what differs from the canonical form", () => {
    expect(classifyUrl("http://github.com/o/r/pull/5")).toMatchObject({
      kind: "pr",
      problems: ["the scheme is http, not https"],
    });
    const ghe = classifyUrl("https://github.example.com/o/r/pull/5");
    expect(ghe).toMatchObject({ kind: "pr", number: 5 });
    expect(ghe.kind === "pr" && ghe.problems[0]).toMatch(/host github\.example\.com is not github\.com/);
    expect(classifyUrl("https://github.example.com/o/r/pull/5", ["github.com", "github.example.com"])).toMatchObject({
      problems: [],
    });
    expect(classifyUrl("https://github.com/-o/r/pull/5")).toMatchObject({ problems: [expect.stringMatching(/owner/)] });
    expect(classifyUrl("https://github.com/o/r!/pull/5")).toMatchObject({
      problems: [expect.stringMatching(/repository/)],
    });
    expect(classifyUrl("https://github.com/o/r/pull/05")).toMatchObject({
      number: 5,
      problems: [expect.stringMatching(/leading zero/)],
    });
  });

  it("reports template placeholders", () => {
    expect(classifyUrl("https://github.com/<org>/<repo>/pull/35")).toEqual({
      kind: "placeholder",
      url: "https://github.com/<org>/<repo>/pull/35",
      placeholders: ["<org>", "<repo>"],
    });
    expect(classifyUrl("https://github.com/<org>/<repo>/pull/###")).toMatchObject({
      placeholders: ["<org>", "<repo>", "###"],
    });
    expect(classifyUrl("https://github.com/acme/app/pull/###")).toMatchObject({
      kind: "placeholder",
      placeholders: ["###"],
    });
    for (const number of ["??", "xx", "N", "<number>", ""]) {
      expect(classifyUrl(`https://github.com/acme/app/pull/${number}`), number).toMatchObject({ kind: "placeholder" });
    }
    expect(classifyUrl("https://<host>/acme/app/issues/1")).toMatchObject({
      kind: "placeholder",
      placeholders: ["<host>"],
    });
    expect(classifyUrl("https://github.com/<owner>/app")).toMatchObject({ kind: "placeholder" });
  });

  it("tells issues and other URLs apart from PR links", () => {
    expect(classifyUrl("https://github.com/acme/app/issues/35")).toEqual({
      kind: "issue",
      url: "https://github.com/acme/app/issues/35",
      host: "github.com",
      owner: "acme",
      repo: "app",
      number: 35,
    });
    for (const url of [
      "https://github.com/acme/app/pulls",
      "https://github.com/acme/app/pull/new/feat/x",
      "https://github.com/acme/app/pull/35abc",
      "https://github.com/acme/app/actions/runs/1",
      "https://github.com/acme",
      "https://docs.example.com/<page>",
      "https://example.com/guide",
      "not a url",
    ]) {
      expect(classifyUrl(url).kind, url).toBe("other");
    }
  });

  it("builds the canonical URL for messages", () => {
    expect(prUrl(35)).toBe("https://github.com/<owner>/<repo>/pull/35");
    expect(prUrl(7, "ghe.corp", "o", "r")).toBe("https://ghe.corp/o/r/pull/7");
  });
});

describe("properties", () => {
  const owner = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9]){0,12}$/);
  const repo = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,20}$/).filter((name) => name !== "." && name !== "..");
  const number = fc.integer({ min: 1, max: 999_999 });
  const wrap = fc.constantFrom(
    (url: string) => url,
    (url: string) => `<${url}>`,
    (url: string) => `[link](${url})`,
    (url: string) => `\`${url}\``,
    (url: string) => `\`<${url}>\``,
    (url: string) => `(see ${url}).`,
  );

  it("finds and reads back every generated PR URL in every form, as WHATWG URL parsing does", () => {
    fc.assert(
      fc.property(
        owner,
        repo,
        number,
        wrap,
        fc.string({ maxLength: 8 }).map((s) => s.replace(/\S/g, "")),
        (o, r, n, form, pad) => {
          const url = `https://github.com/${o}/${r}/pull/${n}`;
          const text = `x${pad} ${form(url)} y`;
          const found = findUrls(text);
          expect(found).toEqual([{ text: url, index: text.indexOf(url) }]);
          const parsed = new URL(url);
          expect(parsed.pathname).toBe(`/${o}/${r}/pull/${n}`);
          expect(classifyUrl(url)).toEqual({
            kind: "pr",
            url,
            scheme: "https",
            host: parsed.host,
            owner: o,
            repo: r,
            number: n,
            problems: [],
          });
        },
      ),
    );
  });

  it("never throws and only returns substrings at their offsets", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        for (const match of findUrls(`https://${text}`)) {
          expect(`https://${text}`.slice(match.index, match.index + match.text.length)).toBe(match.text);
          expect(["pr", "placeholder", "issue", "other"]).toContain(classifyUrl(match.text).kind);
        }
      }),
    );
  });
});
