/** The M3U files musicdl wrote into one library, so that `--prune` can remove those of sources no longer listed. */
import type { Database } from "bun:sqlite";
import { isAbsolute } from "node:path";
import { fileFingerprint } from "./library-index.ts";

export interface PlaylistFileRow {
  /** The plan's M3U item id, `m3u:<kind>:<spotify id>`. */
  readonly itemId: string;
  /** Absolute. */
  readonly path: string;
  readonly sizeBytes: number;
  readonly mtimeMs: number;
  readonly writtenAtMs: number;
}

export interface PlaylistIndex {
  /** Records the file as it is on disk now (after the atomic rename, or found unchanged). */
  record(itemId: string, path: string, writtenAtMs: number): void;
  remove(itemId: string): void;
  all(): PlaylistFileRow[];
  /** True when the file is still exactly as musicdl left it (size and mtime), so deleting it loses nothing. */
  isUnchanged(row: PlaylistFileRow): boolean;
}

interface Row {
  item_id: string;
  path: string;
  size_bytes: number;
  mtime_ms: number;
  written_at_ms: number;
}

export function createPlaylistIndex(db: Database, libraryKey: string): PlaylistIndex {
  const selectAll = db.query(
    "SELECT item_id, path, size_bytes, mtime_ms, written_at_ms FROM library_playlists WHERE library_key = ?1 ORDER BY path",
  );
  const upsertOne = db.query(
    "INSERT OR REPLACE INTO library_playlists (library_key, item_id, path, size_bytes, mtime_ms, written_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  );
  const deleteOne = db.query("DELETE FROM library_playlists WHERE library_key = ?1 AND item_id = ?2");
  return {
    record(itemId, path, writtenAtMs) {
      if (!isAbsolute(path)) throw new TypeError(`playlist index paths must be absolute, got ${path}`);
      const { sizeBytes, mtimeMs } = fileFingerprint(path);
      upsertOne.run(libraryKey, itemId, path, sizeBytes, mtimeMs, writtenAtMs);
    },
    remove: (itemId) => void deleteOne.run(libraryKey, itemId),
    all: () =>
      (selectAll.all(libraryKey) as Row[]).map((row) => ({
        itemId: row.item_id,
        path: row.path,
        sizeBytes: row.size_bytes,
        mtimeMs: row.mtime_ms,
        writtenAtMs: row.written_at_ms,
      })),
    isUnchanged(row) {
      try {
        const actual = fileFingerprint(row.path);
        // Millisecond precision, as for audio files: some filesystems keep less than stat reports.
        return actual.sizeBytes === row.sizeBytes && Math.trunc(actual.mtimeMs) === Math.trunc(row.mtimeMs);
      } catch {
        return false;
      }
    },
  };
}
