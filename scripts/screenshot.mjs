#!/usr/bin/env node
/**
 * Regenerates docs/images/vscode-tasklog.png, the README's screenshot: the VS Code markdownlint
 * extension (vscode-markdownlint 0.61.2) in a real editor (code-server, VS Code in the browser) on a
 * workspace that installed this package's packed tarball and ran `npx tasklog init`, showing the
 * pack's squiggles on a task log, the Problems panel and the quick-fix menu on a TL001 finding.
 * Run on demand (`node scripts/screenshot.mjs`); it is not part of `npm test`.
 *
 * What it needs (nothing of it is committed to this repository):
 * - git, npm and the npm registry (or a mirror of it);
 * - Chromium (`CHROMIUM`, default /usr/bin/chromium; Debian: `apt-get install chromium`);
 * - code-server (`CODE_SERVER`, the path of its `code-server` executable; default: installed with
 *   `npm install code-server@4.139.1` into the cache, which compiles native modules and so needs a
 *   C/C++ toolchain, Python and libkrb5-dev; `CODE_SERVER_NODE` is the Node.js it runs on, default
 *   this one);
 * - the extension's source (`MARKDOWNLINT_EXTENSION_GIT`, a git directory or URL holding tag
 *   v0.61.2, default https://github.com/DavidAnson/vscode-markdownlint.git): the script builds it
 *   the way its repository does (`npm install`, `webpack --mode production`) and installs the built
 *   folder unpacked into a private extensions directory, so no extension marketplace is needed;
 * - playwright-core, installed with npm into the cache.
 * Everything is downloaded and built in `SCREENSHOT_CACHE` (default <tmpdir>/tasklog-screenshot) and
 * reused on the next run; code-server runs with its own user-data and extensions directories there.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cache = resolve(process.env.SCREENSHOT_CACHE ?? join(tmpdir(), "tasklog-screenshot"));
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const extensionGit = process.env.MARKDOWNLINT_EXTENSION_GIT ?? "https://github.com/DavidAnson/vscode-markdownlint.git";
const EXTENSION_TAG = "v0.61.2";
const EXTENSION_ID = "davidanson.vscode-markdownlint-0.61.2";
const CODE_SERVER_VERSION = "4.139.1";
const output = join(repo, "docs", "images", "vscode-tasklog.png");
const port = Number(process.env.SCREENSHOT_PORT ?? 18_417);

/** The task log the editor shows: a bad separator (TL001, fixable), a missing field, a placeholder PR. */
const TASK_LOG = `# tv-tasks

## Open tasks (updated 2025-10-05)

### Open - tv-2025-10-03:PR41 · Establish regression test suite

- **Summary**: Consolidate regression tests under \`tests/regression/\` and add a README.
- **Priority**: P0
- **Meta?**: Yes — safeguards future changes.
- **Dependencies**: None.
- **Next steps**:
  1. Inventory existing regression-style tests.
  1. Create \`tests/regression/README.md\`.
- **Validation**: \`uv run pytest tests/regression -q\`.
- **Git plan**:
  - Branch: \`test/regression-suite\`
  - Commits:
    - \`test(regression): reorganize regression tests\`
- **PR**: Title \`test: establish regression suite\`; body covering Summary, Testing, Checklist.

### Open · tv-2025-10-05:PR?? · Accelerate test execution

- **Summary**: Profile every automated test suite and keep feedback loops fast.
- **Priority**: P1
- **Size**: S
- **Meta?**: No.
- **Dependencies**: None.
- **Next steps**:
  1. Record baseline durations with \`pytest --durations=20\`.
- **Validation**: \`uv run pytest tests/unit --durations=20\`.
- **Git plan**:
  - Branch: \`ci/pytest-profiling\`
  - Commits:
    - \`ci(pytest): profile test runtimes\`
- **PR**: Title \`ci: accelerate test execution\`; body covering baseline and measured wins.
`;

const log = (message) => process.stderr.write(`screenshot: ${message}\n`);
const sh = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: ["ignore", "inherit", "inherit"], ...options });

/** playwright-core, installed into the cache. */
function playwright() {
  const tools = join(cache, "tools");
  if (!existsSync(join(tools, "node_modules", "playwright-core"))) {
    log("installing playwright-core");
    mkdirSync(tools, { recursive: true });
    writeFileSync(join(tools, "package.json"), '{ "private": true }\n');
    sh("npm", ["install", "--no-audit", "--no-fund", "playwright-core@1"], { cwd: tools });
  }
  return createRequire(join(tools, "package.json"))("playwright-core");
}

/** The code-server executable: CODE_SERVER, or installed into the cache. */
function codeServer() {
  if (process.env.CODE_SERVER) return process.env.CODE_SERVER;
  const dir = join(cache, "code-server");
  const bin = join(dir, "node_modules", "code-server", "out", "node", "entry.js");
  if (!existsSync(bin)) {
    log(`installing code-server@${CODE_SERVER_VERSION} (compiles native modules; takes minutes)`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
    sh("npm", ["install", "--no-audit", "--no-fund", "--foreground-scripts", `code-server@${CODE_SERVER_VERSION}`], {
      cwd: dir,
    });
  }
  return bin;
}

/** The markdownlint extension, built from source and installed unpacked into the cache's extensions. */
function extension() {
  const extensions = join(cache, "extensions");
  const target = join(extensions, EXTENSION_ID);
  if (existsSync(join(target, "bundle.js"))) return extensions;
  const source = join(cache, "vscode-markdownlint");
  rmSync(source, { recursive: true, force: true });
  mkdirSync(source, { recursive: true });
  let gitDir = extensionGit;
  if (!existsSync(extensionGit)) {
    gitDir = join(cache, "vscode-markdownlint.git");
    if (!existsSync(gitDir)) {
      log(`cloning ${extensionGit} ${EXTENSION_TAG}`);
      sh("git", ["clone", "--bare", "--depth", "1", "--branch", EXTENSION_TAG, extensionGit, gitDir]);
    }
  }
  log(`building vscode-markdownlint ${EXTENSION_TAG}`);
  const archive = execFileSync("git", ["--git-dir", gitDir, "archive", `${EXTENSION_TAG}^{commit}`], {
    maxBuffer: 1 << 28,
  });
  execFileSync("tar", ["x", "-C", source], { input: archive });
  sh("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: source });
  sh("npx", ["webpack", "--mode", "production"], { cwd: source, stdio: ["ignore", "ignore", "inherit"] });
  // What the .vsix holds (the repository's .vscodeignore leaves out sources, tests and node_modules).
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    if (
      /^(package\.json|bundle(\.web)?\.js|LICENSE|README\.md|CHANGELOG\.md|images|snippets\.json|.*-schema\.json)$/u.test(
        name,
      )
    ) {
      cpSync(join(source, name), join(target, name), { recursive: true });
    }
  }
  return extensions;
}

/** The workspace: the packed tarball installed, `npx tasklog init` run, the task log written. */
function workspace() {
  const dir = join(cache, "workspace");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log("packing this repository");
  const pack = join(cache, "pack");
  rmSync(pack, { recursive: true, force: true });
  mkdirSync(pack, { recursive: true });
  sh("npm", ["pack", "--silent", "--pack-destination", pack], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
  const tarball = readdirSync(pack).find((name) => name.endsWith(".tgz"));
  writeFileSync(join(dir, "package.json"), '{ "name": "tv", "private": true }\n');
  sh("npm", ["install", "--no-audit", "--no-fund", "--save-dev", join(pack, tarball)], { cwd: dir });
  sh("npx", ["--no-install", "tasklog", "init"], { cwd: dir });
  writeFileSync(join(dir, "tv-tasks.md"), TASK_LOG);
  return dir;
}

/** code-server's user settings: no trust prompt, no welcome page, tips or chat, a plain layout. */
function userData() {
  const dir = join(cache, "user-data");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "User"), { recursive: true });
  const settings = {
    "security.workspace.trust.enabled": false,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "workbench.colorTheme": "Default Light Modern",
    "chat.disableAIFeatures": true,
    "extensions.ignoreRecommendations": true,
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "update.mode": "none",
    "telemetry.telemetryLevel": "off",
    "editor.minimap.enabled": false,
    "editor.fontSize": 14,
    "window.zoomLevel": 0,
    "git.enabled": false,
  };
  writeFileSync(join(dir, "User", "settings.json"), `${JSON.stringify(settings, null, 2)}\n`);
  return dir;
}

async function waitForServer(url, child) {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`code-server did not answer on ${url}`);
}

async function main() {
  if (!existsSync(chromium)) throw new Error(`no Chromium at ${chromium} (set CHROMIUM, or apt-get install chromium)`);
  const { chromium: browserType } = playwright();
  const bin = codeServer();
  const extensions = extension();
  const folder = workspace();
  const data = userData();

  log("starting code-server");
  const node = process.env.CODE_SERVER_NODE ?? process.execPath;
  const serverLog = join(cache, "code-server.log");
  const server = spawn(
    node,
    [
      bin,
      "--auth",
      "none",
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--user-data-dir",
      data,
      "--extensions-dir",
      extensions,
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, VSCODE_PROXY_URI: "" } },
  );
  const chunks = [];
  server.stdout.on("data", (chunk) => chunks.push(chunk));
  server.stderr.on("data", (chunk) => chunks.push(chunk));
  let browser;
  try {
    await waitForServer(`http://127.0.0.1:${port}/healthz`, server);
    // Playwright adds --headless and a fresh temporary --user-data-dir itself.
    browser = await browserType.launch({
      executablePath: chromium,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector(".monaco-workbench", { timeout: 60_000 });
    await page.waitForTimeout(3000);

    log("opening tv-tasks.md");
    await page.keyboard.press("Control+P");
    await page.waitForSelector(".quick-input-widget input", { state: "visible" });
    await page.keyboard.type("tv-tasks.md");
    await page.waitForTimeout(1000);
    await page.keyboard.press("Enter");
    await page.waitForSelector(".monaco-editor .view-lines", { timeout: 30_000 });

    log("waiting for the squiggles");
    await page.waitForSelector(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error", { timeout: 90_000 });
    await page.waitForTimeout(2000);

    // The Problems panel lists every finding; the side bar goes, to leave its messages room.
    await page.keyboard.press("Control+B");
    await page.keyboard.press("Control+Shift+M");
    await page.waitForSelector(".markers-panel .monaco-list-row", { timeout: 30_000 });
    // The panel shrinks to fit its rows: its top edge (a sash) is dragged down.
    const panel = await page.locator(".part.panel").boundingBox();
    const rows = await page.locator(".markers-panel .monaco-list-row").count();
    const top = panel.y + panel.height - (60 + rows * 22);
    const sash = await page.evaluate((y) => {
      for (const element of document.querySelectorAll(".monaco-sash.horizontal")) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && Math.abs(box.top + box.height / 2 - y) < 4) {
          return { x: box.left + box.width / 3, y: box.top + box.height / 2 };
        }
      }
      return null;
    }, panel.y);
    if (sash) {
      await page.mouse.move(sash.x, sash.y);
      await page.mouse.down();
      await page.mouse.move(sash.x, top, { steps: 10 });
      await page.mouse.up();
    } else {
      log("no sash above the panel: the panel keeps its height");
    }
    await page.waitForTimeout(1000);

    // Back in the editor, on the TL001 finding (the heading's " - " separator), open the quick fixes.
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("Control+G");
    await page.waitForSelector(".quick-input-widget input", { state: "visible" });
    await page.keyboard.type("5:10");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(1000);
    await page.keyboard.press("Control+.");
    await page.waitForSelector(".action-widget", { state: "visible", timeout: 30_000 });
    await page.waitForTimeout(1500);

    // The picture must show what the README says it shows.
    const problems = (await page.locator(".markers-panel").textContent()) ?? "";
    for (const rule of ["TL001/task-heading", "TL002/task-id", "TL003/task-fields"]) {
      if (!problems.includes(rule)) throw new Error(`the Problems panel does not list ${rule}:\n${problems}`);
    }
    await page.locator(".action-widget").getByText("Fix this violation of TL001/task-heading").waitFor();

    mkdirSync(dirname(output), { recursive: true });
    await page.screenshot({ path: output });
    log(`wrote ${output}`);
  } catch (error) {
    process.stderr.write(Buffer.concat(chunks).toString().slice(-4000));
    writeFileSync(serverLog, Buffer.concat(chunks));
    throw error;
  } finally {
    writeFileSync(serverLog, Buffer.concat(chunks));
    await browser?.close();
    server.kill();
  }
}

await main();
