/**
 * Writes that never lose anything (issue 16), from the packed tarball: the installed `tasklog`
 * (markdownlint-cli2 0.24.1's project, Node 22) run as a user runs it, on each fault a write meets:
 * a symlinked log, a hard link, a file the user may not write (run as `nobody` through `runuser`;
 * skipped with one line when the tests do not run as root), a read-only folder, invalid UTF-8, mode
 * bits (664, setgid 2775) and the owner, 20 concurrent `new` and 5 concurrent `set-pr` on one file,
 * kill -9 during a write loop, a file-size limit (`ulimit -f`) and a full disk (a small tmpfs; skipped
 * with one line when `mount -t tmpfs` is not allowed). Each checks the file's bytes afterwards: the
 * change made whole, or the original left as it was with a message that says why.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statfsSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { context, envFor, workspace, type InstalledHost } from "./support.js";

const host = (): InstalledHost => context().hosts["cli2-0.24"];
const bin = (): string => join(host().dir, "node_modules", "markdownlint-rule-tasklog", "bin", "tasklog.js");

interface Ran {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the installed tasklog (optionally as another user, or under `ulimit -f <blocks>`). */
function tasklog(
  cwd: string,
  args: readonly string[],
  how: { user?: string; ulimitBlocks?: number; input?: Buffer } = {},
): Ran {
  let command = host().node;
  let argv = [bin(), ...args];
  if (how.ulimitBlocks !== undefined) {
    argv = ["-c", `ulimit -f ${how.ulimitBlocks}; exec "$0" "$@"`, command, ...argv];
    command = "bash";
  }
  if (how.user !== undefined) {
    argv = ["-u", how.user, "--", command, ...argv];
    command = "runuser";
  }
  const result = spawnSync(command, argv, {
    cwd,
    encoding: "utf8",
    env: envFor(host().node),
    maxBuffer: 64 * 1024 * 1024,
    ...(how.input === undefined ? {} : { input: how.input }),
  });
  if (result.error) throw result.error;
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** The same, asynchronously (for the concurrent runs); `onSpawn` gets the child (to kill it). */
function tasklogAsync(
  cwd: string,
  args: readonly string[],
  onSpawn?: (child: ReturnType<typeof spawn>) => void,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(host().node, [bin(), ...args], { cwd, env: envFor(host().node) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    // "close": the process has exited and been reaped (no zombie whose pid still looks alive).
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
    onSpawn?.(child);
  });
}

/** A task log with `count` placeholder tasks (titles `Task 1` …), `padding` bytes of summary each. */
function makeLog(count: number, padding = 40): string {
  const tasks = Array.from(
    { length: count },
    (_, i) =>
      `### Open · tv-2025-10-03:PR?? · Task ${i + 1}\n\n- **Summary**: ${"Words of the summary. ".repeat(Math.ceil(padding / 22)).trim()}\n- **Priority**: P2\n- **PR**: Title \`feat: task ${i + 1}\`; <https://github.com/acme/app/pull/###>.\n`,
  );
  return `# Tasks\n\n## Open tasks (updated 2025-10-03)\n\n${tasks.join("\n")}\n## Deferred tasks (updated 2025-10-03)\n`;
}

/** `bytes` with the first occurrence of `from` (UTF-8) replaced by `to`, every other byte as it was. */
function replaceBytes(bytes: Buffer, from: string, to: string): Buffer {
  const at = bytes.indexOf(Buffer.from(from));
  if (at < 0) throw new Error(`${from} not found`);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(to), bytes.subarray(at + Buffer.byteLength(from))]);
}

const NEW = ["new", "--status", "Open", "--date", "2025-10-03"];

/** Hidden files a run leaves beside `file` (lock, temporary files). */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => /\.tasklog(?:-\d+\.tmp|\.lock)$/.test(name));
}

const isRoot = process.getuid?.() === 0;
const NOT_ROOT = "not run as root: runuser cannot start tasklog as another user (the permission cases need one)";

describe("tasklog writes from the tarball: every fault leaves the whole change or the original", () => {
  it("a symlinked log: the target is updated, the link stays a link", () => {
    const dir = workspace(host().dir, { "real/tv-tasks.md": makeLog(2) });
    symlinkSync("real/tv-tasks.md", join(dir, "tv-tasks.md"));
    const added = tasklog(dir, [...NEW, "--title", "Through the link", "tv-tasks.md"]);
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    const set = tasklog(dir, ["set-pr", "--title", "Task 2", "61", "tv-tasks.md"]);
    expect(set.status).toBe(0);
    expect(lstatSync(join(dir, "tv-tasks.md")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "tv-tasks.md"))).toBe("real/tv-tasks.md");
    const target = readFileSync(join(dir, "real", "tv-tasks.md"), "utf8");
    expect(target).toContain("· Through the link\n");
    expect(target).toContain("tv-2025-10-03:PR61 · Task 2\n");
    expect(leftovers(dir)).toEqual([]);
    expect(leftovers(join(dir, "real"))).toEqual([]);
    // A link to a missing file is refused, not replaced by a file.
    symlinkSync("real/missing.md", join(dir, "dangling.md"));
    const dangling = tasklog(dir, [...NEW, "--title", "Nowhere", "dangling.md"]);
    expect(dangling.status).toBe(2);
    expect(lstatSync(join(dir, "dangling.md")).isSymbolicLink()).toBe(true);
  });

  it("a hard link: edited in place, so every name of the file sees the change", () => {
    const dir = workspace(host().dir, { "tv-tasks.md": makeLog(2) });
    linkSync(join(dir, "tv-tasks.md"), join(dir, "other-name.md"));
    const inode = statSync(join(dir, "tv-tasks.md")).ino;
    expect(tasklog(dir, [...NEW, "--title", "Seen by both names", "tv-tasks.md"]).status).toBe(0);
    expect(tasklog(dir, ["set-pr", "--title", "Task 1", "62", "tv-tasks.md"]).status).toBe(0);
    const text = readFileSync(join(dir, "other-name.md"), "utf8");
    expect(text).toContain("· Seen by both names\n");
    expect(text).toContain("tv-2025-10-03:PR62 · Task 1\n");
    expect(readFileSync(join(dir, "tv-tasks.md"), "utf8")).toBe(text);
    expect(statSync(join(dir, "tv-tasks.md"))).toMatchObject({ ino: inode, nlink: 2 });
    // Shrinking in place (a shorter number) leaves no stale bytes at the end.
    writeFileSync(join(dir, "tv-tasks.md"), makeLog(1).replace("PR?? · Task 1", "PR?? · Task number one"));
    expect(tasklog(dir, ["set-pr", "--line", "5", "7", "tv-tasks.md"]).status).toBe(0);
    expect(readFileSync(join(dir, "other-name.md"), "utf8")).toBe(
      makeLog(1).replace("PR?? · Task 1", "PR7 · Task number one").replace("pull/###", "pull/7"),
    );
  });

  it("invalid UTF-8 anywhere: every byte outside the edit is kept, byte for byte", () => {
    const bad = (text: string, bytes: number[]): Buffer => Buffer.concat([Buffer.from(text), Buffer.from(bytes)]);
    const original = Buffer.concat([
      bad("# Tasks ", [0xff, 0xfe]), // lone bytes
      Buffer.from("\n\n## Open tasks (updated 2025-10-03)\n\n### Open · tv-2025-10-03:PR?? · Task 1\n\n"),
      bad("- **Summary**: overlong ", [0xc0, 0xaf, 0x20, 0xed, 0xa0, 0x80, 0x20, 0xe2, 0x82]), // overlong, surrogate, truncated
      Buffer.from("\n- **PR**: <https://github.com/acme/app/pull/###>.\n\n## Deferred tasks (updated 2025-10-03)\n\n"),
      bad("Latin-1 text: caf", [0xe9, 0x0a]),
    ]);
    const dir = workspace(host().dir, {});
    writeFileSync(join(dir, "tv-tasks.md"), original);
    const set = tasklog(dir, ["set-pr", "--line", "5", "63", "tv-tasks.md"]);
    expect(set.stderr).toBe("");
    expect(set.status).toBe(0);
    const expected = replaceBytes(replaceBytes(original, "PR?? · Task 1", "PR63 · Task 1"), "pull/###", "pull/63");
    expect(readFileSync(join(dir, "tv-tasks.md")).equals(expected)).toBe(true);
    const added = tasklog(dir, [...NEW, "--title", "After the bad bytes", "tv-tasks.md"]);
    expect(added.status).toBe(0);
    const after = readFileSync(join(dir, "tv-tasks.md"));
    // The new task is inserted whole: the file is the old bytes with one block of valid UTF-8 added.
    let prefix = 0;
    while (prefix < expected.length && after[prefix] === expected[prefix]) prefix++;
    let suffix = 0;
    while (
      suffix < expected.length - prefix &&
      after[after.length - 1 - suffix] === expected[expected.length - 1 - suffix]
    )
      suffix++;
    expect(prefix + suffix).toBe(expected.length);
    const inserted = after.subarray(prefix, after.length - suffix);
    expect(new TextDecoder("utf-8", { fatal: true }).decode(inserted)).toContain("· After the bad bytes\n");
  });

  it("modes 664 and setgid 2775, the group a setgid folder gave and the owner are kept", () => {
    const dir = workspace(host().dir, {});
    const shared = join(dir, "shared");
    mkdirSync(shared);
    if (isRoot) chownSync(shared, 0, 100);
    chmodSync(shared, 0o2775);
    const files: [string, number][] = [
      ["group-writable.md", 0o664],
      ["setgid.md", 0o2775],
      ["private.md", 0o600],
    ];
    for (const [name, mode] of files) {
      writeFileSync(join(shared, name), makeLog(1));
      chmodSync(join(shared, name), mode);
    }
    if (isRoot) chownSync(join(shared, "private.md"), 1234, 4321);
    const before = Object.fromEntries(files.map(([name]) => [name, statSync(join(shared, name))]));
    for (const [name, mode] of files) {
      const result = tasklog(shared, [...NEW, "--title", `Kept mode ${mode.toString(8)}`, name]);
      expect(result.stderr, name).toBe("");
      const after = statSync(join(shared, name));
      expect((after.mode & 0o7777).toString(8), name).toBe(mode.toString(8));
      expect([after.uid, after.gid], name).toEqual([before[name]?.uid, before[name]?.gid]);
      expect(readFileSync(join(shared, name), "utf8")).toContain(`Kept mode ${mode.toString(8)}`);
    }
    if (isRoot) {
      expect(statSync(join(shared, "group-writable.md")).gid).toBe(100);
      expect([statSync(join(shared, "private.md")).uid, statSync(join(shared, "private.md")).gid]).toEqual([
        1234, 4321,
      ]);
    }
  });

  describe.skipIf(!isRoot)(`as another user (${isRoot ? "nobody, through runuser" : NOT_ROOT})`, () => {
    let dir: string;
    beforeAll(() => {
      // The user must reach the installed package and the Node binary (in the repository's
      // node_modules, which may sit in a private folder such as a clone inside `mktemp -d`): their
      // folders traversable (not listable) by others.
      for (const start of [bin(), host().node]) {
        for (let path = start; path !== "/"; path = dirname(path)) {
          const mode = statSync(path).mode;
          if ((mode & 0o001) === 0) chmodSync(path, (mode & 0o7777) | 0o011);
        }
      }
      dir = mkdtempSync(join(host().dir, "as-nobody-"));
      chmodSync(dir, 0o755);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("a file the user may not write, in a folder they may write: refused, owner and mode untouched", () => {
      const folder = join(dir, "writable-folder");
      mkdirSync(folder);
      chownSync(folder, 65534, 65534);
      writeFileSync(join(folder, "tv-tasks.md"), makeLog(2));
      chmodSync(join(folder, "tv-tasks.md"), 0o644);
      const before = readFileSync(join(folder, "tv-tasks.md"));
      for (const args of [
        [...NEW, "--title", "Not yours", "tv-tasks.md"],
        ["set-pr", "--line", "5", "64", "tv-tasks.md"],
      ]) {
        const result = tasklog(folder, args, { user: "nobody" });
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toBe(
          "tasklog: tv-tasks.md: you may not write this file (permission denied (EACCES); tasklog changes neither permissions nor owners); the file was left as it was\n",
        );
      }
      const stat = statSync(join(folder, "tv-tasks.md"));
      expect([stat.uid, stat.mode & 0o7777]).toEqual([0, 0o644]);
      expect(readFileSync(join(folder, "tv-tasks.md")).equals(before)).toBe(true);
      expect(leftovers(folder)).toEqual([]);
    });

    it("a writable log in a read-only folder: a message that names the folder, not a bare EACCES", () => {
      const folder = join(dir, "read-only-folder");
      mkdirSync(folder);
      writeFileSync(join(folder, "tv-tasks.md"), makeLog(2));
      chownSync(join(folder, "tv-tasks.md"), 65534, 65534);
      chmodSync(join(folder, "tv-tasks.md"), 0o644);
      chmodSync(folder, 0o555);
      const before = readFileSync(join(folder, "tv-tasks.md"));
      const result = tasklog(folder, [...NEW, "--title", "No room", "tv-tasks.md"], { user: "nobody" });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        `tasklog: tv-tasks.md: the folder ${folder} does not allow tasklog's lock and temporary files (permission denied (EACCES)); the file was left as it was\n`,
      );
      expect(readFileSync(join(folder, "tv-tasks.md")).equals(before)).toBe(true);
    });

    it("the user's own file in a folder they own: edited, owner and mode kept", () => {
      const folder = join(dir, "own");
      mkdirSync(folder);
      chownSync(folder, 65534, 65534);
      writeFileSync(join(folder, "tv-tasks.md"), makeLog(1));
      chownSync(join(folder, "tv-tasks.md"), 65534, 65534);
      chmodSync(join(folder, "tv-tasks.md"), 0o664);
      const result = tasklog(folder, [...NEW, "--title", "Mine", "tv-tasks.md"], { user: "nobody" });
      expect(result.stderr).toBe("");
      const stat = statSync(join(folder, "tv-tasks.md"));
      expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([65534, 65534, 0o664]);
      expect(readFileSync(join(folder, "tv-tasks.md"), "utf8")).toContain("· Mine\n");
    });
  });

  it("20 concurrent new on one file: every run that says added has its task in the file", async () => {
    const dir = workspace(host().dir, { "tv-tasks.md": makeLog(3) });
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        tasklogAsync(dir, [...NEW, "--title", `Concurrent ${i + 1}`, "tv-tasks.md"]),
      ),
    );
    const text = readFileSync(join(dir, "tv-tasks.md"), "utf8");
    for (const [i, run] of runs.entries()) {
      const present = text.includes(`· Concurrent ${i + 1}\n`);
      if (run.status === 0) {
        expect(run.stdout).toMatch(/: added ### Open/);
        expect(present, `run ${i + 1} said added`).toBe(true);
      } else {
        // A loser is refused with a reason, and its task is not there.
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/another tasklog run \(process \d+\) is editing the file/);
        expect(present).toBe(false);
      }
    }
    // Nothing else changed: the three tasks, the 20 (or the winners) at the top, no torn text.
    expect(text.match(/^### Open · /gm)).toHaveLength(3 + runs.filter((run) => run.status === 0).length);
    expect(runs.filter((run) => run.status === 0).length).toBe(20);
    expect(leftovers(dir)).toEqual([]);
  });

  it("5 concurrent set-pr on one file: all five edits are in it", async () => {
    const dir = workspace(host().dir, { "tv-tasks.md": makeLog(5) });
    const runs = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => tasklogAsync(dir, ["set-pr", "--title", `Task ${n}`, String(70 + n), "tv-tasks.md"])),
    );
    expect(runs.map((run) => [run.status, run.stderr])).toEqual(runs.map(() => [0, ""]));
    const text = readFileSync(join(dir, "tv-tasks.md"), "utf8");
    for (const n of [1, 2, 3, 4, 5]) {
      expect(text).toContain(`tv-2025-10-03:PR${70 + n} · Task ${n}\n`);
      expect(text).toContain(`pull/${70 + n}>`);
    }
    expect(text).not.toContain("PR??");
  });

  it("kill -9 during a write loop: the file is always the old or the new log; a later run cleans up", async () => {
    // A log of a few megabytes, so that a write takes long enough to be interrupted.
    const dir = workspace(host().dir, { "tv-tasks.md": makeLog(200, 4000) });
    const path = join(dir, "tv-tasks.md");
    const outcomes = { completed: 0, killedBefore: 0, killedDuringWrite: 0 };
    // Half the rounds kill at a random moment of the run, half as soon as the temporary file appears
    // (polled every millisecond), which is while the new text is being written.
    const uncut = Date.now();
    expect(tasklog(dir, [...NEW, "--title", "Timed", "tv-tasks.md"]).status).toBe(0);
    const duration = Date.now() - uncut;
    let current = readFileSync(path);
    for (let round = 0; round < 12; round++) {
      let timer: NodeJS.Timeout | undefined;
      const tempSeen = { value: false };
      const atWrite = round % 2 === 1;
      const run = await tasklogAsync(dir, [...NEW, "--title", `Round ${round}`, "tv-tasks.md"], (child) => {
        if (atWrite) {
          timer = setInterval(() => {
            if (existsSync(join(dir, `.tv-tasks.md.tasklog-${child.pid}.tmp`))) {
              tempSeen.value = true;
              child.kill("SIGKILL");
              clearInterval(timer);
            }
          }, 1);
        } else {
          timer = setTimeout(
            () => {
              tempSeen.value = existsSync(join(dir, `.tv-tasks.md.tasklog-${child.pid}.tmp`));
              child.kill("SIGKILL");
            },
            Math.floor(Math.random() * duration * 1.2),
          );
        }
      });
      clearInterval(timer);
      const after = readFileSync(path);
      if (run.status === 0) {
        outcomes.completed++;
        expect(after.toString("utf8")).toContain(`· Round ${round}\n`);
      } else {
        expect(run.signal).toBe("SIGKILL");
        if (tempSeen.value) outcomes.killedDuringWrite++;
        else outcomes.killedBefore++;
        // Old or new, never a torn file: new is exactly what the same command makes of the old text.
        if (!after.equals(current)) {
          const made = tasklog(dir, [...NEW, "--title", `Round ${round}`, "-"], { input: current });
          expect(made.status).toBe(0);
          expect(after.equals(Buffer.from(made.stdout))).toBe(true);
        }
      }
      expect(after.toString("utf8")).toMatch(/## Deferred tasks \(updated 2025-10-03\)\n$/);
      current = after;
    }
    // A later run takes over the dead runs' lock and removes their temporary files.
    const final = tasklog(dir, [...NEW, "--title", "After the kills", "tv-tasks.md"]);
    expect(final.stderr).toBe("");
    expect(final.status).toBe(0);
    expect(leftovers(dir)).toEqual([]);
    console.log(
      `kill -9 loop: ${outcomes.completed} runs completed, ${outcomes.killedBefore} killed before writing, ${outcomes.killedDuringWrite} killed with the temporary file present`,
    );
  });

  it("a file-size limit (ulimit -f): the original intact, the message names the limit", () => {
    const log = makeLog(70, 1500);
    expect(log.length).toBeGreaterThan(100 * 1024);
    const dir = workspace(host().dir, { "tv-tasks.md": log });
    for (const args of [
      [...NEW, "--title", "Too big", "tv-tasks.md"],
      ["set-pr", "--title", "Task 70", "65", "tv-tasks.md"],
    ]) {
      const result = tasklog(dir, args, { ulimitBlocks: 100 }); // 100 blocks of 1024 bytes
      expect(result.signal, "not killed by SIGXFSZ").toBeNull();
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        "tasklog: tv-tasks.md: cannot write the file: the file size limit was reached (EFBIG; see ulimit -f); the file was left as it was\n",
      );
      expect(readFileSync(join(dir, "tv-tasks.md"), "utf8")).toBe(log);
      expect(leftovers(dir)).toEqual([]);
    }
  });

  const tmpfsProbe = (() => {
    if (!isRoot) return "not root: mount -t tmpfs needs root";
    const probe = mkdtempSync(join(dirname(host().dir), "tmpfs-probe-"));
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]);
    if (mounted.status !== 0) return `mount -t tmpfs is not allowed here (${`${mounted.stderr}`.trim()})`;
    spawnSync("umount", [probe]);
    rmSync(probe, { recursive: true, force: true });
    return undefined;
  })();

  describe.skipIf(tmpfsProbe !== undefined)(`a full disk (${tmpfsProbe ?? "a 160 KiB tmpfs"})`, () => {
    // Mounted at collection time (the probe showed it works), unmounted by the test's onTestFinished.
    const mountPoint = tmpfsProbe === undefined ? mkdtempSync(join(dirname(host().dir), "tmpfs-")) : "";

    it("new, set-pr and an in-place edit (hard link) on a disk without room: the original intact, 'the disk is full'", () => {
      expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=160k", "tmpfs", mountPoint]).status).toBe(0);
      onTestFinished(() => {
        spawnSync("umount", [mountPoint]);
        rmSync(mountPoint, { recursive: true, force: true });
      });
      // A log of whole pages (no slack after its end), on a disk with one free page: room for the
      // lock, none for a copy of the log or for its growth in place.
      const page = 4096;
      let log = makeLog(24, 1500);
      log += `\nNotes: ${"n".repeat((page - ((Buffer.byteLength(log) + 9) % page)) % page)}\n`;
      expect(Buffer.byteLength(log) % page).toBe(0);
      const path = join(mountPoint, "tv-tasks.md");
      writeFileSync(path, log);
      const filler = join(mountPoint, "filler");
      const free = (): number => {
        const stats = statfsSync(mountPoint);
        return stats.bavail * stats.bsize;
      };
      writeFileSync(filler, Buffer.alloc(free() - page));
      expect(free()).toBe(page);
      const message =
        "tasklog: tv-tasks.md: cannot write the file: the disk is full (ENOSPC); the file was left as it was\n";
      for (const args of [
        [...NEW, "--title", "No room", "tv-tasks.md"],
        ["set-pr", "--title", "Task 24", "66", "tv-tasks.md"],
      ]) {
        const result = tasklog(mountPoint, args);
        expect(result.status).toBe(2);
        expect(result.stderr).toBe(message);
        expect(readFileSync(path, "utf8")).toBe(log);
        expect(leftovers(mountPoint)).toEqual([]);
      }
      // In place (a second name): the growth is written first, so a full disk stops before any old byte changes.
      linkSync(path, join(mountPoint, "second-name.md"));
      const inPlace = tasklog(mountPoint, [...NEW, "--title", "No room in place", "tv-tasks.md"]);
      expect(inPlace.status).toBe(2);
      expect(inPlace.stderr).toBe(
        "tasklog: tv-tasks.md: cannot write the file in place: the disk is full (ENOSPC); the file was left as it was\n",
      );
      expect(readFileSync(path, "utf8")).toBe(log);
      expect(leftovers(mountPoint)).toEqual([]);
      // A disk with no free page at all: the lock cannot be written either; the same message.
      writeFileSync(join(mountPoint, "filler-2"), Buffer.alloc(0));
      spawnSync("bash", ["-c", `cat /dev/zero > ${join(mountPoint, "filler-2")}`]);
      expect(free()).toBe(0);
      const full = tasklog(mountPoint, [...NEW, "--title", "Not even a lock", "tv-tasks.md"]);
      expect(full.stderr).toBe(message);
      expect(readFileSync(path, "utf8")).toBe(log);
      expect(leftovers(mountPoint)).toEqual([]);
      rmSync(join(mountPoint, "filler-2"));
      // With room again, the same command works.
      rmSync(filler);
      expect(tasklog(mountPoint, [...NEW, "--title", "Room again", "tv-tasks.md"]).status).toBe(0);
      expect(existsSync(path)).toBe(true);
    });
  });
});
