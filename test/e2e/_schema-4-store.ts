/**
 * A store as musicdl wrote it before tracks had a source (schema 4, the last release): written with migrations 1–4
 * and filled with what a run of today's musicdl recorded, in the old shapes (Spotify ids as keys, tracks with
 * `spotifyId`/`spotifyUrl`, the Spotify cache in its own table), so a test can check that the upgrade carries a real library's state over.
 */
import type { Database } from "bun:sqlite";
import { createStoreAtSchema } from "../helpers/old-schema-store.ts";

/** Writes `path` at schema 4 from the rows of `current` (a store of today's schema), converted to the old shapes. */
export function writeSchema4Store(current: Database, path: string): void {
  const old = createStoreAtSchema(path, 4);
  try {
    old.transaction(() => copyAll(current, old)).immediate();
  } finally {
    old.close();
  }
}

function copyAll(current: Database, old: Database): void {
  // Today's plugins' keyed cache holds the Spotify source's rows under `spotify<TAB>`; schema 4 had its own table.
  copy(
    current,
    old,
    "plugin_cache",
    (row) => ({
      ...row,
      key: row.key.slice("spotify\t".length),
      value: JSON.stringify(legacy(JSON.parse(row.value))),
    }),
    "spotify_cache",
  );
  for (const table of ["search_cache", "lyrics_cache"])
    copy(current, old, table, (row) => ({ ...row, key: row.key.replace("\tspotify:", "\t") }));
  copy(current, old, "library_files", ({ track_key, ...row }) => ({ ...row, spotify_id: spotifyIdOf(track_key) }));
  copy(current, old, "library_lyrics", ({ track_key, ...row }) => ({ ...row, spotify_id: spotifyIdOf(track_key) }));
  copy(current, old, "plans", (row) => row);
  copy(current, old, "plan_items", (row) => {
    const item = legacy(JSON.parse(row.item));
    const entries = Array.isArray(item.entries) ? { entries: item.entries.map(legacyItemId) } : {};
    return {
      ...row,
      id: legacyItemId(row.id),
      item: JSON.stringify({ ...item, id: legacyItemId(row.id), ...entries }),
    };
  });
  for (const table of ["library_playlists", "runs", "counters"]) copy(current, old, table, (row) => row);
}

// biome-ignore lint/suspicious/noExplicitAny: rows are whatever the table holds.
type Row = Record<string, any>;

function copy(from: Database, to: Database, table: string, convert: (row: Row) => Row, into = table): void {
  for (const row of from.query(`SELECT * FROM ${table}`).all() as Row[]) {
    const converted = convert(row);
    const columns = Object.keys(converted);
    to.query(`INSERT INTO ${into} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`).run(
      ...columns.map((column) => converted[column]),
    );
  }
}

function spotifyIdOf(trackKey: string): string {
  if (!trackKey.startsWith("spotify:")) throw new Error(`not a Spotify track key: ${trackKey}`);
  return trackKey.slice("spotify:".length);
}

function legacyItemId(id: string): string {
  return id.startsWith("track:spotify:") ? `track:${id.slice("track:spotify:".length)}` : id;
}

/** Every Spotify track inside, at any depth, as the old TrackMeta: `spotifyId` first, `spotifyUrl` last. */
function legacy(value: Row): Row {
  if (Array.isArray(value)) return value.map(legacy);
  if (value === null || typeof value !== "object") return value;
  if (value.source === "spotify" && typeof value.id === "string" && value.tags) {
    const { source: _source, id, url, tags: _tags, ...rest } = value;
    return { spotifyId: id, ...rest, spotifyUrl: url };
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, legacy(inner as Row)]));
}
