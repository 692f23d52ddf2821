/**
 * One musicdl run per library folder, whatever cache file each run uses: a `.musicdl.lock` file in the library,
 * created atomically, whose heartbeat the holder refreshes while it runs. A holder whose heartbeat stopped for
 * {@link STALE_AFTER_MS} (killed in a container, another host, another pid namespace) is taken over with a warning;
 * on the same host and pid namespace, a dead pid frees it at once.
 */
import { readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { link, mkdir, rename, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { EXIT, MusicdlError, UsageError } from "../errors.ts";
import { type Clock, systemClock } from "../util/clock.ts";
import { describeAge, type LockRecord, processIdentity, readLockRecord, staleReason } from "./_lock-record.ts";

/** The lock file's name inside the library folder. */
export const LOCK_FILE_NAME = ".musicdl.lock";
/** A holder that has not refreshed its heartbeat for this long is taken to be gone (README: "Scheduled runs"). */
export const STALE_AFTER_MS = 2 * 60_000;
/** How often a holder refreshes its heartbeat: several times within the stale interval. */
export const HEARTBEAT_MS = 30_000;

export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAtMs: number;
  readonly heartbeatAtMs: number;
}

/**
 * Exit 3 ("run again later"), not 1 or 2: nothing failed and nothing is misconfigured. A scheduled run that
 * overlaps a long one is normal, and 3 is the code schedulers already treat as "try again later, it resumes".
 */
export class LibraryLockedError extends MusicdlError {
  override readonly exitCode = EXIT.RESUME_LATER;
  constructor(
    readonly libraryKey: string,
    readonly holder: LockHolder,
    nowMs: number,
  ) {
    super(
      `another musicdl (pid ${holder.pid} on ${holder.hostname}, since ${new Date(holder.startedAtMs).toISOString()}, last seen ${describeAge(nowMs - holder.heartbeatAtMs)} ago) is already working on ${libraryKey}`,
      {
        hint: `Let it finish, or run with --wait to start as soon as it does. A run that stopped without finishing (killed, its container gone) frees the library ${STALE_AFTER_MS / 60_000} minutes after its last sign of life.`,
      },
    );
  }
}

export interface AcquireLockOptions {
  /** Poll until the holder is gone (finished, dead or silent) instead of failing with LibraryLockedError. */
  readonly wait: boolean;
  /** The pid recorded as holder; defaults to this process. */
  readonly pid?: number;
  /** Stops waiting (rejects with the signal's reason). */
  readonly signal?: AbortSignal;
  /** Poll interval while waiting; default 1000 ms. */
  readonly pollMs?: number;
  /** Heartbeat interval; default {@link HEARTBEAT_MS}. */
  readonly heartbeatMs?: number;
}

export interface LibraryLock {
  readonly libraryKey: string;
  /** Deletes our lock file (only ours: a lock taken over from us is left alone). Idempotent; never throws. */
  release(): void;
}

export interface LockLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Takes the lock of the library folder `libraryKey` (created when missing). */
export async function acquireLibraryLock(
  libraryKey: string,
  options: AcquireLockOptions,
  log: LockLog,
  clock: Clock = systemClock,
): Promise<LibraryLock> {
  const lockPath = join(libraryKey, LOCK_FILE_NAME);
  await mkdir(libraryKey, { recursive: true }).catch((error) => {
    throw unwritable(libraryKey, error);
  });
  const identity = processIdentity(options.pid ?? process.pid, hostname());
  const token = crypto.randomUUID();
  const startedAtMs = clock.now();
  const recordNow = (): LockRecord => ({ ...identity, token, startedAtMs, heartbeatAtMs: clock.now() });
  let announced = false;
  for (;;) {
    options.signal?.throwIfAborted();
    if (await createLockFile(lockPath, recordNow(), libraryKey)) break;
    const held = readLockRecord(lockPath);
    if (!held) continue; // released between our try and our read
    const reason = staleReason(held, identity, clock.now(), STALE_AFTER_MS);
    if (reason) {
      if (await removeIfUnchanged(lockPath, held.token)) log.warn(`Taking over the lock on ${libraryKey}: ${reason}.`);
      continue;
    }
    if (!options.wait) throw new LibraryLockedError(libraryKey, held, clock.now());
    if (!announced) log.info(`Waiting for musicdl pid ${held.pid} on ${held.hostname} to finish with ${libraryKey}…`);
    announced = true;
    await clock.sleep(options.pollMs ?? 1000, options.signal);
  }
  removeLeftovers(libraryKey);
  return holdLock(libraryKey, lockPath, recordNow, options.heartbeatMs ?? HEARTBEAT_MS, log);
}

/**
 * The lock's own scratch files (`.musicdl.lock.<id>.new|heartbeat|stale`) a run killed in the middle of writing one
 * left behind; only old ones, since a run waiting for this lock may be writing its `.new` file right now.
 */
function removeLeftovers(libraryKey: string): void {
  const pattern = /^\.musicdl\.lock\.[0-9a-f-]{36}\.(new|heartbeat|stale)$/;
  try {
    for (const name of readdirSync(libraryKey)) {
      if (!pattern.test(name)) continue;
      const file = join(libraryKey, name);
      if (Date.now() - statSync(file).mtimeMs > STALE_AFTER_MS) unlinkSync(file);
    }
  } catch {
    // Nothing to tidy, or not allowed to: the lock itself is what matters.
  }
}

/** The running side: a heartbeat timer (unref'd, so it never keeps the process alive) and the release. */
function holdLock(
  libraryKey: string,
  lockPath: string,
  recordNow: () => LockRecord,
  heartbeatMs: number,
  log: LockLog,
): LibraryLock {
  const token = recordNow().token;
  let released = false;
  const timer = setInterval(() => {
    if (readLockRecord(lockPath)?.token !== token) {
      clearInterval(timer);
      log.warn(`The lock on ${libraryKey} was taken over by another musicdl; two runs may now write this library.`);
      return;
    }
    // A new file renamed over the old one: a reader sees the old heartbeat or the new one, never half of either.
    try {
      const temp = `${lockPath}.${token}.heartbeat`;
      writeFileSync(temp, JSON.stringify(recordNow()));
      renameSync(temp, lockPath);
    } catch {
      // A full or read-only disk for a moment: the next beat tries again; two minutes of misses free the lock.
    }
  }, heartbeatMs);
  timer.unref();
  return {
    libraryKey,
    release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      try {
        if (readLockRecord(lockPath)?.token === token) unlinkSync(lockPath);
      } catch {
        // Gone already, or the folder went away: nothing of ours is left to free.
      }
    },
  };
}

/** Writes the whole record beside the lock, then links it into place: the lock exists complete or not at all. */
async function createLockFile(lockPath: string, record: LockRecord, libraryKey: string): Promise<boolean> {
  const temp = `${lockPath}.${record.token}.new`;
  try {
    await writeFile(temp, JSON.stringify(record), { flag: "wx" });
  } catch (error) {
    throw unwritable(libraryKey, error);
  }
  try {
    await link(temp, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    // Filesystems without hard links (some network and FUSE mounts): an exclusive create instead.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EOPNOTSUPP") throw error;
    try {
      await writeFile(lockPath, JSON.stringify(record), { flag: "wx" });
      return true;
    } catch (createError) {
      if ((createError as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw createError;
    }
  } finally {
    await unlink(temp).catch(() => {});
  }
}

/**
 * Removes a stale lock only if it is still the one judged stale: it is first moved aside (one atomic rename, so two
 * runs taking over at once cannot both succeed), then checked; a fresh lock moved by mistake is put back.
 */
async function removeIfUnchanged(lockPath: string, staleToken: string): Promise<boolean> {
  const aside = `${lockPath}.${crypto.randomUUID()}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return false; // someone else moved or released it first
  }
  const moved = readLockRecord(aside);
  if (moved && moved.token !== staleToken) await link(aside, lockPath).catch(() => {});
  await unlink(aside).catch(() => {});
  return !moved || moved.token === staleToken;
}

function unwritable(libraryKey: string, error: unknown): MusicdlError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  return new UsageError(
    `musicdl cannot write in the library folder ${libraryKey} (${code || String(error)}), so it cannot lock it.`,
    {
      hint: "Check that the folder (--output / output_dir) exists or can be created, and that this user may write in it.",
    },
  );
}

/**
 * Releases the lock when the process exits however it exits (process.exit, end of work, an uncaught error);
 * call the returned function to unregister after a normal release. SIGKILL leaves the file, which the next run takes
 * over once its heartbeat is stale (or at once, when its pid is dead on this host).
 */
export function releaseOnExit(lock: LibraryLock): () => void {
  const onExit = () => lock.release();
  process.on("exit", onExit);
  return () => process.off("exit", onExit);
}
