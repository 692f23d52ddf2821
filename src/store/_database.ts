/** Opens the sqlite file: pragmas, integrity and schema checks, and moving a bad file aside instead of crashing. */
import { Database } from "bun:sqlite";
import { existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { MusicdlError, UsageError, describeCause } from "../errors.ts";
import type { Clock } from "../util/clock.ts";
import { MIGRATIONS, judgeSchema, migrate } from "./migrations.ts";

export interface WarnLog {
  warn(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
}

/** How long a write waits for another process's transaction before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** sqlite's answers that mean "this file is damaged or not a database", as opposed to busy/permission errors. */
const DAMAGED_CODES = new Set(["SQLITE_NOTADB", "SQLITE_CORRUPT", "SQLITE_CORRUPT_INDEX", "SQLITE_CORRUPT_VTAB"]);

/** Opens (creating, migrating or replacing) the store file; an unusable location is a MusicdlError, not a crash. */
export function openDatabase(path: string, clock: Clock, log: WarnLog): Database {
  try {
    return openOrReplace(path, clock, log);
  } catch (error) {
    if (error instanceof MusicdlError) throw error;
    // Exit 2, like a bad config: nothing was fetched yet, and the run cannot start until the location is fixed.
    throw new UsageError(`cannot open the cache file ${path}: ${describeCause(error)}`, {
      hint: "Check that its folder is writable, or point cache_path (or --cache-path) at another file.",
      cause: error,
    });
  }
}

function openOrReplace(path: string, clock: Clock, log: WarnLog): Database {
  mkdirSync(dirname(path), { recursive: true });
  const inodeBefore = inodeOf(path);
  const { db, problem } = tryOpen(path);
  if (!problem) return db!;
  db?.close();
  // Another process may have already replaced the bad file; never move its fresh one aside.
  if (inodeOf(path) === inodeBefore) {
    const movedTo = moveAside(path, clock.now());
    log.warn(
      `The cache file ${path} ${problem}; moved it to ${movedTo} and started a fresh one (cached Spotify and search results will be fetched again, and the library index starts empty).`,
    );
  }
  const retry = tryOpen(path);
  if (retry.problem) throw new UsageError(`cannot build a fresh store at ${path}: it ${retry.problem}`);
  return retry.db!;
}

function tryOpen(path: string): { db?: Database; problem?: string } {
  let db: Database | undefined;
  try {
    db = new Database(path, { create: true, strict: true });
    // busy_timeout first: every later statement may meet another process's lock.
    db.run(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    enableWal(db);
    db.run("PRAGMA synchronous = NORMAL"); // WAL + NORMAL: durable across app crashes, fast commits
    db.run("PRAGMA foreign_keys = ON");
    const check = db.query("PRAGMA quick_check(1)").get() as { quick_check: string } | null;
    if (check?.quick_check !== "ok") return { db, problem: "failed sqlite's integrity check" };
    const header = readHeader(db);
    switch (judgeSchema(header)) {
      case "foreign":
        return { db, problem: "is not musicdl's (another application's database)" };
      case "newer":
        return {
          db,
          problem: `was written by a newer musicdl (schema ${header.userVersion}; this one knows ${MIGRATIONS.length})`,
        };
      case "migrate":
        migrate(db);
    }
    return { db };
  } catch (error) {
    if (isDamaged(error)) return { db, problem: "is damaged or not a database" };
    db?.close();
    throw error;
  }
}

/**
 * Switching a new file to WAL needs it to itself for a moment, and sqlite can answer "database is locked" at once
 * instead of waiting out the busy timeout; two musicdl processes opening a fresh store together then retry here.
 */
function enableWal(db: Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.run("PRAGMA journal_mode = WAL");
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      Bun.sleepSync(10 + Math.random() * 40);
    }
  }
}

/**
 * One statement, so one snapshot: read one by one, a process migrating the file at the same moment could show
 * "no version, no id" and then its new tables, which looks like another application's database.
 */
function readHeader(db: Database): { userVersion: number; applicationId: number; tableCount: number } {
  return db
    .query(
      `SELECT (SELECT user_version FROM pragma_user_version) AS userVersion,
              (SELECT application_id FROM pragma_application_id) AS applicationId,
              (SELECT count(*) FROM sqlite_master WHERE type = 'table') AS tableCount`,
    )
    .get() as { userVersion: number; applicationId: number; tableCount: number };
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && ((error as { code?: string }).code ?? "").startsWith("SQLITE_BUSY");
}

function isDamaged(error: unknown): boolean {
  return error instanceof Error && DAMAGED_CODES.has((error as { code?: string }).code ?? "");
}

/** Renames the file and its -wal/-shm companions to `<name>.broken-<timestamp>…`; returns the new main path. */
function moveAside(path: string, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, "-");
  const target = `${path}.broken-${stamp}`;
  for (const suffix of ["", "-wal", "-shm"]) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

function inodeOf(path: string): number | undefined {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
}
