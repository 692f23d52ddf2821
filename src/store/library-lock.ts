/**
 * One musicdl run per library folder, whatever cache file each run uses: a `.musicdl.lock` file in the library,
 * created atomically, whose heartbeat the holder refreshes while it runs. A holder whose heartbeat stopped for
 * {@link STALE_AFTER_MS} (killed in a container, another host, another pid namespace) is taken over with a warning;
 * on the same host and pid namespace, a dead pid frees it at once.
 */
import { renameSync, unlinkSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { EXIT, MusicdlError, UsageError } from "../errors.ts";
import { type Clock, systemClock } from "../util/clock.ts";
import { createLockFile, removeIfUnchanged, removeLeftovers } from "./_lock-file.ts";
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
    if (await createLockFile(lockPath, recordNow()).catch(asUnwritable(libraryKey))) break;
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
  removeLeftovers(libraryKey, STALE_AFTER_MS);
  return holdLock(libraryKey, lockPath, recordNow, options.heartbeatMs ?? HEARTBEAT_MS, log);
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

/** A refusal to write in the library (permissions, read-only, full) as one clear error; anything else as it is. */
function asUnwritable(libraryKey: string) {
  return (error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw ["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT"].includes(code) ? unwritable(libraryKey, error) : error;
  };
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
