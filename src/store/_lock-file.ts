/** The library lock's file operations: created whole or not at all, removed only if unchanged, scratch tidied. */
import { readdirSync, statSync, unlinkSync } from "node:fs";
import { link, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type LockRecord, readLockRecord } from "./_lock-record.ts";

/** Writes the whole record beside the lock, then links it into place: the lock exists complete or not at all. */
export async function createLockFile(lockPath: string, record: LockRecord): Promise<boolean> {
  const temp = `${lockPath}.${record.token}.new`;
  await writeFile(temp, JSON.stringify(record), { flag: "wx" });
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
export async function removeIfUnchanged(lockPath: string, staleToken: string): Promise<boolean> {
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

/**
 * The lock's own scratch files (`.musicdl.lock.<id>.new|heartbeat|stale`) a run killed in the middle of writing one
 * left behind; only old ones, since a run waiting for this lock may be writing its `.new` file right now.
 */
export function removeLeftovers(libraryKey: string, olderThanMs: number): void {
  const pattern = /^\.musicdl\.lock\.[0-9a-f-]{36}\.(new|heartbeat|stale)$/;
  try {
    for (const name of readdirSync(libraryKey)) {
      if (!pattern.test(name)) continue;
      const file = join(libraryKey, name);
      if (Date.now() - statSync(file).mtimeMs > olderThanMs) unlinkSync(file);
    }
  } catch {
    // Nothing to tidy, or not allowed to: the lock itself is what matters.
  }
}
