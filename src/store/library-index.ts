/** The library index: which files musicdl wrote into one library, and a one-stat check that they are intact. */
import type { Database } from "bun:sqlite";
import { statSync } from "node:fs";
import { isAbsolute } from "node:path";
import type { AudioFormat } from "../plugins/api.ts";

/**
 * One file musicdl wrote. Being in the index is what "written by musicdl" means: `--prune` may delete only these.
 * `sizeBytes`/`mtimeMs` are the file's after the final rename (see {@link fileFingerprint}).
 */
export interface LibraryRow {
  readonly trackKey: string;
  readonly isrc?: string;
  /** Absolute. */
  readonly path: string;
  readonly format: AudioFormat;
  readonly sizeBytes: number;
  readonly mtimeMs: number;
  /** Hash of the TagSet written, so a metadata-only change can be detected without reading the file. */
  readonly tagHash: string;
  readonly writtenAtMs: number;
  /** Where the audio came from, e.g. `youtube-music:dQw4w9WgXcQ`. */
  readonly sourceIds?: readonly string[];
}

export interface PresenceCheck {
  readonly present: boolean;
  /** Why not present: not indexed, missing, or changed since musicdl wrote it. */
  readonly reason?: string;
  readonly path?: string;
  /** The format musicdl wrote it in; given when present. */
  readonly format?: AudioFormat;
}

export interface LibraryIndex {
  get(trackKey: string): LibraryRow | undefined;
  findByIsrc(isrc: string): LibraryRow[];
  upsert(row: LibraryRow): void;
  remove(trackKey: string): boolean;
  all(): LibraryRow[];
  /** Answers from the index, then one `stat`: the file must exist with the recorded size and mtime. */
  isPresentAndComplete(trackKey: string): PresenceCheck;
}

/** Size and mtime of a file as the index records them; call it after the atomic rename. */
export function fileFingerprint(path: string): { sizeBytes: number; mtimeMs: number } {
  const stats = statSync(path);
  return { sizeBytes: stats.size, mtimeMs: stats.mtimeMs };
}

interface Row {
  track_key: string;
  isrc: string | null;
  path: string;
  format: string;
  size_bytes: number;
  mtime_ms: number;
  tag_hash: string;
  written_at_ms: number;
  source_ids: string | null;
}

const COLUMNS = "track_key, isrc, path, format, size_bytes, mtime_ms, tag_hash, written_at_ms, source_ids";

/** The index of one library; `libraryKey` is its absolute output dir, so two libraries sharing a cache file never
 * see (or prune) each other's files. */
export function createLibraryIndex(db: Database, libraryKey: string): LibraryIndex {
  const selectOne = db.query(`SELECT ${COLUMNS} FROM library_files WHERE library_key = ?1 AND track_key = ?2`);
  const selectByIsrc = db.query(`SELECT ${COLUMNS} FROM library_files WHERE library_key = ?1 AND isrc = ?2`);
  const selectAll = db.query(`SELECT ${COLUMNS} FROM library_files WHERE library_key = ?1 ORDER BY path`);
  const deleteOne = db.query("DELETE FROM library_files WHERE library_key = ?1 AND track_key = ?2");
  const upsertOne = db.query(
    `INSERT OR REPLACE INTO library_files (library_key, ${COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`,
  );
  const get = (trackKey: string) => {
    const row = selectOne.get(libraryKey, trackKey) as Row | null;
    return row ? fromRow(row) : undefined;
  };
  return {
    get,
    findByIsrc: (isrc) => (selectByIsrc.all(libraryKey, isrc) as Row[]).map(fromRow),
    all: () => (selectAll.all(libraryKey) as Row[]).map(fromRow),
    remove: (trackKey) => deleteOne.run(libraryKey, trackKey).changes > 0,
    upsert(row) {
      if (!isAbsolute(row.path)) throw new TypeError(`library index paths must be absolute, got ${row.path}`);
      upsertOne.run(
        libraryKey,
        row.trackKey,
        row.isrc ?? null,
        row.path,
        row.format,
        row.sizeBytes,
        row.mtimeMs,
        row.tagHash,
        row.writtenAtMs,
        row.sourceIds ? JSON.stringify(row.sourceIds) : null,
      );
    },
    isPresentAndComplete(trackKey) {
      const row = get(trackKey);
      if (!row) return { present: false, reason: "not in the library index" };
      let actual: { sizeBytes: number; mtimeMs: number };
      try {
        actual = fileFingerprint(row.path);
      } catch {
        return { present: false, reason: "file is missing", path: row.path };
      }
      if (actual.sizeBytes !== row.sizeBytes) {
        return {
          present: false,
          reason: `file changed since musicdl wrote it (size ${actual.sizeBytes}, expected ${row.sizeBytes})`,
          path: row.path,
        };
      }
      // Compared at millisecond precision: some filesystems and copies keep less than the nanoseconds stat reports.
      if (Math.trunc(actual.mtimeMs) !== Math.trunc(row.mtimeMs)) {
        return {
          present: false,
          reason: "file changed since musicdl wrote it (modified time differs)",
          path: row.path,
        };
      }
      return { present: true, path: row.path, format: row.format };
    },
  };
}

function fromRow(row: Row): LibraryRow {
  return {
    trackKey: row.track_key,
    ...(row.isrc === null ? {} : { isrc: row.isrc }),
    path: row.path,
    format: row.format as AudioFormat,
    sizeBytes: row.size_bytes,
    mtimeMs: row.mtime_ms,
    tagHash: row.tag_hash,
    writtenAtMs: row.written_at_ms,
    ...(row.source_ids === null ? {} : { sourceIds: JSON.parse(row.source_ids) as string[] }),
  };
}
