/** Writes library files so a reader (or a killed run) sees the old file or the whole new one, never half of it. */
import { randomBytes } from "node:crypto";
import { copyFile, type FileHandle, lstat, mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { type Clock, systemClock } from "../util/clock.ts";
import { truncateUtf8, utf8Length } from "./_utf8.ts";

/**
 * Hidden, marked with `.musicdl-<12 hex>.tmp`, optionally followed by the real extension for ffmpeg's sake and by a
 * helper's own suffix: taggers write `<temp>.tagging` beside the temp they are given, and a run killed meanwhile
 * leaves that behind too (issue 15).
 */
const TEMP_NAME = /^\..*\.musicdl-[0-9a-f]{12}\.tmp(\.[A-Za-z0-9]{1,10}){0,2}$/su;

export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

export interface TempPathOptions {
  /**
   * End the name with the target's extension (`….tmp.mp3`), so a tool that picks the format from the name (ffmpeg)
   * writes the right one.
   */
  readonly keepExtension?: boolean;
}

/** Bytes a temp name leaves free for a helper's own suffix (`.tagging` is 8); a 300-character title hit the limit. */
const SUFFIX_ROOM_BYTES = 16;

/**
 * A fresh temp path in the target's own folder: `.<name>.musicdl-<random>.tmp`. Same folder means same filesystem,
 * so the final rename is atomic. The name part is shortened so the whole stays within 255 bytes, with room left for
 * a suffix: taggers write `<temp>.tagging` beside the file they are given.
 */
export function tempPathBeside(target: string, options: TempPathOptions = {}): string {
  const name = basename(target);
  const extension = options.keepExtension ? extname(name) : "";
  const marker = `.musicdl-${randomBytes(6).toString("hex")}.tmp${extension}`;
  const room = 255 - 1 - utf8Length(marker) - SUFFIX_ROOM_BYTES;
  return join(dirname(target), `.${truncateUtf8(name, room)}${marker}`);
}

export type AtomicData = string | Uint8Array | AsyncIterable<string | Uint8Array>;

export interface WriteFileAtomicOptions {
  /** Checked before the rename: an abort leaves the old file and no temp. */
  readonly signal?: AbortSignal;
  readonly mode?: number;
}

/**
 * Writes `data` to a temp file beside `target` (creating the folders), fsyncs it and renames it over `target`.
 * On any failure the temp file is removed and `target` is untouched.
 */
export async function writeFileAtomic(target: string, data: AtomicData, options: WriteFileAtomicOptions = {}) {
  options.signal?.throwIfAborted();
  await mkdir(dirname(target), { recursive: true });
  const temp = tempPathBeside(target);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, "wx", options.mode ?? 0o644);
    await handle.writeFile(data, { signal: options.signal });
    await handle.sync();
    await handle.close();
    handle = undefined;
    options.signal?.throwIfAborted();
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(target));
}

/**
 * Moves a finished file (written with {@link tempPathBeside}, or anywhere else) to `target` atomically. A file on
 * another filesystem (EXDEV) is first copied beside the target, then renamed, so `target` is never half-written.
 */
export async function moveIntoPlace(tempFile: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await syncFile(tempFile);
  try {
    await rename(tempFile, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    const beside = tempPathBeside(target);
    try {
      await copyFile(tempFile, beside);
      await syncFile(beside);
      await rename(beside, target);
    } catch (copyError) {
      await rm(beside, { force: true }).catch(() => {});
      throw copyError;
    }
    await rm(tempFile, { force: true });
  }
  await syncDirectory(dirname(target));
}

export interface CleanupStaleTempsOptions {
  /** Look in subfolders too (default true). Hidden folders (`.git`…) are never entered. */
  readonly recursive?: boolean;
  /** Only temps last modified this long ago; protects a run that is still writing in the same library. */
  readonly olderThanMs?: number;
  readonly clock?: Clock;
  /**
   * Subfolders holding a file of this name are not entered: another library nested inside this one, whose own run
   * (maybe live right now) owns the temps in it.
   */
  readonly skipFoldersHolding?: string;
}

/** Removes temp files a killed run left behind; touches nothing but names matching our temp pattern. */
export async function cleanupStaleTemps(dir: string, options: CleanupStaleTempsOptions = {}): Promise<string[]> {
  const cutoff = (options.clock ?? systemClock).now() - (options.olderThanMs ?? 0);
  const removed: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && options.recursive !== false && !entry.name.startsWith(".")) {
        const skip =
          options.skipFoldersHolding && (await lstat(join(path, options.skipFoldersHolding)).catch(() => null));
        if (!skip) await visit(path);
      }
      if (!entry.isFile() || !isTempName(entry.name)) continue;
      const stats = await lstat(path).catch(() => null);
      if (!stats || stats.mtimeMs > cutoff) continue;
      await rm(path, { force: true });
      removed.push(path);
    }
  };
  await visit(dir);
  return removed;
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable on Linux; Windows can't open folders, which is fine to skip there. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r").catch(() => null);
  await handle?.sync().catch(() => {});
  await handle?.close().catch(() => {});
}
