/**
 * The store's file could not be written (a full disk, a failing one): one error that names the file and says what
 * to do, in place of sqlite's bare "database or disk is full" reported as a bug.
 */
import { dirname } from "node:path";
import { MusicdlError, describeCause } from "../errors.ts";

/** sqlite's codes for "the write did not reach the disk"; a busy or damaged file is handled elsewhere. */
const WRITE_FAILURE_CODES = ["SQLITE_FULL", "SQLITE_IOERR"];

export function isStoreWriteFailure(error: unknown): boolean {
  if (error instanceof StoreWriteError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && WRITE_FAILURE_CODES.some((prefix) => code.startsWith(prefix))) return true;
  return /database or disk is full|disk I\/O error/i.test(error.message);
}

export class StoreWriteError extends MusicdlError {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const full = /full/i.test(describeCause(cause)) || (cause as { code?: unknown })?.code === "SQLITE_FULL";
    const why = full ? "the disk is full" : `the disk failed the write (${describeCause(cause)})`;
    super(`cannot save progress to the cache file ${file}: ${why}. The run stopped; what was saved before is kept.`, {
      hint: `Free some space on the disk that holds ${dirname(file)} (or point download.cache_path at another disk), then run the same command again to resume.`,
      cause,
    });
  }
}

/** `error` as a StoreWriteError naming `file` when it is a failed write, else unchanged. */
export function asStoreWriteError(error: unknown, file: string): unknown {
  if (error instanceof StoreWriteError || !isStoreWriteFailure(error)) return error;
  return new StoreWriteError(file, error);
}
