/** Reads row counts, file size and the persisted counters for `musicdl cache stats`. */
import type { Database } from "bun:sqlite";
import { statSync } from "node:fs";
import { readUserVersion } from "./migrations.ts";

export interface CacheTableStats {
  readonly rows: number;
  readonly hits: number;
  readonly misses: number;
  /** Rows dropped because their TTL ran out. */
  readonly expired: number;
  /** Rows dropped to stay under the max size (least recently used first). */
  readonly evictions: number;
  /** Values not stored because they looked like they held a secret. */
  readonly refused: number;
}

export interface StoreStats {
  readonly path: string;
  /** The database file plus its write-ahead log. */
  readonly fileBytes: number;
  readonly schemaVersion: number;
  /** The plugins' keyed caches (`ctx.cache`), all plugins together. */
  readonly plugins: CacheTableStats & { readonly neverExpiringRows: number };
  readonly search: CacheTableStats;
  readonly library: { readonly files: number; readonly m3uFiles: number; readonly libraries: number };
  readonly plans: { readonly libraries: number; readonly items: number };
  readonly runs: number;
}

export function readStats(db: Database, path: string, counters: Record<string, number>): StoreStats {
  const count = (sql: string) => (db.query(sql).get() as { n: number }).n;
  const table = (prefix: string, rows: number): CacheTableStats => ({
    rows,
    hits: counters[`${prefix}.hits`] ?? 0,
    misses: counters[`${prefix}.misses`] ?? 0,
    expired: counters[`${prefix}.expired`] ?? 0,
    evictions: counters[`${prefix}.evictions`] ?? 0,
    refused: counters[`${prefix}.refused`] ?? 0,
  });
  return {
    path,
    fileBytes: sizeOf(path) + sizeOf(`${path}-wal`),
    schemaVersion: readUserVersion(db),
    plugins: {
      ...table("plugins", count("SELECT count(*) AS n FROM plugin_cache")),
      neverExpiringRows: count("SELECT count(*) AS n FROM plugin_cache WHERE expires_at_ms IS NULL"),
    },
    search: table("search", count("SELECT count(*) AS n FROM search_cache")),
    library: {
      files: count("SELECT count(*) AS n FROM library_files"),
      m3uFiles: count("SELECT count(*) AS n FROM library_playlists"),
      libraries: count("SELECT count(DISTINCT library_key) AS n FROM library_files"),
    },
    plans: {
      libraries: count("SELECT count(*) AS n FROM plans"),
      items: count("SELECT count(*) AS n FROM plan_items"),
    },
    runs: count("SELECT count(*) AS n FROM runs"),
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
