/**
 * Safe writes of a user's file: the one module of the command that changes files on disk.
 *
 * API (used by `new`, `set-pr`, `init` and `sync --write`):
 * - `decodeBytes(bytes)` / `encodeText(text)`: UTF-8 that keeps every byte. An invalid UTF-8 byte
 *   is read as a lone surrogate U+DC80–U+DCFF (one UTF-16 unit, as markdownlint's U+FFFD) and written
 *   back as that same byte, so text outside an edit is preserved byte for byte, never re-encoded.
 * - `editFile(path, edit)`: read the file under a lock, call `edit(text)`, and when it returns new
 *   text, replace the file with it (`writeReplacing`). The lock (`.<name>.tasklog.lock` beside the
 *   real file) serialises concurrent `tasklog` runs; a change by anything else between the read and
 *   the rename (an editor's save) is detected and refused.
 * - `writeFileSafely(path, text)`: the same checks and replacement for a file written whole
 *   (`init`), creating it when missing.
 *
 * What a write guarantees (each failure is a `CliError`, exit 2, and leaves the file as it was):
 * symlinks are resolved and the target is written, the link kept; a file the user may not write is
 * refused (no chmod, no owner change); the new text goes to a temporary file in the target's folder,
 * every byte written (short writes continued, `ENOSPC` "the disk is full", `EFBIG` "the file size
 * limit") and fsynced, the mode (setuid/setgid/sticky bits included) and, when the user may set it,
 * the owner and group copied, then renamed over the target and the folder fsynced. A file with other
 * hard links, or one whose owner or group the user cannot give the temporary file, is edited in
 * place instead (same checks; its growth is written first, so a full disk stops before any byte of
 * the old text changes). A folder that does not allow the temporary file is named in the message.
 * After a crash (kill -9) the target is the old or the new file; the lock and temporary file left
 * behind carry the dead process's id and the next run removes them.
 */
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { CliError } from "./errors.js";

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Length of the valid UTF-8 sequence at `i` (0 when the byte there starts none). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 < 0x80) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The file's text; each invalid UTF-8 byte `b` becomes the lone surrogate U+DC00+b (U+DC80–U+DCFF). */
export function decodeBytes(bytes: Uint8Array): { text: string; invalidBytes: number } {
  try {
    return { text: strict.decode(bytes), invalidBytes: 0 };
  } catch {
    // Slow path: decode the valid runs, escape the invalid bytes.
  }
  let text = "";
  let invalidBytes = 0;
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += strict.decode(bytes.subarray(start, i));
    text += String.fromCharCode(0xdc00 + (bytes[i] as number));
    invalidBytes++;
    i++;
    start = i;
  }
  text += strict.decode(bytes.subarray(start));
  return { text, invalidBytes };
}

const ESCAPED = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;

/** UTF-8 of `text`, the escaped invalid bytes of `decodeBytes` written back as the bytes they were. */
export function encodeText(text: string): Buffer {
  if (!/[\uDC80-\uDCFF]/.test(text)) return Buffer.from(text, "utf8");
  const parts: Buffer[] = [];
  let start = 0;
  for (const match of text.matchAll(ESCAPED)) {
    parts.push(Buffer.from(text.slice(start, match.index), "utf8"), Buffer.of(match[0].charCodeAt(0) - 0xdc00));
    start = match.index + 1;
  }
  parts.push(Buffer.from(text.slice(start), "utf8"));
  return Buffer.concat(parts);
}

const code = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

/** The reason a write failed, in words. */
function why(error: unknown): string {
  switch (code(error)) {
    case "ENOSPC":
      return "the disk is full (ENOSPC)";
    case "EDQUOT":
      return "the disk quota is exceeded (EDQUOT)";
    case "EFBIG":
      return "the file size limit was reached (EFBIG; see ulimit -f)";
    case "EROFS":
      return "the file system is read-only (EROFS)";
    case "EACCES":
    case "EPERM":
      return `permission denied (${code(error)})`;
    default:
      return error instanceof CliError ? error.message : code(error);
  }
}

const UNCHANGED = "the file was left as it was";

/** Write all of `bytes` at `position` (continuing short writes); throws on an error or a write that makes no progress. */
function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.length) {
    const written = writeSync(fd, bytes, done, bytes.length - done, position + done);
    if (written <= 0) throw new CliError(`a write stopped after ${done} of ${bytes.length} bytes`);
    done += written;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return code(error) === "EPERM";
  }
}

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** `.<name>.tasklog-<pid>.tmp` and `.<name>.tasklog.lock`: the names a run leaves beside `target` if killed. */
export function temporaryName(target: string, pid = process.pid): string {
  return join(dirname(target), `.${basename(target)}.tasklog-${pid}.tmp`);
}
export function lockName(target: string): string {
  return join(dirname(target), `.${basename(target)}.tasklog.lock`);
}

/** Remove the temporary files of dead `tasklog` runs beside `target`. */
function cleanStale(target: string): void {
  const prefix = `.${basename(target)}.tasklog-`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = Number(name.slice(prefix.length, -".tmp".length));
    if (isAlive(pid)) continue;
    try {
      unlinkSync(join(dirname(target), name));
    } catch {
      // Another run removed it.
    }
  }
}

/** How long a run waits for another run's lock on the same file. */
const LOCK_WAIT_MS = Number(process.env["TASKLOG_LOCK_WAIT_MS"] ?? 60_000);

/** Take the lock of `target` (waiting for a live holder, taking over a dead one's); returns its release. */
function lock(target: string, shown: string): () => void {
  const path = lockName(target);
  const deadline = Date.now() + LOCK_WAIT_MS;
  let delay = 5;
  for (;;) {
    try {
      const fd = openSync(path, "wx", 0o644);
      try {
        writeSync(fd, `${process.pid}\n`);
      } catch (error) {
        // Created but not written (a full disk): remove it, or the next run would wait for it.
        closeSync(fd);
        unlinkSync(path);
        throw error;
      }
      closeSync(fd);
      cleanStale(target);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if (code(error) !== "EEXIST") {
        throw new CliError(
          ["EACCES", "EPERM"].includes(code(error))
            ? `the folder ${dirname(target)} does not allow tasklog's lock and temporary files (${why(error)}); ${UNCHANGED}`
            : `cannot write the file: ${why(error)}; ${UNCHANGED}`,
          shown,
        );
      }
    }
    let holder = Number.NaN;
    try {
      holder = Number.parseInt(readFileSync(path, "utf8"), 10);
    } catch {
      continue; // Released meanwhile.
    }
    if (Number.isNaN(holder)) {
      // Being written by its creator right now, or left empty by a kill between create and write.
      try {
        if (Date.now() - statSync(path).mtimeMs > 5_000) unlinkSync(path);
      } catch {
        // Gone.
      }
    } else if (!isAlive(holder)) {
      try {
        // Take over only the dead holder's lock (re-read so that a new holder's is not removed).
        if (Number.parseInt(readFileSync(path, "utf8"), 10) === holder) unlinkSync(path);
      } catch {
        // Gone.
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new CliError(
        `another tasklog run (process ${holder}) is editing the file (its lock ${path}); ${UNCHANGED}`,
        shown,
      );
    }
    sleep(delay);
    delay = Math.min(delay * 2, 100);
  }
}

/** The file's identity and content when read, to detect another writer before the rename. */
interface Snapshot {
  readonly stat: Stats;
  readonly bytes: Buffer;
}

function sameFile(target: string, before: Snapshot | undefined): boolean {
  let now: Stats;
  try {
    now = statSync(target);
  } catch {
    return before === undefined;
  }
  if (before === undefined) return false;
  const a = before.stat;
  if (now.ino !== a.ino || now.dev !== a.dev || now.size !== a.size || now.mtimeMs !== a.mtimeMs) return false;
  return readFileSync(target).equals(before.bytes);
}

/** The real file behind `path` (symlinks resolved; a dangling link's target when it is to be created). */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    if (code(error) !== "ENOENT") throw new CliError(`cannot resolve the file's path (${why(error)})`, path);
  }
  // Missing: a dangling symlink names the file to create; otherwise the path itself, in its real folder.
  try {
    if (lstatSync(path).isSymbolicLink()) throw new CliError("a symbolic link to a missing file", path);
  } catch (error) {
    if (error instanceof CliError) throw error;
  }
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch (error) {
    throw new CliError(`the folder does not exist (${why(error)})`, path);
  }
}

function checkWritable(target: string, stat: Stats | undefined, shown: string): void {
  if (stat !== undefined && !stat.isFile()) throw new CliError("not a regular file; nothing was written", shown);
  try {
    accessSync(stat === undefined ? dirname(target) : target, constants.W_OK);
  } catch (error) {
    throw new CliError(
      stat === undefined
        ? `the folder does not allow creating the file (${why(error)})`
        : `you may not write this file (${why(error)}; tasklog changes neither permissions nor owners); ${UNCHANGED}`,
      shown,
    );
  }
}

/** Can the temporary file be given the target's owner and group? (root, or the owner in the file's group) */
function canKeepOwner(stat: Stats): boolean {
  const uid = process.getuid?.();
  if (uid === undefined || uid === 0) return true;
  if (stat.uid !== uid) return false;
  return process.getgid?.() === stat.gid || (process.getgroups?.() ?? []).includes(stat.gid);
}

/** Replace the target's bytes in place (hard links, owners the user cannot give): growth first, then the rest. */
function writeInPlace(target: string, bytes: Buffer, before: Snapshot, shown: string): void {
  const fd = openSync(target, constants.O_WRONLY);
  const oldSize = before.bytes.length;
  try {
    try {
      if (bytes.length > oldSize) writeAll(fd, bytes.subarray(oldSize), oldSize);
    } catch (error) {
      ftruncateSync(fd, oldSize);
      fsyncSync(fd);
      throw error;
    }
    let first = 0;
    const limit = Math.min(oldSize, bytes.length);
    while (first < limit && bytes[first] === before.bytes[first]) first++;
    writeAll(fd, bytes.subarray(first, limit), first);
    if (bytes.length < oldSize) ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } catch (error) {
    throw new CliError(`cannot write the file in place: ${why(error)}; ${UNCHANGED}`, shown);
  } finally {
    closeSync(fd);
  }
}

/** Write `bytes` to a temporary file beside `target` (mode and owner of `stat`), fsynced, then rename it over. */
function writeReplacing(target: string, bytes: Buffer, before: Snapshot | undefined, shown: string): void {
  const stat = before?.stat;
  if (stat !== undefined && (stat.nlink > 1 || !canKeepOwner(stat))) {
    if (!sameFile(target, before)) throw changed(shown);
    writeInPlace(target, bytes, before as Snapshot, shown);
    return;
  }
  const temporary = temporaryName(target);
  let fd: number;
  try {
    fd = openSync(temporary, "wx", 0o600);
  } catch (error) {
    throw new CliError(
      ["EACCES", "EPERM"].includes(code(error))
        ? `the folder ${dirname(target)} does not allow tasklog's temporary file (${why(error)}); ${UNCHANGED}`
        : `cannot write the file: ${why(error)}; ${UNCHANGED}`,
      shown,
    );
  }
  let renamed = false;
  try {
    try {
      writeAll(fd, bytes, 0);
      if (stat !== undefined) {
        const uid = process.getuid?.();
        if (uid === 0 || stat.gid !== fstatSync(fd).gid) fchownSync(fd, stat.uid, stat.gid);
        fchmodSync(fd, stat.mode & 0o7777);
      } else {
        fchmodSync(fd, 0o666 & ~process.umask());
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!sameFile(target, before)) throw changed(shown);
    renameSync(temporary, target);
    renamed = true;
    try {
      const dirFd = openSync(dirname(target), "r");
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    } catch {
      // Some file systems cannot fsync a folder; the rename is done.
    }
  } catch (error) {
    if (error instanceof CliError && error.file !== undefined) throw error;
    throw new CliError(`cannot write the file: ${why(error)}; ${UNCHANGED}`, shown);
  } finally {
    if (!renamed) {
      try {
        unlinkSync(temporary);
      } catch {
        // Nothing to clean up.
      }
    }
  }
}

const changed = (shown: string): CliError =>
  new CliError(
    "the file changed while tasklog was editing it (another program wrote it); nothing was written, run the command again",
    shown,
  );

/** What `editFile` gives the edit: the text (invalid UTF-8 escaped, see `decodeBytes`) and the real path. */
export interface EditInput {
  readonly text: string;
  /** The real file (symlinks resolved). */
  readonly target: string;
  /** How many invalid UTF-8 bytes the file holds (kept as they are). */
  readonly invalidBytes: number;
}

/** What an edit returns: the new text (`undefined`: write nothing) and the command's result. */
export interface EditOutput<T> {
  readonly text: string | undefined;
  readonly value: T;
}

/**
 * Read `path`, run `edit` on its text and write the new text it returns, holding the file's lock
 * from the read to the rename. Throws a `CliError` (the file left as it was) on any failure.
 */
export async function editFile<T>(path: string, edit: (input: EditInput) => Promise<EditOutput<T>>): Promise<T> {
  const target = realTarget(path);
  let stat: Stats;
  try {
    stat = statSync(target);
  } catch (error) {
    throw new CliError(`cannot read the file (${code(error)})`, path);
  }
  checkWritable(target, stat, path);
  const release = lock(target, path);
  try {
    let bytes: Buffer;
    try {
      stat = statSync(target);
      bytes = readFileSync(target);
    } catch (error) {
      throw new CliError(`cannot read the file (${code(error)})`, path);
    }
    const { text, invalidBytes } = decodeBytes(bytes);
    const result = await edit({ text, target, invalidBytes });
    if (result.text !== undefined && result.text !== text) {
      writeReplacing(target, encodeText(result.text), { stat, bytes }, path);
    }
    return result.value;
  } finally {
    release();
  }
}

/** Write `text` whole to `path` (created when missing), with `editFile`'s checks, lock and guarantees. */
export function writeFileSafely(path: string, text: string): void {
  const target = realTarget(path);
  let stat: Stats | undefined;
  try {
    stat = statSync(target);
  } catch {
    stat = undefined;
  }
  checkWritable(target, stat, path);
  const release = lock(target, path);
  try {
    let before: Snapshot | undefined;
    if (stat !== undefined) before = { stat: statSync(target), bytes: readFileSync(target) };
    writeReplacing(target, encodeText(text), before, path);
  } finally {
    release();
  }
}
