/**
 * Ready to publish: the packed tarball (the one the other e2e tests install) passes the ecosystem's
 * packaging checkers, `publint` (package.json fields, `exports`, files) and `@arethetypeswrong/cli`
 * (versions pinned in tests/e2e/hosts/tools; types for `import` and `require` under Node 16+ and bundler resolution; `--profile node16`,
 * because TypeScript's legacy `node10` resolution has no `exports` and so cannot see the JSON preset
 * `markdownlint-rule-tasklog/recommended`), and `npm publish --dry-run` accepts it. Its metadata
 * points at one repository, from which the rules' help URLs are derived, and every relative link of
 * the README names a file in the tarball.
 */
import { spawnSync } from "node:child_process";
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rules from "../../rules/index.js";
import { DOCS_BASE, REPOSITORY } from "../../src/kit/define.js";
import { ROOT, context, run } from "./support.js";

/** The checkers are pinned in tests/e2e/hosts/tools. */
const bin = (name: string): string => join(context().installs.tools, "node_modules", ".bin", name);
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;

describe("the packed tarball", () => {
  it("passes publint --strict", () => {
    const result = run(bin("publint"), ["run", context().tarball, "--strict"], { cwd: ROOT });
    expect(result.stdout + result.stderr).toMatch(/All good!/);
    expect(result.status).toBe(0);
  });

  it("passes @arethetypeswrong/cli: types for import and require", () => {
    // attw exits before a pipe drains (its JSON report is cut at 128 KiB): it writes to a file.
    const out = join(context().base, "attw.json");
    const fd = openSync(out, "w");
    const result = spawnSync(
      bin("attw"),
      [context().tarball, "--profile", "node16", "--ignore-rules", "cjs-resolves-to-esm", "--format", "json"],
      { cwd: ROOT, stdio: ["ignore", fd, "pipe"] },
    );
    closeSync(fd);
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      problems?: Record<string, { kind?: string; entrypoint?: string; resolutionKind?: string }[]>;
      analysis: { entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }> };
    };
    // The JSON report lists node10 problems too; the node16 profile (the exit code) leaves them out.
    // `./api` is an ES module only (a top-level await loads markdownlint; docs/cli/README.md): a
    // CommonJS script imports it with `await import()`, which is what CJSResolvesToESM says: the rule
    // is left out of the exit code, and the report may hold it for `./api` only (`.` has a CommonJS build).
    const problems = Object.values(report.problems ?? {})
      .flat()
      .filter((problem) => problem.resolutionKind !== "node10");
    expect(
      problems.filter((problem) => !(problem.entrypoint === "./api" && problem.kind === "CJSResolvesToESM")),
    ).toEqual([]);
    const main = report.analysis.entrypoints["."]?.resolutions;
    expect(main?.["node16-cjs"]?.resolution?.fileName).toMatch(/dist\/index\.d\.cts$/);
    expect(main?.["node16-esm"]?.resolution?.fileName).toMatch(/dist\/index\.d\.ts$/);
    expect(result.status).toBe(0);
  });

  it("is accepted by npm publish --dry-run, with no correction of package.json", () => {
    const result = run("npm", ["publish", "--dry-run", context().tarball], { cwd: context().base });
    expect(result.stderr).toMatch(/\+ markdownlint-rule-tasklog@|Publishing to .* \(dry-run\)/);
    expect(result.stderr + result.stdout).not.toMatch(/auto-corrected|npm error/i);
    expect(result.status).toBe(0);
  });

  it("is published from the repository as packed: npm publish --dry-run there warns of nothing and keeps the bin", () => {
    // `npm publish` normalises package.json (npm's own fix-ups) where `npm pack` does not: a `bin` of
    // "./dist/tasklog.js" drew '"bin[tasklog]" script name … was invalid and removed', and a bin under
    // dist/ (built, so absent from a clean clone) drew "No bin file found". The publish
    // runs from a copy of the repository's tracked and new files (the working tree as it will be
    // committed) with this clone's node_modules, so `prepack` builds as it would on a release; a
    // throwaway token keeps npm's "you must be logged in" notice out of the output (a dry run sends
    // nothing).
    const repo = join(context().base, "publish-from-repository");
    mkdirSync(repo);
    const files = run("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: ROOT })
      .stdout.split("\0")
      .filter((file) => file !== "");
    for (const file of files) cpSync(join(ROOT, file), join(repo, file), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(repo, "node_modules"));
    const userconfig = join(context().base, "publish.npmrc");
    writeFileSync(userconfig, "//registry.npmjs.org/:_authToken=dry-run-only\n");
    const result = run("npm", ["publish", "--dry-run", "--json"], {
      cwd: repo,
      env: { ...process.env, NPM_CONFIG_USERCONFIG: userconfig },
    });
    expect(result.stderr).not.toMatch(/npm warn|auto-corrected|npm error/i);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout.slice(result.stdout.indexOf("{"))) as Record<string, unknown>;
    const published = (report["markdownlint-rule-tasklog"] ?? report) as { files: { path: string }[] };
    const bins = pkg["bin"] as Record<string, string>;
    expect(Object.keys(bins)).toEqual(["tasklog"]);
    // The bin as written is npm's normal form, so publishing keeps it as it is, and it is in the package.
    expect(bins["tasklog"]).toBe("bin/tasklog.js");
    expect(published.files.map((file) => file.path)).toContain(bins["tasklog"]);
  });

  it("holds the license, the changelog, both builds, their types and the schemas", () => {
    const listing = run("tar", ["-tzf", context().tarball], { cwd: ROOT }).stdout.split("\n");
    for (const file of [
      "LICENSE",
      "CHANGELOG.md",
      "README.md",
      "dist/index.js",
      "dist/index.cjs",
      "dist/index.d.cts",
      "dist/index.d.ts",
      "dist/api.d.ts",
      "dist/chunks/rules.js",
      "schema/markdownlint-config.schema.json",
      "schema/markdownlint-cli2-config.schema.json",
      "presets/recommended.json",
    ]) {
      expect(listing, file).toContain(`package/${file}`);
    }
  });

  it("links only to files it holds, or to absolute URLs (the README as npm shows it)", () => {
    const listing = new Set(
      run("tar", ["-tzf", context().tarball], { cwd: ROOT })
        .stdout.split("\n")
        .map((path) => path.replace(/^package\//, "")),
    );
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1] as string)
      .filter((target) => !/^(https?:|#|mailto:)/.test(target));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(listing.has(link.replace(/#.*$/, "")), link).toBe(true);
    // The docs are not packed (their pages are the rules' help URLs on GitHub): the README links to
    // them there, and each such link names a file of the repository.
    const repository = [...readme.matchAll(/\]\((https:\/\/github\.com\/[^)\s]+)\)/g)]
      .map((match) => match[1] as string)
      .filter((target) => target.startsWith(`${REPOSITORY}/blob/main/`));
    expect(repository.length).toBeGreaterThan(10);
    for (const link of repository)
      expect(existsSync(join(ROOT, link.slice(`${REPOSITORY}/blob/main/`.length).replace(/#.*$/, ""))), link).toBe(
        true,
      );
  });
});

describe("the package metadata", () => {
  it("names one repository: repository, homepage, bugs and the rules' help URLs all derive from it", () => {
    expect(REPOSITORY).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
    expect(pkg["repository"]).toEqual({ type: "git", url: `git+${REPOSITORY}.git` });
    expect(pkg["homepage"]).toBe(`${REPOSITORY}#readme`);
    expect(pkg["bugs"]).toEqual({ url: `${REPOSITORY}/issues` });
    // Help URLs name the docs of the installed version: the tag `npm run release` makes.
    expect(DOCS_BASE).toBe(`${REPOSITORY}/blob/v${String(pkg["version"])}/docs/rules/`);
    for (const rule of rules) expect(rule.information.href).toBe(`${DOCS_BASE}${rule.names[0]}-${rule.names[1]}.md`);
    expect(pkg["license"]).toBe("MIT");
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License/);
  });
});
