/** Which tracks of one library have their lyrics, how they were written, and the `.lrc` files musicdl wrote. */
import type { Database } from "bun:sqlite";
import { isAbsolute } from "node:path";
import { fileFingerprint } from "./library-index.ts";

/** One track's lyrics as musicdl left them. */
export interface LyricsRow {
  readonly trackKey: string;
  /** `lyrics` (written as `output` says) or `instrumental` (nothing to write). */
  readonly answer: "lyrics" | "instrumental";
  /** `download.lyrics_output` when they were written: `embed`, `lrc` or `both`. */
  readonly output: string;
  /** Absolute path of the `.lrc` file, with its size and mtime after the rename; absent when none was written. */
  readonly lrc?: { readonly path: string; readonly sizeBytes: number; readonly mtimeMs: number };
  readonly writtenAtMs: number;
}

export interface LyricsIndex {
  get(trackKey: string): LyricsRow | undefined;
  /** Records the track's lyrics; the `.lrc` file (when given) is fingerprinted as it is on disk now. */
  record(row: { trackKey: string; answer: LyricsRow["answer"]; output: string; lrcPath?: string }, nowMs: number): void;
  remove(trackKey: string): void;
  all(): LyricsRow[];
  /** True when the row's `.lrc` file is still exactly as musicdl left it, so deleting it loses nothing. */
  isLrcUnchanged(row: LyricsRow): boolean;
}

interface Row {
  track_key: string;
  answer: string;
  output: string;
  lrc_path: string | null;
  size_bytes: number | null;
  mtime_ms: number | null;
  written_at_ms: number;
}

const COLUMNS = "track_key, answer, output, lrc_path, size_bytes, mtime_ms, written_at_ms";

export function createLyricsIndex(db: Database, libraryKey: string): LyricsIndex {
  const selectOne = db.query(`SELECT ${COLUMNS} FROM library_lyrics WHERE library_key = ?1 AND track_key = ?2`);
  const selectAll = db.query(`SELECT ${COLUMNS} FROM library_lyrics WHERE library_key = ?1 ORDER BY track_key`);
  const upsertOne = db.query(
    `INSERT OR REPLACE INTO library_lyrics (library_key, ${COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
  );
  const deleteOne = db.query("DELETE FROM library_lyrics WHERE library_key = ?1 AND track_key = ?2");
  return {
    get(trackKey) {
      const row = selectOne.get(libraryKey, trackKey) as Row | null;
      return row ? fromRow(row) : undefined;
    },
    record(row, nowMs) {
      if (row.lrcPath !== undefined && !isAbsolute(row.lrcPath)) {
        throw new TypeError(`lyrics index paths must be absolute, got ${row.lrcPath}`);
      }
      const fingerprint = row.lrcPath === undefined ? undefined : fileFingerprint(row.lrcPath);
      upsertOne.run(
        libraryKey,
        row.trackKey,
        row.answer,
        row.output,
        row.lrcPath ?? null,
        fingerprint?.sizeBytes ?? null,
        fingerprint?.mtimeMs ?? null,
        nowMs,
      );
    },
    remove: (trackKey) => void deleteOne.run(libraryKey, trackKey),
    all: () => (selectAll.all(libraryKey) as Row[]).map(fromRow),
    isLrcUnchanged(row) {
      if (!row.lrc) return false;
      try {
        const actual = fileFingerprint(row.lrc.path);
        // Millisecond precision, as for audio files: some filesystems keep less than stat reports.
        return actual.sizeBytes === row.lrc.sizeBytes && Math.trunc(actual.mtimeMs) === Math.trunc(row.lrc.mtimeMs);
      } catch {
        return false;
      }
    },
  };
}

function fromRow(row: Row): LyricsRow {
  return {
    trackKey: row.track_key,
    answer: row.answer === "instrumental" ? "instrumental" : "lyrics",
    output: row.output,
    ...(row.lrc_path === null
      ? {}
      : { lrc: { path: row.lrc_path, sizeBytes: row.size_bytes ?? -1, mtimeMs: row.mtime_ms ?? -1 } }),
    writtenAtMs: row.written_at_ms,
  };
}
