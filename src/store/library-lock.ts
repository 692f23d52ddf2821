/** One musicdl process per library at a time: a `locks` row taken in an IMMEDIATE transaction, stale if its pid died. */
import type { Database } from "bun:sqlite";
import { hostname } from "node:os";
import { EXIT, MusicdlError } from "../errors.ts";
import type { Clock } from "../util/clock.ts";

export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAtMs: number;
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
  ) {
    super(
      `another musicdl (pid ${holder.pid} on ${holder.hostname}, since ${new Date(holder.startedAtMs).toISOString()}) is already working on ${libraryKey}`,
      { hint: "Let it finish, or run with --wait to start as soon as it does." },
    );
  }
}

export interface AcquireLockOptions {
  /** Poll until the holder is gone instead of failing with LibraryLockedError. */
  readonly wait: boolean;
  /** The pid recorded as holder; defaults to this process. */
  readonly pid?: number;
  /** Stops waiting (rejects with the signal's reason). */
  readonly signal?: AbortSignal;
  /** Poll interval while waiting; default 1000 ms. */
  readonly pollMs?: number;
}

export interface LibraryLock {
  readonly libraryKey: string;
  /** Deletes our row (only ours: a lock taken over from us is left alone). Idempotent; never throws. */
  release(): void;
}

export interface LockLog {
  info(message: string): void;
  warn(message: string): void;
}

export function createLockManager(db: Database, clock: Clock, log: LockLog) {
  const ownHostname = hostname();
  const selectHolder = db.query("SELECT pid, hostname, started_at_ms FROM locks WHERE library_key = ?1");
  const upsertHolder = db.query(
    "INSERT OR REPLACE INTO locks (library_key, pid, hostname, started_at_ms, token) VALUES (?1, ?2, ?3, ?4, ?5)",
  );
  const deleteOwn = db.query("DELETE FROM locks WHERE library_key = ?1 AND token = ?2");
  const held = new Set<LibraryLock>();

  // One IMMEDIATE transaction: two processes cannot both read "free" and both insert.
  const tryTake = db.transaction((libraryKey: string, pid: number, token: string): LockHolder | null => {
    const row = selectHolder.get(libraryKey) as { pid: number; hostname: string; started_at_ms: number } | null;
    if (row) {
      const holder = { pid: row.pid, hostname: row.hostname, startedAtMs: row.started_at_ms };
      if (!isStale(holder, ownHostname)) return holder;
      log.warn(`Taking over the lock on ${libraryKey}: pid ${holder.pid} that held it is no longer running.`);
    }
    upsertHolder.run(libraryKey, pid, ownHostname, clock.now(), token);
    return null;
  });

  async function acquire(libraryKey: string, options: AcquireLockOptions): Promise<LibraryLock> {
    const token = crypto.randomUUID();
    let announced = false;
    for (;;) {
      options.signal?.throwIfAborted();
      const holder = tryTake.immediate(libraryKey, options.pid ?? process.pid, token);
      if (!holder) break;
      if (!options.wait) throw new LibraryLockedError(libraryKey, holder);
      if (!announced) log.info(`Waiting for musicdl pid ${holder.pid} to finish with ${libraryKey}…`);
      announced = true;
      await clock.sleep(options.pollMs ?? 1000, options.signal);
    }
    const lock: LibraryLock = {
      libraryKey,
      release() {
        if (!held.delete(lock)) return;
        try {
          deleteOwn.run(libraryKey, token);
        } catch {
          // Closed database at exit: the row stays, and the next run finds our pid dead and takes over.
        }
      },
    };
    held.add(lock);
    return lock;
  }

  return {
    acquire,
    releaseAll() {
      for (const lock of [...held]) lock.release();
    },
  };
}

/** Only a holder on this host can be checked; a pid on another host (shared disk) is assumed alive. */
function isStale(holder: LockHolder, ownHostname: string): boolean {
  return holder.hostname === ownHostname && !isProcessAlive(holder.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Releases the lock when the process exits however it exits (process.exit, end of work, an uncaught error);
 * call the returned function to unregister after a normal release. SIGKILL leaves a stale row that the next run
 * takes over.
 */
export function releaseOnExit(lock: LibraryLock): () => void {
  const onExit = () => lock.release();
  process.on("exit", onExit);
  return () => process.off("exit", onExit);
}
