/** The store's schema as an ordered list of migrations; `PRAGMA user_version` says how many have run. */
import type { Database } from "bun:sqlite";
import { migrateTrackKeys } from "./migrate-track-keys.ts";

/** Marks a sqlite file as musicdl's ("mdl1"), so another app's database is never mistaken for ours. */
export const APPLICATION_ID = 0x6d646c31;

/** SQL, or a function for a step that rewrites stored JSON (run inside the migration's transaction). */
export type Migration = string | ((db: Database) => void);

/**
 * Migration 7 (after the track-identity one, 5, and the `matching` status, 6). The built-in Spotify source became a plugin: its response cache
 * becomes the plugins' keyed cache, each key under its plugin's name (name + TAB + key). The rows carry over, so the
 * first run after upgrading sends no request the previous one did not need.
 */
export const PLUGIN_CACHE_MIGRATION = `
  ALTER TABLE spotify_cache RENAME TO plugin_cache;
  DROP INDEX spotify_cache_expiry;
  DROP INDEX spotify_cache_access;
  UPDATE plugin_cache SET key = 'spotify' || char(9) || key;
  CREATE INDEX plugin_cache_expiry ON plugin_cache(expires_at_ms) WHERE expires_at_ms IS NOT NULL;
  CREATE INDEX plugin_cache_access ON plugin_cache(accessed_at_ms) WHERE expires_at_ms IS NOT NULL;
  UPDATE counters SET name = 'plugins.' || substr(name, 9) WHERE name LIKE 'spotify.%';
  `;

/**
 * Append only: migration N (1-based) moves a file from user_version N-1 to N. Never edit a shipped one; a file
 * written by a newer musicdl (user_version above `MIGRATIONS.length`) is moved aside, not guessed at.
 */
export const MIGRATIONS: readonly Migration[] = [
  `
  -- Tables holding KB-sized JSON keep their rowid: WITHOUT ROWID stores large rows badly (2x the file size here).
  -- Spotify responses. expires_at_ms NULL = never expires (track/album rows); only expiring rows count
  -- against cacheMaxSize, see spotify-cache.ts.
  CREATE TABLE spotify_cache (
    key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at_ms INTEGER, accessed_at_ms INTEGER NOT NULL
  );
  CREATE INDEX spotify_cache_expiry ON spotify_cache(expires_at_ms) WHERE expires_at_ms IS NOT NULL;
  CREATE INDEX spotify_cache_access ON spotify_cache(accessed_at_ms) WHERE expires_at_ms IS NOT NULL;

  -- Provider search results; key = provider + TAB + track key.
  CREATE TABLE search_cache (
    key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at_ms INTEGER, accessed_at_ms INTEGER NOT NULL
  );
  CREATE INDEX search_cache_expiry ON search_cache(expires_at_ms) WHERE expires_at_ms IS NOT NULL;
  CREATE INDEX search_cache_access ON search_cache(accessed_at_ms) WHERE expires_at_ms IS NOT NULL;

  -- Files musicdl wrote, per library (absolute output dir).
  CREATE TABLE library_files (
    library_key TEXT NOT NULL, spotify_id TEXT NOT NULL, isrc TEXT, path TEXT NOT NULL, format TEXT NOT NULL,
    size_bytes INTEGER NOT NULL, mtime_ms REAL NOT NULL, tag_hash TEXT NOT NULL, written_at_ms INTEGER NOT NULL,
    source_ids TEXT, PRIMARY KEY (library_key, spotify_id)
  ) WITHOUT ROWID;
  CREATE INDEX library_files_isrc ON library_files(library_key, isrc) WHERE isrc IS NOT NULL;

  -- Plan state: one row per saved plan, one per item (JSON), status copied out for queries.
  CREATE TABLE plans (library_key TEXT PRIMARY KEY, saved_at_ms INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE plan_items (
    library_key TEXT NOT NULL REFERENCES plans(library_key) ON DELETE CASCADE, id TEXT NOT NULL,
    position INTEGER NOT NULL, status TEXT NOT NULL, item TEXT NOT NULL, PRIMARY KEY (library_key, id)
  );
  CREATE INDEX plan_items_status ON plan_items(library_key, status);

  CREATE TABLE runs (
    id INTEGER PRIMARY KEY, library_key TEXT NOT NULL, started_at_ms INTEGER NOT NULL,
    ended_at_ms INTEGER NOT NULL, counts TEXT NOT NULL
  );
  CREATE INDEX runs_library ON runs(library_key, started_at_ms);

  CREATE TABLE locks (
    library_key TEXT PRIMARY KEY, pid INTEGER NOT NULL, hostname TEXT NOT NULL,
    started_at_ms INTEGER NOT NULL, token TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
  `,
  `
  -- M3U files musicdl wrote, per library and plan item (m3u:<kind>:<id>): once the source leaves the config,
  -- --prune may delete the file if it is unchanged since.
  CREATE TABLE library_playlists (
    library_key TEXT NOT NULL, item_id TEXT NOT NULL, path TEXT NOT NULL, size_bytes INTEGER NOT NULL,
    mtime_ms REAL NOT NULL, written_at_ms INTEGER NOT NULL, PRIMARY KEY (library_key, item_id)
  ) WITHOUT ROWID;
  `,
  `
  -- Pins from \`musicdl match --pin/--skip\`: Spotify track id → provider link, provider:id, or "skip". Not a
  -- cache: \`cache clear\` leaves it alone.
  CREATE TABLE pins (track_id TEXT PRIMARY KEY, target TEXT NOT NULL, pinned_at_ms INTEGER NOT NULL);
  `,
  `
  -- Lyrics providers' answers; key = provider + TAB + Spotify track id. Lyrics and "instrumental" never expire
  -- (expires_at_ms NULL); a miss expires after a day, so it is asked again.
  CREATE TABLE lyrics_cache (
    key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at_ms INTEGER, accessed_at_ms INTEGER NOT NULL
  );
  CREATE INDEX lyrics_cache_expiry ON lyrics_cache(expires_at_ms) WHERE expires_at_ms IS NOT NULL;
  CREATE INDEX lyrics_cache_access ON lyrics_cache(accessed_at_ms) WHERE expires_at_ms IS NOT NULL;

  -- Lyrics musicdl gave a library's tracks: what it found (lyrics or instrumental), how it wrote them (embed,
  -- lrc, both) and the .lrc file as it left it, which --prune removes with its track.
  CREATE TABLE library_lyrics (
    library_key TEXT NOT NULL, spotify_id TEXT NOT NULL, answer TEXT NOT NULL, output TEXT NOT NULL,
    lrc_path TEXT, size_bytes INTEGER, mtime_ms REAL, written_at_ms INTEGER NOT NULL,
    PRIMARY KEY (library_key, spotify_id)
  ) WITHOUT ROWID;
  `,
  // Tracks keyed by `<source>:<id>` instead of the Spotify id; every stored key and track carried over.
  migrateTrackKeys,
  `
  -- A track being searched for had the status "resolving"; it is "matching" now. A killed run's rows follow, so the
  -- next run restarts them like any other interrupted item.
  UPDATE plan_items SET status = 'matching', item = json_set(item, '$.status', 'matching') WHERE status = 'resolving';
  `,
  PLUGIN_CACHE_MIGRATION,
];

export type SchemaVerdict = "current" | "migrate" | "newer" | "foreign";

/** Whether a file with this header is ours to use or migrate. Pure, so the rules are table-tested. */
export function judgeSchema(header: { userVersion: number; applicationId: number; tableCount: number }): SchemaVerdict {
  const { userVersion, applicationId, tableCount } = header;
  if (userVersion === 0 && applicationId === 0) return tableCount === 0 ? "migrate" : "foreign";
  if (applicationId !== APPLICATION_ID) return "foreign";
  if (userVersion > MIGRATIONS.length) return "newer";
  return userVersion === MIGRATIONS.length ? "current" : "migrate";
}

/** Runs the missing migrations in one IMMEDIATE transaction, re-reading the version inside it (two processes). */
export function migrate(db: Database): void {
  db.transaction(() => {
    const userVersion = readUserVersion(db);
    for (let version = userVersion; version < MIGRATIONS.length; version++) {
      const step = MIGRATIONS[version]!;
      if (typeof step === "string") db.run(step);
      else step(db);
    }
    db.run(`PRAGMA application_id = ${APPLICATION_ID}`);
    db.run(`PRAGMA user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

export function readUserVersion(db: Database): number {
  return (db.query("PRAGMA user_version").get() as { user_version: number }).user_version;
}
