/**
 * Migration 5: tracks were keyed by their Spotify id; they are keyed by `<source>:<id>` now (see trackKey), and a
 * stored TrackMeta carries `source`/`id`/`url`/`tags` instead of `spotifyId`/`spotifyUrl`. Every stored key and
 * track becomes its `spotify:` form, so an existing library re-runs without a download, search or Spotify request.
 */
import type { Database } from "bun:sqlite";

/** Every key a store can hold was a Spotify id: the only source there was. */
const LEGACY_SOURCE = "spotify";

const RENAME_AND_PREFIX = `
  ALTER TABLE library_files RENAME COLUMN spotify_id TO track_key;
  UPDATE library_files SET track_key = '${LEGACY_SOURCE}:' || track_key;
  ALTER TABLE library_lyrics RENAME COLUMN spotify_id TO track_key;
  UPDATE library_lyrics SET track_key = '${LEGACY_SOURCE}:' || track_key;
  ALTER TABLE pins RENAME COLUMN track_id TO track_key;
  UPDATE pins SET track_key = '${LEGACY_SOURCE}:' || track_key;
  ${["search_cache", "lyrics_cache"].map(prefixAfterTab).join("\n")}
`;

/** `provider<TAB><spotifyId>` → `provider<TAB>spotify:<spotifyId>`. */
function prefixAfterTab(table: string): string {
  return `UPDATE ${table} SET key = substr(key, 1, instr(key, char(9))) || '${LEGACY_SOURCE}:' ||
    substr(key, instr(key, char(9)) + 1) WHERE instr(key, char(9)) > 0;`;
}

export function migrateTrackKeys(db: Database): void {
  db.run(RENAME_AND_PREFIX);
  migratePlanItems(db);
  migrateJsonColumn(db, "spotify_cache", "key", "value");
}

/** Plan items: the id (`track:<spotifyId>`), the track, and an M3U item's entries (ids of track items). */
function migratePlanItems(db: Database): void {
  const rows = db.query("SELECT library_key, id, item FROM plan_items").all() as {
    library_key: string;
    id: string;
    item: string;
  }[];
  const update = db.query("UPDATE plan_items SET id = ?3, item = ?4 WHERE library_key = ?1 AND id = ?2");
  for (const row of rows) {
    const item = JSON.parse(row.item) as Record<string, unknown>;
    const id = trackItemIdOf(row.id);
    const migrated: Record<string, unknown> = { ...withTracksMigrated(item), id };
    if (Array.isArray(item.entries)) migrated.entries = item.entries.map((entry) => trackItemIdOf(String(entry)));
    update.run(row.library_key, row.id, id, JSON.stringify(migrated));
  }
}

function trackItemIdOf(itemId: string): string {
  return itemId.startsWith("track:") ? `track:${LEGACY_SOURCE}:${itemId.slice("track:".length)}` : itemId;
}

/** Rewrites the tracks inside every JSON value of a table (the Spotify cache holds tracks, albums, playlists). */
function migrateJsonColumn(db: Database, table: string, keyColumn: string, valueColumn: string): void {
  const rows = db
    .query(
      `SELECT ${keyColumn} AS key, ${valueColumn} AS value FROM ${table} WHERE ${valueColumn} LIKE '%"spotifyId"%'`,
    )
    .all() as { key: string; value: string }[];
  const update = db.query(`UPDATE ${table} SET ${valueColumn} = ?2 WHERE ${keyColumn} = ?1`);
  for (const row of rows) update.run(row.key, JSON.stringify(withTracksMigrated(JSON.parse(row.value))));
}

/** A copy with every legacy track inside (at any depth) in today's shape; other values untouched. */
export function withTracksMigrated<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withTracksMigrated) as T;
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (typeof record.spotifyId === "string" && typeof record.spotifyUrl === "string") {
    return legacyTrack(record) as T;
  }
  return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, withTracksMigrated(inner)])) as T;
}

/** Field order as the Spotify source builds a track today, so a re-saved plan item compares equal. */
function legacyTrack(record: Record<string, unknown>): Record<string, unknown> {
  const { spotifyId, spotifyUrl, ...rest } = record as { spotifyId: string; spotifyUrl: string };
  return {
    source: LEGACY_SOURCE,
    id: spotifyId,
    ...rest,
    url: spotifyUrl,
    tags: { SPOTIFY_ID: spotifyId, SPOTIFY_URL: spotifyUrl },
  };
}
